import { percentile } from './percentile';

/** Waits `ms` milliseconds: the pause a person takes between two clicks. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `ours / baseline` to two decimals: how every bench states a figure against its baseline. */
export function ratio(ours: number, baseline: number): number {
  return Number((ours / baseline).toFixed(2));
}

/** Median of `count` timed runs of `work`, after `warmUp` untimed ones. */
export async function medianMs(
  count: number,
  work: () => Promise<unknown>,
  warmUp = 5,
): Promise<number> {
  const samples: number[] = [];
  for (let n = 0; n < count + warmUp; n++) {
    const started = performance.now();
    await work();
    if (n >= warmUp) samples.push(performance.now() - started);
  }
  return percentile(samples, 50);
}
