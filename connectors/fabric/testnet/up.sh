#!/usr/bin/env bash
# Starts a native Hyperledger Fabric network on 127.0.0.1 (no containers): one Raft orderer, two
# organisations with one peer each, one application channel joined through the channel participation
# API, and optionally Cairn's anchoring chaincode as a chaincode service, approved by both
# organisations and committed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'USAGE'
Usage: up.sh [--run-dir DIR] [--base-port N] [--channel NAME] [--chaincode-jar JAR] [--java JAVA] [--help]

Starts the network from the binaries install.sh cached (it does not build them):
  orderer        etcdraft, TLS, channel participation API   127.0.0.1:BASE, admin BASE+3, operations BASE+4
  peer0.org1     Org1MSP                                     127.0.0.1:BASE+10 (chaincode +11, operations +12)
  peer0.org2     Org2MSP                                     127.0.0.1:BASE+20 (chaincode +21, operations +22)
  chaincode      the anchoring chaincode service (optional)  127.0.0.1:BASE+30
Crypto material is made with cryptogen, the channel genesis block with configtxgen; the orderer joins
with `osnadmin channel join`, the peers with `peer channel join`. With --chaincode-jar the chaincode
`cairn-anchor` is packaged as a chaincode-as-a-service package, installed on both peers, approved by
both organisations, committed, and its server (java -jar JAR) started and checked with a query.

Everything started is recorded in DIR/pids (PID and start time); down.sh stops it. On failure up.sh
stops what it started. DIR/network.env describes the network for clients (endpoints, TLS roots,
user certificates and keys, versions). An existing DIR is wiped first (run down.sh before).

Options:
  --run-dir DIR        run directory (default: $TMPDIR/cairn-fabric-testnet)
  --base-port N        first port (default 27050)
  --channel NAME       application channel (default cairn)
  --chaincode-jar JAR  the chaincode service jar (cairn-anchor-chaincode-*-server.jar)
  --java JAVA          java executable for the chaincode (default $JAVA_HOME/bin/java, else java)
  --help               show this help
Environment: CAIRN_FABRIC_HOME as for install.sh.
USAGE
}

RUN_DIR="$DEFAULT_RUN_DIR"
BASE_PORT=27050
CHANNEL=cairn
CHAINCODE_JAR=""
JAVA_CMD="${JAVA_HOME:+$JAVA_HOME/bin/java}"
JAVA_CMD="${JAVA_CMD:-java}"
CC_NAME=cairn-anchor
CC_VERSION=1.0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --help|-h) usage; exit 0 ;;
    --run-dir) RUN_DIR="$2"; shift 2 ;;
    --base-port) BASE_PORT="$2"; shift 2 ;;
    --channel) CHANNEL="$2"; shift 2 ;;
    --chaincode-jar) CHAINCODE_JAR="$2"; shift 2 ;;
    --java) JAVA_CMD="$2"; shift 2 ;;
    *) echo "up.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

BIN_DIR="$(bash "$TESTNET_DIR/install.sh" --print-bin-dir)"
SAMPLE_CONFIG="$BIN_DIR/../config"
for b in peer orderer configtxgen osnadmin cryptogen; do
  [[ -x "$BIN_DIR/$b" ]] || die "$BIN_DIR/$b missing: run install.sh first"
done
[[ -f "$SAMPLE_CONFIG/core.yaml" ]] || die "$SAMPLE_CONFIG/core.yaml missing: run install.sh first"
[[ -z "$CHAINCODE_JAR" || -f "$CHAINCODE_JAR" ]] || die "chaincode jar not found: $CHAINCODE_JAR"

ORDERER_PORT=$BASE_PORT
ORDERER_ADMIN_PORT=$((BASE_PORT + 3))
ORDERER_OPS_PORT=$((BASE_PORT + 4))
CC_PORT=$((BASE_PORT + 30))
peer_port() { echo $((BASE_PORT + 10 * $1)); }   # org number -> peer port

if [[ -d "$RUN_DIR/pids" ]] && ls "$RUN_DIR"/pids/*.pid >/dev/null 2>&1; then
  die "$RUN_DIR has recorded processes: run down.sh --run-dir $RUN_DIR first"
fi
rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR"/{pids,logs,config}
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
ALL_PORTS="$ORDERER_PORT $ORDERER_ADMIN_PORT $ORDERER_OPS_PORT"
for org in 1 2; do p=$(peer_port "$org"); ALL_PORTS+=" $p $((p + 1)) $((p + 2))"; done
[[ -n "$CHAINCODE_JAR" ]] && ALL_PORTS+=" $CC_PORT"
for port in $ALL_PORTS; do port_open "$port" && die "port $port is already in use"; done
echo "$ALL_PORTS" > "$RUN_DIR/ports"

network_up=false
on_exit() {
  local rc=$?
  if [[ "$network_up" != true ]]; then
    log "up.sh failed (exit $rc); logs in $RUN_DIR/logs; stopping what was started"
    bash "$TESTNET_DIR/down.sh" --run-dir "$RUN_DIR" || true
    [[ $rc -ne 0 ]] || rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT

started=$(date +%s%N)
source "$TESTNET_DIR/network.sh"

make_crypto
make_channel_block
start_orderer
for org in 1 2; do start_peer "$org"; done
wait_port "$ORDERER_ADMIN_PORT" orderer
join_orderer
for org in 1 2; do join_peer "$org"; done
if [[ -n "$CHAINCODE_JAR" ]]; then deploy_chaincode; fi
for org in 1 2; do wait_membership "$org"; done
write_network_env
network_up=true
log "network up in $(( ($(date +%s%N) - started) / 1000000 )) ms; run directory $RUN_DIR"
