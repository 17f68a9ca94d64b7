import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { getDb } from '@/lib/database/configured-database';
import { getCurrentUser } from '@/lib/auth/current-user';
import { readInvitation } from '@/lib/invitations/read-invitation';
import { signOutAction } from '../../../(console)/session-actions';
import { acceptInvitationAction } from './actions';
import { AcceptForm } from './accept-form';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('invite');
  return { title: t('title') };
}

/** An invitation link. Opening it consumes nothing (mail scanners open links); submitting does. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('invite');
  const invitation = await readInvitation(await getDb(), { token });

  if (invitation.state !== 'valid') {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">
          {t(`state.${invitation.state}.title`)}
        </h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">
          {t(`state.${invitation.state}.description`)}
        </p>
      </>
    );
  }
  const signedIn = await getCurrentUser();
  if (signedIn) {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">{t('signedIn.title')}</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">
          {t('signedIn.description', { current: signedIn.email, invited: invitation.email })}
        </p>
        <form action={signOutAction} className="mt-6">
          <input type="hidden" name="next" value={`/invite/${token}`} />
          <Button type="submit">{t('signedIn.signOut')}</Button>
        </form>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-sm leading-6 text-slate-600">{t('description')}</p>
      <ClientMessages namespaces={['invite']}>
        <AcceptForm token={token} email={invitation.email} action={acceptInvitationAction} />
      </ClientMessages>
    </>
  );
}
