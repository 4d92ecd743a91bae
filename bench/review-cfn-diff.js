// The AWS CDK's own template diff on the same pair of cloud assemblies the review benchmark diffs:
// node review-cfn-diff.js BASE/cdk HEAD/cdk — prints stacks, changed resources and elapsed ms.
const fs = require('fs');
const path = require('path');
const { fullDiff, formatDifferences } = require('@aws-cdk/cloudformation-diff');

const [baseDir, headDir] = process.argv.slice(2);
const started = process.hrtime.bigint();
const manifest = JSON.parse(fs.readFileSync(path.join(headDir, 'manifest.json'), 'utf8'));
let stacks = 0;
let changed = 0;
let chars = 0;
const sink = { write: (s) => { chars += s.length; return true; } };
for (const [name, artifact] of Object.entries(manifest.artifacts)) {
  if (artifact.type !== 'aws:cloudformation:stack') continue;
  const file = artifact.properties.templateFile;
  const before = JSON.parse(fs.readFileSync(path.join(baseDir, file), 'utf8'));
  const after = JSON.parse(fs.readFileSync(path.join(headDir, file), 'utf8'));
  const diff = fullDiff(before, after);
  stacks++;
  changed += diff.resources.differenceCount;
  formatDifferences(sink, diff);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(`cloudformation-diff: ${stacks} stacks, ${changed} resource differences, ${chars} chars of output, ${ms.toFixed(0)} ms`);
