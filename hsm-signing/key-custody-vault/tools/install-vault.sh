#!/usr/bin/env bash
# Builds the HashiCorp Vault server binary the Vault key custody integration tests run (`vault server -dev`)
# from the Vault Go module at a pinned version, and caches it outside the repository.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: install-vault.sh [--force] [--print-bin-dir] [--help]

Builds the `vault` binary from the Go module github.com/hashicorp/vault at a pinned version, fetched through
the Go module proxy, and caches it in
  ${CAIRN_VAULT_HOME:-$HOME/.cache/cairn/vault}/<version>/bin/vault
The module's go.mod points its nested modules (api, api/auth/*, sdk) at local directories that are not part
of the published module. Those replace directives are dropped, so the published versions go.mod requires
are used. The release branch's in-tree sdk differs from the published sdk v0.21.0 in two signatures
that three call sites in Vault's own code use (framework.Backend.ActivationFunc takes a third argument, and
keysutil.LockManager.RestorePolicy returns only an error); three one-line edits adapt those call sites.
A cached binary is not rebuilt. Prints `vault version`.

Options:
  --force          rebuild even when the binary is cached
  --print-bin-dir  print the cache bin directory and exit (nothing is built)
  --help           show this help

Environment:
  CAIRN_VAULT_HOME  cache root (default $HOME/.cache/cairn/vault)
  GO                go command (default: go on PATH, else /usr/local/go/bin/go)
USAGE
}

VAULT_MODULE=github.com/hashicorp/vault
VAULT_VERSION=1.21.4
DROPPED_REPLACES=(api api/auth/approle api/auth/kubernetes api/auth/userpass sdk)

BIN_DIR="${CAIRN_VAULT_HOME:-$HOME/.cache/cairn/vault}/${VAULT_VERSION}/bin"
force=false
for arg in "$@"; do
  case "$arg" in
    --help|-h) usage; exit 0 ;;
    --force) force=true ;;
    --print-bin-dir) echo "$BIN_DIR"; exit 0 ;;
    *) echo "install-vault.sh: unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

# GO, else go on PATH, else the tarball install location
GO_CMD="${GO:-$(command -v go || echo /usr/local/go/bin/go)}"
[[ -x "$GO_CMD" ]] || { echo "install-vault.sh: no Go toolchain found (set GO or put go on PATH)" >&2; exit 3; }

# Dropping the replace directives adds go.sum lines for the nested modules, which the checksum database would
# have to confirm; it is not reachable from every build machine, so it is not consulted. Every dependency
# already listed in Vault's own go.sum is still checked against it.
export GOFLAGS=-mod=mod GOSUMDB=off GOTOOLCHAIN=local

# Vault's call sites written against the in-tree sdk, adapted to the published sdk v0.21.0. Each edit must
# apply exactly once; a changed source fails the install instead of building something else.
adapt_to_published_sdk() {
  local src=$1
  edit_once "$src/vault/identity_store.go" \
    'ActivationFunc: iStore.activateDeduplication,' \
    'ActivationFunc: func(ctx context.Context, req *logical.Request, _ string) error { return iStore.activateDeduplication(ctx, req) },'
  edit_once "$src/vault/logical_system_activation_flags.go" \
    'b.idStoreBackend.ActivationFunc(ctx, nil)' \
    'b.idStoreBackend.ActivationFunc(ctx, nil, "")'
  edit_once "$src/builtin/logical/transit/path_restore.go" \
    'restoredKeyName, err := b.lm.RestorePolicy(ctx, req.Storage, keyName, backupB64, force)' \
    'restoredKeyName, err := keyName, b.lm.RestorePolicy(ctx, req.Storage, keyName, backupB64, force)'
}

edit_once() {
  local file=$1 from=$2 to=$3
  if [[ "$(grep -cF -- "$from" "$file")" != 1 ]]; then
    echo "install-vault.sh: expected exactly one '$from' in $file" >&2
    exit 5
  fi
  FROM="$from" TO="$to" perl -0pi -e 's/\Q$ENV{FROM}\E/$ENV{TO}/' "$file"
}

build() {
  local go_cmd=$GO_CMD json dir start
  echo "install-vault.sh: $("$go_cmd" version)"
  mkdir -p "$BIN_DIR"
  BUILD_TMP=$(mktemp -d "$BIN_DIR/.build.XXXXXX")
  trap 'rm -rf "${BUILD_TMP:-}"' EXIT
  json=$(cd "$BUILD_TMP" && "$go_cmd" mod download -json "${VAULT_MODULE}@v${VAULT_VERSION}")
  dir=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  if [[ -z "$dir" || ! -f "$dir/go.mod" ]]; then
    printf '%s\n' "$json" >&2
    echo "install-vault.sh: could not download ${VAULT_MODULE}@v${VAULT_VERSION}" >&2
    exit 4
  fi
  cp -r "$dir" "$BUILD_TMP/src"
  chmod -R u+w "$BUILD_TMP/src"
  local m
  for m in "${DROPPED_REPLACES[@]}"; do
    (cd "$BUILD_TMP/src" && "$go_cmd" mod edit -dropreplace="${VAULT_MODULE}/$m")
  done
  adapt_to_published_sdk "$BUILD_TMP/src"
  echo "install-vault.sh: building Vault ${VAULT_VERSION} (several minutes on a fresh machine)"
  start=$(date +%s)
  (cd "$BUILD_TMP/src" && "$go_cmd" build -trimpath -ldflags "-s -w" -o "$BUILD_TMP/vault" .)
  mv -f "$BUILD_TMP/vault" "$BIN_DIR/vault"
  echo "install-vault.sh: built vault in $(( $(date +%s) - start )) s"
}

if [[ "$force" == true || ! -x "$BIN_DIR/vault" ]]; then
  build
else
  echo "install-vault.sh: Vault ${VAULT_VERSION} cached in $BIN_DIR"
fi
"$BIN_DIR/vault" version
