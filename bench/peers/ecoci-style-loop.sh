#!/usr/bin/env bash
# Our own equivalent of Eco CI's CPU-utilisation loop (eco-ci-energy-estimation,
# scripts/cpu-utilization-linux.sh): each second it reads the "cpu" line of /proc/stat with sed,
# timestamps with date before and after sleeping, computes the busy percentage and the interval
# with awk, and appends a line. Same external tools per tick as the original, minus `logger`.
# Usage: ecoci-style-loop.sh <interval-seconds> <out-file>
interval="${1:-1}"
out="${2:-/dev/null}"
prev_total=0
prev_idle=0
while true; do
  fields=($(sed -n 's/^cpu\s//p' /proc/stat))
  idle=${fields[3]}
  before=$(date +%s%N)
  total=0
  for v in "${fields[@]:0:8}"; do total=$((total + v)); done
  sleep "$interval"
  after=$(date +%s%N)
  d_total=$((total - prev_total))
  d_idle=$((idle - prev_idle))
  busy=$(echo "$d_total $d_idle" | awk '{ printf "%.2f", ($1 > 0 ? 100 * ($1 - $2) / $1 : 0) }')
  secs=$(echo "$after $before" | awk '{ printf "%.9f", ($1 - $2) / 1e9 }')
  echo "$secs $busy" >> "$out"
  prev_total=$total
  prev_idle=$idle
done
