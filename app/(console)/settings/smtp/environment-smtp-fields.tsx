import { useTranslations } from 'next-intl';
import type { SmtpSettingsView } from '@/lib/smtp/get-smtp-settings';
import type { EnvironmentField } from '@/lib/smtp/environment-smtp';

type Row = { label: string; value: string; variable: string; set: boolean };

/**
 * The configuration the server's environment sets, read-only, each field beside the variable
 * that sets it (Metabase's way): the admin sees what is in force and where to change it.
 * Secrets only as "set".
 */
export function EnvironmentSmtpFields(props: {
  view: SmtpSettingsView;
  variables: Record<EnvironmentField, string>;
}) {
  const t = useTranslations('smtp');
  const { view, variables } = props;
  const row = (label: string, field: EnvironmentField, value: string | null): Row => ({
    label,
    value: value ?? t('environment.notSet'),
    variable: variables[field],
    set: value !== null,
  });
  const hidden = t('environment.hidden');
  const rows: Row[] = [
    row(t('form.host'), 'host', view.host),
    row(t('form.port'), 'port', String(view.port)),
    row(
      t('environment.security'),
      'security',
      t(view.ssl ? 'environment.ssl' : view.starttls ? 'environment.starttls' : 'environment.none'),
    ),
    row(t('form.senderName'), 'senderName', view.senderName),
    row(t('form.senderEmail'), 'senderEmail', view.senderEmail),
  ];
  if (!view.auth) {
    rows.push(row(t('form.username'), 'username', null));
  } else if (view.signIn === 'password') {
    rows.push(row(t('form.username'), 'username', view.username));
    rows.push(row(t('form.password'), 'password', hidden));
  } else {
    rows.push(row(t('form.mailbox'), 'username', view.username));
    rows.push(...oauthRows(view, row, t, hidden));
  }
  rows.push(row(t('form.caPem'), 'caPem', view.caPem ? t('environment.ownCa') : null));

  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {rows.map((item) => (
        <div key={item.label} className="grid gap-1 py-2.5 sm:grid-cols-[14rem_1fr] sm:gap-4">
          <dt className="font-medium text-slate-700">{item.label}</dt>
          <dd className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <span className={item.set ? 'break-all text-slate-900' : 'text-slate-500'}>
              {item.value}
            </span>
            <span className="text-xs text-slate-500">
              {t('environment.setBy', { variable: item.variable })}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function oauthRows(
  view: SmtpSettingsView,
  row: (label: string, field: EnvironmentField, value: string | null) => Row,
  t: ReturnType<typeof useTranslations<'smtp'>>,
  hidden: string,
): Row[] {
  switch (view.oauthProvider) {
    case 'microsoft':
      return [
        row(t('form.oauthProvider'), 'oauthProvider', t('form.providerMicrosoft')),
        row(t('form.tenant'), 'oauthTenant', view.oauthTenant),
        row(t('form.authority'), 'oauthAuthority', view.oauthAuthority),
        row(t('form.clientId'), 'oauthClientId', view.oauthClientId),
        row(t('form.clientSecret'), 'oauthClientSecret', hidden),
      ];
    case 'google':
      return [
        row(t('form.oauthProvider'), 'oauthProvider', t('form.providerGoogle')),
        row(t('form.keyJson'), 'oauthKeyJson', view.oauthClientId),
      ];
    default:
      return [
        row(t('form.oauthProvider'), 'oauthProvider', t('form.providerOther')),
        row(t('form.otherClientId'), 'oauthClientId', view.oauthClientId),
        row(t('form.clientSecret'), 'oauthClientSecret', hidden),
        row(t('form.tokenUrl'), 'oauthTokenUrl', view.oauthTokenUrl),
        row(t('form.scope'), 'oauthScope', view.oauthScope),
      ];
  }
}
