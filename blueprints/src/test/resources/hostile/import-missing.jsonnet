local lib = import 'no-such-library.libsonnet';
lib.spec
