#!/bin/sh
# Cairn launcher: finds a Java runtime 21 or newer and runs the appliance jar of this release.
#   cairn serve --config /etc/cairn/cairn.yaml
#   cairn --help
# Looks at $CAIRN_JAVA_HOME, $JAVA_HOME, java on PATH, then /usr/lib/jvm/* and /opt/java/*.
# Extra JVM options come from $CAIRN_JAVA_OPTS (for example -Xmx2g).
set -eu

CAIRN_HOME="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
JAR="$CAIRN_HOME/lib/cairn.jar"

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1 | cut -d. -f1
}

find_java() {
  for home in "${CAIRN_JAVA_HOME:-}" "${JAVA_HOME:-}"; do
    [ -n "$home" ] && [ -x "$home/bin/java" ] && echo "$home/bin/java"
  done
  if command -v java >/dev/null 2>&1; then
    command -v java
  fi
  for home in /usr/lib/jvm/* /opt/java/*; do
    [ -x "$home/bin/java" ] && echo "$home/bin/java"
  done
  return 0
}

JAVA=""
for candidate in $(find_java); do
  major="$(java_major "$candidate")"
  if [ -n "$major" ] && [ "$major" -ge 21 ]; then
    JAVA="$candidate"
    break
  fi
done
if [ -z "$JAVA" ]; then
  echo "cairn: no Java 21 or newer found (set CAIRN_JAVA_HOME to a JDK or JRE 21+)" >&2
  exit 3
fi

# The launcher's own variables are not configuration keys: keep them from the appliance's CAIRN_* lookup.
OPTS="${CAIRN_JAVA_OPTS:-}"
unset CAIRN_JAVA_OPTS CAIRN_JAVA_HOME
# shellcheck disable=SC2086
exec "$JAVA" $OPTS -jar "$JAR" "$@"
