local m = import 'meridian.libsonnet';
local sibling = import 'sibling.libsonnet';

m.singleRegion.new(sibling.name, zone='example.com', record='api.example.com')
+ m.withPrimary(m.region('london', 'eu-west-2'))
+ m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama-3.1-8b/'))
+ m.withFallback('bedrock', 'eu-west-2', 'anthropic.claude-3-5-sonnet')
