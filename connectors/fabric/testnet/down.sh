#!/usr/bin/env bash
# Stops every process up.sh started, by the PIDs it recorded, and checks their ports are free.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'USAGE'
Usage: down.sh [--run-dir DIR] [--purge] [--help]

Stops the processes of the native Fabric test network that up.sh recorded in DIR/pids (chaincode
service, peers, orderer): SIGTERM, then SIGKILL after 10 s. A PID is only signalled while its
start time still matches the recorded one, so a reused PID is never hit. Then checks that none of
the network's ports is still listening.

Options:
  --run-dir DIR  the run directory given to up.sh (default: $TMPDIR/cairn-fabric-testnet)
  --purge        also delete the run directory (ledgers, crypto material, logs)
  --help         show this help
USAGE
}

RUN_DIR="$DEFAULT_RUN_DIR"
purge=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --help|-h) usage; exit 0 ;;
    --run-dir) RUN_DIR="$2"; shift 2 ;;
    --purge) purge=true; shift ;;
    *) echo "down.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# signal NAME SIGNAL: signals the recorded process while it is still the one up.sh started.
signal() {
  local pid ticks
  read -r pid ticks < "$RUN_DIR/pids/$1.pid"
  if alive "$1"; then kill "-$2" "$pid" 2>/dev/null || true; fi
}

# stop NAMES...: SIGTERM to all, then SIGKILL to those still running after 10 s.
stop() {
  local name i running
  for name in "$@"; do signal "$name" TERM; done
  for ((i = 0; i < 100; i++)); do
    running=()
    for name in "$@"; do alive "$name" && running+=("$name"); done
    [[ ${#running[@]} -eq 0 ]] && break
    sleep 0.1
  done
  for name in "${running[@]}"; do
    log "$name ignored SIGTERM, sending SIGKILL"
    signal "$name" KILL
  done
  for ((i = 0; i < 50; i++)); do
    running=()
    for name in "$@"; do alive "$name" && running+=("$name"); done
    [[ ${#running[@]} -eq 0 ]] && break
    sleep 0.1
  done
  for name in "$@"; do
    if alive "$name"; then log "$name is still running"; else log "stopped $name"; rm -f "$RUN_DIR/pids/$name.pid"; fi
  done
}

if [[ -d "$RUN_DIR/pids" ]]; then
  # the chaincode service and the peers first, then the orderer, then anything else recorded
  for group in "chaincode peer0.org1 peer0.org2" "orderer"; do
    names=()
    for name in $group; do [[ -f "$RUN_DIR/pids/$name.pid" ]] && names+=("$name"); done
    [[ ${#names[@]} -gt 0 ]] && stop "${names[@]}"
  done
  for file in "$RUN_DIR"/pids/*.pid; do
    [[ -e "$file" ]] && stop "$(basename "$file" .pid)"
  done
fi

busy=()
if [[ -f "$RUN_DIR/ports" ]]; then
  read -r -a ports < "$RUN_DIR/ports"
  for port in "${ports[@]}"; do port_open "$port" && busy+=("$port"); done
fi
if [[ "$purge" == true ]]; then rm -rf "$RUN_DIR"; fi
if [[ ${#busy[@]} -gt 0 ]]; then die "ports still listening after stop: ${busy[*]}"; fi
if ls "$RUN_DIR"/pids/*.pid >/dev/null 2>&1; then die "processes still running: $(ls "$RUN_DIR/pids")"; fi
log "network down"
