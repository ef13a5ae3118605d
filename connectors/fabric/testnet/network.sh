# The steps of up.sh: crypto material, channel genesis block, nodes, channel joins, chaincode.
# shellcheck shell=bash

DOMAIN=cairn.test
CRYPTO="$RUN_DIR/crypto"
ORDERER_HOME="$CRYPTO/ordererOrganizations/$DOMAIN"
ORDERER_NODE="$ORDERER_HOME/orderers/orderer.$DOMAIN"
ORDERER_CA="$ORDERER_NODE/tls/ca.crt"

org_home() { echo "$CRYPTO/peerOrganizations/org$1.$DOMAIN"; }
peer_home() { echo "$(org_home "$1")/peers/peer0.org$1.$DOMAIN"; }

make_crypto() {
  cat > "$RUN_DIR/config/crypto-config.yaml" <<YAML
OrdererOrgs:
  - Name: Orderer
    Domain: $DOMAIN
    EnableNodeOUs: true
    Specs:
      - Hostname: orderer
        SANS: [localhost, 127.0.0.1]
PeerOrgs:
$(for org in 1 2; do cat <<ORG
  - Name: Org$org
    Domain: org$org.$DOMAIN
    EnableNodeOUs: true
    Template:
      Count: 1
      SANS: [localhost, 127.0.0.1]
    Users:
      Count: 1
ORG
done)
YAML
  "$BIN_DIR/cryptogen" generate --config="$RUN_DIR/config/crypto-config.yaml" --output="$CRYPTO" >/dev/null
  log "crypto material generated (cryptogen)"
}

org_yaml() {
  cat <<ORG
  - &Org$1
    Name: Org$1MSP
    ID: Org$1MSP
    MSPDir: $(org_home "$1")/msp
    Policies:
      Readers: {Type: Signature, Rule: "OR('Org$1MSP.admin', 'Org$1MSP.peer', 'Org$1MSP.client')"}
      Writers: {Type: Signature, Rule: "OR('Org$1MSP.admin', 'Org$1MSP.client')"}
      Admins: {Type: Signature, Rule: "OR('Org$1MSP.admin')"}
      Endorsement: {Type: Signature, Rule: "OR('Org$1MSP.peer')"}
    AnchorPeers:
      - {Host: 127.0.0.1, Port: $(peer_port "$1")}
ORG
}

make_channel_block() {
  cat > "$RUN_DIR/config/configtx.yaml" <<YAML
Organizations:
  - &OrdererOrg
    Name: OrdererMSP
    ID: OrdererMSP
    MSPDir: $ORDERER_HOME/msp
    Policies:
      Readers: {Type: Signature, Rule: "OR('OrdererMSP.member')"}
      Writers: {Type: Signature, Rule: "OR('OrdererMSP.member')"}
      Admins: {Type: Signature, Rule: "OR('OrdererMSP.admin')"}
    OrdererEndpoints: [127.0.0.1:$ORDERER_PORT]
$(org_yaml 1)
$(org_yaml 2)
Profiles:
  CairnChannel:
    Policies:
      Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
      Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
      Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
    Capabilities: {V2_0: true}
    Orderer:
      OrdererType: etcdraft
      BatchTimeout: 250ms
      BatchSize: {MaxMessageCount: 50, AbsoluteMaxBytes: 10 MB, PreferredMaxBytes: 2 MB}
      EtcdRaft:
        Consenters:
          - Host: 127.0.0.1
            Port: $ORDERER_PORT
            ClientTLSCert: $ORDERER_NODE/tls/server.crt
            ServerTLSCert: $ORDERER_NODE/tls/server.crt
      Organizations: [*OrdererOrg]
      Policies:
        Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
        Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
        Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
        BlockValidation: {Type: ImplicitMeta, Rule: "ANY Writers"}
      Capabilities: {V2_0: true}
    Application:
      Organizations: [*Org1, *Org2]
      Policies:
        Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
        Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
        Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
        LifecycleEndorsement: {Type: ImplicitMeta, Rule: "MAJORITY Endorsement"}
        Endorsement: {Type: ImplicitMeta, Rule: "MAJORITY Endorsement"}
      Capabilities: {V2_5: true}
YAML
  FABRIC_CFG_PATH="$RUN_DIR/config" "$BIN_DIR/configtxgen" -profile CairnChannel \
    -outputBlock "$RUN_DIR/$CHANNEL.block" -channelID "$CHANNEL" > "$RUN_DIR/logs/configtxgen.log" 2>&1
  log "channel genesis block $CHANNEL.block generated (configtxgen)"
}

# spawn NAME CMD...: starts a node detached from the caller's stdio and records its PID.
spawn() {
  local name=$1; shift
  "$@" < /dev/null > "$RUN_DIR/logs/$name.log" 2>&1 &
  local pid=$!
  record_pid "$name" "$pid"
  log "started $name (pid $pid)"
}

wait_port() {
  local port=$1 name=$2 i
  for ((i = 0; i < 300; i++)); do
    port_open "$port" && return 0
    alive "$name" || die "$name exited; see $RUN_DIR/logs/$name.log"
    sleep 0.1
  done
  die "$name did not listen on port $port within 30 s"
}

start_orderer() {
  mkdir -p "$RUN_DIR/orderer"
  cp "$SAMPLE_CONFIG/orderer.yaml" "$RUN_DIR/orderer/orderer.yaml"
  local tls="$ORDERER_NODE/tls"
  spawn orderer env FABRIC_CFG_PATH="$RUN_DIR/orderer" FABRIC_LOGGING_SPEC=INFO \
    ORDERER_GENERAL_LISTENADDRESS=127.0.0.1 ORDERER_GENERAL_LISTENPORT="$ORDERER_PORT" \
    ORDERER_GENERAL_LOCALMSPID=OrdererMSP ORDERER_GENERAL_LOCALMSPDIR="$ORDERER_NODE/msp" \
    ORDERER_GENERAL_TLS_ENABLED=true ORDERER_GENERAL_TLS_PRIVATEKEY="$tls/server.key" \
    ORDERER_GENERAL_TLS_CERTIFICATE="$tls/server.crt" ORDERER_GENERAL_TLS_ROOTCAS="[$tls/ca.crt]" \
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$tls/server.crt" \
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$tls/server.key" \
    ORDERER_GENERAL_CLUSTER_ROOTCAS="[$tls/ca.crt]" \
    ORDERER_GENERAL_BOOTSTRAPMETHOD=none ORDERER_CHANNELPARTICIPATION_ENABLED=true \
    ORDERER_ADMIN_LISTENADDRESS="127.0.0.1:$ORDERER_ADMIN_PORT" ORDERER_ADMIN_TLS_ENABLED=true \
    ORDERER_ADMIN_TLS_PRIVATEKEY="$tls/server.key" ORDERER_ADMIN_TLS_CERTIFICATE="$tls/server.crt" \
    ORDERER_ADMIN_TLS_ROOTCAS="[$tls/ca.crt]" ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true \
    ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$tls/ca.crt]" \
    ORDERER_FILELEDGER_LOCATION="$RUN_DIR/orderer/ledger" \
    ORDERER_CONSENSUS_WALDIR="$RUN_DIR/orderer/etcdraft/wal" \
    ORDERER_CONSENSUS_SNAPDIR="$RUN_DIR/orderer/etcdraft/snapshot" \
    ORDERER_OPERATIONS_LISTENADDRESS="127.0.0.1:$ORDERER_OPS_PORT" ORDERER_METRICS_PROVIDER=disabled \
    "$BIN_DIR/orderer"
}

peer_config_dir() {
  local dir="$RUN_DIR/peer0.org$1"
  mkdir -p "$dir"
  # external builders only (no container runtime): the chaincode-as-a-service builder of this directory
  sed -e "s|^\(\s*\)- name: ccaas_builder|\1- name: cairn_ccaas|" \
      -e "s|path: /opt/hyperledger/ccaas_builder|path: $TESTNET_DIR/ccaas|" \
      -e "s|endpoint: unix:///var/run/docker.sock|endpoint: \"\"|" \
      "$SAMPLE_CONFIG/core.yaml" > "$dir/core.yaml"
  echo "$dir"
}

# The TLS roots of both organisations: peers dial each other (gossip) from the first moment, before
# the channel configuration has told them the other organisation's TLS CA.
tls_roots() {
  local bundle="$RUN_DIR/config/peer-tls-roots.pem"
  [[ -f "$bundle" ]] || cat "$(peer_home 1)/tls/ca.crt" "$(peer_home 2)/tls/ca.crt" > "$bundle"
  echo "$bundle"
}

start_peer() {
  local org=$1 port home cfg
  port=$(peer_port "$org"); home=$(peer_home "$org"); cfg=$(peer_config_dir "$org")
  spawn "peer0.org$org" env FABRIC_CFG_PATH="$cfg" FABRIC_LOGGING_SPEC=INFO \
    CORE_PEER_ID="peer0.org$org.$DOMAIN" CORE_PEER_NETWORKID=cairn \
    CORE_PEER_ADDRESS="127.0.0.1:$port" CORE_PEER_LISTENADDRESS="127.0.0.1:$port" \
    CORE_PEER_CHAINCODEADDRESS="127.0.0.1:$((port + 1))" \
    CORE_PEER_CHAINCODELISTENADDRESS="127.0.0.1:$((port + 1))" \
    CORE_PEER_GOSSIP_BOOTSTRAP="127.0.0.1:$port" CORE_PEER_GOSSIP_EXTERNALENDPOINT="127.0.0.1:$port" \
    CORE_PEER_LOCALMSPID="Org${org}MSP" CORE_PEER_MSPCONFIGPATH="$home/msp" \
    CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_CERT_FILE="$home/tls/server.crt" \
    CORE_PEER_TLS_KEY_FILE="$home/tls/server.key" CORE_PEER_TLS_ROOTCERT_FILE="$(tls_roots)" \
    CORE_PEER_GOSSIP_RECONNECTINTERVAL=2s CORE_PEER_FILESYSTEMPATH="$cfg/data" CORE_LEDGER_SNAPSHOTS_ROOTDIR="$cfg/data/snapshots" \
    CORE_OPERATIONS_LISTENADDRESS="127.0.0.1:$((port + 2))" CORE_METRICS_PROVIDER=disabled \
    CORE_CHAINCODE_STARTUPTIMEOUT=20s CORE_CHAINCODE_EXECUTETIMEOUT=20s \
    "$BIN_DIR/peer" node start
}

# as_admin ORG CMD...: runs a peer CLI command as the organisation's admin against its peer.
as_admin() {
  local org=$1; shift
  FABRIC_CFG_PATH="$RUN_DIR/peer0.org$org" CORE_PEER_LOCALMSPID="Org${org}MSP" \
    CORE_PEER_MSPCONFIGPATH="$(org_home "$org")/users/Admin@org$org.$DOMAIN/msp" \
    CORE_PEER_ADDRESS="127.0.0.1:$(peer_port "$org")" CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_TLS_ROOTCERT_FILE="$(peer_home "$org")/tls/ca.crt" FABRIC_LOGGING_SPEC=WARNING \
    "$@"
}

join_orderer() {
  local admin="$ORDERER_HOME/users/Admin@$DOMAIN/tls"
  "$BIN_DIR/osnadmin" channel join --channelID "$CHANNEL" --config-block "$RUN_DIR/$CHANNEL.block" \
    -o "127.0.0.1:$ORDERER_ADMIN_PORT" --ca-file "$ORDERER_CA" \
    --client-cert "$admin/client.crt" --client-key "$admin/client.key" > "$RUN_DIR/logs/osnadmin.log" 2>&1
  log "orderer joined channel $CHANNEL (osnadmin channel join)"
  local i
  for ((i = 0; i < 300; i++)); do
    "$BIN_DIR/osnadmin" channel list --channelID "$CHANNEL" -o "127.0.0.1:$ORDERER_ADMIN_PORT" \
      --ca-file "$ORDERER_CA" --client-cert "$admin/client.crt" --client-key "$admin/client.key" \
      2>/dev/null | grep -q '"consensusRelation": "consenter"' && \
    grep -q "Raft leader changed: 0 -> 1\|became leader at term" "$RUN_DIR/logs/orderer.log" && return 0
    sleep 0.1
  done
  die "orderer did not elect a Raft leader for $CHANNEL within 30 s"
}

join_peer() {
  wait_port "$(peer_port "$1")" "peer0.org$1"
  as_admin "$1" "$BIN_DIR/peer" channel join -b "$RUN_DIR/$CHANNEL.block" >> "$RUN_DIR/logs/cli.log" 2>&1
  log "peer0.org$1 joined channel $CHANNEL (peer channel join)"
}

# wait_membership ORG: waits until the peer sees the other organisation's peer through gossip, which the
# gateway's endorsement planning (service discovery) needs.
wait_membership() {
  local i
  for ((i = 0; i < 600; i++)); do
    grep -q "Membership view has changed. peers went online" "$RUN_DIR/logs/peer0.org$1.log" && {
      log "peer0.org$1 sees the other organisation (gossip)"
      return 0
    }
    sleep 0.1
  done
  die "peer0.org$1 did not see the other organisation's peer within 60 s"
}

source "$TESTNET_DIR/chaincode.sh"

write_network_env() {
  local env="$RUN_DIR/network.env" org user
  {
    echo "FABRIC_VERSION=$("$BIN_DIR/peer" version | sed -n 's/^ Version: //p')"
    echo "FABRIC_PEER_VERSION_OUTPUT=\"$("$BIN_DIR/peer" version | tr '\n' ' ' | sed 's/  */ /g')\""
    echo "FABRIC_ORDERER_VERSION_OUTPUT=\"$("$BIN_DIR/orderer" version | tr '\n' ' ' | sed 's/  */ /g')\""
    echo "CHANNEL=$CHANNEL"
    echo "CHAINCODE_NAME=$CC_NAME"
    echo "CHAINCODE_PACKAGE_ID=${PACKAGE_ID:-}"
    echo "ORDERER_ENDPOINT=127.0.0.1:$ORDERER_PORT"
    echo "ORDERER_TLS_CA=$ORDERER_CA"
    echo "ORDERER_HOST_OVERRIDE=orderer.$DOMAIN"
    for org in 1 2; do
      user="$(org_home "$org")/users/User1@org$org.$DOMAIN/msp"
      echo "ORG${org}_MSP_ID=Org${org}MSP"
      echo "ORG${org}_PEER_ENDPOINT=127.0.0.1:$(peer_port "$org")"
      echo "ORG${org}_PEER_HOST_OVERRIDE=peer0.org$org.$DOMAIN"
      echo "ORG${org}_PEER_TLS_CA=$(peer_home "$org")/tls/ca.crt"
      echo "ORG${org}_USER_CERT=$user/signcerts/User1@org$org.$DOMAIN-cert.pem"
      echo "ORG${org}_USER_KEY=$(ls "$user"/keystore/*_sk)"
    done
    echo "PIDS_DIR=$RUN_DIR/pids"
  } > "$env"
}
