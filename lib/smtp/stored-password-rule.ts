/**
 * Why a blank password field may not mean "the stored one": `notStored` when there is none,
 * else the first setting that now points the password somewhere other than where it was saved.
 */
export type StoredPasswordRefusal =
  'notStored' | 'host' | 'port' | 'ssl' | 'starttls' | 'username' | 'caPem';

/** The form's values, parsed (server) or as typed (the page's live hint). */
export interface PasswordDraft {
  auth: boolean;
  signIn?: 'password' | 'oauth2';
  password?: string;
  host: string;
  port: number | string;
  ssl: boolean;
  starttls: boolean;
  username?: string | null;
  caPem?: string | null;
}

/** The saved row's server, and whether it holds a password. */
export interface SavedServer {
  host: string;
  port: number;
  ssl: boolean;
  starttls: boolean;
  username: string | null;
  caPem: string | null;
  hasPassword: boolean;
}

// Normalised as saving does (smtp-form-schema.ts: host lower-cased, username and CA trimmed,
// an empty CA stored as none), plus CRLF, which browsers submit for a textarea's line breaks.
const server = (values: Omit<PasswordDraft, 'auth' | 'password'>) => ({
  host: values.host.trim().toLowerCase(),
  port: Number(values.port),
  ssl: values.ssl,
  starttls: values.starttls,
  username: values.username?.trim() ?? '',
  caPem: values.caPem?.replace(/\r\n/g, '\n').trim() ?? '',
});

const compared = ['host', 'port', 'ssl', 'starttls', 'username', 'caPem'] as const;

/** The first setting that points a stored secret somewhere other than where it was saved. */
export function changedServerSetting(
  form: Omit<PasswordDraft, 'auth' | 'password'>,
  saved: Omit<SavedServer, 'hasPassword'>,
): (typeof compared)[number] | null {
  const now = server(form);
  const then = server(saved);
  return compared.find((field) => now[field] !== then[field]) ?? null;
}

/**
 * A blank password field means "the stored one", but only toward the server it was saved for:
 * same host, port, SSL, StartTLS, username and CA certificate (PRODUCT.md). Otherwise anyone
 * with access to the form (or a stolen admin session) could send it to a server of their
 * choice, in clear or to one trusting their own CA, and read it there. Null: nothing to ask.
 */
export function storedPasswordRefusal(
  form: PasswordDraft,
  saved: SavedServer | null,
): StoredPasswordRefusal | null {
  if (!form.auth || form.password || form.signIn === 'oauth2') return null;
  if (!saved?.hasPassword) return 'notStored';
  return changedServerSetting(form, saved);
}
