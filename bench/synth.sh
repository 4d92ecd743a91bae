#!/usr/bin/env bash
# Synth of every example: all in ONE ./meridian process (one jsii runtime) against one process per
# example, for each engine choice; wall time and peak RSS from /usr/bin/time. Builds once first.
# Usage: bench/synth.sh [cdk|terraform|all ...]   (default: cdk all)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then engines=("$@"); else engines=(cdk all); fi
specs=(examples/*.json examples/*.jsonnet)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./meridian --version >/dev/null   # build the CLI (and its class-data archive) outside the timings

measure() { # label command...
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall rss < "$work/time"
  echo "$wall $rss"
}

printf '%-10s %-28s %10s %14s\n' engine run "wall s" "peak RSS MB"
for engine in "${engines[@]}"; do
  read -r wall rss < <(measure ./meridian synth "${specs[@]}" --engine "$engine" --out "$work/one")
  printf '%-10s %-28s %10s %14s\n' "$engine" "1 process, ${#specs[@]} specs" "$wall" "$((rss / 1024))"
  total=0; peak=0
  for spec in "${specs[@]}"; do
    read -r wall rss < <(measure ./meridian synth "$spec" --engine "$engine" --out "$work/each")
    total=$(echo "$total + $wall" | bc); [ "$rss" -gt "$peak" ] && peak=$rss
  done
  printf '%-10s %-28s %10s %14s\n' "$engine" "${#specs[@]} processes, summed" "$total" "$((peak / 1024))"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
