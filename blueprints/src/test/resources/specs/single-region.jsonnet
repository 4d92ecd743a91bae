local m = import 'meridian.libsonnet';

m.singleRegion.new('assist', zone='example.com', record='assist.example.com')
+ m.withPrimary(m.region('london', 'eu-west-2'))
+ m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama-3.1-8b/') + m.gpu.withInstanceType('g5.xlarge'))
+ m.withFallback('bedrock', 'eu-west-2', 'anthropic.claude-3-5-sonnet-20240620-v1:0')
