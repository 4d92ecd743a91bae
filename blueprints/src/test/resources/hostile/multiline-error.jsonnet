{
  name: error 'first line\nsecond line\nthird line',
}
