import 'server-only';
import { after } from 'next/server';
import { getDb } from '@/lib/database/configured-database';
import { drainOutbox } from './drain-outbox';
import { rootMessage } from '@/lib/errors/root-cause';
import { log } from '@/lib/log/logger';

// One drain at a time per process: a kick during a drain asks for one more pass afterwards
// instead of starting a second, competing loop.
const processWide = globalThis as typeof globalThis & {
  gatehouseOutboxDrain?: { running: boolean; again: boolean };
};

export async function drainOutboxOnce(): Promise<void> {
  const state = (processWide.gatehouseOutboxDrain ??= { running: false, again: false });
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      await drainOutbox(await getDb());
    } while (state.again);
  } catch (error) {
    // The rows keep their state; the next sweep or kick tries again.
    log.error(`Sending queued email failed: ${rootMessage(error)}`);
  } finally {
    state.running = false;
  }
}

/** Sends what was just queued right after the response has gone out. */
export function kickOutbox(): void {
  after(drainOutboxOnce);
}
