{
  name: std.join('', std.makeArray(1000000, function(i) 'xxxxxxxx')),
}
