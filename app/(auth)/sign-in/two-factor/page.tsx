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
import { codeEmailTrouble } from '@/lib/two-factor/code-email-trouble';
import { readUsableMethods, type CodeKind } from '@/lib/two-factor/second-step';
import { readSignInChallenge } from '@/lib/two-factor/sign-in-challenge';
import { sendSignInCodeAction, verifyCodeAction } from './actions';
import { SecondStepForm } from './second-step-form';
import { SendCodeForm } from './send-code-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('twoFactor');
  return { title: t('title') };
}

/**
 * The second step of a sign-in: a code from the authenticator app, an email or the recovery
 * codes, for the
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
  const offered: Record<CodeKind, boolean> = {
    authenticator: methods.authenticator,
    email: methods.email,
    recovery: true,
  };
  const kind: CodeKind =
    typeof chosen === 'string' && chosen in offered && offered[chosen as CodeKind]
      ? (chosen as CodeKind)
      : methods.preferred;
  const switchTo = (target: CodeKind) =>
    `/sign-in/two-factor?${new URLSearchParams({ callbackUrl: returnTo, with: target })}`;
  const others = (['authenticator', 'email', 'recovery'] as const).filter(
    (other) =>
      other !== kind && (other === 'recovery' ? methods.recoveryCodesLeft > 0 : offered[other]),
  );
  const otherLabels = {
    authenticator: t('useAuthenticator'),
    email: t('useEmail'),
    recovery: t('useRecoveryCode'),
  };
  const emailSent = Boolean(challenge.emailCodeSentAt);
  const trouble =
    kind === 'email' && emailSent
      ? await codeEmailTrouble(db, { userId: challenge.userId, since: challenge.createdAt })
      : null;
  const tAll = await getTranslations();
  const troubleText = trouble
    ? t(`codeEmail.${trouble.status}`, {
        problem: trouble.problem
          ? tAll(
              `smtpDiagnosis.advice.${trouble.problem.advice}` as 'smtpDiagnosis.advice.unexpected',
              trouble.problem.values as never,
            )
          : '',
      })
    : null;

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
      <ClientMessages namespaces={['twoFactor.form', 'twoFactor']}>
        {kind === 'email' ? (
          <div className="mt-6">
            <p className="text-sm text-slate-700">
              {emailSent
                ? t('emailSent', { email: challenge.email })
                : t('emailNotSent', { email: challenge.email })}
            </p>
            {troubleText ? (
              <div className="mt-3">
                <FormMessage>{troubleText}</FormMessage>
              </div>
            ) : null}
            <SendCodeForm alreadySent={emailSent} action={sendSignInCodeAction} />
          </div>
        ) : null}
        <SecondStepForm
          key={kind}
          kind={kind}
          returnTo={returnTo}
          action={verifyCodeAction}
          recoveryCodesLeft={methods.recoveryCodesLeft}
        />
      </ClientMessages>
      <ul className="mt-6 space-y-2 text-sm">
        {others.map((other) => (
          <li key={other}>
            <Link href={switchTo(other)} className="font-medium text-indigo-700">
              {otherLabels[other]}
            </Link>
          </li>
        ))}
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
