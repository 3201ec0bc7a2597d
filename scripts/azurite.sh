# shellcheck shell=bash
# Azurite (the Azure Storage emulator) for ./run and ./test. Source this file; it defines:
#
#   azurite_install <repo>                  npm ci from the committed lock file when node_modules is missing or stale
#   azurite_start <repo> <data-dir> <log>   start Azurite on free loopback ports and wait until all three answer;
#                                           sets AZURITE_PID, AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT,
#                                           AZURITE_TABLE_PORT and AZURITE_CONNECTION_STRING
#   azurite_stop                            stop the Azurite started above (safe to call more than once)
#
# Only Node.js and npm are assumed; ports are found and probed with scripts/net.js.

# Well-known development account of the emulator (public, not a secret); the same values as
# tests/Workflow.Testing/Azurite.cs.
AZURITE_ACCOUNT_NAME=devstoreaccount1
AZURITE_ACCOUNT_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

# How long Azurite may take to listen, and to stop before it is killed.
AZURITE_START_TIMEOUT_SECONDS=${AZURITE_START_TIMEOUT_SECONDS:-60}
AZURITE_STOP_TIMEOUT_TENTHS=100
# Another process can take a port between picking it and Azurite binding it; then retry with new ones.
AZURITE_START_ATTEMPTS=3

AZURITE_PID=

azurite_fail() {
    echo "azurite: $*" >&2
    return 1
}

azurite_require_tools() {
    command -v node >/dev/null 2>&1 || azurite_fail "Node.js is required (node not found on PATH)" || return 1
    command -v npm >/dev/null 2>&1 || azurite_fail "npm is required (npm not found on PATH)" || return 1
}

# A fingerprint of the committed package files; node_modules is current when it was installed from these.
azurite_lock_fingerprint() {
    local root=$1
    cat "$root/package.json" "$root/package-lock.json" | sha256sum | cut -d' ' -f1
}

azurite_installed() {
    local root=$1 stamp=$1/node_modules/.workflow-install-stamp
    [[ -x $root/node_modules/.bin/azurite && -f $stamp ]] &&
        [[ $(<"$stamp") == "$(azurite_lock_fingerprint "$root")" ]]
}

azurite_install() {
    local root=$1
    azurite_require_tools || return 1
    if azurite_installed "$root"; then
        return 0
    fi

    mkdir -p "$root/.azurite"
    # Concurrent ./test runs on a fresh clone must not run npm ci over each other.
    (
        if command -v flock >/dev/null 2>&1; then
            flock 9
        fi
        if azurite_installed "$root"; then
            exit 0
        fi
        echo "Installing Azurite from package-lock.json (npm ci)..."
        cd "$root" && npm ci --no-audit --no-fund --loglevel=error || exit 1
        azurite_lock_fingerprint "$root" >"$root/node_modules/.workflow-install-stamp"
    ) 9>"$root/.azurite/install.lock" || azurite_fail "npm ci failed" || return 1
}

azurite_connection_string() {
    local blob=$1 queue=$2 table=$3
    printf '%s' "DefaultEndpointsProtocol=http;AccountName=$AZURITE_ACCOUNT_NAME;" \
        "AccountKey=$AZURITE_ACCOUNT_KEY;" \
        "BlobEndpoint=http://127.0.0.1:$blob/$AZURITE_ACCOUNT_NAME;" \
        "QueueEndpoint=http://127.0.0.1:$queue/$AZURITE_ACCOUNT_NAME;" \
        "TableEndpoint=http://127.0.0.1:$table/$AZURITE_ACCOUNT_NAME;"
}

azurite_start() {
    local root=$1 data=$2 log=$3
    local attempt ports blob queue table status
    mkdir -p "$data" "$(dirname "$log")"

    for ((attempt = 1; attempt <= AZURITE_START_ATTEMPTS; attempt++)); do
        ports=$(node "$root/scripts/net.js" free-ports 3) || return 1
        read -r blob queue table <<<"$ports"

        "$root/node_modules/.bin/azurite" \
            --silent --disableTelemetry --skipApiVersionCheck \
            --location "$data" \
            --blobHost 127.0.0.1 --blobPort "$blob" \
            --queueHost 127.0.0.1 --queuePort "$queue" \
            --tableHost 127.0.0.1 --tablePort "$table" \
            >>"$log" 2>&1 </dev/null &
        AZURITE_PID=$!

        status=0
        node "$root/scripts/net.js" wait "$AZURITE_START_TIMEOUT_SECONDS" "$AZURITE_PID" "$blob" "$queue" "$table" || status=$?
        if ((status == 0)); then
            AZURITE_BLOB_PORT=$blob
            AZURITE_QUEUE_PORT=$queue
            AZURITE_TABLE_PORT=$table
            AZURITE_CONNECTION_STRING=$(azurite_connection_string "$blob" "$queue" "$table")
            return 0
        fi

        azurite_stop
        if ((status == 1)); then
            azurite_fail "Azurite did not answer on ports $blob $queue $table within ${AZURITE_START_TIMEOUT_SECONDS}s; log $log:"
            tail -n 20 "$log" >&2
            return 1
        fi
        echo "azurite: exited during start (attempt $attempt of $AZURITE_START_ATTEMPTS)" >&2
    done

    azurite_fail "Azurite would not start; log $log:"
    tail -n 20 "$log" >&2
    return 1
}

azurite_stop() {
    local pid=$AZURITE_PID i
    AZURITE_PID=
    [[ -n $pid ]] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        # Let it flush its data files; kill it if it hangs.
        for ((i = 0; i < AZURITE_STOP_TIMEOUT_TENTHS; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}
