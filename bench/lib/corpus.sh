# bench/lib/corpus.sh — the corpus, its ingest and a private PostgreSQL; sourced by bench/lib/harness.sh.
#
# Knobs: CORPUS (../shared/corpus/legalize-pe.tar.xz: 11,045 Peruvian norms as Markdown), LIMIT_FILES (0 = all;
# otherwise every k-th file, so that a subset mixes years and kinds of norm), SYNTHETIC_FILES (3000, when the
# archive is missing: a generated corpus stands in and the report says so).

CORPUS=${CORPUS:-$REPO/../shared/corpus/legalize-pe.tar.xz}

# bench_corpus — unpack CORPUS (or generate one) under $TMP/corpus and pick LIMIT_FILES of it. Sets
# CORPUS_DIR (a folder of symbolic links to the documents only, for `gacetachat ingest`), CORPUS_FILES, CORPUS_BYTES,
# CORPUS_LABEL and CORPUS_SYNTHETIC (true/false).
bench_corpus() {
    bench_default LIMIT_FILES 0 400
    bench_default SYNTHETIC_FILES 3000 300
    bench_whole LIMIT_FILES
    bench_positive SYNTHETIC_FILES
    local unpacked=$TMP/corpus files=() i stride
    mkdir -p "$unpacked"
    CORPUS_SYNTHETIC=false
    if [[ -f $CORPUS ]]; then
        # Unpacked once into .build-bench/corpus/ (git-ignored), again only when the archive changes.
        unpacked=$REPO/.build-bench/corpus/$(basename "$CORPUS")-$(stat -c '%s-%Y' "$CORPUS")
        if [[ ! -d $unpacked ]]; then
            log "unpacking $CORPUS into $unpacked"
            rm -rf "$REPO/.build-bench/corpus" && mkdir -p "$unpacked.new"
            bench_job tar -xJf "$CORPUS" -C "$unpacked.new" || die "could not unpack $CORPUS"
            mv "$unpacked.new" "$unpacked"
        fi
        CORPUS_LABEL="$(basename "$CORPUS") (real Peruvian legal text)"
    else
        CORPUS_SYNTHETIC=true
        log "no corpus at $CORPUS: generating $SYNTHETIC_FILES synthetic Spanish Markdown files"
        mkdir -p "$unpacked/synthetic"
        bench_job awk -v dir="$unpacked/synthetic" -v count="$SYNTHETIC_FILES" -f "$BENCH_LIB/synthetic-corpus.awk"
        CORPUS_LABEL="SYNTHETIC ($SYNTHETIC_FILES generated files; $CORPUS not found)"
    fi
    # The documents only: not the archive's README.md or LICENSE.
    mapfile -t files < <(find "$unpacked" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \) \
        ! -name README.md ! -name LICENSE | sort)
    ((${#files[@]} > 0)) || die "no Markdown files in $CORPUS"
    CORPUS_DIR=$TMP/documents
    mkdir -p "$CORPUS_DIR"
    if ((LIMIT_FILES > 0 && LIMIT_FILES < ${#files[@]})); then
        stride=$((${#files[@]} / LIMIT_FILES))
        for ((i = 0; i < LIMIT_FILES; i++)); do
            ln -s "${files[i * stride]}" "$CORPUS_DIR/$(printf '%05d' "$i")-$(basename "${files[i * stride]}")"
        done
        CORPUS_LABEL+=", subset: $LIMIT_FILES of ${#files[@]} files (LIMIT_FILES)"
    else
        for ((i = 0; i < ${#files[@]}; i++)); do
            ln -s "${files[i]}" "$CORPUS_DIR/$(printf '%05d' "$i")-$(basename "${files[i]}")"
        done
    fi
    CORPUS_FILES=$(find -L "$CORPUS_DIR" -type f | wc -l)
    CORPUS_BYTES=$(find -L "$CORPUS_DIR" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
}

# bench_ingest DB [DIR] — `gacetachat ingest DIR` (CORPUS_DIR) into DB (file or postgresql:// URL), timed.
# Sets ING_S (wall seconds), ING_NEW, ING_FAILED, ING_PAGES. Log: $TMP/ingest-<db name>.log.
bench_ingest() {
    local db=$1 dir=${2:-$CORPUS_DIR} logfile t0
    logfile=$TMP/ingest-$(basename "${db%%\?*}").log
    log "ingesting $dir into $db (log: $logfile)"
    t0=$(bench_now)
    bench_job bench_app "$db" -- ingest "$dir" >"$logfile" 2>&1 ||
        { bench_show_log "$logfile"; die "gacetachat ingest failed into $db"; }
    ING_S=$(bench_elapsed "$t0")
    # "ingested 11045 new, 0 replaced, 0 unchanged, 0 failed; 11045 pages in 1:02"
    read -r ING_NEW ING_FAILED ING_PAGES < <(awk '/^ingested / {
        line = $0; gsub(/[,;]/, " ", line); split(line, f, / +/); print f[2], f[8], f[10] }' "$logfile" | tail -n 1) ||
        { bench_show_log "$logfile"; die "could not read ingest's summary line in $logfile"; }
    log "ingested $ING_NEW files, $ING_PAGES pages in ${ING_S}s"
}

# bench_postgres_start — a private cluster (initdb in $TMP/pg, only a unix socket there, synchronous_commit=off
# like SQLite's WAL with synchronous=NORMAL; as root its tools run as the postgres user), a database "bench"
# migrated by the app. Sets PG_URL. Stopped (immediate) at the end.
bench_postgres_start() {
    local dir=$TMP/pg as=()
    [[ -x $PG_BIN/initdb ]] || die "PostgreSQL's initdb not found under /usr/lib/postgresql"
    $IS_ROOT && as=(runuser -u postgres --)
    mkdir -p "$dir"
    $IS_ROOT && chown postgres "$dir"
    log "starting a private PostgreSQL cluster in $dir"
    "${as[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
        >"$TMP/pg-initdb.log" 2>&1 || { bench_show_log "$TMP/pg-initdb.log"; die "initdb failed"; }
    "${as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c synchronous_commit=off" start \
        </dev/null >/dev/null 2>&1 || { bench_show_log "$dir/server.log"; die "PostgreSQL did not start"; }
    BENCH_PG_STOP=("${as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop)
    bench_psql -d postgres -c 'CREATE DATABASE bench' || die "could not create the bench database"
    PG_URL="postgresql://postgres@/bench?host=$dir"
    (bench_app "$PG_URL" -- migrate) >"$TMP/pg-migrate.log" 2>&1 || { bench_show_log "$TMP/pg-migrate.log"; die "migrate failed"; }
}
BENCH_PG_STOP=()
bench_on_exit() { ((${#BENCH_PG_STOP[@]} == 0)) || "${BENCH_PG_STOP[@]}" >/dev/null 2>&1; }

# bench_psql ARGS… — psql on the private cluster, unaligned, tuples only, stopping at the first error.
bench_psql() { "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$TMP/pg" -U postgres "$@"; }
