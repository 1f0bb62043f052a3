#!/usr/bin/env bash
# Runs the benchmark set behind the issues' targets, one after the other, appending each result to
# bench/RESULTS.md. Usage: bench/run-targets.sh ["note recorded with every result"]
# About 6 minutes; each run is bounded (20 s measured) and loads loopback only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
note="${1:-}"
dotnet build -c Release bench/AfterSales.Bench >/dev/null
bench=(dotnet run -c Release --no-build --project bench/AfterSales.Bench --)
run() { "${bench[@]}" "$@" ${note:+--note "$note"}; }

run --mode http --scenario intake --rate 250 --duration 20s
run --mode http --scenario intake --concurrency 64 --duration 20s
run --mode inproc --scenario routing --storage memory --decisions-only --concurrency 256 --duration 20s
run --mode http --scenario routing --concurrency 64 --duration 20s
run --mode http --scenario lifecycle --concurrency 64 --duration 20s
run --mode http --scenario get --concurrency 64 --duration 20s
