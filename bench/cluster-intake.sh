#!/usr/bin/env bash
# Cluster intake (issue 10): a real 2-silo cluster on PostgreSQL (deploy/local-cluster.sh start 2, in a state folder of
# its own), the bench against the cluster's API with --postgres (row writes per case by table, the raw upsert ceiling of
# the same database) at --rate 500 and then at --concurrency 64, each after a 30 s warm-up; then the cluster is stopped,
# also when a run fails or on Ctrl+C. Each run appends to bench/results/runs.jsonl and rebuilds bench/RESULTS.md.
#
#   bench/cluster-intake.sh ["note recorded with every result"]
#
# Settings (environment variables, defaults):
#   CLUSTER_INTAKE_STATE      state folder for local-cluster.sh: publish, logs, pids, the private PostgreSQL
#                             (/tmp/aftersales-cluster-intake; under /tmp so the postgres user can write it)
#   CLUSTER_INTAKE_DURATION   measured phase of each run (20s)
#   CLUSTER_INTAKE_KEEP       1 keeps the private PostgreSQL's data after the run (by default each run starts empty)
#   AFTERSALES_API_HOSTING    client: one API process, a client of the two silos; silo: the API co-hosted in each
#                             silo, the bench's requests spread over both (client)
#   AFTERSALES_PG_PORT        PostgreSQL port (55432: a private server started in the state folder, so no other
#                             database on the box shares its CPU or its statistics; point it at a running server to
#                             use that one instead, which is then left running)
#   AFTERSALES_API_PORT AFTERSALES_SILO_PORT AFTERSALES_GATEWAY_PORT and the other settings of deploy/local-cluster.sh
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
note="${1:-}"
duration="${CLUSTER_INTAKE_DURATION:-20s}"
export AFTERSALES_LOCAL_STATE="${CLUSTER_INTAKE_STATE:-/tmp/aftersales-cluster-intake}"
export AFTERSALES_PG_PORT="${AFTERSALES_PG_PORT:-55432}"
export AFTERSALES_PG_DATABASE="${AFTERSALES_PG_DATABASE:-aftersales}"
pg_host="${AFTERSALES_PG_HOST:-127.0.0.1}"
postgres="Host=$pg_host;Port=$AFTERSALES_PG_PORT;Database=$AFTERSALES_PG_DATABASE;Username=${AFTERSALES_PG_USER:-postgres};Password=${AFTERSALES_PG_PASSWORD:-postgres}"
api_port="${AFTERSALES_API_PORT:-8080}"
url="http://127.0.0.1:$api_port"
[ "${AFTERSALES_API_HOSTING:-client}" = silo ] && url="$url,http://127.0.0.1:$((api_port + 1))"
# The whole load is one caller: the per-caller rate limits (docs/SECURITY.md) are lifted for this cluster's API.
export AfterSales__Auth__RateLimits__PerUser=1000000000 AfterSales__Auth__RateLimits__PerAnonymousAddress=1000000000
cluster="$repo/deploy/local-cluster.sh"

stopped=0
stop_cluster() {
  [ "$stopped" = 1 ] && return
  stopped=1
  echo "== stopping the cluster" >&2
  "$cluster" stop || echo "cluster-intake: stopping the cluster failed; see $AFTERSALES_LOCAL_STATE" >&2
  # Only the private server's folder (local-cluster.sh made it; a server we did not start has none there).
  if [ "${CLUSTER_INTAKE_KEEP:-0}" != 1 ] && [ ! -f "$AFTERSALES_LOCAL_STATE/postgres.started" ]; then
    rm -rf "$AFTERSALES_LOCAL_STATE/postgres"
  fi
}
trap stop_cluster EXIT
trap 'echo "cluster-intake: interrupted" >&2; exit 130' INT TERM

dotnet build -c Release "$repo/bench/AfterSales.Bench" >/dev/null || { echo "cluster-intake: the bench does not build" >&2; exit 1; }
echo "== starting a 2-silo cluster (state in $AFTERSALES_LOCAL_STATE)" >&2
"$cluster" start 2 || { echo "cluster-intake: the cluster did not start" >&2; exit 1; }

export AFTERSALES_TOKEN="$(cat "$AFTERSALES_LOCAL_STATE/admin-token")"
bench=(dotnet run -c Release --no-build --project "$repo/bench/AfterSales.Bench" --
  --mode http --url "$url" --postgres "$postgres" --scenario intake --warmup 30s --duration "$duration")
failed=()
run() {
  echo "== $*" >&2
  "${bench[@]}" "$@" ${note:+--note "$note"} || failed+=("$*")
}
# p99 at 500/s offered, then throughput and writes against the upsert ceiling at 64 in flight.
run --rate 500
run --concurrency 64

if [ "${#failed[@]}" -gt 0 ]; then
  printf 'cluster-intake: failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
