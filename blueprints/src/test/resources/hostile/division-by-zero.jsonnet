{
  dns: { ttl: 1 / 0 },
}
