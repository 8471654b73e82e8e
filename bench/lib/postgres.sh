#!/usr/bin/env bash
# bench/lib/postgres.sh — a private PostgreSQL cluster for the benchmarks, the way the tests start one:
# initdb in a directory of the bench's temporary directory, listening only on a unix socket there,
# synchronous_commit=off (like SQLite in WAL mode with synchronous=NORMAL). PostgreSQL refuses to run as
# root: as root its tools run as the postgres user (runuser).
#
# Sourced by bench/lib/corpus.sh: pg_cluster_start "$PG_BIN" DIR LOG (bench_postgres_start)
# Run by bench/answers/run:       bench/lib/postgres.sh start DIR LOG   (prints the bin directory)
#                                 bench/lib/postgres.sh stop DIR

pg_find_bin() { # the newest /usr/lib/postgresql/N/bin with initdb
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x $dir/initdb ]] && { printf '%s\n' "$dir"; return 0; }
    done
    return 1
}

pg_as() { # pg_as COMMAND...: as the postgres user when root
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_cluster_start() { # pg_cluster_start BIN DIR LOG: initdb DIR/data, start it on the socket in DIR
    local bin=$1 dir=$2 log=$3
    mkdir -p "$dir"
    [[ $(id -u) == 0 ]] && chown postgres "$dir"
    pg_as "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$log" 2>&1 ||
        { echo "initdb failed (see $log)" >&2; return 1; }
    pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c synchronous_commit=off" start \
        </dev/null >/dev/null 2>&1 || { echo "PostgreSQL did not start (see $dir/server.log)" >&2; return 1; }
}

pg_cluster_stop() { # pg_cluster_stop BIN DIR
    pg_as "$1/pg_ctl" -D "$2/data" -m immediate -w stop >/dev/null 2>&1
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    bin=$(pg_find_bin) || { echo "PostgreSQL's initdb not found under /usr/lib/postgresql" >&2; exit 1; }
    case ${1:-} in
        start) pg_cluster_start "$bin" "$2" "$3" && printf '%s\n' "$bin" ;;
        stop) pg_cluster_stop "$bin" "$2" ;;
        *) echo "usage: $0 start DIR LOG | stop DIR" >&2; exit 2 ;;
    esac
fi
