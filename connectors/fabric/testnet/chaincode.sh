# Chaincode-as-a-service deployment of the anchoring chaincode: package, install on both peers,
# approve for both organisations, commit, start the chaincode server, check it answers.
# shellcheck shell=bash

ORDERER_ARGS=()

package_chaincode() {
  local dir="$RUN_DIR/chaincode"
  mkdir -p "$dir/pkg"
  printf '{"address":"127.0.0.1:%s","dial_timeout":"10s","tls_required":false}\n' "$CC_PORT" \
    > "$dir/pkg/connection.json"
  printf '{"type":"ccaas","label":"%s_%s"}\n' "$CC_NAME" "$CC_VERSION" > "$dir/pkg/metadata.json"
  tar -C "$dir/pkg" -czf "$dir/pkg/code.tar.gz" connection.json
  tar -C "$dir/pkg" -czf "$dir/$CC_NAME.tar.gz" metadata.json code.tar.gz
  PACKAGE_ID=$(as_admin 1 "$BIN_DIR/peer" lifecycle chaincode calculatepackageid "$dir/$CC_NAME.tar.gz")
  log "chaincode package $CC_NAME.tar.gz (ccaas), package id $PACKAGE_ID"
}

start_chaincode_server() {
  spawn chaincode env CHAINCODE_SERVER_ADDRESS="127.0.0.1:$CC_PORT" CORE_CHAINCODE_ID_NAME="$PACKAGE_ID" \
    CORE_PEER_TLS_ENABLED=false "$JAVA_CMD" -jar "$CHAINCODE_JAR"
  wait_port "$CC_PORT" chaincode
}

deploy_chaincode() {
  local org seq=1
  ORDERER_ARGS=(-o "127.0.0.1:$ORDERER_PORT" --ordererTLSHostnameOverride "orderer.$DOMAIN" --tls --cafile "$ORDERER_CA")
  package_chaincode
  start_chaincode_server
  for org in 1 2; do
    as_admin "$org" "$BIN_DIR/peer" lifecycle chaincode install "$RUN_DIR/chaincode/$CC_NAME.tar.gz" \
      >> "$RUN_DIR/logs/cli.log" 2>&1
    log "chaincode installed on peer0.org$org"
  done
  for org in 1 2; do
    as_admin "$org" "$BIN_DIR/peer" lifecycle chaincode approveformyorg "${ORDERER_ARGS[@]}" \
      --channelID "$CHANNEL" --name "$CC_NAME" --version "$CC_VERSION" --package-id "$PACKAGE_ID" \
      --sequence "$seq" >> "$RUN_DIR/logs/cli.log" 2>&1
    log "chaincode approved by Org${org}MSP"
  done
  as_admin 1 "$BIN_DIR/peer" lifecycle chaincode commit "${ORDERER_ARGS[@]}" --channelID "$CHANNEL" \
    --name "$CC_NAME" --version "$CC_VERSION" --sequence "$seq" \
    --peerAddresses "127.0.0.1:$(peer_port 1)" --tlsRootCertFiles "$(peer_home 1)/tls/ca.crt" \
    --peerAddresses "127.0.0.1:$(peer_port 2)" --tlsRootCertFiles "$(peer_home 2)/tls/ca.crt" \
    >> "$RUN_DIR/logs/cli.log" 2>&1
  log "chaincode $CC_NAME committed on $CHANNEL"
  for org in 1 2; do wait_chaincode "$org"; done
}

wait_chaincode() {
  local i
  for ((i = 0; i < 60; i++)); do
    if as_admin "$1" "$BIN_DIR/peer" chaincode query -C "$CHANNEL" -n "$CC_NAME" -c '{"Args":["ping"]}' \
        2>>"$RUN_DIR/logs/cli.log" | grep -q pong; then
      log "chaincode answers on peer0.org$1"
      return 0
    fi
    sleep 0.5
  done
  die "chaincode $CC_NAME does not answer on peer0.org$1"
}
