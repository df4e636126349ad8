#!/usr/bin/env node
// `npm test`: prepares what the suite needs (Chromium, a built UI), runs every
// test once with vitest and ends with the line "N passed, N failed".
// DATABASE_URL=postgres://… runs the same suite against PostgreSQL.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const PDFTOTEXT = '/usr/bin/pdftotext';
const label = process.env.REGIE_TEST_LABEL ?? (process.env.DATABASE_URL ? 'postgres' : 'sqlite');
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts });

// Debian packages the suite drives: Chromium for browser tests, poppler's pdftotext to read letters.
const needed = [
  [CHROMIUM, 'chromium'],
  [PDFTOTEXT, 'poppler-utils'],
].filter(([bin]) => !existsSync(bin));
if (needed.length && process.getuid?.() === 0) {
  console.log(`Ontbreekt: ${needed.map(([, p]) => p).join(', ')}; installeren via apt-get (Debian) …`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...needed.map(([, p]) => p)], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
const missing = needed.filter(([bin]) => !existsSync(bin));
if (missing.length) {
  console.error(`De tests hebben ${missing.map(([, p]) => p).join(' en ')} nodig. Installeer met: sudo apt-get install -y ${missing.map(([, p]) => p).join(' ')}`);
  process.exit(1);
}

const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');
if (run(process.execPath, [tsx, 'test/prepare.ts']).status !== 0) {
  console.error('De UI kon niet worden gebouwd.');
  process.exit(1);
}

mkdirSync('.test-results', { recursive: true });
const report = path.join('.test-results', `${label}.json`);
const vitest = path.join('node_modules', 'vitest', 'vitest.mjs');
const result = run(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
} else {
  failed = 1;
}
console.log(`\n[${label}]`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
