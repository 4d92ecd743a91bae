{
  local o = { a: o.a + 1 },
  x: o.a,
}
