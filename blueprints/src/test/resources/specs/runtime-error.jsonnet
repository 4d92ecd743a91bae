local m = import 'meridian.libsonnet';
{
  apiVersion: 'meridian/v1',
  name: error 'name is not set yet',
}
