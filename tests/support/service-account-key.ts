import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** A Google service account as its JSON key file describes it, with the public half for checking. */
export interface TestServiceAccount {
  clientEmail: string;
  clientId: string;
  privateKeyPem: string;
  publicKeyPem: string;
  /** The JSON key file exactly as Google Cloud hands it out, pointing at `tokenUri`. */
  keyJson(tokenUri: string): string;
}

const clientEmail = 'gatehouse-mailer@test-project.iam.gserviceaccount.com';

function makeServiceAccount(): TestServiceAccount {
  // RSA generation takes a while: each of the two accounts is made once per process.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const clientId = String(100_000_000_000_000_000_000n + BigInt(randomBytes(6).readUIntBE(0, 6)));
  return {
    clientEmail,
    clientId,
    privateKeyPem,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyJson: (tokenUri) =>
      JSON.stringify(
        {
          type: 'service_account',
          project_id: 'test-project',
          private_key_id: randomBytes(20).toString('hex'),
          private_key: privateKeyPem,
          client_email: clientEmail,
          client_id: clientId,
          auth_uri: 'https://accounts.google.com/o/oauth2/auth',
          token_uri: tokenUri,
          auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
          client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
          universe_domain: 'googleapis.com',
        },
        null,
        2,
      ),
  };
}

let theAccount: TestServiceAccount | undefined;
let another: TestServiceAccount | undefined;

/** The service account the test token server knows. */
export function createTestServiceAccount(): TestServiceAccount {
  return (theAccount ??= makeServiceAccount());
}

/** Same client email, another key: a deleted key, or someone else's. */
export function createOtherServiceAccount(): TestServiceAccount {
  return (another ??= makeServiceAccount());
}
