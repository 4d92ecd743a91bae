#!/usr/bin/env bash
# Start-up benchmark of the short commands through the ./meridian launcher (JVM start included):
# plan of a JSON and of a Jsonnet example (text, json, what-if), validate of every example, and the
# Jsonnet plan once more without the launcher's class-data archive and once untuned (no archive,
# picocli's Groovy probe on), for comparison. Builds once (./meridian builds when stale and records
# its archive), then times RUNS runs of each: wall and CPU (user + sys) median, min and max, and
# peak RSS. Load is printed too: on a shared machine, read CPU time next to wall.
# Usage: bench/plan.sh [RUNS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

./meridian --version >/dev/null
jdk_archive="$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2}')/lib/server/classes.jsa"
load() { cut -d' ' -f1-3 /proc/loadavg; }

# bench LABEL ARGS…: RUNS timed runs of ./meridian ARGS…, one line of the table.
bench() {
  local label=$1; shift
  : > "$WORK/runs"
  for _ in $(seq "$RUNS"); do
    ./meridian --version >/dev/null  # untimed: absorbs a rebuild when someone changed a source meanwhile
    /usr/bin/time -o "$WORK/one" -f '%e %U %S %M' ./meridian "$@" >/dev/null 2>"$WORK/err" \
      || { echo "failed: ./meridian $*" >&2; cat "$WORK/err" >&2; exit 1; }
    cat "$WORK/one" >> "$WORK/runs"
  done
  awk -v label="$label" '
    { wall[NR] = $1; cpu[NR] = $2 + $3; if ($4 > rss) rss = $4 }
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
      return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
    }
    END {
      n = NR; wmed = median(wall, n); wmin = wall[1]; wmax = wall[n]
      cmed = median(cpu, n); cmin = cpu[1]; cmax = cpu[n]
      printf "| %-38s | %5.2f | %4.2f–%4.2f | %5.2f | %4.2f–%4.2f | %4d |\n", label, wmed, wmin, wmax, cmed, cmin, cmax, rss / 1024
    }' "$WORK/runs"
}

echo "meridian $(./meridian --version | cut -d' ' -f2) · $(nproc) cores · $RUNS runs each · load before: $(load)"
echo
echo "| command                                | wall s median | wall min–max | cpu s median | cpu min–max | peak RSS MB |"
echo "|---|---|---|---|---|---|"
bench "plan examples/active-passive-uk-eu.json" plan examples/active-passive-uk-eu.json
bench "plan examples/active-passive-uk.jsonnet" plan examples/active-passive-uk.jsonnet
bench "plan ...uk-eu.json --format json" plan examples/active-passive-uk-eu.json --format json
bench "plan ...uk-eu.json --fail london" plan examples/active-passive-uk-eu.json --fail london
specs=(examples/*.json examples/*.jsonnet)
bench "validate examples/* (${#specs[@]} specs)" validate "${specs[@]}"
MERIDIAN_JAVA_OPTS="-XX:SharedArchiveFile=$jdk_archive" \
  bench "plan ...uk.jsonnet, JDK archive only" plan examples/active-passive-uk.jsonnet
MERIDIAN_JAVA_OPTS="-XX:SharedArchiveFile=$jdk_archive -Dpicocli.disable.closures=false" \
  bench "plan ...uk.jsonnet, untuned" plan examples/active-passive-uk.jsonnet
echo
echo "load after: $(load)"
