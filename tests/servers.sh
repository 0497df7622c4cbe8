#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis servers for the test suite, on loopback, on free ports, in a
# temporary directory. Installs the Debian packages when they are missing (and wrk, which the
# API bench's test runs).
#
#   eval "$(bash tests/servers.sh start)"   # prints the exports the tests read
#   bash tests/servers.sh stop              # stops both and removes the directory
#
# start prints, on stdout only:
#   CO_TEST_SERVERS_DIR  the temporary directory (stop reads it)
#   CO_TEST_POSTGRES     an Npgsql connection string to the cluster's superuser
#   CO_TEST_REDIS        host:port of the Redis server
set -euo pipefail

log() { echo "servers: $*" >&2; }

# PostgreSQL's binaries live in a versioned folder, not on PATH.
postgres_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && echo "$dir"
}

install_missing() {
    local packages=()
    [[ -n "$(postgres_bin)" ]] || packages+=(postgresql)
    command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
    # Not a server: the HTTP load generator the API bench's test runs.
    command -v wrk >/dev/null 2>&1 || packages+=(wrk)
    if ((${#packages[@]} > 0)); then
        log "installing ${packages[*]}"
        export DEBIAN_FRONTEND=noninteractive
        # Wait for a package manager that another process is running rather than fail at once.
        apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
        apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${packages[@]}" >&2
    fi
}

# A port nothing listens on now. Another process could take it before the server binds; the
# servers then fail to start and say so, which is rare enough to accept for a test run.
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    log "no free port found"
    return 1
}

start() {
    install_missing
    local dir bin pg_port redis_port
    dir=$(mktemp -d /tmp/co-test-servers.XXXXXX)
    chmod 755 "$dir"
    bin=$(postgres_bin)

    # PostgreSQL refuses to run as root: its data directory and process belong to the postgres user.
    mkdir -p "$dir/postgres"
    chown postgres:postgres "$dir/postgres"
    pg_port=$(free_port)
    runuser -u postgres -- "$bin/initdb" -D "$dir/postgres/data" -A trust -U postgres --no-sync >"$dir/postgres/initdb.log" 2>&1 ||
        { cat "$dir/postgres/initdb.log" >&2; return 1; }
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/postgres/data" -l "$dir/postgres/server.log" -w -t 60 \
        -o "-p $pg_port -k $dir/postgres -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2 ||
        { cat "$dir/postgres/server.log" >&2; return 1; }
    log "PostgreSQL on 127.0.0.1:$pg_port"

    mkdir -p "$dir/redis"
    redis_port=$(free_port)
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --dir "$dir/redis" --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" >&2
    for _ in $(seq 1 100); do
        redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    redis-cli -p "$redis_port" ping >/dev/null || { cat "$dir/redis/redis.log" >&2; return 1; }
    log "Redis on 127.0.0.1:$redis_port"

    echo "$pg_port" >"$dir/postgres.port"
    echo "$redis_port" >"$dir/redis.port"
    echo "export CO_TEST_SERVERS_DIR='$dir'"
    echo "export CO_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true'"
    echo "export CO_TEST_REDIS='127.0.0.1:$redis_port'"
}

stop() {
    local dir="${CO_TEST_SERVERS_DIR:-${1:-}}"
    [[ -n "$dir" && -d "$dir" ]] || { log "nothing to stop"; return 0; }
    local bin
    bin=$(postgres_bin || true)
    if [[ -n "$bin" && -f "$dir/postgres/data/postmaster.pid" ]]; then
        runuser -u postgres -- "$bin/pg_ctl" -D "$dir/postgres/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [[ -f "$dir/redis.port" ]]; then
        redis-cli -p "$(cat "$dir/redis.port")" shutdown nosave >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    log "stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
