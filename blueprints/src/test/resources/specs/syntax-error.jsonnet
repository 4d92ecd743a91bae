{
  apiVersion: 'meridian/v1',
  regions: [1, 2
}
