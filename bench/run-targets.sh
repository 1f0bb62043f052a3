#!/usr/bin/env bash
# Runs the benchmark set behind the targets of bench/RESULTS.md, one run after the other: each run appends one line to
# bench/results/runs.jsonl and rebuilds the status table at the top of bench/RESULTS.md.
# Usage: bench/run-targets.sh ["note recorded with every result"]
# About 15-20 minutes on a 2-core box; every run is bounded (duration, queue target, drain timeout) and loads loopback
# only. A run that fails is reported at the end; the others still run.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
note="${1:-}"
dotnet build -c Release bench/AfterSales.Bench >/dev/null || exit 1
bench=(dotnet run -c Release --no-build --project bench/AfterSales.Bench --)
failed=()
run() {
  echo "== $*" >&2
  "${bench[@]}" "$@" ${note:+--note "$note"} || failed+=("$*")
}

# Intake, embedded durable over HTTP: p99 at 500/s offered, then throughput at 64 in flight. The API starts fresh, so
# a 30 s warm-up lets tiered compilation settle first (bench/README.md, "Warm-up").
run --mode http --scenario intake --rate 500 --warmup 30s --duration 20s
run --mode http --scenario intake --concurrency 64 --warmup 30s --duration 20s
# Grain-state writes per created case, by grain type: memory storage, then durable SQLite (the one the status shows).
run --mode inproc --storage memory --scenario intake --duration 10s
run --mode inproc --scenario intake --idempotency-keys --duration 10s
# Assignment decisions, nothing released (technicians end up holding hundreds of cases); fairness in-process.
run --mode inproc --scenario routing --storage memory --decisions-only --concurrency 256 --duration 20s
# Fairness over HTTP on a sample that carries a verdict: 10 technicians per department-region (see RESULTS.md).
run --mode http --scenario routing --technicians 160 --concurrency 64 --duration 20s
run --mode http --scenario get --concurrency 64 --duration 20s
# Peak season: intake against queue length up to 50,000 queued, then pulls by technicians holding hundreds.
run --mode http --scenario peak --duration 90s --drain-timeout 90s
# A state change on a case with 10,000 events and 200 notes against new cases.
run --mode http --scenario heavy-case --duration 20s
# Readings through the batch endpoint: 1,000-row batches, 10 rows for each of 100 devices, 10,000 devices.
run --mode http --scenario readings --concurrency 64 --duration 30s
# The maintenance scheduler: tick cost with 10k, 100k and 1M devices' plans held; at 1M the devices are registered
# with their plans (fleet import) for the memory target; emission delay in each
# (the 1M run holds its fleet for a few minutes before its measured phase).
run --mode inproc --scenario maintenance --devices 10000 --duration 30s
run --mode inproc --scenario maintenance --devices 100000 --duration 30s
run --mode inproc --scenario maintenance --devices 1000000 --register-devices --duration 30s
# No target: the whole life of a case, for context.
run --mode http --scenario lifecycle --concurrency 64 --duration 10s

if ((${#failed[@]} > 0)); then
  printf 'failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
