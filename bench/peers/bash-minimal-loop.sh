#!/usr/bin/env bash
# The cheapest possible bash sampler: the "cpu" line of /proc/stat with the `read` builtin, integer
# arithmetic, one append, and `sleep` (the only process it starts per tick). A lower bound for any
# shell-loop sampler. Usage: bash-minimal-loop.sh <interval-seconds> <out-file>
interval="${1:-1}"
out="${2:-/dev/null}"
while true; do
  read -r _ user nice system idle iowait irq softirq _ < /proc/stat
  echo "$((user + nice + system + irq + softirq)) $((idle + iowait))" >> "$out"
  sleep "$interval"
done
