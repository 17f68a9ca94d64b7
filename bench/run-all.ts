// npm run bench (or `npm run bench -- <name> …` for some): every benchmark, one after another (each in its own process, so none warms
// or slows another), then one table of all figures, kept in bench/results/summary.json and
// written into bench/README.md between its markers with the date and the core count.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const benchmarks = [
  'outbox-drain',
  'invite-latency',
  'forgot-password-timing',
  'test-email',
  'smtp-oauth',
  'sign-in-cost',
  'two-factor-sign-in',
  'page-weight',
  'page-throughput',
  'scale',
  'audit-log',
  'audit-export',
];

interface Figure {
  figure: string;
  ours: number | string;
  baseline: number | string;
  ratio: number | string;
  target: string;
  [extra: string]: unknown;
}

function readResults(name: string): Figure[] {
  const file = path.join('bench', 'results', `${name}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { figures: Figure[] }).figures;
}

function run(name: string): Figure[] {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  execFileSync(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      '--expose-gc',
      path.join('bench', `${name}.ts`),
    ],
    { stdio: 'inherit' },
  );
  const file = path.join('bench', 'results', `${name}.json`);
  if (statSync(file).mtimeMs < started) throw new Error(`${name} wrote no new ${file}`);
  return readResults(name);
}

const cell = (value: unknown) => String(value ?? '').replaceAll('|', '\\|');

function markdownTable(rows: (Figure & { benchmark: string })[]): string {
  const header = '| figure | ours | baseline | ratio | target | script |';
  const rule = '| --- | --- | --- | --- | --- | --- |';
  const lines = rows.map(
    (row) =>
      `| ${[row.figure, row.ours, row.baseline, row.ratio, row.target].map(cell).join(' | ')} | \`bench/${row.benchmark}.ts\` |`,
  );
  return [header, rule, ...lines].join('\n');
}

function main() {
  // `--from-results`: rebuild the table from each benchmark's latest results, running none.
  const fromResults = process.argv.includes('--from-results');
  const only = process.argv.slice(2).filter((argument) => argument !== '--from-results');
  const chosen = only.length ? benchmarks.filter((name) => only.includes(name)) : benchmarks;
  const rows: (Figure & { benchmark: string })[] = [];
  const failed: string[] = [];
  for (const name of chosen) {
    try {
      const figures = fromResults ? readResults(name) : run(name);
      rows.push(...figures.map((figure) => ({ ...figure, benchmark: name })));
    } catch (error) {
      // One broken benchmark must not hide the others' figures.
      failed.push(name);
      console.error(`${name} failed:`, error instanceof Error ? error.message : error);
    }
  }
  console.log('\nAll figures:');
  console.table(rows.map(({ benchmark: _benchmark, ...figure }) => figure));
  const date = new Date().toISOString().slice(0, 10);
  const cores = os.cpus().length;
  writeFileSync(
    'bench/results/summary.json',
    JSON.stringify({ date, cores, failed, figures: rows }, null, 2) + '\n',
  );
  if (only.length === 0 && failed.length === 0) {
    const source = fromResults
      ? `Latest results of each benchmark, gathered ${date} (\`npm run bench -- --from-results\`)`
      : `Latest run: ${date} (\`npm run bench\`)`;
    const readme = readFileSync('bench/README.md', 'utf8');
    const start = '<!-- bench:table:start -->';
    const end = '<!-- bench:table:end -->';
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    if (from >= 0 && to > from) {
      const table = `${source}, ${cores} cores.\n\n${markdownTable(rows)}`;
      writeFileSync(
        'bench/README.md',
        readme.slice(0, from + start.length) + '\n' + table + '\n' + readme.slice(to),
      );
      // Aligned as `npm test`'s format check expects.
      execFileSync(process.execPath, [
        'node_modules/prettier/bin/prettier.cjs',
        '--write',
        'bench/README.md',
      ]);
      console.log('bench/README.md updated.');
    }
  }
  if (failed.length) {
    console.error(`\nFailed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main();
