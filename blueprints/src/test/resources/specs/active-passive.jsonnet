// UK residency: London serves, a UK colo server stands by.
local m = import 'meridian.libsonnet';

m.activePassive.new('chat-uk', zone='example.com', record='api.example.com')
+ m.withPrimary(m.region('london', 'eu-west-2') + m.withCapacity(2, 6))
+ m.withStandby(m.dedicated('uk-colo', 'UK', ['203.0.113.10', '203.0.113.11'], gpu='4x RTX 4090'))
+ m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama-3.1-8b/'))
+ m.withDrills('cron(0 10 ? * TUE *)')
