// Active-passive with UK residency: the London region serves, a UK colo server stands by.
// The UK has one AWS region (eu-west-2), so a UK-resident standby is a dedicated server:
// users' traffic and logs never leave the UK, and no transfer needs allowing.
local m = import 'meridian.libsonnet';

m.activePassive.new('chat-uk', zone='example.com', record='api.example.com')
+ m.withPrimary(m.region('london', 'eu-west-2') + m.withCapacity(2, 6))
+ m.withStandby(m.dedicated('uk-colo', 'UK', ['203.0.113.10', '203.0.113.11'], gpu='4x RTX 4090'))
+ m.withGpu(
  m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama-3.1-8b/')
  + m.gpu.withInstanceType('g6.xlarge')
  + m.gpu.withServer('vllm/vllm-openai:v0.6.3')
)
+ m.withVectorStore(m.qdrant.new(nodes=3, replicationFactor=2, shards=6))
+ m.withLogRetention(30)
+ m.withArtifacts('2025-06-01', 'v12', 'c7')
+ m.withEval('ghcr.io/acme/evals:1.4.0')
+ m.withDrills('cron(0 10 ? * TUE *)', durationMinutes=15)
