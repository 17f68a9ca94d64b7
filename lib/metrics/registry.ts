import { collectDefaultMetrics, Counter, register, type Registry } from 'prom-client';

// What this process counts for /api/metrics (Prometheus text format, through prom-client), on
// prom-client's default registry: scripts/serve.mjs adds its HTTP figures there too. Kept on
// globalThis: Next may load this module once per route bundle, and must create the metrics once. Labels are closed sets (outcomes, steps, rule
// names): never an address, a token or anything a client typed.

interface Metrics {
  registry: Registry;
  signIns: Counter<'step' | 'outcome'>;
  emailSends: Counter<'outcome' | 'step'>;
  tokenFetches: Counter<'outcome'>;
  throttleRefusals: Counter<'rule'>;
}

function createMetrics(): Metrics {
  const registry = register;
  collectDefaultMetrics({ register: registry, prefix: 'gatehouse_' });
  return {
    registry,
    signIns: new Counter({
      name: 'gatehouse_sign_in_attempts_total',
      help: 'Sign-in attempts by step (password, code) and outcome.',
      labelNames: ['step', 'outcome'],
      registers: [registry],
    }),
    emailSends: new Counter({
      name: 'gatehouse_email_send_attempts_total',
      help: 'Attempts to send a queued email: sent, retry (a temporary failure) or failed, with the step that failed.',
      labelNames: ['outcome', 'step'],
      registers: [registry],
    }),
    tokenFetches: new Counter({
      name: 'gatehouse_oauth_token_fetches_total',
      help: 'OAuth2 token requests for SMTP sign-in, by outcome.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    throttleRefusals: new Counter({
      name: 'gatehouse_throttle_refusals_total',
      help: 'Requests refused by a throttle, by rule (sign-in:email, forgot:client, …).',
      labelNames: ['rule'],
      registers: [registry],
    }),
  };
}

const store = globalThis as typeof globalThis & { gatehouseMetrics?: Metrics };

export function metrics(): Metrics {
  store.gatehouseMetrics ??= createMetrics();
  return store.gatehouseMetrics;
}
