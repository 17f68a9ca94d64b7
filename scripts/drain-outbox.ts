// npm run outbox:drain [-- --lease-ms N --batch-size N]: sends every due email once and exits.
// For operators (and tests) who want a sender without the web server; safe beside it.
// Run under the react-server condition (see package.json) because it shares server-only code.
import { parseArgs } from 'node:util';
import { openConfiguredDatabase } from '@/lib/database/configured-database';
import { drainOutbox } from '@/lib/outbox/drain-outbox';
import { closePooledTransport } from '@/lib/outbox/pooled-transport';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'lease-ms': { type: 'string' }, 'batch-size': { type: 'string' } },
  });
  const handle = await openConfiguredDatabase();
  try {
    const result = await drainOutbox(handle.db, {
      leaseMs: values['lease-ms'] ? Number(values['lease-ms']) : undefined,
      batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
    });
    console.log(JSON.stringify(result));
  } finally {
    closePooledTransport();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Sending queued email failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
