/**
 * What a change to another user answers. `self`: nobody changes their own role or status, or
 * revokes themselves. `lastHostAdmin` / `lastAccountAdmin`: the change would leave the instance
 * or an account (named in `accounts`) without an admin (PRODUCT.md invariants).
 */
export type UserChangeResult =
  | { ok: true; email: string }
  | {
      ok: false;
      reason: 'notFound' | 'forbidden' | 'self' | 'invalid' | 'lastHostAdmin';
    }
  | { ok: false; reason: 'lastAccountAdmin'; accounts: string[] };
