{
  apiVersion:: 'meridian/v1',
  name:: 'chat',
}
