'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { filterFieldClass } from '@/components/ui/filter-select';
import { displayNameMaxLength } from '@/lib/field-limits';
import type { AccountSearch, PickableAccount } from './role-picker';

/** A pause in typing before the search goes out: one request per word, not per key. */
const typingPauseMs = 250;

/**
 * Finds accounts by name for the role picker, as the viewer types (the first ones by name
 * before anything is typed), and says how the search went: how many, none, or more than shown.
 */
export function AccountFinder(props: {
  search: AccountSearch;
  onFound: (accounts: PickableAccount[]) => void;
}) {
  const t = useTranslations('users.roles.find');
  const id = useId();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<
    { state: 'found'; count: number; more: boolean } | { state: 'failed'; message: string } | null
  >(null);
  const { search, onFound } = props;

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      async () => {
        const form = new FormData();
        form.set('search', text);
        try {
          const result = await search(null, form);
          if (!current) return;
          if (result.ok) {
            onFound(result.data.accounts);
            setAnswer({
              state: 'found',
              count: result.data.accounts.length,
              more: result.data.more,
            });
          } else {
            setAnswer({ state: 'failed', message: result.formError ?? t('failed') });
          }
        } catch {
          if (current) setAnswer({ state: 'failed', message: t('failed') });
        }
      },
      text ? typingPauseMs : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // onFound is a fresh function on every render of the picker; the search depends on text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, search, t]);

  return (
    <div className="mt-2 space-y-1.5">
      <label htmlFor={id} className="sr-only">
        {t('label')}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={displayNameMaxLength}
        placeholder={t('placeholder')}
        onChange={(event) => setText(event.target.value)}
        // Enter here finds; it must not send the invitation.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
        className={`w-full ${filterFieldClass}`}
      />
      <p className="text-sm text-slate-600" aria-live="polite">
        {answer?.state === 'failed'
          ? answer.message
          : answer?.state === 'found'
            ? answer.count === 0
              ? text.trim()
                ? t('none', { search: text.trim() })
                : t('noAccounts')
              : answer.more
                ? t('more', { count: answer.count })
                : null
            : null}
      </p>
    </div>
  );
}
