/** The step of an SMTP conversation that failed, named as the page names it. */
type SmtpStep =
  | 'token'
  | 'lookup'
  | 'connect'
  | 'tls'
  | 'greeting'
  | 'certificate'
  | 'starttls'
  | 'auth'
  | 'sender'
  | 'recipient'
  | 'message'
  | 'timeout'
  | 'unknown';

/**
 * What went wrong, as data: the page translates `advice` (a key under smtpDiagnosis.advice)
 * with `values`, so the same stored result reads right in English and German.
 */
export interface SmtpDiagnosis {
  step: SmtpStep;
  advice: string;
  values: Record<string, string | number>;
  /** The server's own reply, quoted as it came. */
  serverReply?: string;
  /** The technical code behind it (ECONNREFUSED, 535, CERT_HAS_EXPIRED…), for support. */
  code?: string;
}
