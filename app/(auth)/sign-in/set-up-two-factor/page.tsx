import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { AuthenticatorSetup } from '@/components/two-factor/authenticator-setup';
import { ButtonLink } from '@/components/ui/button-link';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { getDb } from '@/lib/database/configured-database';
import { getHostName } from '@/lib/host/get-host-name';
import { readChallengeCookie } from '@/lib/sign-in/challenge-cookie';
import { readSignInChallenge } from '@/lib/two-factor/sign-in-challenge';
import { finishSetUpAtSignInAction, startSetUpAtSignInAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('twoFactor.setUp');
  return { title: t('title') };
}

/**
 * Right after the password, when the host requires a second step this user cannot pass yet:
 * an authenticator is set up here, and confirming it finishes the sign-in.
 */
export default async function SetUpTwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  const query = new URLSearchParams({ callbackUrl: returnTo });
  const challenge = await readSignInChallenge(await getDb(), await readChallengeCookie());
  if (challenge && challenge.step !== 'set_up') redirect(`/sign-in/two-factor?${query}`);
  // Confirming signs in and ends the challenge, and Next.js renders this page again for the
  // action's answer: it must stay then (the recovery codes are on it). Visited otherwise, a
  // signed-in user goes on.
  const user = challenge ? null : await getCurrentUser();
  if (user && !(await headers()).has('next-action')) redirect(returnTo);
  const email = challenge?.email ?? user?.email;
  if (!email) redirect(`/sign-in/two-factor?${query}`);
  const t = await getTranslations('twoFactor.setUp');
  const hostName = await getHostName();
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('description', { hostName })}</p>
      <ClientMessages namespaces={['twoFactorSetup']}>
        <AuthenticatorSetup
          email={email}
          hostName={hostName}
          startAction={startSetUpAtSignInAction}
          confirmAction={finishSetUpAtSignInAction}
          after={
            <ButtonLink href={returnTo} className="w-full justify-center">
              {t('continue')}
            </ButtonLink>
          }
        />
      </ClientMessages>
    </>
  );
}
