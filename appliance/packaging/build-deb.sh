#!/usr/bin/env bash
# Builds the Debian package cairn_<version>_all.deb from the release archive.
#
#   appliance/packaging/build-deb.sh [--archive PATH] [--output DIR]
#
# Default archive: the newest appliance/packaging/target/cairn-*.tar.gz (build it with build-release.sh).
# Package layout: /opt/cairn/releases/<version> (launcher, jar), /opt/cairn/current -> that release,
# /usr/bin/cairn, /etc/cairn/cairn.yaml (conffile), /lib/systemd/system/cairn.service,
# /etc/init.d/cairn and /etc/logrotate.d/cairn (conffiles). The maintainer scripts in debian/ create the
# cairn account and directories and enable the service without starting it. A Java 21+ runtime is needed
# (the launcher looks for one); Debian 12's own packages stop at 17, so it is not a package dependency.
# The package is reproducible: fixed owners, modes and timestamps.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ARCHIVE=""
OUTPUT="$HERE/target"

while [ $# -gt 0 ]; do
  case "$1" in
    --archive) ARCHIVE="$2"; shift 2 ;;
    --output) OUTPUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-deb: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v dpkg-deb >/dev/null 2>&1 || { echo "build-deb: dpkg-deb is not installed" >&2; exit 77; }
if [ -z "$ARCHIVE" ]; then
  ARCHIVE="$(ls -t "$HERE"/target/cairn-*.tar.gz 2>/dev/null | head -n 1 || true)"
fi
[ -f "$ARCHIVE" ] || { echo "build-deb: no release archive; run build-release.sh first" >&2; exit 1; }

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
tar -xzf "$ARCHIVE" -C "$STAGE"
RELEASE="$(cd "$STAGE" && ls -d cairn-*/ | head -n 1)"
RELEASE="${RELEASE%/}"
VERSION="$(cat "$STAGE/$RELEASE/VERSION")"
# Debian orders '~' before anything, so 1.0~SNAPSHOT < 1.0: pre-releases sort before the release.
DEB_VERSION="${VERSION//-/\~}"
SRC="$STAGE/$RELEASE"
ROOT="$STAGE/root"

install -d "$ROOT/DEBIAN" "$ROOT/opt/cairn/releases/$VERSION/bin" "$ROOT/opt/cairn/releases/$VERSION/lib" \
  "$ROOT/usr/bin" "$ROOT/etc/cairn" "$ROOT/lib/systemd/system" "$ROOT/etc/init.d" "$ROOT/etc/logrotate.d" \
  "$ROOT/usr/share/doc/cairn"
install -m 0755 "$SRC/bin/cairn" "$ROOT/opt/cairn/releases/$VERSION/bin/cairn"
install -m 0644 "$SRC/lib/cairn.jar" "$ROOT/opt/cairn/releases/$VERSION/lib/cairn.jar"
install -m 0644 "$SRC/VERSION" "$ROOT/opt/cairn/releases/$VERSION/VERSION"
ln -s "releases/$VERSION" "$ROOT/opt/cairn/current"
ln -s /opt/cairn/current/bin/cairn "$ROOT/usr/bin/cairn"
install -m 0640 "$SRC/etc/cairn.yaml" "$ROOT/etc/cairn/cairn.yaml"
install -m 0644 "$SRC/share/systemd/cairn.service" "$ROOT/lib/systemd/system/cairn.service"
install -m 0755 "$SRC/share/init.d/cairn" "$ROOT/etc/init.d/cairn"
install -m 0644 "$SRC/share/logrotate/cairn" "$ROOT/etc/logrotate.d/cairn"
printf 'Cairn %s: a self-hosted appliance for permissioned financial consortia.\n' "$VERSION" \
  > "$ROOT/usr/share/doc/cairn/README"
install -m 0755 "$HERE/debian/postinst" "$HERE/debian/prerm" "$HERE/debian/postrm" "$ROOT/DEBIAN/"
printf '%s\n' /etc/cairn/cairn.yaml /etc/init.d/cairn /etc/logrotate.d/cairn > "$ROOT/DEBIAN/conffiles"
SIZE="$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)"
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: cairn
Version: $DEB_VERSION
Architecture: all
Maintainer: Cairn maintainers <maintainers@cairn.invalid>
Installed-Size: $SIZE
Depends: adduser, procps
Recommends: logrotate
Section: net
Priority: optional
Homepage: https://github.com/cairn/cairn
Description: permissioned consortium appliance
 Cairn runs inside a bank's network to take part in a permissioned financial
 consortium: member governance, HSM-backed signing, ledger connectors and a
 tamper-evident compliance journal with offline-verifiable evidence.
 Needs a Java 21 or newer runtime.
CONTROL
(cd "$ROOT" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum | sed 's# \./# #') \
  > "$ROOT/DEBIAN/md5sums"
find "$ROOT" -exec touch -h -d '2000-01-01 00:00:00Z' {} +

mkdir -p "$OUTPUT"
PACKAGE="$OUTPUT/cairn_${DEB_VERSION}_all.deb"
SOURCE_DATE_EPOCH=946684800 dpkg-deb --root-owner-group -Zxz --build "$ROOT" "$PACKAGE.tmp" >/dev/null
mv "$PACKAGE.tmp" "$PACKAGE"
(cd "$OUTPUT" && sha256sum "$(basename "$PACKAGE")" > "$(basename "$PACKAGE").sha256")
echo "$PACKAGE"
