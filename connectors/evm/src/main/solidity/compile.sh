#!/usr/bin/env bash
# Regenerates the anchoring contract's standard-JSON input and its compiled artefacts:
#   CairnAnchor.input.json                        (next to this script; the source embedded verbatim)
#   ../resources/io/cairn/connector/evm/CairnAnchor.bin          creation bytecode, hex
#   ../resources/io/cairn/connector/evm/CairnAnchor.bin-runtime  deployed bytecode, hex
#   ../resources/io/cairn/connector/evm/CairnAnchor.abi.json     ABI
# Needs node and solc-js 0.8.37 (installed by .ci/install-tools.sh). Set SOLC_JS to use another solc-js
# directory. The compiler settings (evmVersion london, optimizer on with 200 runs) are fixed here; the
# build's CairnAnchorBytecodeIT recompiles the committed input and fails when the artefacts differ.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$HERE"
while [ ! -e "$ROOT/.ci/install-tools.sh" ] && [ "$ROOT" != "/" ]; do ROOT="$(dirname "$ROOT")"; done
SOLC_JS="${SOLC_JS:-$ROOT/.ci/tools/node_modules/solc}"
OUT="$HERE/../resources/io/cairn/connector/evm"

[ -e "$SOLC_JS/package.json" ] || { echo "solc-js not found at $SOLC_JS (run .ci/install-tools.sh)" >&2; exit 1; }
mkdir -p "$OUT"

SOLC_JS="$SOLC_JS" SRC_DIR="$HERE" OUT="$OUT" node <<'JS'
const fs = require('fs');
const path = require('path');
const solc = require(process.env.SOLC_JS);
const src = process.env.SRC_DIR;
const out = process.env.OUT;
const input = {
  language: 'Solidity',
  sources: { 'CairnAnchor.sol': { content: fs.readFileSync(path.join(src, 'CairnAnchor.sol'), 'utf8') } },
  settings: {
    evmVersion: 'london',
    optimizer: { enabled: true, runs: 200 },
    metadata: { bytecodeHash: 'ipfs' },
    outputSelection: { 'CairnAnchor.sol': { CairnAnchor: ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } }
  }
};
if (!solc.version().startsWith('0.8.37+')) throw new Error('expected solc 0.8.37, got ' + solc.version());
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter(e => e.severity === 'error');
if (errors.length) { console.error(errors.map(e => e.formattedMessage).join('\n')); process.exit(1); }
const c = output.contracts['CairnAnchor.sol'].CairnAnchor;
fs.writeFileSync(path.join(src, 'CairnAnchor.input.json'), JSON.stringify(input, null, 2) + '\n');
fs.writeFileSync(path.join(out, 'CairnAnchor.bin'), c.evm.bytecode.object + '\n');
fs.writeFileSync(path.join(out, 'CairnAnchor.bin-runtime'), c.evm.deployedBytecode.object + '\n');
fs.writeFileSync(path.join(out, 'CairnAnchor.abi.json'), JSON.stringify(c.abi, null, 2) + '\n');
console.log('compiled with solc ' + solc.version());
JS
