// npm test: every check in order — typecheck, lint and format, unused code (knip), unit and
// integration tests (vitest, real PostgreSQL and SMTP), browser tests (Playwright) — then one
// summary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = path.join(root, 'test-results');
const vitestReport = path.join(results, 'vitest.json');
const playwrightReport = path.join(results, 'playwright.json');

const stages = [
  { name: 'typecheck', command: [bin('tsc'), '--noEmit'] },
  { name: 'lint', command: [bin('eslint'), '.', '--max-warnings', '0'] },
  { name: 'format', command: [bin('prettier'), '--check', '.', '--log-level', 'warn'] },
  // Unused files, exports and dependencies (knip.json says what it may not see).
  { name: 'unused code', command: [bin('knip'), '--no-progress'] },
  {
    name: 'unit + integration',
    command: [
      bin('vitest'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestReport}`,
    ],
  },
  {
    name: 'browser',
    command: [bin('playwright'), 'test'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  },
];

function counts() {
  let passed = 0;
  let failed = 0;
  if (existsSync(vitestReport)) {
    const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  if (existsSync(playwrightReport)) {
    const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
  }
  return { passed, failed };
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const summary = [];
for (const stage of stages) {
  console.log(`\n=== ${stage.name} ===`);
  const started = Date.now();
  const [command, ...args] = stage.command;
  const run = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...stage.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  summary.push({ stage: stage.name, ok: run.status === 0, seconds });
}

console.log('\n=== summary ===');
for (const { stage, ok, seconds } of summary) {
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${stage.padEnd(20)} ${seconds.padStart(6)} s`);
}
const { passed, failed } = counts();
const failedStages = summary.filter((stage) => !stage.ok).length;
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failedStages > 0 ? 1 : 0);
