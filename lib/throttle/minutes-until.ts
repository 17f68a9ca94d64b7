/** Whole minutes until `moment`, at least 1: how a throttle's end is told to a person. */
export function minutesUntil(moment: Date): number {
  return Math.max(1, Math.ceil((moment.getTime() - Date.now()) / 60_000));
}
