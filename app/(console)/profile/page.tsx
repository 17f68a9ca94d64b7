import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/guards';
import { changeLanguageAction } from '../actions';
import { changeOwnPasswordAction } from './actions';
import { ChangePasswordForm } from './change-password-form';
import { TwoFactorSection } from './two-factor-section';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('profile');
  return { title: t('title') };
}

/** Every signed-in user's own page: their password, two-factor sign-in and language. */
export default async function ProfilePage() {
  const user = await requireUser();
  const t = await getTranslations('profile');
  return (
    <ClientMessages
      namespaces={['languageSwitch', 'profile.password', 'profileTwoFactor', 'twoFactorSetup']}
    >
      <PageHeader title={t('title')} description={t('description', { email: user.email })} />
      <div className="space-y-6">
        <Card className="p-5 sm:p-6">
          <section aria-labelledby="profile-password">
            <h2 id="profile-password" className="text-base font-semibold text-slate-900">
              {t('password.title')}
            </h2>
            <p className="mt-1 max-w-2xl text-sm text-pretty text-slate-600">
              {t('password.description')}
            </p>
            <ChangePasswordForm email={user.email} action={changeOwnPasswordAction} />
          </section>
        </Card>
        <Card className="p-5 sm:p-6">
          <TwoFactorSection user={user} />
        </Card>
        <Card className="p-5 sm:p-6">
          <section aria-labelledby="profile-language">
            <h2 id="profile-language" className="text-base font-semibold text-slate-900">
              {t('language.title')}
            </h2>
            <p className="mt-1 max-w-2xl text-sm text-pretty text-slate-600">
              {t('language.description')}
            </p>
            <div className="mt-5 max-w-xs">
              <LanguageSwitch action={changeLanguageAction} legend={t('language.legend')} />
            </div>
          </section>
        </Card>
      </div>
    </ClientMessages>
  );
}
