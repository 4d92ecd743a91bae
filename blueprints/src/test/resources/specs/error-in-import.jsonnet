local broken = import 'broken.libsonnet';

{
  regions: [broken.region('uk')],
}
