local me = import 'import-itself.jsonnet';
{ name: me.name }
