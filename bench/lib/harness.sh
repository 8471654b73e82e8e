# bench/lib/harness.sh — the one library every bench/ script sources. Bash, not run on its own.
#
#   source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib/harness.sh"
#   bench_init search                 # REPO, TMP, traps; everything started is stopped on exit or Ctrl-C
#   bench_default DURATION 30 5       # full-mode value, quick-mode value (QUICK=1)
#   bench_binary                      # BIN: GACETACHAT_BIN, or a release build in .build-bench/
#   bench_pool_start pool "$TMP/db"   # the pool on a unix socket: SOCK[pool], PID[pool]
#   bench_nginx_server main; bench_nginx_fastcgi main /health pool; bench_nginx_start
#   bench_wrk pool-health 10 2 16 "${BASE[main]}" "$TMP/requests.txt"   # W_RPS, W_P50, W_P99, W_BAD …
#
# Every function is documented where it is defined: "# name ARGS — what it does; what it sets". Globals set
# by the library are UPPER_CASE; scripts keep their own variables lower_case. Nothing here prints to stdout
# except the functions whose job is the report (bench_header, bench_memory_table, bench_goal_*); progress
# goes to stderr (log). Knobs every script shares: QUICK=1 (short runs for a smoke check, see bench_default),
# WORKERS (3), THREADS (2), NGINX_WORKERS (auto), GACETACHAT_BIN, KEEP_TMP=1.

BENCH_LIB=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
REPO=$(cd "$BENCH_LIB/../.." && pwd)
export LC_ALL=C.UTF-8 # characters, not bytes, for ${#var}; '.' as the decimal point
IS_ROOT=false
[[ $(id -u) == 0 ]] && IS_ROOT=true
NCPU=$(nproc)
QUICK=${QUICK:-0}

declare -A PID=() SOCK=() BASE=() PORT=()
BENCH_STOP_ORDER=() # names in start order; stopped in reverse
BENCH_FG_PID=''     # a foreground job (wrk, ingest) waited for in the background so that Ctrl-C is prompt

# log TEXT… — progress on stderr. die TEXT… — an error on stderr, then exit 1 (the trap cleans up).
log() { printf 'bench %s: %s\n' "${BENCH_NAME:-}" "$*" >&2; }
die() {
    printf 'bench %s: error: %s\n' "${BENCH_NAME:-}" "$*" >&2
    exit 1
}

# bench_init NAME — TMP (mode 0755 so that nginx's www-data workers reach sockets in it), traps that stop
# every process started through this library (reverse order) and remove TMP unless KEEP_TMP is set.
bench_init() {
    BENCH_NAME=$1
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/gacetachat-bench-$1.XXXXXX")
    chmod 0755 "$TMP"
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    [[ $QUICK =~ ^[01]$ ]] || die "QUICK must be 0 or 1, not '$QUICK'"
    bench_default WORKERS 3 2
    bench_default THREADS 2 2
    NGINX_WORKERS=${NGINX_WORKERS:-auto}
    [[ $NGINX_WORKERS == auto || $NGINX_WORKERS =~ ^[1-9][0-9]*$ ]] ||
        die "NGINX_WORKERS must be 'auto' or a positive integer, not '$NGINX_WORKERS'"
    bench_positive WORKERS THREADS
}

# bench_default VAR FULL [QUICK] — VAR keeps a value from the environment; else FULL, or QUICK when QUICK=1.
bench_default() {
    local name=$1 full=$2 quick=${3:-$2}
    [[ -n ${!name:-} ]] && return 0
    if [[ $QUICK == 1 ]]; then printf -v "$name" '%s' "$quick"; else printf -v "$name" '%s' "$full"; fi
}

# bench_positive VAR… / bench_whole VAR… — each must be a positive (≥ 1) / whole (≥ 0) integer.
bench_positive() {
    local knob
    for knob; do [[ ${!knob} =~ ^[1-9][0-9]*$ ]] || die "$knob must be a positive integer, not '${!knob}'"; done
}
bench_whole() {
    local knob
    for knob; do [[ ${!knob} =~ ^[0-9]+$ ]] || die "$knob must be a whole number, not '${!knob}'"; done
}

# bench_track NAME PID SIGNAL — stop PID with SIGNAL (then KILL after 10 s) when the script ends.
bench_track() {
    PID[$1]=$2
    BENCH_SIGNAL[$1]=$3
    BENCH_STOP_ORDER+=("$1")
}
declare -A BENCH_SIGNAL=()

# bench_stop NAME — stop one tracked process now (its signal, up to 10 s, then KILL) and forget it.
bench_stop() {
    local name=$1 pid=${PID[$1]:-} i
    [[ -n $pid ]] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill "-${BENCH_SIGNAL[$name]:-TERM}" "$pid" 2>/dev/null || true
        for ((i = 0; i < 100; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    PID[$name]=''
}

bench_cleanup() {
    local status=$? i
    trap - EXIT INT TERM
    set +e
    [[ -n $BENCH_FG_PID ]] && kill -TERM "$BENCH_FG_PID" 2>/dev/null && wait "$BENCH_FG_PID" 2>/dev/null
    for ((i = ${#BENCH_STOP_ORDER[@]} - 1; i >= 0; i--)); do bench_stop "${BENCH_STOP_ORDER[i]}"; done
    declare -F bench_on_exit >/dev/null && bench_on_exit
    if [[ -n ${KEEP_TMP:-} ]]; then
        log "keeping $TMP (KEEP_TMP is set)"
    else
        rm -rf "$TMP"
    fi
    exit "$status"
}

# bench_job COMMAND… — run COMMAND in the background and wait for it (Ctrl-C reaches the trap at once).
bench_job() {
    "$@" &
    BENCH_FG_PID=$!
    local status=0
    wait "$BENCH_FG_PID" || status=$?
    BENCH_FG_PID=''
    return "$status"
}

# bench_show_log FILE — its last 20 lines on stderr, for a failure message.
bench_show_log() {
    [[ -s $1 ]] && { echo "--- last lines of $1:"; tail -n 20 "$1"; } >&2
    return 0
}

# --- Tools and the binary ------------------------------------------------------------------------------

# bench_deps — the Debian packages and the Python venv the benchmarks use (scripts/install-deps bench):
# sets NGINX, PHP_FPM, PG_BIN (the newest /usr/lib/postgresql/N/bin) and VENV (.build/bench-venv).
bench_deps() {
    "$REPO/scripts/install-deps" bench >&2 || die "scripts/install-deps bench failed"
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
    PHP_FPM=$(compgen -c php-fpm | sort -rV | head -n 1)
    [[ -n $PHP_FPM ]] || PHP_FPM=$(ls /usr/sbin/php-fpm* 2>/dev/null | sort -rV | head -n 1)
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV | head -n 1)
    VENV=$REPO/.build/bench-venv
}

# bench_binary — BIN: GACETACHAT_BIN, or the release binary as the package ships it (scripts/build-release) in
# .build-bench/ (its own scratch path, so it never races a developer's or `make test`'s .build). TREE: the commit it was built from.
bench_binary() {
    if [[ -n ${GACETACHAT_BIN:-} ]]; then
        BIN=$(readlink -f -- "$GACETACHAT_BIN")
    else
        command -v swift >/dev/null || die "swift not found; install a toolchain or set GACETACHAT_BIN"
        log "building the release binary as the package ships it (scripts/build-release .build-bench)"
        BIN=$("$REPO/scripts/build-release" "$REPO/.build-bench") || die "the release build failed"
    fi
    [[ -x $BIN ]] || die "$BIN is not an executable"
    TREE="$(git -C "$REPO" log -1 --format='%h %s' 2>/dev/null | cut -c1-72 || echo unknown)"
    local status=0
    git -C "$REPO" diff --quiet HEAD -- Sources 2>/dev/null || status=$?
    ((status != 1)) || TREE+=" (+ uncommitted changes in Sources/)"
}

# bench_app_command DB [VAR=VALUE…] — sets APP_COMMAND to the command line that runs the app (testing profile,
# conf/gacetachat.ini) on DB (a file path, or a postgresql:// URL), arguments to follow: `env` with no other
# GACETACHAT_* variable (the app refuses unknown ones, and GACETACHAT_BIN is the bench's), then BIN. For a peer
# script that runs the app itself; run it from the repository.
bench_app_command() {
    local db=$1 name unset_own=()
    [[ $db == postgresql://* ]] || db=sqlite://$db
    shift
    for name in $(compgen -e | grep '^GACETACHAT_' || true); do unset_own+=(-u "$name"); done
    APP_COMMAND=(env "${unset_own[@]}" GACETACHAT_PROFILE=testing "GACETACHAT_CONFIG=$REPO/conf/gacetachat.ini"
        "GACETACHAT_DATABASE_URL=$db" GACETACHAT_LOG_LEVEL=notice "$@" "$BIN")
}

# bench_app DB [VAR=VALUE…] -- ARGS… — exec the app as `bench_app_command` describes, from the repository. It
# execs: call it in a subshell or with `&`.
bench_app() {
    local db=$1 vars=()
    shift
    while [[ $1 != -- ]]; do vars+=("$1"); shift; done
    shift
    bench_app_command "$db" "${vars[@]}"
    cd "$REPO" || exit 1
    exec "${APP_COMMAND[@]}" "$@"
}

# --- Servers -------------------------------------------------------------------------------------------

# bench_pool_start NAME DB [VAR=VALUE…] — `gacetachat serve` on DB with WORKERS static workers on the unix
# socket SOCK[NAME] ($TMP/NAME.sock); log $TMP/NAME.log; stopped with TERM at the end.
bench_pool_start() {
    local name=$1 db=$2
    shift 2
    SOCK[$name]=$TMP/$name.sock
    SOCK[$name-status]=$TMP/$name-status.sock
    local env=(GACETACHAT_POOL_PM=static "GACETACHAT_POOL_PM_MAX_CHILDREN=$WORKERS"
        "GACETACHAT_SERVER_LISTEN=unix:${SOCK[$name]}" "GACETACHAT_POOL_STATUS_LISTEN=unix:${SOCK[$name-status]}" "$@")
    $IS_ROOT && env+=(GACETACHAT_SERVER_SOCKET_GROUP=www-data)
    log "starting $name: $BIN serve ($WORKERS workers) on $db"
    bench_app "$db" "${env[@]}" -- serve >"$TMP/$name.log" 2>&1 &
    bench_track "$name" $! TERM
}

# bench_pool_status SERVER NAME — route SERVER's /NAME-status to the master of pool NAME (its status page, which
# the master answers itself). bench_pool_min_requests SERVER NAME — the fewest requests any of its workers
# has served (from `/status?json&full`).
bench_pool_status() {
    bench_nginx_location "$1" "location = /$2-status { include $TMP/nginx/fastcgi.params; fastcgi_param REQUEST_URI /status?\$args; fastcgi_pass unix:${SOCK[$2-status]}; }"
}
bench_pool_min_requests() {
    curl -s --max-time 5 "${BASE[$1]}/$2-status?json&full" | python3 -c '
import json, sys
rows = json.load(sys.stdin).get("processes", [])
print(min((int(row["requests"]) for row in rows), default=0))'
}

# bench_php_fpm_start NAME — PHP-FPM (pm = static, WORKERS children) running `<?php echo "hello\n";` at
# $TMP/www/hello.php, on the unix socket SOCK[NAME]; as root its children run as www-data.
bench_php_fpm_start() {
    local name=$1
    SOCK[$name]=$TMP/$name.sock
    mkdir -p "$TMP/www"
    printf '<?php echo "hello\\n";\n' >"$TMP/www/hello.php"
    chmod 0644 "$TMP/www/hello.php"
    {
        printf '[global]\npid = %s\nerror_log = %s\ndaemonize = no\n\n[%s]\n' "$TMP/$name.pid" "$TMP/$name.log" "$name"
        $IS_ROOT && printf 'user = www-data\ngroup = www-data\nlisten.owner = www-data\nlisten.group = www-data\n'
        printf 'listen = %s\nlisten.mode = 0660\nlisten.backlog = 1024\n' "${SOCK[$name]}"
        printf 'pm = static\npm.max_children = %s\npm.max_requests = 0\n' "$WORKERS"
    } >"$TMP/$name.conf"
    [[ -n $PHP_FPM ]] || die "php-fpm not found"
    log "starting $name: $PHP_FPM (pm = static, $WORKERS workers)"
    "$PHP_FPM" --nodaemonize --fpm-config "$TMP/$name.conf" >"$TMP/$name.out" 2>&1 &
    bench_track "$name" $! QUIT
}

# bench_gunicorn_start NAME APP [VAR=VALUE…] — gunicorn (WORKERS sync workers, as `gunicorn -w`) serving the
# WSGI APP ("module:object", from bench/peers/) of the bench venv, on the unix socket SOCK[NAME].
bench_gunicorn_start() {
    local name=$1 app=$2
    shift 2
    SOCK[$name]=$TMP/$name.sock
    log "starting $name: gunicorn -w $WORKERS $app"
    env "$@" "$VENV/bin/gunicorn" -w "$WORKERS" --bind "unix:${SOCK[$name]}" --umask 0o000 --backlog 2048 \
        --chdir "$REPO/bench/peers" --log-level warning "$app" >"$TMP/$name.log" 2>&1 &
    bench_track "$name" $! TERM
}

# bench_free_port — a free TCP port on 127.0.0.1 (the kernel's choice).
bench_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# nginx: one instance, plain HTTP on loopback (TLS is not what the benchmarks measure), one connection per
# request to every backend (no keepalive, no fastcgi_keep_conn: a kept connection pins a libfcgi worker),
# no cache, no rate limits, no access log.
declare -A BENCH_SERVER=()
BENCH_SERVERS=()

# bench_nginx_server NAME — a new server block on a free port: PORT[NAME], BASE[NAME] (http://127.0.0.1:PORT).
bench_nginx_server() {
    PORT[$1]=$(bench_free_port)
    BASE[$1]=http://127.0.0.1:${PORT[$1]}
    BENCH_SERVER[$1]=''
    BENCH_SERVERS+=("$1")
}

# bench_nginx_location SERVER TEXT — a raw location block (or any server-level directive) for SERVER.
bench_nginx_location() { BENCH_SERVER[$1]+="        $2"$'\n'; }

# bench_nginx_static SERVER PATH — `return 200 "hello\n"` from nginx itself: the ceiling.
bench_nginx_static() {
    bench_nginx_location "$1" "location = $2 { default_type text/plain; return 200 \"hello\\n\"; }"
}

# bench_nginx_fastcgi SERVER LOCATION BACKEND [EXTRA] — FastCGI to SOCK[BACKEND]; LOCATION is nginx syntax
# ("= /health", "/api/"); EXTRA is more directives (e.g. a SCRIPT_FILENAME for PHP-FPM).
bench_nginx_fastcgi() {
    bench_nginx_location "$1" "location $2 { include $TMP/nginx/fastcgi.params; ${4:-} fastcgi_read_timeout 120s; fastcgi_pass unix:${SOCK[$3]}; }"
}

# bench_nginx_proxy SERVER LOCATION BACKEND — HTTP/1.0 to SOCK[BACKEND] (gunicorn), one connection a request.
bench_nginx_proxy() {
    bench_nginx_location "$1" "location $2 { proxy_pass http://unix:${SOCK[$3]}:; proxy_buffering on; proxy_read_timeout 120s; }"
}

# bench_nginx_start — write $TMP/nginx/nginx.conf from the servers above, check it, start nginx (QUIT at the
# end) and wait until every server accepts connections.
bench_nginx_start() {
    local name user_line='' servers=''
    mkdir -p "$TMP/nginx"
    $IS_ROOT && user_line='user www-data www-data;'
    cp "$BENCH_LIB/fastcgi.params" "$TMP/nginx/fastcgi.params"
    for name in "${BENCH_SERVERS[@]}"; do
        servers+="    server {
        listen 127.0.0.1:${PORT[$name]};
        server_name localhost;
${BENCH_SERVER[$name]}    }
"
    done
    cat >"$TMP/nginx/nginx.conf" <<CONF
$user_line
daemon off;
master_process on;
worker_processes $NGINX_WORKERS;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $TMP/nginx/client_body_temp;
    proxy_temp_path $TMP/nginx/proxy_temp;
    fastcgi_temp_path $TMP/nginx/fastcgi_temp;
    uwsgi_temp_path $TMP/nginx/uwsgi_temp;
    scgi_temp_path $TMP/nginx/scgi_temp;
    keepalive_requests 1000000;
    # Room for an answer with its citations in memory, as in production (nginx/snippets/gacetachat-app.conf).
    fastcgi_buffer_size 16k;
    fastcgi_buffers 16 16k;
    proxy_buffer_size 16k;
    proxy_buffers 16 16k;
$servers}
CONF
    local args=(-p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/error.log")
    "$NGINX" -t -q "${args[@]}" || die "nginx rejected $TMP/nginx/nginx.conf"
    log "starting nginx: ${BENCH_SERVERS[*]} on ports $(for name in "${BENCH_SERVERS[@]}"; do printf '%s ' "${PORT[$name]}"; done)"
    "$NGINX" "${args[@]}" >"$TMP/nginx/stderr.log" 2>&1 &
    bench_track nginx $! QUIT
}

# bench_wait_ok URL NAME [LOG] — until URL answers 200 (60 s), or the process NAME (PID[NAME]) dies.
bench_wait_ok() {
    local url=$1 name=$2 logfile=${3:-$TMP/$2.log} code='' i
    for ((i = 0; i < 600; i++)); do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
        [[ $code == 200 ]] && return 0
        if [[ -n ${PID[$name]:-} ]] && ! kill -0 "${PID[$name]}" 2>/dev/null; then
            bench_show_log "$logfile"
            die "$name exited before $url answered"
        fi
        sleep 0.1
    done
    bench_show_log "$logfile"
    bench_show_log "$TMP/nginx/error.log"
    die "$url did not answer 200 within 60 s (last status: $code)"
}

# bench_children NAME — the pids of PID[NAME]'s children (a pool's or PHP-FPM's workers), one a line.
bench_children() { pgrep -P "${PID[$1]}" || true; }

# --- Load ----------------------------------------------------------------------------------------------

# bench_requests FILE METHOD PATH [BODY] — append one request line for bench_wrk ("METHOD PATH[ BODY]").
bench_requests() { printf '%s %s%s\n' "$2" "$3" "${4:+ $4}" >>"$1"; }

# bench_wrk NAME SECONDS THREADS CONNECTIONS BASE-URL [REQUESTS-FILE] — one wrk --latency run. With a
# REQUESTS-FILE (lines from bench_requests) the threads cycle through its requests in order, each from its
# own place (bench/lib/cycle.lua), and every answer that is not 200 is counted; without, BASE-URL is requested
# and wrk's own non-2xx/3xx count is used. Sets W_REQUESTS W_RPS W_P50 W_P90 W_P99 W_MAX (ms) W_BAD (non-200)
# W_SOCK (socket errors) W_CODES ("3 x 502, …") W_FIRST (the first bad answer). Output: $TMP/wrk-NAME.txt.
bench_wrk() {
    local name=$1 seconds=$2 threads=$3 connections=$4 url=$5 requests=${6:-} out=$TMP/wrk-$1.txt
    ((connections >= threads)) || threads=$connections
    local args=(-t"$threads" -c"$connections" -d"${seconds}s" --timeout 60s --latency)
    [[ -n $requests ]] && args+=(-s "$BENCH_LIB/cycle.lua")
    args+=("$url")
    [[ -n $requests ]] && args+=(-- "$requests")
    bench_job wrk "${args[@]}" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed ($name)"; }
    W_REQUESTS=$(awk '/requests in/ { print $1 }' "$out")
    W_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
    W_P50=$(bench_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    W_P90=$(bench_ms "$(awk '$1 == "90%" { print $2 }' "$out")")
    W_P99=$(bench_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    W_MAX=$(bench_ms "$(awk '$1 == "Latency" && NF >= 4 { print $4; exit }' "$out")")
    W_SOCK=$(awk '/Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
    if [[ -n $requests ]]; then
        W_BAD=$(awk '/^non200:/ { print $2 }' "$out")
        W_CODES=$(sed -n 's/^non200: [0-9]* *//p' "$out")
        W_FIRST=$(sed -n 's/^first non-200: //p' "$out")
    else
        W_BAD=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } END { print n + 0 }' "$out")
        W_CODES='' W_FIRST=''
    fi
    [[ -n $W_RPS && -n $W_BAD ]] || { cat "$out" >&2; die "could not read wrk's output ($name)"; }
}

# --- Numbers -------------------------------------------------------------------------------------------

# bench_ms TIME — wrk's "163.00us" / "1.23ms" / "2.00s" / "1.00m" in milliseconds ("?" when unreadable).
bench_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1
        if (f < 0) print "?"; else printf "%.2f", n * f }'
}
# bench_ratio A B — A / B with two decimals ("n/a" when B is 0 or either is not a number).
bench_ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a ~ /^[0-9.e+-]+$/ && b ~ /^[0-9.e+-]+$/ && b + 0 > 0) printf "%.2f", a / b; else print "n/a" }'
}
# bench_goal_min VALUE GOAL / bench_goal_max VALUE GOAL — "goal met" or "BELOW GOAL" / "ABOVE GOAL".
bench_goal_min() { awk -v v="$1" -v g="$2" 'BEGIN { print (v ~ /^[0-9.]+$/ && v + 0 >= g + 0) ? "goal met" : "BELOW GOAL" }'; }
bench_goal_max() { awk -v v="$1" -v g="$2" 'BEGIN { print (v ~ /^[0-9.]+$/ && v + 0 <= g + 0) ? "goal met" : "ABOVE GOAL" }'; }
# bench_mb BYTES — in MB with one decimal. bench_size FILE — its size in bytes (0 when missing).
bench_mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
bench_size() { [[ -e $1 ]] && stat -c %s -- "$1" || echo 0; }
# bench_now — seconds since the epoch with nanoseconds. bench_elapsed START [END] — seconds, one decimal.
bench_now() { date +%s.%N; }
bench_elapsed() { awk -v a="$1" -v b="${2:-$(bench_now)}" 'BEGIN { printf "%.1f", b - a }'; }
# bench_stats — numbers on stdin, one a line: "p50 p90 p99 mean max n" (nearest-rank percentiles).
bench_stats() {
    sort -g | awk '{ v[NR] = $1; s += $1 }
        function rank(p,   r) { r = int(p * NR + 0.999999); if (r < 1) r = 1; return v[r] }
        END { if (NR == 0) { print "? ? ? ? ? 0"; exit }
              printf "%.2f %.2f %.2f %.2f %.2f %d\n", rank(0.5), rank(0.9), rank(0.99), s / NR, v[NR], NR }'
}

# bench_pad TEXT WIDTH — TEXT left-aligned in WIDTH characters (not bytes), cut with … when longer.
bench_pad() {
    local text=$1 width=$2
    ((${#text} > width)) && text="${text:0:width-1}…"
    printf '%s%*s' "$text" $((width - ${#text})) ''
}

# bench_lines FILE — its lines without blank ones and '#' comments (queries, questions), one a line.
bench_lines() { sed -e 's/\r$//' -e '/^[[:space:]]*$/d' -e '/^#/d' "$1"; }

# bench_urlencode TEXT — bytes, RFC 3986 unreserved characters kept.
bench_urlencode() {
    local LC_ALL=C s=$1 out='' c i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
            [A-Za-z0-9.~_-]) out+=$c ;;
            *) printf -v c '%%%02X' "'$c"; out+=$c ;;
        esac
    done
    printf '%s\n' "$out"
}
# bench_json_string TEXT — a JSON string literal (UTF-8 passes through; quotes, backslashes, controls escaped).
bench_json_string() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    s=${s//$'\t'/\\t}
    s=${s//$'\n'/\\n}
    s=${s//$'\r'/\\r}
    printf '"%s"' "$s"
}

# --- Report --------------------------------------------------------------------------------------------

# bench_header TITLE — the report's first lines: title, date, CPUs, kernel, binary and tree.
bench_header() {
    echo
    echo "$1 — $(date -u '+%Y-%m-%d %H:%M UTC'), $NCPU CPUs, $(uname -r)$([[ $QUICK == 1 ]] && echo ', QUICK=1 (smoke check: not figures)')"
    [[ -n ${BIN:-} ]] && echo "binary: $BIN (built $(date -u -r "$BIN" '+%Y-%m-%d %H:%M UTC'))"
    [[ -n ${TREE:-} ]] && echo "tree:   $TREE"
    return 0
}

# bench_memory_table TITLE NAME [GOAL-MB] — one row per process (the master PID[NAME] and its children):
# private (Private_Clean + Private_Dirty, what one more worker really costs), PSS and RSS in MB; children
# over GOAL-MB are marked. Sets MEM_WORST (the largest child's private MB) and MEM_OVER (children over goal).
bench_memory_table() {
    local title=$1 name=$2 goal=${3:-} pid role
    MEM_WORST=0 MEM_OVER=0
    echo
    echo "$title (MB; private = Private_Clean + Private_Dirty from /proc/PID/smaps_rollup)"
    printf '  %-8s %7s %10s %10s %10s\n' role pid private pss rss
    for pid in "${PID[$name]}" $(bench_children "$name"); do
        role=worker
        [[ $pid == "${PID[$name]}" ]] && role=master
        [[ -r /proc/$pid/smaps_rollup ]] || { printf '  %-8s %7s   (gone)\n' "$role" "$pid"; continue; }
        read -r priv pss rss < <(awk '/^Rss:/ { r = $2 } /^Pss:/ { p = $2 } /^Private_(Clean|Dirty):/ { v += $2 }
            END { printf "%.2f %.2f %.2f\n", v / 1024, p / 1024, r / 1024 }' "/proc/$pid/smaps_rollup")
        local mark=''
        if [[ $role == worker && -n $goal ]]; then
            if awk -v v="$priv" -v g="$goal" 'BEGIN { exit !(v > g) }'; then mark='  OVER GOAL'; MEM_OVER=$((MEM_OVER + 1)); else mark='  ok'; fi
        fi
        [[ $role == worker ]] && MEM_WORST=$(awk -v a="$MEM_WORST" -v b="$priv" 'BEGIN { print (b > a) ? b : a }')
        printf '  %-8s %7s %10s %10s %10s%s\n' "$role" "$pid" "$priv" "$pss" "$rss" "$mark"
    done
}

source "$BENCH_LIB/corpus.sh"
