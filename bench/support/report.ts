import { writeFileSync } from 'node:fs';
import os from 'node:os';

/** Prints a benchmark's figures as a table and keeps them in `bench/results/<name>.json`. */
export function reportFigures(name: string, figures: Record<string, unknown>[]): void {
  console.table(figures);
  writeFileSync(
    `bench/results/${name}.json`,
    JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, figures }, null, 2) +
      '\n',
  );
}
