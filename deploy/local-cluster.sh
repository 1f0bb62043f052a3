#!/usr/bin/env bash
# A real cluster on this machine: PostgreSQL, N silos (Cluster mode) and one API (Client mode), each a separate
# process on its own loopback ports with its own log, all under one state folder. With AFTERSALES_API_HOSTING=silo the
# API is co-hosted instead: each silo is the API program in Cluster mode, serving HTTP on its own port, and no separate
# API process runs.
#
#   deploy/local-cluster.sh start [N]   publish (or reuse the publish), start PostgreSQL if none answers, create the
#                                       database, start the silos and the API that are not running yet, wait until
#                                       the API is ready and N silos are active, print where everything is
#   deploy/local-cluster.sh status      each process, and the cluster's rows of the membership table
#   deploy/local-cluster.sh stop        stop what start started (its pid files only): API, silos, then PostgreSQL
#                                       if start had to start one
#
# start is idempotent: what runs is left alone, what is missing is started (so `start 3` after `start 2` adds a
# silo, and `start` after a silo was killed starts that silo again). Settings (environment variables, defaults):
#   AFTERSALES_LOCAL_STATE   state folder: pid files, logs, the publish, a private PostgreSQL   (<repo>/.local-cluster)
#   AFTERSALES_PUBLISH_DIR   use this publish (silo/ and api/ inside) as it is, never publish    (publish into the state)
#   AFTERSALES_PG_HOST AFTERSALES_PG_PORT AFTERSALES_PG_USER AFTERSALES_PG_PASSWORD AFTERSALES_PG_DATABASE
#                            the PostgreSQL server and database       (127.0.0.1 5432 postgres postgres aftersales)
#   AFTERSALES_CLUSTER_ID AFTERSALES_SERVICE_ID                       (aftersales aftersales)
#   AFTERSALES_SILO_PORT AFTERSALES_GATEWAY_PORT   first silo's ports; silo i adds i-1          (11111 30000)
#   AFTERSALES_API_PORT                            the API's HTTP port; co-hosted, silo i adds i-1 (8080)
#   AFTERSALES_API_HOSTING                         client: one API process, a client of the silos;
#                                                  silo: the API co-hosted in every silo          (client)
#   AFTERSALES_START_TIMEOUT AFTERSALES_STOP_TIMEOUT   seconds to wait for readiness / a graceful stop (120 30)
#
# Sign-in: a cluster has no development tokens. start makes a signing key for this state folder (auth-signing-key,
# given to the API as AfterSales:Auth:SigningKeys:0) and writes an admin token signed with it to admin-token, valid
# for 7 days and made afresh by every start:  curl -H "Authorization: Bearer $(cat <state>/admin-token)" ...
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${AFTERSALES_LOCAL_STATE:-$repo/.local-cluster}"
pg_host="${AFTERSALES_PG_HOST:-127.0.0.1}"
pg_port="${AFTERSALES_PG_PORT:-5432}"
pg_user="${AFTERSALES_PG_USER:-postgres}"
pg_password="${AFTERSALES_PG_PASSWORD:-postgres}"
pg_database="${AFTERSALES_PG_DATABASE:-aftersales}"
cluster_id="${AFTERSALES_CLUSTER_ID:-aftersales}"
service_id="${AFTERSALES_SERVICE_ID:-aftersales}"
silo_port="${AFTERSALES_SILO_PORT:-11111}"
gateway_port="${AFTERSALES_GATEWAY_PORT:-30000}"
api_port="${AFTERSALES_API_PORT:-8080}"
api_hosting="${AFTERSALES_API_HOSTING:-client}"
start_timeout="${AFTERSALES_START_TIMEOUT:-120}"
stop_timeout="${AFTERSALES_STOP_TIMEOUT:-30}"

publish="${AFTERSALES_PUBLISH_DIR:-$state/publish}"
silo_dll="$publish/silo/AfterSales.Silo.dll"
api_dll="$publish/api/AfterSales.Api.dll"
pg_data="$state/postgres/data"
connection="Host=$pg_host;Port=$pg_port;Database=$pg_database;Username=$pg_user;Password=$pg_password;Maximum Pool Size=20"

say() { printf '%s\n' "$*"; }
fail() { printf 'local-cluster: %s\n' "$*" >&2; exit 1; }

case "$api_hosting" in client|silo) ;; *) fail "AFTERSALES_API_HOSTING must be client or silo (found '$api_hosting')." ;; esac
[[ "$pg_database" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || fail "AFTERSALES_PG_DATABASE must be a plain identifier (letters, digits, _)."
for number in "$silo_port" "$gateway_port" "$api_port" "$pg_port" "$start_timeout" "$stop_timeout"; do
    [[ "$number" =~ ^[0-9]+$ ]] || fail "ports and timeouts must be numbers (found '$number')."
done

# --- processes: a pid file per process; a pid counts only while its command line still runs our dll ---------------
pid_file() { echo "$state/$1.pid"; }
log_file() { echo "$state/$1.log"; }
dll_of() { if [ "$1" = api ] || [ "$api_hosting" = silo ]; then echo "$api_dll"; else echo "$silo_dll"; fi; }

alive() { [ -r "/proc/$1/cmdline" ] && [ -n "$(tr -d '\0' <"/proc/$1/cmdline" 2>/dev/null)" ]; }   # a zombie is not

running_pid() {   # prints the pid of process $1 if it runs; the pid file of a gone process is removed
    local file pid
    file="$(pid_file "$1")"
    [ -f "$file" ] || return 1
    pid="$(cat "$file")"
    # A silo runs either program (started by an earlier start in the other hosting); the API only its own.
    if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" \
            | if [ "$1" = api ]; then grep -qF "$api_dll"; else grep -qF -e "$silo_dll" -e "$api_dll"; fi; then
        echo "$pid"
        return 0
    fi
    rm -f "$file"
    return 1
}

known_processes() {   # api first (it stops first), then the silos by number
    local file name
    [ -f "$(pid_file api)" ] && echo api
    for file in "$state"/silo-*.pid; do
        [ -e "$file" ] || continue
        name="$(basename "$file" .pid)"
        echo "$name"
    done | sort -t- -k2 -n
}

launch() {   # name dll env...: started in the state folder (not beside the binaries); the pid is the program's own
    local name="$1" dll="$2"
    shift 2
    (cd "$state" && exec env "$@" nohup dotnet "$dll" >>"$(log_file "$name")" 2>&1 </dev/null) &
    echo $! >"$(pid_file "$name")"
}

# --- PostgreSQL ---------------------------------------------------------------------------------------------------
pg_answers() { (exec 3<>"/dev/tcp/$pg_host/$pg_port") 2>/dev/null; }
psql_db() { PGPASSWORD="$pg_password" psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U "$pg_user" "$@"; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

ensure_postgres() {
    if pg_answers; then
        return
    fi
    case "$pg_host" in 127.0.0.1|localhost) ;; *) fail "nothing answers on $pg_host:$pg_port; start that PostgreSQL server first." ;; esac
    if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
        [ "$(id -u)" = 0 ] || fail "PostgreSQL is not installed: as root, apt-get install -y postgresql."
        say "installing PostgreSQL (apt-get)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    if [ ! -f "$pg_data/PG_VERSION" ]; then
        say "creating a private PostgreSQL in $pg_data"
        mkdir -p "$state/postgres"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$state/postgres"
        as_postgres test -w "$state/postgres" \
            || fail "the postgres user cannot write $state/postgres: put AFTERSALES_LOCAL_STATE in a folder it can reach (e.g. under /tmp)."
        as_postgres "$bin/initdb" -D "$pg_data" -U "$pg_user" --auth=trust -E UTF8 >"$state/postgres/initdb.log"
    fi
    say "starting the private PostgreSQL on $pg_host:$pg_port (trust authentication, loopback only)"
    as_postgres "$bin/pg_ctl" -D "$pg_data" -l "$state/postgres/server.log" \
        -o "-h 127.0.0.1 -p $pg_port -k $state/postgres -c max_connections=200" -w start >/dev/null
    echo "$bin" >"$state/postgres.started"
}

ensure_database() {
    if [ -z "$(psql_db -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$pg_database'")" ]; then
        psql_db -d postgres -c "CREATE DATABASE \"$pg_database\"" >/dev/null
        say "created database $pg_database"
    fi
}

membership_rows() {   # the cluster's silos, newest generation first; status 3 = Active (Orleans SiloStatus)
    local error
    if ! error="$(psql_db -d "$pg_database" -c "SELECT address, port AS silo_port, proxy_port AS gateway_port, silo_name,
            CASE status WHEN 1 THEN 'Created' WHEN 2 THEN 'Joining' WHEN 3 THEN 'Active' WHEN 4 THEN 'ShuttingDown'
                        WHEN 5 THEN 'Stopping' WHEN 6 THEN 'Dead' ELSE status::text END AS status,
            start_time, i_am_alive_time
        FROM membership WHERE deployment_id = '$cluster_id' ORDER BY status, port, generation DESC" 2>&1)"; then
        case "$error" in
            *'relation "membership" does not exist'*) say "(no membership table yet: the first silo creates it)" ;;
            *) say "membership query failed: $error" ;;
        esac
        return
    fi
    say "$error"
}

active_silos() {   # how many of silos 1..N are Active in the membership table, each with a row of its current start
    local i values=""
    for i in $(seq 1 "$1"); do
        values+="${values:+,}($((silo_port + i - 1)), $(cat "$state/silo-$i.started" 2>/dev/null || echo 0))"
    done
    # A row written before the silo's launch is an earlier process on that port (e.g. killed, not yet declared dead).
    psql_db -d "$pg_database" -tAc "SELECT count(*) FROM (VALUES $values) AS silo(port, launched) WHERE EXISTS (
        SELECT 1 FROM membership m WHERE m.deployment_id = '$cluster_id' AND m.status = 3 AND m.port = silo.port
            AND m.start_time >= to_timestamp(silo.launched - 5))" 2>/dev/null || echo 0
}

# --- publish ------------------------------------------------------------------------------------------------------
ensure_publish() {
    if [ -n "${AFTERSALES_PUBLISH_DIR:-}" ]; then
        [ -f "$silo_dll" ] && [ -f "$api_dll" ] || fail "AFTERSALES_PUBLISH_DIR=$publish has no silo/AfterSales.Silo.dll and api/AfterSales.Api.dll."
        return
    fi
    local stamp="$publish/.published"
    if [ -f "$stamp" ] && [ -z "$(find "$repo/src" "$repo/Directory.Packages.props" "$repo/Directory.Build.props" \
            -newer "$stamp" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
        return
    fi
    say "publishing the silo and the API into $publish (dotnet publish -c Release)"
    rm -rf "$publish"
    mkdir -p "$publish"
    dotnet publish "$repo/src/Silo" -c Release -o "$publish/silo" >"$state/publish.log" 2>&1 \
        && dotnet publish "$repo/src/Api" -c Release -o "$publish/api" >>"$state/publish.log" 2>&1 \
        || { tail -n 20 "$state/publish.log" >&2; fail "dotnet publish failed (log: $state/publish.log)."; }
    touch "$stamp"
}

# --- commands -----------------------------------------------------------------------------------------------------
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

ensure_credentials() {   # the state folder's signing key (made once) and a fresh 7-day admin token signed with it
    command -v openssl >/dev/null || fail "openssl is not on PATH (apt-get install -y openssl)."
    local key_file="$state/auth-signing-key" now header payload signature
    if [ ! -s "$key_file" ]; then
        (umask 077; openssl rand -base64 32 >"$key_file")
    fi
    signing_key="$(cat "$key_file")"
    now="$(date +%s)"
    header="$(printf '%s' '{"alg":"HS256","typ":"JWT"}' | b64url)"
    payload="$(printf '{"iss":"aftersales","aud":"aftersales-api","sub":"local-admin","role":"admin","iat":%s,"nbf":%s,"exp":%s}' \
        "$now" "$now" "$((now + 7 * 86400))" | b64url)"
    signature="$(printf '%s' "$header.$payload" \
        | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(printf '%s' "$signing_key" | openssl base64 -d -A | od -An -tx1 | tr -d ' \n')" -binary | b64url)"
    (umask 077; printf '%s' "$header.$payload.$signature" >"$state/admin-token")
}

print_where() {
    local name pid
    say ""
    if [ "$api_hosting" = silo ]; then
        say "API        co-hosted: silo i serves http://127.0.0.1:$api_port + i - 1   (/scalar, /openapi/v1.json, /health/ready)"
    else
        say "API        http://127.0.0.1:$api_port   (/scalar, /openapi/v1.json, /health/ready, /health/live)"
    fi
    for name in $(known_processes); do
        pid="$(running_pid "$name" || echo -)"
        case "$name" in
            api) say "  api      pid $pid  log $(log_file api)" ;;
            *) local i="${name#silo-}"
               local http=""
               [ "$api_hosting" = silo ] && http="  http://127.0.0.1:$((api_port + i - 1))"
               say "  $name   pid $pid  silo 127.0.0.1:$((silo_port + i - 1))  gateway 127.0.0.1:$((gateway_port + i - 1))$http  log $(log_file "$name")" ;;
        esac
    done
    say "cluster    ClusterId $cluster_id, ServiceId $service_id"
    say "database   $connection"
    say "admin      Authorization: Bearer \$(cat $state/admin-token)   (docs/SECURITY.md)"
    say "state      $state   (stop: $0 stop)"
}

start_silo() {   # i env...: starts silo i unless it runs
    local i="$1" name="silo-$1" pid
    shift
    if pid="$(running_pid "$name")"; then
        say "$name already runs (pid $pid)"
        return
    fi
    date +%s >"$state/$name.started"
    if [ "$api_hosting" = silo ]; then
        say "starting $name on 127.0.0.1:$((silo_port + i - 1)) (gateway $((gateway_port + i - 1)), API http://127.0.0.1:$((api_port + i - 1)))"
        set -- "$api_dll" "$@" ASPNETCORE_URLS="http://127.0.0.1:$((api_port + i - 1))" AfterSales__Auth__SigningKeys__0="$signing_key"
    else
        say "starting $name on 127.0.0.1:$((silo_port + i - 1)) (gateway $((gateway_port + i - 1)))"
        set -- "$silo_dll" "$@"
    fi
    launch "$name" "$@" AfterSales__Hosting__Mode=Cluster AfterSales__Hosting__AdvertisedAddress=127.0.0.1 \
        AfterSales__Hosting__SiloPort=$((silo_port + i - 1)) AfterSales__Hosting__GatewayPort=$((gateway_port + i - 1))
}

http_ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$1/health/ready" || true)" = 200 ]; }
api_ready() {   # the API process, or co-hosted: every silo's API
    local i
    [ "$api_hosting" = silo ] || { http_ready "$api_port"; return; }
    for i in $(seq 1 "$1"); do http_ready "$((api_port + i - 1))" || return 1; done
}
silos_active() { [ "$(active_silos "$1")" -ge "$1" ]; }
cluster_ready() { api_ready "$1" && silos_active "$1"; }

wait_until() {   # what, the processes that must keep running, then the condition (a command)
    local what="$1" names="$2" name waited=0
    shift 2
    say "waiting for $what (up to ${start_timeout} s)"
    until "$@"; do
        for name in $names; do
            running_pid "$name" >/dev/null || { tail -n 30 "$(log_file "$name")" >&2 || true; fail "$name exited during start (log: $(log_file "$name"))."; }
        done
        waited=$((waited + 1))
        [ "$waited" -le "$start_timeout" ] || fail "$what took more than ${start_timeout} s; see the logs in $state."
        sleep 1
    done
}

start() {
    local count="${1:-2}" i pid
    [[ "$count" =~ ^[1-9][0-9]*$ ]] || fail "N must be a positive number of silos (found '$count')."
    command -v dotnet >/dev/null || fail "dotnet is not on PATH."
    command -v curl >/dev/null || fail "curl is not on PATH (apt-get install -y curl)."
    command -v psql >/dev/null || [ "$(id -u)" = 0 ] || fail "psql is not on PATH (apt-get install -y postgresql-client)."
    mkdir -p "$state"
    ensure_postgres
    command -v psql >/dev/null || fail "psql is not on PATH (apt-get install -y postgresql-client)."
    ensure_database
    ensure_publish
    ensure_credentials

    local common=(ConnectionStrings__AfterSales="$connection" AfterSales__Hosting__ClusterId="$cluster_id"
        AfterSales__Hosting__ServiceId="$service_id" DOTNET_gcServer=0)
    # Silo 1 first and alone when the cluster is not up: it applies the schema and forms the cluster, so the others
    # join it instead of all validating their connectivity to each other at once.
    start_silo 1 "${common[@]}"
    silos_active 1 || wait_until "silo-1 to be active" silo-1 silos_active 1
    for i in $(seq 2 "$count"); do
        start_silo "$i" "${common[@]}"
    done
    if [ "$api_hosting" = silo ]; then
        :
    elif pid="$(running_pid api)"; then
        say "api already runs (pid $pid)"
    else
        say "starting the API on http://127.0.0.1:$api_port"
        launch api "$api_dll" "${common[@]}" AfterSales__Hosting__Mode=Client ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
            AfterSales__Auth__SigningKeys__0="$signing_key"
    fi
    local watched
    watched="$(seq -s ' ' -f 'silo-%g' 1 "$count")"
    [ "$api_hosting" = silo ] || watched="api $watched"
    wait_until "the API to be ready and $count silo(s) to be active" "$watched" \
        cluster_ready "$count"
    say "ready: the API answers /health/ready and $count silo(s) are Active"
    print_where
}

status() {
    local name pid any=0
    for name in $(known_processes); do
        any=1
        if pid="$(running_pid "$name")"; then
            say "$name  running  pid $pid  log $(log_file "$name")"
        else
            say "$name  stopped"
        fi
    done
    [ "$any" = 1 ] || say "no process started from $state"
    if [ -f "$state/postgres.started" ]; then
        say "postgres  private, $pg_data"
    fi
    if pg_answers; then
        say ""
        say "membership of cluster $cluster_id in $pg_database on $pg_host:$pg_port:"
        membership_rows
    else
        say "PostgreSQL does not answer on $pg_host:$pg_port"
    fi
}

stop() {
    local name pid pids=() waited=0
    # The API first, so no request is sent to silos that are leaving; then every silo at once (each leaves the cluster
    # and writes its grains' state on SIGTERM); a process still there after the timeout is killed.
    for name in $(known_processes); do
        if pid="$(running_pid "$name")"; then
            say "stopping $name (pid $pid)"
            kill -TERM "$pid" 2>/dev/null || true
            if [ "$name" = api ]; then
                while alive "$pid" && [ "$waited" -lt "$stop_timeout" ]; do sleep 1; waited=$((waited + 1)); done
            fi
            pids+=("$pid")
        fi
    done
    waited=0
    for pid in "${pids[@]}"; do
        while alive "$pid" && [ "$waited" -lt "$stop_timeout" ]; do sleep 1; waited=$((waited + 1)); done
        if alive "$pid"; then
            say "pid $pid did not stop within ${stop_timeout} s: killed"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    rm -f "$state"/api.pid "$state"/silo-*.pid
    if [ -f "$state/postgres.started" ]; then
        say "stopping the private PostgreSQL"
        as_postgres "$(cat "$state/postgres.started")/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true
        rm -f "$state/postgres.started"
    fi
    say "stopped"
}

case "${1:-}" in
    start) start "${2:-2}" ;;
    status) status ;;
    stop) stop ;;
    *) fail "usage: $0 start [N] | status | stop" ;;
esac
