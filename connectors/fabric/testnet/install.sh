#!/usr/bin/env bash
# Builds the Hyperledger Fabric binaries the Cairn test network needs from the Fabric Go module at a
# pinned version, and caches them outside the repository.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: install.sh [--force] [--print-bin-dir] [--help]

Builds peer, orderer, configtxgen, osnadmin and cryptogen from the Go module
github.com/hyperledger/fabric at a pinned commit (Fabric 2.5.0, fetched through the Go module proxy
as a pseudo-version, because Fabric's v2 tags carry no /v2 module suffix) and caches them in
  ${CAIRN_FABRIC_HOME:-$HOME/.cache/cairn/fabric}/<version>/bin
Binaries already in the cache are not rebuilt. Prints each binary's `version` output.

Options:
  --force          rebuild even when the binaries are cached
  --print-bin-dir  print the cache bin directory and exit (nothing is built)
  --help           show this help

Environment:
  CAIRN_FABRIC_HOME  cache root (default $HOME/.cache/cairn/fabric)
  GO                 go command (default: go on PATH, else /usr/local/go/bin/go)
USAGE
}

FABRIC_MODULE=github.com/hyperledger/fabric
# v2.5.0 (release notes dated 2023-03-31, FABRIC_VER 2.5.0), commit bd8e24856939 on release-2.5.
FABRIC_MODULE_VERSION=v1.4.0-rc1.0.20230401164317-bd8e24856939
FABRIC_VERSION=2.5.0
FABRIC_COMMIT=bd8e24856939
BINARIES=(peer orderer configtxgen osnadmin cryptogen)

force=false
for arg in "$@"; do
  case "$arg" in
    --help|-h) usage; exit 0 ;;
    --force) force=true ;;
    --print-bin-dir) echo "${CAIRN_FABRIC_HOME:-$HOME/.cache/cairn/fabric}/${FABRIC_VERSION}-${FABRIC_COMMIT}/bin"; exit 0 ;;
    *) echo "install.sh: unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

BIN_DIR="${CAIRN_FABRIC_HOME:-$HOME/.cache/cairn/fabric}/${FABRIC_VERSION}-${FABRIC_COMMIT}/bin"

find_go() {
  if [[ -n "${GO:-}" ]]; then echo "$GO"; return; fi
  if command -v go >/dev/null 2>&1; then command -v go; return; fi
  if [[ -x /usr/local/go/bin/go ]]; then echo /usr/local/go/bin/go; return; fi
  echo "install.sh: no Go toolchain found (set GO or put go on PATH)" >&2
  exit 3
}

all_cached() {
  local b
  for b in "${BINARIES[@]}"; do [[ -x "$BIN_DIR/$b" ]] || return 1; done
  [[ -f "$BIN_DIR/../config/core.yaml" && -f "$BIN_DIR/../config/orderer.yaml" ]]
}

module_dir() {
  local go_cmd=$1 json dir
  json=$(cd "$(mktemp -d)" && GOFLAGS=-mod=mod "$go_cmd" mod download -json "${FABRIC_MODULE}@${FABRIC_MODULE_VERSION}")
  dir=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  if [[ -z "$dir" || ! -f "$dir/go.mod" ]]; then
    printf '%s\n' "$json" >&2
    echo "install.sh: could not download ${FABRIC_MODULE}@${FABRIC_MODULE_VERSION}" >&2
    exit 4
  fi
  echo "$dir"
}

build_all() {
  local go_cmd dir ldflags b start
  go_cmd=$(find_go)
  echo "install.sh: $("$go_cmd" version)"
  dir=$(module_dir "$go_cmd")
  echo "install.sh: building Fabric ${FABRIC_VERSION} (${FABRIC_COMMIT}) from $dir"
  ldflags="-X ${FABRIC_MODULE}/common/metadata.Version=${FABRIC_VERSION}"
  ldflags+=" -X ${FABRIC_MODULE}/common/metadata.CommitSHA=${FABRIC_COMMIT}"
  mkdir -p "$BIN_DIR"
  BUILD_TMP=$(mktemp -d "$BIN_DIR/.build.XXXXXX")
  trap 'rm -rf "${BUILD_TMP:-}"' EXIT
  for b in "${BINARIES[@]}"; do
    if [[ -x "$BIN_DIR/$b" && "$force" != true ]]; then continue; fi
    start=$(date +%s)
    (cd "$dir" && CGO_ENABLED=0 "$go_cmd" build -mod=readonly -trimpath -buildvcs=false \
        -ldflags "$ldflags" -o "$BUILD_TMP/$b" "./cmd/$b")
    mv -f "$BUILD_TMP/$b" "$BIN_DIR/$b"
    echo "install.sh: built $b in $(( $(date +%s) - start )) s"
  done
  # the sample node configuration of the same commit: up.sh derives each node's configuration from it
  mkdir -p "$BIN_DIR/../config"
  cp -f "$dir/sampleconfig/core.yaml" "$dir/sampleconfig/orderer.yaml" "$BIN_DIR/../config/"
  chmod u+w "$BIN_DIR/../config/"*.yaml
}

if [[ "$force" == true ]] || ! all_cached; then
  build_all
else
  echo "install.sh: Fabric ${FABRIC_VERSION} (${FABRIC_COMMIT}) binaries cached in $BIN_DIR"
fi

"$BIN_DIR/peer" version
"$BIN_DIR/orderer" version
"$BIN_DIR/configtxgen" --version
echo "osnadmin: built from the same commit (it has no version command)"
"$BIN_DIR/cryptogen" version
echo "install.sh: bin directory $BIN_DIR"
