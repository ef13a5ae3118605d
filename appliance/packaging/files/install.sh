#!/bin/sh
# Installs or upgrades this Cairn release on a host (run as root from the unpacked archive).
#   ./install.sh             install to /opt/cairn/releases/<version> and switch /opt/cairn/current to it
# Upgrades keep /etc/cairn (configuration, secrets, TLS material) and /var/lib/cairn (data) untouched;
# schema migrations run forward when the new release starts. The previous release stays in
# /opt/cairn/releases for inspection; going back over a migrated database is not supported.
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
VERSION="$(cat "$HERE/VERSION")"
PREFIX="${CAIRN_PREFIX:-/opt/cairn}"
USER_NAME="${CAIRN_USER:-cairn}"

if ! getent passwd "$USER_NAME" >/dev/null; then
  useradd --system --user-group --home-dir /var/lib/cairn --no-create-home --shell /usr/sbin/nologin "$USER_NAME"
fi
install -d -m 0755 "$PREFIX/releases"
install -d -m 0750 -o root -g "$USER_NAME" /etc/cairn
install -d -m 0750 -o "$USER_NAME" -g "$USER_NAME" /var/lib/cairn /var/log/cairn

release="$PREFIX/releases/$VERSION"
rm -rf "$release.new"
mkdir -p "$release.new"
cp -R "$HERE/bin" "$HERE/lib" "$HERE/share" "$HERE/VERSION" "$release.new/"
rm -rf "$release"
mv "$release.new" "$release"
ln -sfn "$release" "$PREFIX/current.new"
mv -T "$PREFIX/current.new" "$PREFIX/current"

[ -e /etc/cairn/cairn.yaml ] || install -m 0640 -o root -g "$USER_NAME" "$HERE/etc/cairn.yaml" /etc/cairn/cairn.yaml
install -m 0644 "$HERE/share/logrotate/cairn" /etc/logrotate.d/cairn

if [ -d /run/systemd/system ]; then
  install -m 0644 "$HERE/share/systemd/cairn.service" /etc/systemd/system/cairn.service
  systemctl daemon-reload
  systemctl enable cairn.service
  systemctl restart cairn.service
else
  install -m 0755 "$HERE/share/init.d/cairn" /etc/init.d/cairn
  command -v update-rc.d >/dev/null 2>&1 && update-rc.d cairn defaults >/dev/null
  /etc/init.d/cairn restart
fi
echo "Cairn $VERSION installed in $release"
