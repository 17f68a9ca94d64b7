import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { AuthenticatorSetup } from '@/components/two-factor/authenticator-setup';
import { EmailCodeSetup } from '@/components/two-factor/email-code-setup';
import { ButtonLink } from '@/components/ui/button-link';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { getDb } from '@/lib/database/configured-database';
import { getHostName } from '@/lib/host/get-host-name';
import { isSmtpEnabled } from '@/lib/smtp/get-smtp-settings';
import { readChallengeCookie } from '@/lib/sign-in/challenge-cookie';
import { readSignInChallenge } from '@/lib/two-factor/sign-in-challenge';
import {
  finishSetUpAtSignInAction,
  startEmailSetUpAtSignInAction,
  startSetUpAtSignInAction,
} from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('twoFactor.setUp');
  return { title: t('title') };
}

/**
 * Right after the password, when the host requires a second step this user cannot pass yet:
 * an authenticator (or, while SMTP is on, emailed codes) is set up here, and confirming it
 * finishes the sign-in.
 */
export default async function SetUpTwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; with?: string | string[] }>;
}) {
  const { callbackUrl, with: chosen } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  const query = new URLSearchParams({ callbackUrl: returnTo });
  const db = await getDb();
  const challenge = await readSignInChallenge(db, await readChallengeCookie());
  if (challenge && challenge.step !== 'set_up') redirect(`/sign-in/two-factor?${query}`);
  // Confirming signs in and ends the challenge, and Next.js renders this page again for the
  // action's answer: it must stay then (the recovery codes are on it). Visited otherwise, a
  // signed-in user goes on.
  const user = challenge ? null : await getCurrentUser();
  if (user && !(await headers()).has('next-action')) redirect(returnTo);
  const email = challenge?.email ?? user?.email;
  if (!email) redirect(`/sign-in/two-factor?${query}`);
  const t = await getTranslations('twoFactor.setUp');
  const [hostName, smtpEnabled] = await Promise.all([getHostName(), isSmtpEnabled(db)]);
  // Emailed codes are offered while the host's email is on; the app always.
  const byEmail = smtpEnabled && chosen === 'email';
  const switchTo = (target: 'email' | 'authenticator') =>
    `/sign-in/set-up-two-factor?${new URLSearchParams({ callbackUrl: returnTo, with: target })}`;
  const onward = (
    <ButtonLink href={returnTo} className="w-full justify-center">
      {t('continue')}
    </ButtonLink>
  );
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {byEmail ? t('descriptionEmail', { hostName, email }) : t('description', { hostName })}
      </p>
      <ClientMessages namespaces={['twoFactorSetup', 'profileTwoFactor.email']}>
        {byEmail ? (
          <EmailCodeSetup
            email={email}
            hostName={hostName}
            startAction={startEmailSetUpAtSignInAction}
            confirmAction={finishSetUpAtSignInAction}
            after={onward}
          />
        ) : (
          <AuthenticatorSetup
            email={email}
            hostName={hostName}
            startAction={startSetUpAtSignInAction}
            confirmAction={finishSetUpAtSignInAction}
            after={onward}
          />
        )}
      </ClientMessages>
      {smtpEnabled ? (
        <p className="mt-6 text-sm">
          <Link
            href={switchTo(byEmail ? 'authenticator' : 'email')}
            className="font-medium text-indigo-700"
          >
            {byEmail ? t('useAuthenticator') : t('useEmail')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
