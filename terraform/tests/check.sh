#!/usr/bin/env bash
# Static checks of the Terraform modules (no provider registry is reachable, so no `terraform validate`):
#   1. every .tf parses with HashiCorp's HCL parser (npm @cdktf/hcl2json), variables are typed and
#      documented, outputs documented, nothing public (parse-hcl.js);
#   2. where a terraform binary is installed, `terraform fmt -check` (the real parser; canonical layout);
#   3. checkov finds no failing check. Skipped checks are annotated in the .tf files themselves
#      (#checkov:skip=ID:reason) and listed in terraform/README.md.
#
#   terraform/tests/check.sh [DIR]     exit 0 pass, 1 fail, 77 a tool is missing (reason on stderr)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DIR="$(cd "${1:-$HERE/..}" && pwd)"
TOOLS="$ROOT/.ci/tools"
CHECKOV="$TOOLS/checkov-venv/bin/checkov"

skip() { printf '[terraform-check] SKIPPED: %s\n' "$*" >&2; exit 77; }
command -v node >/dev/null 2>&1 || skip "node is not installed"
[ -f "$TOOLS/node_modules/@cdktf/hcl2json/package.json" ] || skip "@cdktf/hcl2json is not installed (run .ci/install-tools.sh)"
[ -x "$CHECKOV" ] || skip "checkov is not installed in .ci/tools/checkov-venv (run .ci/install-tools.sh)"

echo "[terraform-check] HCL parsing and module conventions"
NODE_PATH="$TOOLS/node_modules" node "$HERE/parse-hcl.js" "$DIR"

if command -v terraform >/dev/null 2>&1; then
  echo "[terraform-check] $(TF_CLI_CONFIG_FILE=/dev/null terraform version | head -1): fmt -check"
  TF_CLI_CONFIG_FILE=/dev/null terraform fmt -check -recursive -diff "$DIR"
else
  echo "[terraform-check] no terraform binary: fmt check skipped"
fi

echo "[terraform-check] checkov $("$CHECKOV" --version)"
"$CHECKOV" --directory "$DIR" --framework terraform --quiet --compact --skip-path tests
