'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from './button';

/**
 * Copies `text` to the clipboard. Where the Clipboard API is unavailable (plain http on a
 * host other than localhost) it selects the text in `fallbackInput` so Ctrl+C finishes the
 * job, and says so. The outcome is announced to screen readers.
 */
export function CopyButton(props: {
  text: string;
  label: string;
  copiedLabel: string;
  manualHint: string;
  fallbackInput?: React.RefObject<HTMLInputElement | null>;
}) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'manual'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(props.text);
      setOutcome('copied');
      timer.current = setTimeout(() => setOutcome('idle'), 2500);
    } catch {
      props.fallbackInput?.current?.select();
      setOutcome('manual');
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={copy} className="shrink-0">
        {outcome === 'copied' ? props.copiedLabel : props.label}
      </Button>
      <span role="status" className="sr-only">
        {outcome === 'copied' ? props.copiedLabel : ''}
      </span>
      {outcome === 'manual' ? (
        <p className="basis-full text-sm text-slate-600">{props.manualHint}</p>
      ) : null}
    </>
  );
}
