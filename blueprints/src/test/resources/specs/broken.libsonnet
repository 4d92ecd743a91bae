{
  region(name):: std.extVar('missing-' + name),
}
