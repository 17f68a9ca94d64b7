import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ButtonLink } from '@/components/ui/button-link';
import { FormMessage } from '@/components/ui/form-message';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { getDb } from '@/lib/database/configured-database';
import { readChallengeCookie } from '@/lib/sign-in/challenge-cookie';
import { readUsableMethods } from '@/lib/two-factor/second-step';
import { readSignInChallenge } from '@/lib/two-factor/sign-in-challenge';
import { verifyCodeAction } from './actions';
import { SecondStepForm } from './second-step-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('twoFactor');
  return { title: t('title') };
}

/**
 * The second step of a sign-in: the authenticator's code (or a recovery code) for the
 * challenge the step's cookie names. Without a live one, the way back to the password.
 */
export default async function TwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; with?: string | string[] }>;
}) {
  const { callbackUrl, with: chosen } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  const t = await getTranslations('twoFactor');
  const db = await getDb();
  const challenge = await readSignInChallenge(db, await readChallengeCookie());
  const again = `/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`;
  if (!challenge) {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">{t('expiredTitle')}</h1>
        <p className="mt-2 text-sm text-slate-600">{t('expired')}</p>
        <ButtonLink href={again} className="mt-6">
          {t('signInAgain')}
        </ButtonLink>
      </>
    );
  }
  if (challenge.step === 'set_up') {
    redirect(`/sign-in/set-up-two-factor?${new URLSearchParams({ callbackUrl: returnTo })}`);
  }

  const methods = await readUsableMethods(db, challenge.userId);
  const kind = chosen === 'recovery' || !methods.authenticator ? 'recovery' : 'authenticator';
  const switchTo = (target: string) =>
    `/sign-in/two-factor?${new URLSearchParams({ callbackUrl: returnTo, with: target })}`;

  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {t(`describe.${kind}`, { email: challenge.email })}
      </p>
      {methods.emailSuspended ? (
        <div className="mt-6">
          <FormMessage tone="success">{t('emailSuspended')}</FormMessage>
        </div>
      ) : null}
      <ClientMessages namespaces={['twoFactor.form']}>
        <SecondStepForm
          key={kind}
          kind={kind}
          returnTo={returnTo}
          action={verifyCodeAction}
          recoveryCodesLeft={methods.recoveryCodesLeft}
        />
      </ClientMessages>
      <ul className="mt-6 space-y-2 text-sm">
        {kind === 'recovery' && methods.authenticator ? (
          <li>
            <Link href={switchTo('authenticator')} className="font-medium text-indigo-700">
              {t('useAuthenticator')}
            </Link>
          </li>
        ) : null}
        {kind === 'authenticator' && methods.recoveryCodesLeft > 0 ? (
          <li>
            <Link href={switchTo('recovery')} className="font-medium text-indigo-700">
              {t('useRecoveryCode')}
            </Link>
          </li>
        ) : null}
        <li className="text-slate-600">{t('lostEverything')}</li>
        <li>
          <Link href={again} className="font-medium text-indigo-700">
            {t('startOver')}
          </Link>
        </li>
      </ul>
    </>
  );
}
