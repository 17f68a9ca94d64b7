/** Waits `ms` milliseconds: the pause a person takes between two clicks. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `ours / baseline` to two decimals: how every bench states a figure against its baseline. */
export function ratio(ours: number, baseline: number): number {
  return Number((ours / baseline).toFixed(2));
}
