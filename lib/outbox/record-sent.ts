import 'server-only';
import type { Database } from '@/db/database';
import { markSent } from './settle-email';
import { rootMessage } from '@/lib/errors/root-cause';
import { log } from '@/lib/log/logger';

const firstDelayMs = 200;
const longestDelayMs = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Records a delivered email as sent. The server has accepted it already, so a database error
 * here is not a failed send: treating it as one would send it again. The claim's lease keeps
 * every other sender off the row meanwhile, so this retries, loudly, until shortly before the
 * lease ends. Only if the database stays unwritable that long can a later sender resend it.
 */
export async function recordSent(
  db: Database,
  claim: { id: string; attempts: number },
  messageId: string,
  options: { retryUntil: number },
): Promise<boolean> {
  for (let delay = firstDelayMs; ; delay = Math.min(delay * 2, longestDelayMs)) {
    try {
      await markSent(db, claim, messageId);
      return true;
    } catch (error) {
      const givingUp = Date.now() + delay > options.retryUntil;
      log.error(
        { emailId: claim.id },
        `Email ${claim.id} was delivered (${messageId}) but could not be recorded as sent; ${
          givingUp
            ? 'giving up: once its lease runs out it may be sent again'
            : `retrying in ${delay} ms, it is not sent again meanwhile`
        }: ${rootMessage(error)}`,
      );
      if (givingUp) return false;
      await sleep(delay);
    }
  }
}
