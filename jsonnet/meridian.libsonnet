// meridian.libsonnet — build Meridian deployment specs (meridian/v1) from small pieces.
//
// A spec is one object: start from a pattern constructor and add mixins with `+`.
//
//   local m = import 'meridian.libsonnet';
//   m.activePassive.new('chat', zone='example.com', record='api.example.com')
//   + m.withPrimary(m.region('uk', 'eu-west-2'))
//   + m.withStandby(m.dedicated('uk-colo', 'UK', ['203.0.113.10'], gpu='4x RTX 4090'))
//   + m.withGpu(m.gpu.new('meta-llama/Llama-3.1-8B-Instruct', 'models/llama-3.1-8b/'))
//
// Everything here is hidden (`::`), so the output is exactly the spec, which `meridian plan`
// and `jsonnet` print as plain JSON. Field names are SPEC.md's; defaults are applied by
// Meridian, not here, so what you do not set stays out of the spec.
{
  local spec(pattern, name, zone, record) = {
    apiVersion: 'meridian/v1',
    name: name,
    pattern: pattern,
    dns: { zone: zone, record: record },
    regions: [],
  },
  local constructor(pattern) = {
    // new(name, zone, record): an empty deployment of this pattern, routed at `record`.
    new(name, zone, record):: spec(pattern, name, zone, record),
  },

  // Pattern constructors.
  activeActive:: constructor('active-active'),
  activePassive:: constructor('active-passive'),
  regionalSharding:: constructor('regional-sharding'),
  hubAndSpoke:: constructor('hub-and-spoke'),
  singleRegion:: constructor('single-region'),

  // Sites. `region` is an AWS region Meridian provisions; `dedicated` a server it only routes to.
  region(name, awsRegion):: { name: name, awsRegion: awsRegion },
  dedicated(name, jurisdiction, endpoints, gpu=null):: {
    name: name,
    dedicated: { jurisdiction: jurisdiction, endpoints: endpoints }
               + (if gpu == null then {} else { gpu: gpu }),
  },
  // Per-site GPU override, e.g. m.region('eu', 'eu-central-1') + m.withCapacity(2, 8).
  withCapacity(min, max):: { gpu+: { min: min, max: max } },

  // Adding sites with their role.
  local withRegion(site, role) = { regions+: [site { role: role }] },
  withActive(site):: withRegion(site, 'active'),
  withPrimary(site):: withRegion(site, 'primary'),
  withStandby(site):: withRegion(site, 'standby'),
  withHub(site):: withRegion(site, 'hub'),
  withSpoke(site):: withRegion(site, 'spoke'),
  // Regional sharding: the site serves these ISO-3166 country or continent codes.
  withShard(site, serves):: withRegion(site { serves: serves }, 'active'),
  // Regional sharding: the region answering users no `serves` lists (else they get no answer).
  withDefaultRegion(name):: { dns+: { defaultRegion: name } },

  // Country lists for `serves`. Listing countries (not the continent) keeps a failed shard's
  // users from falling back to another jurisdiction through the continent record.
  countries:: {
    EU: ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
         'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'],
    UK: ['GB'],
    CH: ['CH'],
    US: ['US'],
    CA: ['CA'],
  },

  // DNS and health check.
  withTtl(seconds):: { dns+: { ttl: seconds } },
  // The Route 53 hosted zone id of `zone`: certificates are then DNS-validated automatically.
  withHostedZoneId(id):: { dns+: { hostedZoneId: id } },
  withHealthCheck(path='/health', protocol='HTTPS', port=443, intervalSeconds=10, failureThreshold=3):: {
    dns+: { healthCheck: { path: path, protocol: protocol, port: port,
                           intervalSeconds: intervalSeconds, failureThreshold: failureThreshold } },
  },

  // The GPU fleet every AWS site runs.
  gpu:: {
    // new(model, artifact): serve `model` whose weights live under `artifact` in the artifact bucket.
    new(model, artifact):: { model: { name: model, artifact: artifact } },
    withInstanceType(instanceType):: { instanceType: instanceType },
    withCapacity(min, max):: { min: min, max: max },
    withServer(image, port=8000, server='vllm'):: { server: server, image: image, port: port },
  },
  withGpu(gpu):: { gpu+: gpu },

  // Qdrant, one cluster per AWS site.
  qdrant:: {
    new(version='1.12.4', nodes=3, replicationFactor=2, shards=6, content='user'):: {
      engine: 'qdrant', version: version, nodes: nodes, replicationFactor: replicationFactor,
      shards: shards, content: content,
    },
    withNodeType(instanceType, volumeGiB=100):: { instanceType: instanceType, volumeGiB: volumeGiB },
  },
  withVectorStore(store):: { vectorStore: store },

  // Residency, logs, versions, operations.
  withResidency(mode):: { residency+: { mode: mode } },
  withAllowedTransfer(from, to):: { residency+: { allowedTransfers+: [{ from: from, to: to }] } },
  withLogRetention(days):: { logging: { retentionDays: days } },
  withArtifacts(modelVersion, promptVersion, configVersion):: {
    artifacts: { modelVersion: modelVersion, promptVersion: promptVersion, configVersion: configVersion },
  },
  withEval(image, schedule='rate(1 day)'):: { eval: { schedule: schedule, image: image } },
  withDrills(schedule, durationMinutes=15):: { drills: { schedule: schedule, durationMinutes: durationMinutes } },
  withFallback(provider, region, model):: { fallback: { provider: provider, region: region, model: model } },
  withAccount(account):: { account: account },
}
