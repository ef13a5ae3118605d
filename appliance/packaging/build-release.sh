#!/usr/bin/env bash
# Builds the release archive cairn-<version>.tar.gz from the appliance jar.
#
#   appliance/packaging/build-release.sh [--jar PATH] [--version VERSION] [--output DIR] [--no-check]
#
# Defaults: the jar built by `./cairn build` (appliance/app/target/cairn.jar), the project version from
# the root pom.xml, output into appliance/packaging/target. Unless --no-check is given, the default
# configuration is validated with the jar itself (`cairn config check`), which needs a Java 21+.
# Archive layout (one top-level directory cairn-<version>/):
#   VERSION  install.sh  bin/cairn  lib/cairn.jar  etc/cairn.yaml
#   share/systemd/cairn.service  share/init.d/cairn  share/logrotate/cairn
# The archive is reproducible: fixed owner, modes and timestamps.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="$ROOT/appliance/app/target/cairn.jar"
OUTPUT="$HERE/target"
VERSION=""
CHECK=true

while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR="$2"; shift 2 ;;
    --version) VERSION="$2"; shift 2 ;;
    --output) OUTPUT="$2"; shift 2 ;;
    --no-check) CHECK=false; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-release: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ -z "$VERSION" ]; then
  # the project's own version: the first <version> after </parent> in the root POM
  VERSION="$(sed -n '/<\/parent>/,$p;/<parent>/,/<\/parent>/d' "$ROOT/pom.xml" | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -n 1)"
  [ -n "$VERSION" ] || VERSION="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
fi
[[ "$VERSION" =~ ^[0-9A-Za-z][0-9A-Za-z.+~_-]*$ ]] || { echo "build-release: bad version '$VERSION'" >&2; exit 2; }
[ -f "$JAR" ] || { echo "build-release: $JAR not found; run ./cairn build first" >&2; exit 1; }

NAME="cairn-$VERSION"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
DIR="$STAGE/$NAME"
install -d "$DIR/bin" "$DIR/lib" "$DIR/etc" "$DIR/share/systemd" "$DIR/share/init.d" "$DIR/share/logrotate"
install -m 0755 "$HERE/files/cairn.sh" "$DIR/bin/cairn"
install -m 0644 "$JAR" "$DIR/lib/cairn.jar"
install -m 0644 "$HERE/files/cairn.yaml" "$DIR/etc/cairn.yaml"
install -m 0644 "$HERE/files/cairn.service" "$DIR/share/systemd/cairn.service"
install -m 0755 "$HERE/files/cairn.init" "$DIR/share/init.d/cairn"
install -m 0644 "$HERE/files/cairn.logrotate" "$DIR/share/logrotate/cairn"
install -m 0755 "$HERE/files/install.sh" "$DIR/install.sh"
printf '%s\n' "$VERSION" > "$DIR/VERSION"

if $CHECK; then
  check_config="$(mktemp)"
  sed 's#^data-directory: .*#data-directory: '"$STAGE"'/check-data#' "$DIR/etc/cairn.yaml" > "$check_config"
  if ! "$DIR/bin/cairn" config check "$check_config" >"$STAGE/check.log" 2>&1; then
    cat "$STAGE/check.log" >&2
    rm -f "$check_config"
    echo "build-release: the default configuration does not pass 'cairn config check'" >&2
    exit 1
  fi
  rm -f "$check_config"
fi

mkdir -p "$OUTPUT"
ARCHIVE="$OUTPUT/$NAME.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00:00Z' \
  -C "$STAGE" -cf - "$NAME" | gzip -9n > "$ARCHIVE.tmp"
mv "$ARCHIVE.tmp" "$ARCHIVE"
(cd "$OUTPUT" && sha256sum "$NAME.tar.gz" > "$NAME.tar.gz.sha256")
echo "$ARCHIVE"
