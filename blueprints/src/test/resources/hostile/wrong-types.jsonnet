{
  apiVersion: 1,
  name: ['chat'],
  regions: { london: 'eu-west-2' },
  gpu: [],
}
