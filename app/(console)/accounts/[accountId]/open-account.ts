import 'server-only';
import { cache } from 'react';
import { requireAccount } from '@/lib/accounts/require-account';

/** requireAccount once per request: a page and its metadata (the tab's title) share the check. */
export const openAccount = cache(requireAccount);
