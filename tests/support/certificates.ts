import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestCertificateOptions {
  /** Names the server certificate is valid for; IP literals become `IP:` entries. */
  names?: string[];
  /** Make a certificate whose validity ended yesterday (signed by the same CA). */
  expired?: boolean;
  /**
   * How long a valid certificate lasts from now: 20 days by default, past the 14 days within
   * which the console warns that it expires; shorter to see that warning.
   */
  validForDays?: number;
  /** A certificate that is its own CA, not signed by the test CA: someone else's server. */
  selfSigned?: boolean;
}

export interface TestCertificates {
  /** The test CA every set is signed by: what a client passes as `tls.ca`. */
  caPem: string;
  keyPem: string;
  certPem: string;
  /** Folder holding this set's files (server.key, server.crt). */
  dir: string;
}

const DEFAULT_NAMES = ['localhost', '127.0.0.1'];
const HOUR = 60 * 60 * 1000;

// One CA per process, so every set (right names, wrong names, expired) is trusted by the same
// `caPem` and a failure can only come from the property the test changed.
let ca: { root: string; caPem: string } | undefined;
const cache = new Map<string, TestCertificates>();
let serial = 1;

function openssl(args: string[], cwd: string): void {
  // stdio ignored: openssl chatters on stderr even on success; a failure still throws with its status.
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

// `openssl ca` takes -startdate/-enddate (openssl 3.0's `x509 -req` has no way to back-date).
function opensslDate(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Test runners often kill their workers without an 'exit' event, so each process also sweeps
// the folders of processes that are gone. The folder name carries its owner's pid for that.
function removeStaleFolders(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = /^gatehouse-certs-(\d+)-/.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) {
      rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

function ensureCa(): { root: string; caPem: string } {
  if (ca) return ca;
  removeStaleFolders();
  const root = mkdtempSync(path.join(tmpdir(), `gatehouse-certs-${process.pid}-`));
  // The keys are throwaway test material; do not leave them behind in /tmp.
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  // EC P-256 keys: a few milliseconds each, where RSA 2048 costs tens.
  openssl(
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-subj', '/CN=Gatehouse Test CA'],
      ...['-addext', 'basicConstraints=critical,CA:TRUE'],
      ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    ],
    root,
  );
  writeFileSync(
    path.join(root, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      'database = index.txt',
      'new_certs_dir = .',
      'serial = serial',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(root, 'index.txt'), '');
  writeFileSync(path.join(root, 'serial'), '01\n');
  ca = { root, caPem: readFileSync(path.join(root, 'ca.crt'), 'utf8') };
  return ca;
}

function sanFor(names: string[]): string {
  return names.map((name) => (isIP(name) ? `IP:${name}` : `DNS:${name}`)).join(',');
}

// Its own trust anchor: a client trusts it only when given this very certificate as its CA.
function createSelfSigned(names: string[]): TestCertificates {
  const { root } = ensureCa();
  const dir = path.join(root, `self-signed-${serial++}`);
  mkdirSync(dir);
  openssl(
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', 'server.key', '-out', 'server.crt', '-days', '2', '-subj', `/CN=${names[0]}`],
      ...['-addext', `subjectAltName=${sanFor(names)}`],
      ...['-addext', 'basicConstraints=critical,CA:TRUE'],
    ],
    dir,
  );
  const certPem = readFileSync(path.join(dir, 'server.crt'), 'utf8');
  return {
    caPem: certPem,
    keyPem: readFileSync(path.join(dir, 'server.key'), 'utf8'),
    certPem,
    dir,
  };
}

/**
 * A server certificate signed by the process's test CA, made with the `openssl` CLI.
 * Defaults to `localhost` + `127.0.0.1`; each distinct option set is made once per process.
 */
export function createTestCertificates(options: TestCertificateOptions = {}): TestCertificates {
  const names = options.names ?? DEFAULT_NAMES;
  if (names.length === 0) throw new Error('createTestCertificates: names must not be empty');
  const expired = options.expired ?? false;
  const validForDays = options.validForDays ?? 20;
  const key = JSON.stringify({
    names,
    expired,
    validForDays,
    selfSigned: options.selfSigned ?? false,
  });
  const cached = cache.get(key);
  if (cached) return cached;
  if (options.selfSigned) {
    const certificates = createSelfSigned(names);
    cache.set(key, certificates);
    return certificates;
  }

  const { root, caPem } = ensureCa();
  const dir = path.join(root, `server-${serial++}`);
  mkdirSync(dir);
  const san = sanFor(names);
  writeFileSync(
    path.join(dir, 'ext.cnf'),
    `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(
    [
      ...['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', path.join(dir, 'server.key'), '-out', path.join(dir, 'server.csr')],
      ...['-subj', `/CN=${names[0]}`],
    ],
    root,
  );
  const now = Date.now();
  // Back-dated by an hour so a clock a little behind the test's still accepts a fresh one.
  const [start, end] = expired
    ? [now - 48 * HOUR, now - 24 * HOUR]
    : [now - HOUR, now + validForDays * 24 * HOUR];
  openssl(
    [
      ...['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.crt', '-keyfile', 'ca.key', '-notext'],
      ...['-in', path.join(dir, 'server.csr'), '-out', path.join(dir, 'server.crt')],
      ...['-extfile', path.join(dir, 'ext.cnf')],
      ...['-startdate', opensslDate(new Date(start)), '-enddate', opensslDate(new Date(end))],
    ],
    root,
  );
  const certificates: TestCertificates = {
    caPem,
    keyPem: readFileSync(path.join(dir, 'server.key'), 'utf8'),
    certPem: readFileSync(path.join(dir, 'server.crt'), 'utf8'),
    dir,
  };
  cache.set(key, certificates);
  return certificates;
}
