// Parses every .tf file under the given directory with @cdktf/hcl2json (HashiCorp's HCL parser compiled to
// WebAssembly) and checks the module conventions: every variable has a type and a description, every output
// a description, and no resource gets a public IP address. Prints one line per problem; exit 1 if any.
'use strict';
const fs = require('fs');
const path = require('path');
const { parse } = require('@cdktf/hcl2json');

function tfFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return ['tests', '.terraform'].includes(entry.name) ? [] : tfFiles(full);
    }
    return entry.name.endsWith('.tf') ? [full] : [];
  });
}

function conventions(file, json) {
  const problems = [];
  for (const [name, blocks] of Object.entries(json.variable || {})) {
    for (const block of blocks) {
      if (!block.type) problems.push(`${file}: variable "${name}" has no type`);
      if (!block.description) problems.push(`${file}: variable "${name}" has no description`);
    }
  }
  for (const [name, blocks] of Object.entries(json.output || {})) {
    for (const block of blocks) {
      if (!block.description) problems.push(`${file}: output "${name}" has no description`);
    }
  }
  const text = JSON.stringify(json.resource || {});
  for (const forbidden of ['"associate_public_ip_address":true', '"map_public_ip_on_launch":true',
    '"publicly_accessible":true', '"internal":false', 'aws_internet_gateway', 'aws_nat_gateway', 'aws_eip']) {
    if (text.includes(forbidden)) problems.push(`${file}: public exposure (${forbidden})`);
  }
  return problems;
}

async function main() {
  const root = path.resolve(process.argv[2] || '.');
  const files = tfFiles(root);
  let problems = [];
  for (const file of files) {
    const relative = path.relative(root, file);
    try {
      const json = await parse(relative, fs.readFileSync(file, 'utf8'));
      problems = problems.concat(conventions(relative, json));
    } catch (e) {
      problems.push(`${relative}: does not parse: ${String(e.message || e).split('\n')[0]}`);
    }
  }
  problems.forEach((p) => console.log(p));
  console.log(`parsed ${files.length} files, ${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}

main();
