# The package checks of scripts/deploy-test (sourced; $repo, $work and $logs are set there). Each
# function is one check: it prints what it did and returns non-zero on failure.

mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
export DEBIAN_FRONTEND=noninteractive

# in_root [--isolated] ROOT SCRIPT: run SCRIPT (bash, on the host's file system, with $ROOT set and
# `inroot CMD…` = chroot) in a private mount namespace where ROOT has /proc, /dev, a fresh /run, the
# shared apt archive cache and the shared package lists (.build-deploy/apt-lists: one `apt-get update` a run). --isolated adds a network namespace (loopback only) and a PID
# namespace: every process started there ends with SCRIPT.
in_root() {
    local namespaces=(--mount --fork) mode=shared
    if [[ $1 == --isolated ]]; then
        namespaces=(--mount --net --pid --fork)
        mode=isolated
        shift
    fi
    local root=$1 script=$2
    unshare "${namespaces[@]}" -- bash -c '
        set -euo pipefail
        ROOT=$1
        mount -t proc proc "$ROOT/proc"
        mount --rbind /dev "$ROOT/dev"
        mount -t tmpfs -o mode=1777 tmpfs "$ROOT/dev/shm"
        mount -t tmpfs -o mode=0755 tmpfs "$ROOT/run"
        mkdir -p "$ROOT/run/lock" && chmod 1777 "$ROOT/run/lock"
        mount --bind "$3" "$ROOT/var/cache/apt/archives"
        mount --bind "$3/../apt-lists" "$ROOT/var/lib/apt/lists"
        cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
        if [[ $4 == isolated ]]; then ip link set lo up; fi
        inroot() { chroot "$ROOT" "$@"; }
        export ROOT
        eval "$2"
    ' in_root "$root" "$script" "$work/apt-archives" "$mode"
}

# Both packages, this tree's and the previous commit's, are built from one source path
# ($work/src) in one scratch path ($work/release): the second build is incremental (only the targets
# whose files differ, and those that import them), not a second build from nothing.
src=$work/src
release=$work/release

# sync_tree FROM TO: make TO hold FROM's files. Unchanged files are left untouched (same inode and
# time, so the build in the scratch path sees them unchanged), changed ones replaced, others deleted
# (build-deb's own .build-deb/ excepted).
sync_tree() {
    local from=$1 to=$2 file
    mkdir -p "$to"
    (cd "$to" && find . -path ./.build-deb -prune -o \( -type f -o -type l \) -print) | while IFS= read -r file; do
        [[ -e $from/$file || -L $from/$file ]] || rm -f "$to/$file"
    done
    (cd "$from" && find . \( -type f -o -type l \) -print) | while IFS= read -r file; do
        cmp -s "$from/$file" "$to/$file" ||
            { rm -f "$to/$file" && mkdir -p "$(dirname "$to/$file")" && cp -a "$from/$file" "$to/$file"; }
    done
}

# export_tree REF|--worktree DIR: a commit's tree (git archive: no worktree registered in the
# repository's metadata) or the working tree's files as they are (tracked and untracked, not ignored).
export_tree() {
    local ref=$1 dir=$2
    rm -rf "$dir" && mkdir -p "$dir"
    if [[ $ref == --worktree ]]; then
        git ls-files -z -co --exclude-standard --deduplicate | tar --null -T - --ignore-failed-read -c 2>/dev/null |
            tar -x -C "$dir"
    else
        git archive "$ref" | tar -x -C "$dir"
    fi
}

# build_in_src REF|--worktree OUTDIR [BUILD_COMMIT]: sync that tree into $src and run its
# scripts/build-deb there (today's packaging files when the commit predates them).
build_in_src() {
    local ref=$1 outdir=$2 commit=${3:-HEAD}
    export_tree "$ref" "$src.new" || return 1
    sync_tree "$src.new" "$src"
    rm -rf "$src.new"
    if [[ ! -x $src/scripts/build-deb ]]; then
        echo "$ref has no scripts/build-deb: using this commit's packaging files"
        cp scripts/build-deb scripts/build-release scripts/make-manpage "$src/scripts/"
        cp -r debian "$src/"
    fi
    BUILD_COMMIT=$commit RELEASE_SCRATCH=$release "$src/scripts/build-deb" "$outdir"
}

# This tree's package, into dist/ (the image installs it from there). A clean tree's package is also kept
# as its commit's, the next commit's previous package.
build_deb() {
    rm -f dist/gacetachat_*_amd64.deb
    mkdir -p dist
    build_in_src --worktree "$repo/dist" HEAD || return 1
    if [[ -z $(git status --porcelain --untracked-files=normal) ]]; then
        cp dist/gacetachat_*_amd64.deb "$work/previous/$(git rev-parse HEAD).deb"
        echo "kept as $work/previous/$(git rev-parse HEAD).deb (the tree is HEAD's)"
    fi
}

# No error, and no override of an error; each override has a comment line above it.
run_lintian() {
    local deb=$1 status=0
    lintian --allow-root --info --display-level '>=pedantic' --show-overrides "$deb" | tee "$work/lintian.txt" || true
    if grep -q '^E:' "$work/lintian.txt"; then
        echo "lintian reports errors (E: lines above)"
        status=1
    fi
    local previous='' tag
    while IFS= read -r line; do
        if [[ $line =~ ^[a-z] ]]; then
            tag=${line#*: }
            tag=${tag%% *}
            if [[ $previous != \#* ]]; then
                echo "override without a comment above it: $line"
                status=1
            fi
            if lintian-explain-tags "$tag" 2>/dev/null | grep -qi 'Visibility: error'; then
                echo "override of an error: $line"
                status=1
            fi
        fi
        previous=$line
    done <debian/lintian-overrides
    echo "lintian: $(grep -c '^E:' "$work/lintian.txt") errors, $(grep -c '^W:' "$work/lintian.txt") warnings, $(grep -c '^O:' "$work/lintian.txt") overridden"
    return $status
}

# The container checks' PyPI tools, in a venv of their own (.build-deploy/venv).
container_venv() {
    local venv=$work/venv
    "$venv/bin/python3" -c 'import gixy, kubernetes_validate' 2>/dev/null && return 0
    python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check gixy kubernetes-validate
}

# .build-deploy/base.tar: debootstrap --variant=minbase bookworm, with policy-rc.d (no service
# starts inside the root: there is no init, and its ports would be the host's) and the security
# and updates suites, as on a VPS.
make_base() {
    if [[ -s $work/base.tar ]]; then
        echo "cached: $work/base.tar (delete it to make a new one)"
        return 0
    fi
    local dir=$work/base-new
    rm -rf "$dir"
    debootstrap --variant=minbase --cache-dir="$work/apt-archives" bookworm "$dir" "$mirror" || return 1
    cat >"$dir/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
    printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
    chmod 0755 "$dir/usr/sbin/policy-rc.d"
    rm -f "$dir/var/cache/apt/archives/"*.deb
    tar -C "$dir" -cf "$work/base.tar.new" . && mv "$work/base.tar.new" "$work/base.tar"
    rm -rf "$dir"
}

# new_root NAME: a fresh copy of the base root in .build-deploy/NAME.
new_root() {
    local root=$work/$1
    rm -rf "$root"
    mkdir -p "$root"
    tar -C "$root" -xf "$work/base.tar"
    echo "$root"
}

# apt_install ROOT ARGS…: apt-get install inside ROOT (with Debian's repositories). The package lists are
# updated by the first call of a run (deploy-test's $run_started), then shared by every root.
apt_install() {
    local root=$1 update='' stamp=$work/apt-lists/.updated-$run_started
    shift
    if [[ ! -e $stamp ]]; then
        rm -f "$work/apt-lists"/.updated-*
        update='inroot apt-get update -qq && '
    fi
    in_root "$root" "${update}inroot apt-get install -y -q -o Dpkg::Use-Pty=0 $*" && touch "$stamp"
}

fresh_install() {
    local deb=$1 root
    root=$(new_root root) || return 1
    cp "$deb" "$root/tmp/" && chmod 0644 "$root/tmp/${deb##*/}"
    apt_install "$root" "/tmp/${deb##*/}" || return 1
    in_root "$root" 'inroot dpkg-query -W -f="\${Package} \${Version} \${Status}\n" gacetachat' |
        tee /dev/stderr | grep -q 'install ok installed'
}

installed_files() {
    local root=$work/root version
    version=$(dpkg-deb --field "$(ls -t dist/gacetachat_*_amd64.deb | head -n 1)" Version)
    in_root "$root" '
        status=0
        expect() { if eval "$2"; then echo "ok: $1"; else echo "NOT OK: $1"; status=1; fi; }
        expect "binary in /usr/bin, --version '"$version"'" "[[ \$(inroot /usr/bin/gacetachat --version) == '"$version"' ]]"
        expect "no Swift runtime library needed" "! inroot ldd /usr/bin/gacetachat | grep -E \"libswift|libFoundation|not found\""
        for unit in gacetachat.service gacetachat.socket gacetachat-backup.service gacetachat-backup.timer; do
            expect "unit $unit" "[[ -f \$ROOT/lib/systemd/system/$unit ]]"
        done
        expect "units name /usr/bin/gacetachat" "grep -q \"^ExecStart=/usr/bin/gacetachat \" \$ROOT/lib/systemd/system/gacetachat.service"
        expect "service enabled, not started" "[[ -L \$ROOT/etc/systemd/system/multi-user.target.wants/gacetachat.service ]]"
        expect "socket and backup timer enabled" "[[ -L \$ROOT/etc/systemd/system/sockets.target.wants/gacetachat.socket && -L \$ROOT/etc/systemd/system/timers.target.wants/gacetachat-backup.timer ]]"
        expect "nginx site installed, not enabled" "[[ -f \$ROOT/etc/nginx/sites-available/gacetachat && ! -e \$ROOT/etc/nginx/sites-enabled/gacetachat ]]"
        expect "nginx snippets" "[[ -f \$ROOT/etc/nginx/snippets/gacetachat-app.conf && -f \$ROOT/etc/nginx/snippets/gacetachat-tls.conf ]]"
        expect "conffiles: INI, site" "inroot dpkg-query -W -f=\"\\\${Conffiles}\" gacetachat | grep -q /etc/gacetachat/gacetachat.ini && inroot dpkg-query -W -f=\"\\\${Conffiles}\" gacetachat | grep -q /etc/nginx/sites-available/gacetachat"
        expect "web page" "ls \$ROOT/usr/share/gacetachat/web/index.html \$ROOT/usr/share/gacetachat/web/assets/app.*.js"
        expect "man page" "[[ -f \$ROOT/usr/share/man/man1/gacetachat.1.gz ]]"
        expect "user and group gacetachat" "inroot getent passwd gacetachat && inroot getent group gacetachat"
        expect "/etc/gacetachat/env 0640 root:gacetachat, comments only" "[[ \$(inroot stat -c \"%a %U:%G\" /etc/gacetachat/env) == \"640 root:gacetachat\" ]] && ! grep -v \"^#\" \$ROOT/etc/gacetachat/env | grep -q ."
        expect "/var/lib/gacetachat 0711 gacetachat" "[[ \$(inroot stat -c \"%a %U:%G\" /var/lib/gacetachat) == \"711 gacetachat:gacetachat\" ]]"
        expect "Depends has libpq5, libcurl4, poppler-utils, postgresql-client" "inroot dpkg-query -W -f=\"\\\${Depends}\" gacetachat | grep libpq5 | grep libcurl4 | grep poppler-utils | grep -q postgresql-client"
        exit $status
    '
}

# systemd is not in a minbase root: installed for these two checks only (after the package's own).
ensure_systemd() {
    [[ -x $work/root/usr/bin/systemd-analyze ]] || apt_install "$work/root" --no-install-recommends systemd
}

analyze_verify() {
    ensure_systemd || return 1
    in_root "$work/root" '
        output=$(inroot systemd-analyze verify --man=no --recursive-errors=no \
            $(cd "$ROOT" && ls lib/systemd/system/gacetachat* | sed "s|^|/|") 2>&1) || { echo "$output"; exit 1; }
        echo "$output"
        ! grep -E "gacetachat[a-z-]*\.(service|socket|timer)" <<<"$output"
    '
}

# Every installed service is rated: the pool at 2.0 or below (as its own test asks), the others below
# 5.0 (systemd's "OK"; a oneshot backup needs the network for pg_dump and writes its directory).
analyze_security() {
    ensure_systemd || return 1
    in_root "$work/root" '
        status=0
        for unit in $(cd "$ROOT/lib/systemd/system" && ls gacetachat*.service); do
            line=$(inroot systemd-analyze security --offline=true --no-pager "/lib/systemd/system/$unit" | grep "Overall exposure level") || { echo "$unit: no rating"; status=1; continue; }
            echo "$unit: $line"
            value=$(sed -E "s/.*: ([0-9.]+).*/\1/" <<<"$line")
            limit=5.0
            [[ $unit == gacetachat.service ]] && limit=2.0
            awk -v v="$value" -v limit=$limit "BEGIN { exit !(v <= limit) }" || { echo "$unit: exposure $value above $limit"; status=1; }
        done
        exit $status
    '
}

# unit_value FILE KEY: the values of KEY= in FILE, one per line.
unit_value() {
    sed -n "s/^$2=//p" "$1"
}

# Start the pool as the installed gacetachat.service would (there is no systemd here): its User,
# Group, SupplementaryGroups, Environment, EnvironmentFile, RuntimeDirectory, UMask and ExecStart,
# read from the installed file. Then nginx with the installed site enabled, and /health through it.
# Both results are written to .build-deploy/state/ for the two checks.
run_pool_and_nginx() {
    local root=$work/root unit=$work/root/lib/systemd/system/gacetachat.service
    rm -rf "$work/state" && mkdir -p "$work/state"
    # The operator's steps after the install: a secret, then the database (dpkg-reconfigure).
    echo "SECRET_KEY=deploy-test-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" >>"$root/etc/gacetachat/env"
    in_root "$root" 'inroot dpkg-reconfigure gacetachat' || { echo "dpkg-reconfigure failed"; return 1; }
    local exec_start user group supplementary umask runtime runtime_mode env_file environment
    exec_start=$(unit_value "$unit" ExecStart)
    user=$(unit_value "$unit" User)
    group=$(unit_value "$unit" Group)
    supplementary=$(unit_value "$unit" SupplementaryGroups)
    umask=$(unit_value "$unit" UMask)
    runtime=$(unit_value "$unit" RuntimeDirectory)
    runtime_mode=$(unit_value "$unit" RuntimeDirectoryMode)
    env_file=$(unit_value "$unit" EnvironmentFile)
    environment=$(unit_value "$unit" Environment | tr '\n' ' ')
    printf 'ExecStart=%s\nUser=%s Group=%s SupplementaryGroups=%s UMask=%s\nEnvironment=%s\nEnvironmentFile=%s\n' \
        "$exec_start" "$user" "$group" "$supplementary" "$umask" "$environment" "$env_file"
    [[ -n $exec_start && -n $user ]] || { echo "no ExecStart= or User= in $unit"; return 1; }
    EXEC_START=$exec_start USER_=$user GROUP_=${group:-$user} SUPPLEMENTARY=${supplementary// /,} UMASK=${umask:-0022} \
        RUNTIME=$runtime RUNTIME_MODE=${runtime_mode:-0755} ENV_FILE=$env_file ENVIRONMENT=$environment STATE=$work/state \
        in_root --isolated "$root" '
        envs=(PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 $ENVIRONMENT)
        file=${ENV_FILE#-}
        if [[ -n $file && -r $ROOT$file ]]; then
            while IFS= read -r line; do
                [[ $line =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] && envs+=("$line")
            done <"$ROOT$file"
        fi
        for dir in $RUNTIME; do
            install -d -o "$(inroot id -u "$USER_")" -g "$(inroot id -g "$USER_")" -m "$RUNTIME_MODE" "$ROOT/run/$dir"
        done
        groups=()
        [[ -n $SUPPLEMENTARY ]] && groups=(--groups "$SUPPLEMENTARY")
        (umask "$UMASK"; cd "$ROOT" && exec chroot --userspec="$USER_:$GROUP_" ${SUPPLEMENTARY:+--groups=$SUPPLEMENTARY} "$ROOT" \
            env -i "${envs[@]}" $EXEC_START) >"$STATE/pool.log" 2>&1 &
        pool=$!
        for _ in $(seq 150); do
            [[ -S $ROOT/run/gacetachat/gacetachat.sock ]] && break
            kill -0 $pool 2>/dev/null || break
            sleep 0.2
        done
        sleep 1
        {
            echo "socket: $(inroot stat -c "%A %U:%G" /run/gacetachat/gacetachat.sock 2>&1)"
            for p in "$ROOT"/proc/[0-9]*; do
                if [[ $(tr "\0" "\n" <"$p/cmdline" 2>/dev/null | head -n 1) == /usr/bin/gacetachat ]]; then
                    echo "process $(tr "\0" " " <"$p/cmdline") uid=$(awk "/^Uid:/ {print \$2}" "$p/status")"
                fi
            done
        } | tee "$STATE/pool.txt"
        uid=$(inroot id -u "$USER_")
        if [[ -S $ROOT/run/gacetachat/gacetachat.sock ]] && grep -q "srw-rw---- $USER_:www-data" "$STATE/pool.txt" &&
            grep -q "worker.*uid=$uid" "$STATE/pool.txt" && ! grep -q "uid=0" "$STATE/pool.txt"; then
            touch "$STATE/pool.ok"
        fi

        ln -s ../sites-available/gacetachat "$ROOT/etc/nginx/sites-enabled/gacetachat"
        if inroot nginx -t >"$STATE/nginx.log" 2>&1 && inroot nginx >>"$STATE/nginx.log" 2>&1; then
            code=$(curl -sk -o "$STATE/health.json" -w "%{http_code}" --resolve gaceta.example.cr:443:127.0.0.1 \
                https://gaceta.example.cr/health 2>>"$STATE/nginx.log")
            echo "GET https://gaceta.example.cr/health → $code $(cat "$STATE/health.json")" | tee -a "$STATE/nginx.log"
            [[ $code == 200 ]] && grep -q "\"status\":\"ok\"" "$STATE/health.json" && touch "$STATE/health.ok"
            inroot nginx -s quit || true
        fi
        rm -f "$ROOT/etc/nginx/sites-enabled/gacetachat"
        kill -QUIT $pool 2>/dev/null
        status=0
        wait $pool || status=$?
        echo "pool exited with status $status"
        cat "$STATE/pool.log" | tail -n 20
    '
}

pool_from_unit() {
    run_pool_and_nginx
    [[ -e $work/state/pool.ok ]]
}

health_through_nginx() {
    cat "$work/state/nginx.log" 2>/dev/null
    [[ -e $work/state/health.ok ]]
}

remove_keeps() {
    in_root "$work/root" '
        inroot apt-get remove -y -q gacetachat || exit 1
        status=0
        for path in /var/lib/gacetachat/db/gacetachat.db /etc/gacetachat/gacetachat.ini /etc/gacetachat/env /etc/nginx/sites-available/gacetachat; do
            if [[ -e $ROOT$path ]]; then echo "kept: $path"; else echo "GONE: $path"; status=1; fi
        done
        [[ ! -e $ROOT/usr/bin/gacetachat ]] || { echo "/usr/bin/gacetachat still there"; status=1; }
        inroot dpkg-query -W -f="\${Status}\n" gacetachat | tee /dev/stderr | grep -q "config-files" || status=1
        exit $status
    '
}

purge_removes() {
    in_root "$work/root" '
        inroot apt-get purge -y -q gacetachat || exit 1
        status=0
        for path in /var/lib/gacetachat /etc/gacetachat /etc/nginx/sites-available/gacetachat /lib/systemd/system/gacetachat.service /etc/systemd/system/multi-user.target.wants/gacetachat.service; do
            if [[ -e $ROOT$path || -L $ROOT$path ]]; then echo "STILL THERE: $path"; status=1; else echo "removed: $path"; fi
        done
        ! inroot dpkg-query -W -f="\${Status}\n" gacetachat 2>/dev/null | grep -q . || { echo "dpkg still knows gacetachat"; status=1; }
        exit $status
    '
}

# The package of PREVIOUS_REF (default HEAD~1), cached by commit in .build-deploy/previous/.
# previous_sha: PREVIOUS_REF (default HEAD~1) resolved once, when the run starts, so that a commit made while
# it runs does not change which package the upgrade check installs.
previous_sha=$(git rev-parse --verify "${PREVIOUS_REF:-HEAD~1}^{commit}" 2>/dev/null)

build_previous() {
    local ref=${PREVIOUS_REF:-HEAD~1} sha=$previous_sha
    [[ -n $sha ]] || { echo "no commit $ref (a shallow clone? fetch the history)"; return 1; }
    echo "previous: $ref = $sha"
    if [[ -s $work/previous/$sha.deb ]]; then
        echo "cached: $work/previous/$sha.deb"
        return 0
    fi
    rm -rf "$work/previous/out"
    build_in_src "$sha" "$work/previous/out" "$sha" || return 1
    mv "$work/previous/out/"gacetachat_*_amd64.deb "$work/previous/$sha.deb"
}

# Install the previous package, add data, install this one over it: the data stays, migrate ran.
upgrade_keeps_data() {
    local deb=$1 root previous=$work/previous/$previous_sha.deb
    [[ -s $previous ]] || { echo "no previous package ($previous)"; return 1; }
    root=$(new_root root-upgrade) || return 1
    cp "$previous" "$root/tmp/previous.deb" && cp "$deb" "$root/tmp/new.deb" && chmod 0644 "$root"/tmp/*.deb
    mkdir -p "$root/tmp/sample" && cp conf/sample/*.md "$root/tmp/sample/" && chmod -R a+rX "$root/tmp/sample"
    apt_install "$root" /tmp/previous.deb || return 1
    echo "SECRET_KEY=deploy-test-upgrade-0123456789abcdef0123456789" >>"$root/etc/gacetachat/env"
    local reinstall=''
    [[ $(dpkg-deb --field "$previous" Version) == $(dpkg-deb --field "$deb" Version) ]] && reinstall=--reinstall
    in_root "$root" '
        as_pool() { inroot setpriv --reuid=gacetachat --regid=gacetachat --init-groups env -i PATH=/usr/bin:/bin \
            GACETACHAT_PROFILE=production $(grep "^SECRET_KEY=" "$ROOT/etc/gacetachat/env") "$@"; }
        set -e
        inroot dpkg-reconfigure gacetachat
        as_pool gacetachat ingest --config /etc/gacetachat/gacetachat.ini /tmp/sample
        before=$(as_pool gacetachat search --config /etc/gacetachat/gacetachat.ini salario)
        echo "before the upgrade: $before" | head -n 5
        inroot apt-get install -y -q -o Dpkg::Use-Pty=0 '"$reinstall"' /tmp/new.deb | tee "$ROOT/tmp/upgrade.log"
        grep -q "schema version" "$ROOT/tmp/upgrade.log" || { echo "the postinst did not run gacetachat migrate"; exit 1; }
        after=$(as_pool gacetachat search --config /etc/gacetachat/gacetachat.ini salario)
        # The same hits (edition, page, document) before and after; snippets may change between releases.
        hits() { grep -E -- "— documento [0-9]+$" <<<"$1"; }
        [[ -n $(hits "$before") && $(hits "$before") == "$(hits "$after")" ]] ||
            { echo "search results changed: $after"; exit 1; }
        as_pool gacetachat migrate --config /etc/gacetachat/gacetachat.ini | tee /dev/stderr | grep -q "already at schema version"
        echo "data kept: the same search hits after the upgrade; schema current"
    '
}
