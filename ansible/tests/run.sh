#!/usr/bin/env bash
# Applies site.yml over real SSH to two hosts made with network namespaces, checks idempotence and that the
# installed appliances answer /health at their addresses and reach each other, then removes everything.
#
#   ansible/tests/run.sh            (as root; exit 0 pass, 1 fail, 77 skipped with the reason on stderr)
#
# Each "host" is a network namespace on 10.213.0.0/24 (bridge cairnt-br0 at .1, hosts at .2 and .3) with its
# own sshd (own host key, port 22 on its address), its own login user with a key made for the test, its own
# service user and its own installation prefix under the work directory (namespaces share the file system).
# Environment: CAIRN_TEST_VAULT_PASSWORD (default: the example vault's test password),
# CAIRN_TEST_KEEP=1 keeps the work directory for inspection.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ANSIBLE_DIR="$(cd "$HERE/.." && pwd)"
ROOT="$(cd "$ANSIBLE_DIR/.." && pwd)"
VAULT_PASSWORD="${CAIRN_TEST_VAULT_PASSWORD:-cairn-example-vault-password}"
PREFIX=cairnt
BRIDGE="${PREFIX}-br0"
NET=10.213.0
HOSTS=(a b)

log() { printf '[ansible-test] %s\n' "$*"; }
skip() { printf '[ansible-test] SKIPPED: %s\n' "$*" >&2; exit 77; }
fail() { printf '[ansible-test] FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || skip "needs root (network namespaces, users, sshd)"
for tool in ansible-playbook ip sshd ssh-keygen sudo curl openssl start-stop-daemon; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || skip "$tool is not installed (run .ci/install-tools.sh)"
done
SSHD="$(command -v sshd || echo /usr/sbin/sshd)"

ARCHIVE_DIR="$ROOT/appliance/packaging/target"
if [ ! -f "$ROOT/appliance/app/target/cairn.jar" ]; then
  skip "appliance/app/target/cairn.jar is missing (run ./cairn build)"
fi
"$ROOT/appliance/packaging/build-release.sh" --no-check --version 0.0.0-test --output "$ARCHIVE_DIR" >/dev/null
ARCHIVE="$ARCHIVE_DIR/cairn-0.0.0-test.tar.gz"

WORK="$(mktemp -d /tmp/cairn-ansible-test.XXXXXX)"
chmod 0755 "$WORK"
SSHD_PIDS=()

cleanup() {
  set +e
  for h in "${HOSTS[@]}"; do
    [ -x "/etc/init.d/cairn-$PREFIX-$h" ] && "/etc/init.d/cairn-$PREFIX-$h" stop >/dev/null 2>&1
  done
  for pid in "${SSHD_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for h in "${HOSTS[@]}"; do
    # anything still running as this host's users was started by this test (appliance, embedded PostgreSQL)
    for user in "$PREFIX-svc-$h" "$PREFIX-ssh-$h"; do
      for pid in $(pgrep -u "$user" 2>/dev/null); do kill -9 "$pid" 2>/dev/null; done
    done
    ip netns del "$PREFIX-$h" 2>/dev/null
    ip link del "$PREFIX-$h-br" 2>/dev/null
    userdel "$PREFIX-svc-$h" 2>/dev/null; groupdel "$PREFIX-svc-$h" 2>/dev/null
    userdel "$PREFIX-ssh-$h" 2>/dev/null; groupdel "$PREFIX-ssh-$h" 2>/dev/null
    rm -f "/etc/init.d/cairn-$PREFIX-$h" "/etc/default/cairn-$PREFIX-$h" "/etc/logrotate.d/cairn-$PREFIX-$h" \
      "/etc/sudoers.d/$PREFIX-ssh-$h"
  done
  ip link del "$BRIDGE" 2>/dev/null
  if [ "${CAIRN_TEST_KEEP:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

addr() { case "$1" in a) echo "$NET.2" ;; b) echo "$NET.3" ;; esac; }

make_network() {
  ip link add "$BRIDGE" type bridge
  ip addr add "$NET.1/24" dev "$BRIDGE"
  ip link set "$BRIDGE" up
  for h in "${HOSTS[@]}"; do
    ip netns add "$PREFIX-$h"
    ip link add "$PREFIX-$h-br" type veth peer name "$PREFIX-$h-ns"
    ip link set "$PREFIX-$h-br" master "$BRIDGE" up
    ip link set "$PREFIX-$h-ns" netns "$PREFIX-$h"
    ip -n "$PREFIX-$h" addr add "$(addr "$h")/24" dev "$PREFIX-$h-ns"
    ip -n "$PREFIX-$h" link set "$PREFIX-$h-ns" up
    ip -n "$PREFIX-$h" link set lo up
  done
}

make_tls() {
  local dir="$WORK/tls"
  mkdir -p "$dir"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=Cairn test CA" \
    -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
  for h in "${HOSTS[@]}"; do
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=host-$h" \
      -keyout "$dir/$h.key" -out "$dir/$h.csr" 2>/dev/null
    printf 'subjectAltName=IP:%s\nextendedKeyUsage=serverAuth\n' "$(addr "$h")" > "$dir/$h.ext"
    openssl x509 -req -in "$dir/$h.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
      -extfile "$dir/$h.ext" -out "$dir/$h.pem" 2>/dev/null
    openssl pkcs12 -export -inkey "$dir/$h.key" -in "$dir/$h.pem" -certfile "$dir/ca.pem" \
      -passout "pass:keystore-$h" -out "$dir/$h.p12"
  done
  chmod 0644 "$dir/ca.pem"
}

make_hosts() {
  ssh-keygen -q -t ed25519 -N '' -C cairn-ansible-test -f "$WORK/id_ed25519"
  : > "$WORK/known_hosts"
  for h in "${HOSTS[@]}"; do
    local user="$PREFIX-ssh-$h" dir="$WORK/host-$h"
    mkdir -p "$dir"
    useradd --create-home --home-dir "$dir/home" --shell /bin/sh --password '*' "$user"
    install -m 0440 /dev/stdin "/etc/sudoers.d/$user" <<<"$user ALL=(ALL) NOPASSWD: ALL"
    install -m 0644 "$WORK/id_ed25519.pub" "$dir/authorized_keys"
    ssh-keygen -q -t ed25519 -N '' -f "$dir/ssh_host_ed25519_key"
    printf '%s %s\n' "$(addr "$h")" "$(cut -d' ' -f1-2 "$dir/ssh_host_ed25519_key.pub")" >> "$WORK/known_hosts"
    cat > "$dir/sshd_config" <<CONF
ListenAddress $(addr "$h"):22
HostKey $dir/ssh_host_ed25519_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
AllowUsers $user
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin no
UsePAM no
StrictModes no
Subsystem sftp internal-sftp
CONF
    mkdir -p /run/sshd
    ip netns exec "$PREFIX-$h" "$SSHD" -f "$dir/sshd_config" -E "$dir/sshd.log"
    for _ in $(seq 50); do [ -s "$dir/sshd.pid" ] && break; sleep 0.1; done
    SSHD_PIDS+=("$(cat "$dir/sshd.pid")")
  done
}

write_inventory() {
  {
    echo "cairn_appliances:"
    echo "  hosts:"
    for h in "${HOSTS[@]}"; do
      local dir="$WORK/host-$h"
      cat <<INV
    host-$h:
      ansible_host: $(addr "$h")
      ansible_user: $PREFIX-ssh-$h
      ansible_ssh_private_key_file: $WORK/id_ed25519
      ansible_ssh_common_args: "-o UserKnownHostsFile=$WORK/known_hosts -o StrictHostKeyChecking=yes -o ControlMaster=no"
      ansible_python_interpreter: /usr/bin/python3
      cairn_instance: cairn-$PREFIX-$h
      cairn_user: $PREFIX-svc-$h
      cairn_prefix: $dir/opt
      cairn_config_dir: $dir/etc
      cairn_data_dir: $dir/data
      cairn_log_dir: $dir/log
      cairn_run_dir: $dir/run
      cairn_server_host: $(addr "$h")
      cairn_tls_keystore_src: $WORK/tls/$h.p12
      cairn_tls_keystore_password: keystore-$h
      cairn_health_ca_path: $WORK/tls/ca.pem
INV
    done
    cat <<INV
  vars:
    cairn_version: 0.0.0-test
    cairn_release_archive: $ARCHIVE
    cairn_service_manager: auto
    cairn_storage_mode: embedded
    cairn_bootstrap_token: "{{ vault_cairn_bootstrap_token }}"
    cairn_java_home: "${JAVA_HOME:-}"
    cairn_java_opts: "-Xmx384m -Djava.io.tmpdir={{ cairn_data_dir }}/tmp"
    cairn_health_retries: ${CAIRN_TEST_HEALTH_RETRIES:-90}
cairn_monitoring:
  hosts:
    host-a: {}
  vars:
    cairn_prometheus_install_package: false
    cairn_prometheus_manage_service: false
    cairn_prometheus_config_dir: $WORK/host-a/prometheus
    cairn_prometheus_ca_src: $WORK/tls/ca.pem
    cairn_metrics_target: "{{ ansible_host }}:8443"
cairn_databases:
  hosts: {}
INV
  } > "$WORK/inventory.yml"
}

run_playbook() {
  local out="$1"
  printf '%s\n' "$VAULT_PASSWORD" > "$WORK/vault-password"
  chmod 0600 "$WORK/vault-password"
  (cd "$ANSIBLE_DIR" && ANSIBLE_CONFIG="$ANSIBLE_DIR/ansible.cfg" ANSIBLE_FORCE_COLOR=0 ANSIBLE_NOCOLOR=1 \
     ansible-playbook -i "$WORK/inventory.yml" --vault-password-file "$WORK/vault-password" \
       -e "@$ANSIBLE_DIR/inventories/consortium-example/group_vars/all/vault.yml" site.yml) > "$out" 2>&1
}

recap_changes() {
  # prints "host changed" for every host of the PLAY RECAP
  sed -n '/^PLAY RECAP/,$p' "$1" | sed -n 's/^\([^ ]*\) *: .*changed=\([0-9]*\).*/\1 \2/p'
}

health() { # health FROM-HOST TO-HOST
  ip netns exec "$PREFIX-$1" curl -sS --max-time 10 --cacert "$WORK/tls/ca.pem" -o "$WORK/health-$1-$2.json" \
    -w '%{http_code}' "https://$(addr "$2"):8443/health"
}

started=$(date +%s)
make_network
make_tls
make_hosts
write_inventory
JAVA_HOME="${JAVA_HOME:-}"
log "hosts up: ${HOSTS[*]} on $NET.0/24; first run"
show_logs() {
  for f in "$WORK"/host-*/log/*.log; do
    [ -f "$f" ] || continue
    printf '[ansible-test] last lines of %s:\n' "${f#"$WORK"/}" >&2
    tail -n 60 "$f" >&2
  done
}

run_playbook "$WORK/run1.log" || { cat "$WORK/run1.log" >&2; show_logs; fail "first playbook run failed"; }
recap_changes "$WORK/run1.log" | sed 's/^/[ansible-test] first run changed: /'
log "second run (idempotence)"
run_playbook "$WORK/run2.log" || { cat "$WORK/run2.log" >&2; fail "second playbook run failed"; }
recap="$(recap_changes "$WORK/run2.log")"
[ "$(printf '%s\n' "$recap" | grep -c .)" = "${#HOSTS[@]}" ] || { cat "$WORK/run2.log" >&2; fail "PLAY RECAP lists no hosts"; }
if printf '%s\n' "$recap" | awk '$2 != 0 { bad = 1 } END { exit !bad }'; then
  grep -E '^(changed|TASK)' "$WORK/run2.log" | grep -B1 '^changed' >&2 || true
  fail "second run was not idempotent: $recap"
fi
log "second run: changed=0 on every host"
for from in "${HOSTS[@]}"; do
  for to in "${HOSTS[@]}"; do
    code="$(health "$from" "$to")" || fail "host-$from cannot reach host-$to"
    [ "$code" = 200 ] || fail "/health of host-$to seen from host-$from answered $code: $(cat "$WORK/health-$from-$to.json")"
    log "host-$from -> https://$(addr "$to"):8443/health: $code $(head -c 200 "$WORK/health-$from-$to.json")"
  done
done
# the bootstrap token came from the vault: the appliance accepts it, and refuses another one
api_users() {
  ip netns exec "$PREFIX-a" curl -sS --max-time 10 --cacert "$WORK/tls/ca.pem" -o /dev/null -w '%{http_code}' \
    -H "Authorization: Bearer $1" "https://$(addr a):8443/api/v1/users"
}
code="$(api_users cairn_example0bootstrap0token0for0tests0only)"
[ "$code" = 200 ] || fail "the bootstrap token from the vault was refused: GET /api/v1/users answered $code"
code="$(api_users cairn_not0the0token0from0the0vault0000000000)"
[ "$code" = 401 ] || fail "an unknown token was answered $code instead of 401"
log "bootstrap token from the vault accepted, another token refused"
[ -f "$WORK/host-a/prometheus/rules/cairn-alerts.yml" ] || fail "the Prometheus rules were not installed"
grep -q "$(addr a):8443" "$WORK/host-a/prometheus/prometheus.yml" || fail "the scrape configuration misses host-a"
log "PASSED in $(( $(date +%s) - started ))s"
