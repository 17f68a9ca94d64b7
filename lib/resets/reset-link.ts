import 'server-only';
import { appUrl } from '@/lib/urls';

/** How long a reset link lives (PRODUCT.md "Passwords"). */
export const resetLifetimeMs = { self_service: 3_600_000, admin: 24 * 3_600_000 } as const;
export type ResetKind = keyof typeof resetLifetimeMs;

/** The reset page for a token, on the deployment's configured base URL. */
export function resetLink(token: string): string {
  return appUrl('/reset/' + token);
}
