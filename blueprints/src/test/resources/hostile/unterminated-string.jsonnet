{
  name: 'chat
}
