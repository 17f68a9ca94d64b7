/**
 * Microsoft's clouds: each sign-in authority has its own Exchange Online resource (the token's
 * scope) and SMTP host. Any other https authority is taken as the global cloud's kind.
 */
interface MicrosoftCloud {
  authority: string;
  scope: string;
  smtpHost: string;
}

export const globalAuthority = 'https://login.microsoftonline.com';

const microsoftClouds: readonly MicrosoftCloud[] = [
  {
    authority: globalAuthority,
    scope: 'https://outlook.office365.com/.default',
    smtpHost: 'smtp.office365.com',
  },
  {
    authority: 'https://login.microsoftonline.us',
    scope: 'https://outlook.office365.us/.default',
    smtpHost: 'smtp.office365.us',
  },
  {
    authority: 'https://login.chinacloudapi.cn',
    scope: 'https://partner.outlook.cn/.default',
    smtpHost: 'smtp.partner.outlook.cn',
  },
];

const trimmed = (authority: string | null) => (authority ?? globalAuthority).replace(/\/+$/, '');

export function microsoftCloud(authority: string | null): MicrosoftCloud {
  const wanted = trimmed(authority).toLowerCase();
  return microsoftClouds.find((cloud) => cloud.authority === wanted) ?? microsoftClouds[0]!;
}

/** The v2.0 token endpoint of a tenant under an authority. */
export function microsoftTokenEndpoint(authority: string | null, tenant: string): string {
  return `${trimmed(authority)}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
}
