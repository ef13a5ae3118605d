#!/usr/bin/env bash
# Installs what Cairn's tests need on a fresh Debian machine:
#   - a JDK 21+ (Temurin if present, otherwise Debian's openjdk-21 when available)
#   - SoftHSM2 and OpenSC (a real PKCS#11 token for the key-custody tests)
#   - an EVM node (anvil) and the Solidity compiler (solc-js), from npm, into .ci/tools
# Safe to run repeatedly; every step is skipped when its result is already there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.ci/tools"
log() { printf '[install-tools] %s\n' "$*"; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    if [ -z "${CAIRN_APT_UPDATED:-}" ]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      export CAIRN_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# openssl: the consortium CA's tests check certificates and CRLs with `openssl verify` and `openssl crl`.
apt_install softhsm2 opensc procps ca-certificates openssl

# A JDK 21+ is needed to build and test. Machines of this project's kind ship one; when none is found,
# try the distribution's packages before giving up with a clear message.
has_jdk21() {
  local home major
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/*; do
    [ -n "$home" ] && [ -x "$home/bin/javac" ] || continue
    major="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)"
    [ -n "$major" ] && [ "$major" -ge 21 ] && return 0
  done
  return 1
}
if ! has_jdk21; then
  for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
    if apt-cache show "$pkg" >/dev/null 2>&1; then
      apt_install "$pkg"
      break
    fi
  done
  has_jdk21 || { log "no JDK 21 or newer is installed or installable from the configured package sources"; exit 1; }
fi

mkdir -p "$TOOLS"
if [ ! -x "$TOOLS/node_modules/.bin/anvil" ] || [ ! -e "$TOOLS/node_modules/solc/package.json" ]; then
  log "npm install @foundry-rs/anvil solc@0.8.37 into .ci/tools"
  (cd "$TOOLS" && [ -f package.json ] || echo '{"name":"cairn-test-tools","private":true}' > "$TOOLS/package.json")
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error @foundry-rs/anvil solc@0.8.37 >/dev/null
fi
log "anvil: $("$TOOLS/node_modules/.bin/anvil" --version | head -1)"
log "softhsm2: $(softhsm2-util --version)"

# --- Deployment tests (ansible/tests, terraform/tests) ------------------------------------------------------
# Ansible + ansible-lint, sshd/sudo for the network-namespace hosts, promtool (prometheus), HCL parser (npm
# @cdktf/hcl2json) and checkov (PyPI, in a venv). Services of these packages are not started by the install.
deploy_packages=(ansible ansible-lint prometheus openssh-server openssh-client sudo curl openssl iproute2 logrotate python3-venv systemd)
deploy_missing=()
for pkg in "${deploy_packages[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || deploy_missing+=("$pkg"); done
if [ "${#deploy_missing[@]}" -gt 0 ]; then
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 0755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    apt_install "${deploy_missing[@]}"
    rm -f /usr/sbin/policy-rc.d
    trap - EXIT
  else
    apt_install "${deploy_missing[@]}"
  fi
fi
if [ ! -e "$TOOLS/node_modules/@cdktf/hcl2json/package.json" ]; then
  log "npm install @cdktf/hcl2json into .ci/tools"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error @cdktf/hcl2json@0.21.0 >/dev/null
fi
if [ ! -x "$TOOLS/checkov-venv/bin/checkov" ]; then
  log "pip install checkov into .ci/tools/checkov-venv"
  python3 -m venv "$TOOLS/checkov-venv"
  "$TOOLS/checkov-venv/bin/pip" install --quiet --disable-pip-version-check checkov==3.3.30
fi
log "ansible: $(ansible --version | head -1); checkov: $("$TOOLS/checkov-venv/bin/checkov" --version)"

# --- Hyperledger Fabric test network (connectors/fabric/testnet) --------------------------------------------
# peer, orderer, configtxgen, osnadmin and cryptogen, built from the Fabric Go module at a pinned commit through
# the Go module proxy and cached in ~/.cache/cairn/fabric: several minutes on a fresh machine, instant when
# cached. A failed build is reported but does not stop the install; the Fabric tests then fail under
# CAIRN_REQUIRE_TEST_TOOLS=true with the reason.
if command -v go >/dev/null 2>&1 || [ -x /usr/local/go/bin/go ]; then
  if ! bash "$ROOT/connectors/fabric/testnet/install.sh" 2>&1 | sed 's/^/[install-tools] fabric: /'; then
    log "fabric: building the Fabric binaries failed (see above)"
  fi
else
  log "fabric: no Go toolchain found; the Fabric binaries are not installed"
fi

# --- HashiCorp Vault (hsm-signing/key-custody-vault) ---------------------------------------------------------
# The `vault` server binary for the Vault Transit key custody tests (`vault server -dev` on 127.0.0.1), built
# from the Vault Go module at a pinned version through the Go module proxy and cached in ~/.cache/cairn/vault:
# several minutes on a fresh machine, instant when cached. A failed build is reported but does not stop the
# install; the Vault tests then fail under CAIRN_REQUIRE_TEST_TOOLS=true with the reason.
if command -v go >/dev/null 2>&1 || [ -x /usr/local/go/bin/go ]; then
  if ! bash "$ROOT/hsm-signing/key-custody-vault/tools/install-vault.sh" 2>&1 | sed 's/^/[install-tools] vault: /'; then
    log "vault: building the Vault binary failed (see above)"
  fi
else
  log "vault: no Go toolchain found; the Vault binary is not installed"
fi
