import 'server-only';
import { z } from 'zod';
import { isPreviewDeployment, mailAllowlistSetting } from '@/lib/env';
import { log } from '@/lib/log/logger';

// A preview deployment must not email real people by accident (PRODUCT.md "Deployments"): while
// an allow-list applies, only the addresses it names are emailed; every other email is held in
// the delivery log, where host admins can copy its link.

export interface MailAllowlist {
  /** Allowed entries, lower-cased, in the order written: `name@example.com` or `*@example.com`. */
  entries: string[];
  /**
   * Entries that are neither an address nor `*@domain`. They are ignored, which allows less,
   * never more: a typo holds mail instead of sending it. Logged, and shown on the SMTP page.
   */
  invalid: string[];
  /** Why it applies: a preview deployment (`VERCEL_ENV=preview`), `MAIL_ALLOWLIST`, or both. */
  reason: 'preview' | 'setting' | 'preview-and-setting';
}

const address = z.email();

/** Splits `MAIL_ALLOWLIST` (commas, spaces or line breaks) into usable and invalid entries. */
export function parseMailAllowlist(raw: string): { entries: string[]; invalid: string[] } {
  const entries: string[] = [];
  const invalid: string[] = [];
  for (const item of raw.split(/[\s,]+/).filter(Boolean)) {
    const entry = item.toLowerCase();
    // `*@domain` is valid when some address at that domain would be.
    const example = entry.startsWith('*@') ? `x${entry.slice(1)}` : entry;
    const list = address.safeParse(example).success ? entries : invalid;
    if (!list.includes(entry)) list.push(entry);
  }
  return { entries, invalid };
}

/**
 * The allow-list that applies, or null when every address may be emailed. On a preview
 * deployment one always applies, empty (nobody is emailed) unless `MAIL_ALLOWLIST` names some.
 */
export function mailAllowlistFrom(options: {
  setting: string | undefined;
  preview: boolean;
}): MailAllowlist | null {
  if (!options.setting && !options.preview) return null;
  const { entries, invalid } = parseMailAllowlist(options.setting ?? '');
  const reason = !options.setting ? 'preview' : options.preview ? 'preview-and-setting' : 'setting';
  return { entries, invalid, reason };
}

/** Whether `recipient` may be emailed: no allow-list, or an exact or `*@domain` entry matches. */
export function allowsRecipient(allowlist: MailAllowlist | null, recipient: string): boolean {
  if (!allowlist) return true;
  const email = recipient.trim().toLowerCase();
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return allowlist.entries.some((entry) =>
    entry.startsWith('*@') ? email.includes('@') && entry.slice(2) === domain : entry === email,
  );
}

const warned = new Set<string>();

/** The allow-list this deployment's environment sets (read on each call; see `.env.example`). */
export function activeMailAllowlist(): MailAllowlist | null {
  const allowlist = mailAllowlistFrom({
    setting: mailAllowlistSetting(),
    preview: isPreviewDeployment(),
  });
  const key = allowlist?.invalid.join(' ');
  if (key && !warned.has(key)) {
    warned.add(key);
    log.warn(
      `MAIL_ALLOWLIST: ignoring ${allowlist!.invalid.map((entry) => `"${entry}"`).join(', ')}: ` +
        'each entry must be an address (name@example.com) or a whole domain (*@example.com).',
    );
  }
  return allowlist;
}
