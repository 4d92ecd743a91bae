{
  dns: { ttl: 1e308 * 10 },
}
