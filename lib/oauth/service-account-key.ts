import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';

/** What Gatehouse keeps of a Google service account's JSON key. */
export interface ServiceAccountKey {
  clientEmail: string;
  privateKeyPem: string;
  tokenUri: string;
}

const keyFile = z.object({
  type: z.literal('service_account'),
  client_email: z.string().email(),
  private_key: z.string().min(1),
  token_uri: z.string().url(),
});

/**
 * Reads a pasted or uploaded key file. Null when it is not a service account key with a usable
 * private key: the form then says so beside the field instead of failing at the first send.
 */
export function readServiceAccountKey(json: string): ServiceAccountKey | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const key = keyFile.safeParse(parsed);
  if (!key.success) return null;
  try {
    createPrivateKey(key.data.private_key);
  } catch {
    return null;
  }
  return {
    clientEmail: key.data.client_email,
    privateKeyPem: key.data.private_key,
    tokenUri: key.data.token_uri,
  };
}
