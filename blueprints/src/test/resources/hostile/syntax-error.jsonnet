{
  name: 'chat',
  regions: [1, 2
}
