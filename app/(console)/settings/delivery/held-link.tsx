'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { CopyButton } from '@/components/ui/copy-button';

/** A link from a held email, read-only with Copy, for the host admin to share by hand. */
export function HeldLink({ link, recipient }: { link: string; recipient: string }) {
  const t = useTranslations();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      <input
        ref={input}
        readOnly
        value={link}
        aria-label={t('delivery.held.linkLabel', { recipient })}
        onFocus={(event) => event.currentTarget.select()}
        className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900"
      />
      <CopyButton
        text={link}
        label={t('users.link.copy')}
        copiedLabel={t('users.link.copied')}
        manualHint={t('users.link.copyManually')}
        fallbackInput={input}
      />
    </div>
  );
}
