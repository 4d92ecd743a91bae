{
  name: std.extVar('DEPLOYMENT'),
}
