#!/usr/bin/env bash
# Benchmark of meridian review: verify and diff on synth outputs of ~10,000 resources, and the AWS
# CDK's own template diff (@aws-cdk/cloudformation-diff) on the same pair of cloud assemblies.
# Usage: bench/review.sh [SITES]   (default 420 sites ≈ 10,000 resources over both engines)
set -euo pipefail
cd "$(dirname "$0")/.."
SITES=${1:-420}
TARGET=${MERIDIAN_TARGET:-target-bench}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mvn -B -o -q -Dmeridian.target="$TARGET" -pl review test-compile
JACKSON=$(find ~/.m2/repository/com/fasterxml/jackson/core -name 'jackson-*-2.20*.jar' ! -name '*sources*' | sort | tr '\n' ':')
JACKSON_ANN=$(find ~/.m2/repository/com/fasterxml/jackson/core/jackson-annotations -name '*.jar' ! -name '*sources*' | sort | tail -1)
CP="review/$TARGET/classes:review/$TARGET/test-classes:$JACKSON$JACKSON_ANN"

java -cp "$CP" dev.meridian.review.BenchMain generate "$WORK/base" "$SITES" base
java -cp "$CP" dev.meridian.review.BenchMain generate "$WORK/head" "$SITES" head
echo "output: $(du -sh "$WORK/base" | cut -f1) per side, $SITES sites"

measure() {
  local label=$1; shift
  /usr/bin/time -v "$@" 2> "$WORK/time.txt"
  echo "$label: wall $(grep 'Elapsed (wall' "$WORK/time.txt" | awk '{print $NF}'), peak RSS $(grep 'Maximum resident' "$WORK/time.txt" | awk '{print $NF}') KB"
}
measure "verify" java -cp "$CP" dev.meridian.review.BenchMain verify "$WORK/head"
measure "diff  " java -cp "$CP" dev.meridian.review.BenchMain diff "$WORK/base" "$WORK/head" "$WORK/diff.md"

CFD=${CFD_DIR:-$HOME/.cache/meridian-bench/cfd}
if [ ! -d "$CFD/node_modules/@aws-cdk/cloudformation-diff" ]; then
  mkdir -p "$CFD" && npm install --silent --no-audit --no-fund --prefix "$CFD" @aws-cdk/cloudformation-diff@2
fi
measure "cloudformation-diff" env NODE_PATH="$CFD/node_modules" node bench/review-cfn-diff.js "$WORK/base/cdk" "$WORK/head/cdk"
