'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useEffect, type RefObject } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';

/**
 * After an action that set a password (first admin, accepted invitation) succeeds: sign in
 * with the form's `email` and `password` fields as submitted, and land on the dashboard.
 */
export function useSignInAfterSuccess(
  state: ActionResult<unknown> | null,
  submitted: RefObject<FormData | null>,
) {
  const router = useRouter();
  useEffect(() => {
    const data = submitted.current;
    if (!state?.ok || !data) return;
    void signIn('credentials', {
      email: data.get('email'),
      password: data.get('password'),
      redirect: false,
    }).then(() => router.replace('/dashboard'));
  }, [state, router, submitted]);
}
