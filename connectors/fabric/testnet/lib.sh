# Shared by up.sh and down.sh: defaults, logging and PID bookkeeping for the native Fabric test network.
# shellcheck shell=bash disable=SC2034

TESTNET_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEFAULT_RUN_DIR="${TMPDIR:-/tmp}/cairn-fabric-testnet"

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Field 22 of /proc/<pid>/stat: the start time in clock ticks; with the PID it names one process exactly.
start_ticks() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null; }

# record_pid NAME PID: remembers a started process in <run>/pids/NAME.pid as "PID START_TICKS".
record_pid() {
  mkdir -p "$RUN_DIR/pids"
  echo "$2 $(start_ticks "$2")" > "$RUN_DIR/pids/$1.pid"
}

# alive NAME: true when the recorded process still runs (same PID and start time).
alive() {
  local file="$RUN_DIR/pids/$1.pid" pid ticks
  [[ -f "$file" ]] || return 1
  read -r pid ticks < "$file"
  [[ -n "$pid" && "$(start_ticks "$pid")" == "$ticks" ]]
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
