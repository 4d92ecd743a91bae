// Regional sharding: UK users in London, EU users in Frankfurt, US users in Virginia.
// Shards list countries, not continents, and there is no default record: a failed shard's
// users then get no answer rather than being sent across a border (see docs/patterns.md).
local m = import 'meridian.libsonnet';

m.regionalSharding.new('chat-shards', zone='example.com', record='api.example.com')
+ m.withShard(m.region('uk', 'eu-west-2'), m.countries.UK)
+ m.withShard(m.region('eu', 'eu-central-1') + m.withCapacity(2, 8), m.countries.EU)
+ m.withShard(m.region('us', 'us-east-1'), m.countries.US)
+ m.withGpu(
  m.gpu.new('mistralai/Mistral-7B-Instruct-v0.3', 'models/mistral-7b/')
  + m.gpu.withInstanceType('g6.xlarge')
)
+ m.withVectorStore(m.qdrant.new(nodes=3))
+ m.withArtifacts('2025-06-01', 'v12', 'c7')
