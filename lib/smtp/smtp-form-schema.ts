import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { emailField, singleLineField } from '@/lib/auth/password-fields';
import { displayNameMaxLength, emailMaxLength, serverHostMaxLength } from '@/lib/field-limits';

// A host name (RFC 1123 labels) or an IP address: no scheme, no port, no spaces.
const hostNamePattern =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .optional()
  .transform((value) => value === 'on' || value === 'true');

function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

/**
 * The SMTP form as submitted, for Save and for Send test email alike. Messages are catalog keys
 * under validation.*; a blank password means "keep the stored one".
 */
export const smtpFormSchema = z
  .object({
    host: singleLineField(serverHostMaxLength)
      .transform((host) => host.toLowerCase())
      .refine((host) => isIP(host) > 0 || hostNamePattern.test(host), 'smtpHost'),
    port: z.coerce.number('smtpPort').int('smtpPort').min(1, 'smtpPort').max(65535, 'smtpPort'),
    senderName: singleLineField(displayNameMaxLength),
    senderEmail: emailField,
    ssl: checkbox,
    starttls: checkbox,
    auth: checkbox,
    username: z
      .string()
      .max(emailMaxLength, 'tooLong')
      .refine((v) => !/[\r\n]/.test(v), 'lineBreak')
      .optional(),
    password: z.string().max(1024, 'tooLong').optional(),
    caPem: z
      .string()
      .max(20_000, 'tooLong')
      .optional()
      .transform((pem) => pem?.trim() || null)
      .refine((pem) => pem === null || isCertificate(pem), 'smtpCaPem'),
  })
  .superRefine((value, context) => {
    if (value.ssl && value.starttls) {
      context.addIssue({ code: 'custom', path: ['starttls'], message: 'smtpSslAndStarttls' });
    }
    if (value.auth && !value.username?.trim()) {
      context.addIssue({ code: 'custom', path: ['username'], message: 'required' });
    }
  });

export type SmtpForm = z.infer<typeof smtpFormSchema>;
