import { percentile } from './percentile';

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
