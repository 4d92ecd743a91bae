local m = import 'meridian.libsonnet';

m.activePassive.new('chat', zone='example.com', record='api.example.com')
+ m.withPrimary(m.region('london', 'eu-west-9'))
+ m.withStandby(m.region('frankfurt', 'eu-central-1'))
+ m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama-3.1-8b/'))
