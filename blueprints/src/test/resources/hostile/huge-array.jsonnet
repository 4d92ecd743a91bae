{
  regions: std.makeArray(1000000, function(i) i),
}
