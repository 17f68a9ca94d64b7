import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import {
  accountMemberships,
  accounts,
  hostSettings,
  outbox,
  passwordResets,
  smtpSettings,
  throttle,
  twoFactorMethods,
  users,
} from '@/db/schema';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import {
  callers,
  classifyAnswer,
  cookieOfNewCaller,
  copyOfAccount,
  createWorld,
  newCaller,
  openPage,
  refusalTexts,
  targets,
  uniqueName,
  type ActionAnswer,
  type ActionOutcome,
  type Caller,
  type MatrixAccount,
  type PageOutcome,
  type Target,
  type World,
} from '../support/authorization-matrix';
import { declaredActions, pageCalling, pageRoutes } from '../support/app-inventory';
import { createPendingInvitee, createUser, e2ePassword, uniqueEmail } from '../support/e2e-users';
import { testOnOwnInstance } from '../support/own-instance-fixtures';
import { builtActions, callFormAction, type BuiltAction } from '../support/server-action';
import { expect } from '../support/e2e-fixtures';
import { freePort } from '../support/free-port';
import {
  agentsWithoutEvent,
  challengeCookie,
  pendingAuthenticator,
  pendingEmailCodes,
  probeUserAgent,
  type AuditExpectation,
} from '../support/matrix-audit';
import { setUnreachableSmtp } from '../support/test-smtp-settings';

// PRODUCT.md "Who may do what", checked on the server: every server action called directly
// (as the browser would, without the UI) and every page opened, by each of the six roles, a
// signed-out visitor and a user of another account. Its own instance: the allowed calls change
// the host name, the SMTP configuration, the invitation lifetime and the email retention of the
// whole instance.

const test = testOnOwnInstance('authorization_matrix').extend<object, { world: World }>({
  world: [
    async ({ ownInstance }, use) => use(await createWorld(ownInstance.database, ownInstance.url)),
    { scope: 'worker' },
  ],
});

// ---------------------------------------------------------------------------------------------
// Expectations, written as PRODUCT.md's cells

/** Let through for the callers named; the others refused (the signed-out visitor as such). */
function allowedFor(...who: Caller[]): Record<Caller, ActionOutcome> {
  return Object.fromEntries(
    callers.map((caller) => [
      caller,
      who.includes(caller) ? 'allowed' : caller === 'signedOut' ? 'signedOut' : 'forbidden',
    ]),
  ) as Record<Caller, ActionOutcome>;
}
const signedInCallers = callers.filter((caller) => caller !== 'signedOut');
const everyone = Object.fromEntries(callers.map((caller) => [caller, 'allowed'])) as Record<
  Caller,
  ActionOutcome
>;
const anyoneSignedIn = allowedFor(...signedInCallers);
const nobody = allowedFor();
const hostAdmin = allowedFor('hostAdmin');
const hostAdminAndStandard = allowedFor('hostAdmin', 'hostStandard');

// ---------------------------------------------------------------------------------------------
// The actions

interface ProbeContext {
  world: World;
  caller: Caller;
  /** Account rows: the account the call names, and which of M, U, D it is. */
  account: MatrixAccount;
  target: Target;
}

interface Probe {
  fields: Record<string, string>;
  /** Sent instead of the caller's shared cookie (a new user like them, signed in). */
  cookie?: string;
  /** After a refusal: asserts the call changed nothing. */
  unchangedWhenRefused?: () => Promise<void>;
}

interface ActionRow {
  file: string;
  name: string;
  /** The PRODUCT.md row (or section) the expectation comes from. */
  rule: string;
  /** Host-wide: one outcome per caller. Account rows: one per caller in each of M, U and D. */
  expect: Record<Caller, ActionOutcome> | Record<Target, Record<Caller, ActionOutcome>>;
  /** Builds fresh fixtures for one call and returns what to send. */
  probe: (context: ProbeContext) => Promise<Probe>;
  /** What each allowed call records in the audit log; the probe makes every one change something. */
  audit: AuditExpectation;
  /** Run once around the row's calls: a state its allowed calls need, and back. */
  before?: (world: World) => Promise<void>;
  after?: (world: World) => Promise<void>;
}

const app = {
  forgot: 'app/(auth)/forgot-password/actions.ts',
  invite: 'app/(auth)/invite/[token]/actions.ts',
  reset: 'app/(auth)/reset/[token]/actions.ts',
  setup: 'app/(auth)/setup/actions.ts',
  secondStep: 'app/(auth)/sign-in/two-factor/actions.ts',
  setUpAtSignIn: 'app/(auth)/sign-in/set-up-two-factor/actions.ts',
  console: 'app/(console)/actions.ts',
  session: 'app/(console)/session-actions.ts',
  profile: 'app/(console)/profile/actions.ts',
  smtp: 'app/(console)/settings/smtp/actions.ts',
  general: 'app/(console)/settings/general/actions.ts',
  security: 'app/(console)/settings/security/actions.ts',
  delivery: 'app/(console)/settings/delivery/actions.ts',
  users: 'app/(console)/users/actions.ts',
  accounts: 'app/(console)/accounts/actions.ts',
  account: 'app/(console)/accounts/[accountId]/actions.ts',
  accountUsers: 'app/(console)/accounts/[accountId]/users/actions.ts',
};

const strongPassword = 'lantern orbit meadow 42';
const rules = {
  public: 'Invitations and sign-up, Passwords, First run: links and forms for anyone',
  language: 'the language switch: anyone, a visitor whose session just ended too',
  signOut: 'signing out: anyone (without a session there is nothing to end)',
  ownPassword: 'Profile: every signed-in user changes their own password',
  ownTwoFactor: 'Profile: every signed-in user sets up their own two-factor sign-in',
  secondStep:
    'Two-factor sign-in: the second step acts on the challenge its cookie names, for anyone holding one',
  hostSettings:
    'Host settings (SMTP, host name, invitation lifetime, security), SMTP switch on the dashboard, delivery log, audit log',
  hostUsers: 'invite / edit / revoke host users, their invite and reset links',
  accounts: 'create accounts; rename, deactivate, activate, delete accounts',
  accountSettings: 'change account settings, delete the account itself',
  delegation: 'Accounts: “An account admin can delegate user management to the host”',
  accountUsers: 'manage an account’s users (invite, role, links, revoke)',
};

/** Account settings: host admins and standard users in managed accounts, and the account's admin. */
const accountSettings = {
  M: allowedFor('hostAdmin', 'hostStandard', 'accountAdmin'),
  U: nobody,
  D: nobody,
};
/** An account's users: its admin, and host admins where it is managed or has delegated them. */
const accountUsers = {
  M: allowedFor('hostAdmin', 'accountAdmin'),
  U: nobody,
  D: allowedFor('hostAdmin'),
};
/** The Accounts list's own actions: every account, managed or not, for host admins and standard. */
const listedAccounts = {
  M: hostAdminAndStandard,
  U: hostAdminAndStandard,
  D: hostAdminAndStandard,
};

async function hostUser(world: World, options: Parameters<typeof createUser>[1]) {
  return createUser(world.database, { hostRole: 'view', ...options });
}
async function memberOf(
  world: World,
  account: MatrixAccount,
  status: 'active' | 'pending' = 'active',
) {
  return createUser(world.database, {
    hostRole: null,
    status,
    accountRoles: [{ accountId: account.id, role: 'view' }],
  });
}
/** Gives a user emailed codes, so that an allowed reset has something to remove. */
async function withEmailCodes(world: World, userId: string): Promise<string> {
  await world.database.db
    .insert(twoFactorMethods)
    .values({ userId, method: 'email', confirmedAt: new Date() });
  return userId;
}
async function expectNoUser(world: World, email: string) {
  expect(await world.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
}
async function expectAccountKept(world: World, account: MatrixAccount) {
  const [row] = await world.database.db
    .select({ name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, account.id));
  expect(row?.name).toBe(account.name);
}

/** The cookie of a new user like `caller` with emailed codes set up (the visitor's: none). */
async function cookieWithEmailCodes(world: World, caller: Caller): Promise<string> {
  const { user, cookie } = await newCaller(world, caller);
  if (user) await withEmailCodes(world, user.id);
  return cookie;
}
/**
 * The wrong codes of a row count against this machine's address (20 a quarter hour, with
 * passwords): forgotten after it, so the next rows' codes are not refused as too many.
 */
async function forgetSignInFailures(world: World) {
  await world.database.db.delete(throttle).where(like(throttle.key, 'sign-in:%'));
}
async function currentHostSettings(world: World) {
  const [row] = await world.database.db.select().from(hostSettings).where(eq(hostSettings.id, 1));
  return row!;
}
async function setTwoFactorPolicy(world: World, policy: 'off' | 'optional') {
  await world.database.db
    .update(hostSettings)
    .set({ twoFactorPolicy: policy })
    .where(eq(hostSettings.id, 1));
}
/** An email whose sending failed, with its content kept: what Resend puts back in the queue. */
async function failedEmail(world: World): Promise<string> {
  const [row] = await world.database.db
    .insert(outbox)
    .values({
      recipient: uniqueEmail('failed'),
      kind: 'invitation',
      language: 'en',
      status: 'failed',
      payloadEncrypted: 'sealed content',
    })
    .returning({ id: outbox.id });
  return row!.id;
}

const actionRows: ActionRow[] = [
  // Public and one's own
  {
    file: app.forgot,
    name: 'requestPasswordResetAction',
    rule: rules.public,
    audit: { records: 'user.resetLinkMade' },
    expect: everyone,
    // With SMTP off the page says so and makes no link.
    before: (world) => setUnreachableSmtp(world.database.db, true),
    after: (world) => setUnreachableSmtp(world.database.db, false),
    probe: async ({ world }) => ({ fields: { email: (await hostUser(world, {})).email } }),
  },
  {
    file: app.invite,
    name: 'acceptInvitationAction',
    rule: rules.public,
    audit: { records: 'user.invitationAccepted' },
    expect: everyone,
    probe: async ({ world }) => {
      const invitee = await createPendingInvitee(world.database);
      const token = invitee.path.replace('/invite/', '');
      return { fields: { token, password: strongPassword, confirmPassword: strongPassword } };
    },
  },
  {
    file: app.reset,
    name: 'resetPasswordAction',
    rule: rules.public,
    audit: { records: 'user.passwordReset' },
    expect: everyone,
    probe: async ({ world }) => {
      const user = await hostUser(world, {});
      const token = newToken();
      await world.database.db.insert(passwordResets).values({
        userId: user.id,
        tokenHash: hashToken(token),
        kind: 'admin',
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      return { fields: { token, password: strongPassword, confirmPassword: strongPassword } };
    },
  },
  {
    // Users exist, so the domain answers "already set up" to everyone: past every permission check.
    file: app.setup,
    name: 'createFirstAdminAction',
    rule: rules.public,
    audit: {
      recordsNothing:
        'this instance is set up, so every call is refused as such; host.setUp is proven in tests/integration/audit-log.test.ts',
    },
    expect: everyone,
    probe: async () => ({
      fields: {
        token: newToken(),
        hostName: 'Matrix host',
        email: uniqueEmail('setup'),
        password: strongPassword,
        confirmPassword: strongPassword,
      },
    }),
  },
  {
    file: app.console,
    name: 'changeLanguageAction',
    rule: rules.language,
    audit: { records: 'user.languageChanged', notFor: ['signedOut'] },
    expect: everyone,
    // A visitor's choice lives in their browser only: nothing stored, nothing recorded.
    probe: async ({ world, caller }) => ({
      fields: { locale: 'de' },
      cookie: await cookieOfNewCaller(world, caller),
    }),
  },
  {
    file: app.session,
    name: 'signOutAction',
    rule: rules.signOut,
    audit: { records: 'signIn.signedOut', notFor: ['signedOut'] },
    expect: everyone,
    probe: async ({ world, caller }) => ({
      fields: {},
      cookie: await cookieOfNewCaller(world, caller),
    }),
  },
  {
    file: app.session,
    name: 'signOutEverywhereAction',
    rule: rules.signOut,
    audit: { records: 'user.sessionsEnded', notFor: ['signedOut'] },
    expect: everyone,
    probe: async ({ world, caller }) => ({
      fields: {},
      cookie: await cookieOfNewCaller(world, caller),
    }),
  },
  {
    file: app.profile,
    name: 'changeOwnPasswordAction',
    rule: rules.ownPassword,
    audit: { records: 'user.passwordChanged' },
    expect: anyoneSignedIn,
    probe: async ({ world, caller }) => ({
      fields: {
        currentPassword: e2ePassword,
        password: strongPassword,
        confirmPassword: strongPassword,
      },
      cookie: await cookieOfNewCaller(world, caller),
    }),
  },

  // Two-factor sign-in: without a challenge cookie the domain answers "expired" to everyone;
  // on this instance the policy is off, so Profile's set-up answers "turned off". The calls that
  // record get what they need to change something: a challenge, a method being set up.
  {
    file: app.secondStep,
    name: 'verifyCodeAction',
    rule: rules.secondStep,
    audit: { records: 'signIn.failed' },
    expect: everyone,
    // A wrong code, counted and recorded against the sign-in.
    after: forgetSignInFailures,
    probe: async ({ world, caller }) => {
      const user = await hostUser(world, {});
      const challenge = await challengeCookie(world.database, user.id, 'verify');
      return {
        fields: { kind: 'authenticator', code: '123456' },
        cookie: `${world.cookies[caller]}; ${challenge}`,
      };
    },
  },
  {
    file: app.secondStep,
    name: 'sendSignInCodeAction',
    rule: rules.secondStep,
    audit: {
      recordsNothing:
        'sends a code: the email is in the delivery log, and the sign-in it serves is recorded when it ends',
    },
    expect: everyone,
    probe: async () => ({ fields: {} }),
  },
  {
    file: app.setUpAtSignIn,
    name: 'startSetUpAtSignInAction',
    rule: rules.secondStep,
    audit: {
      recordsNothing: 'a first step: the method is recorded when its first code confirms it',
    },
    expect: everyone,
    probe: async () => ({ fields: {} }),
  },
  {
    file: app.setUpAtSignIn,
    name: 'finishSetUpAtSignInAction',
    rule: rules.secondStep,
    audit: { records: 'signIn.failed' },
    expect: everyone,
    after: forgetSignInFailures,
    probe: async ({ world, caller }) => {
      const user = await hostUser(world, {});
      await pendingEmailCodes(world.database, user.id);
      const challenge = await challengeCookie(world.database, user.id, 'set_up');
      return {
        fields: { method: 'email', code: '123456' },
        cookie: `${world.cookies[caller]}; ${challenge}`,
      };
    },
  },
  {
    file: app.setUpAtSignIn,
    name: 'startEmailSetUpAtSignInAction',
    rule: rules.secondStep,
    audit: {
      recordsNothing: 'a first step: the method is recorded when its first code confirms it',
    },
    expect: everyone,
    probe: async () => ({ fields: {} }),
  },
  {
    file: app.profile,
    name: 'startAuthenticatorAction',
    rule: rules.ownTwoFactor,
    audit: {
      recordsNothing: 'a first step: the method is recorded when its first code confirms it',
    },
    expect: anyoneSignedIn,
    probe: async () => ({ fields: {} }),
  },
  {
    file: app.profile,
    name: 'confirmTwoFactorMethodAction',
    rule: rules.ownTwoFactor,
    audit: { records: 'user.twoFactorAdded' },
    expect: anyoneSignedIn,
    before: (world) => setTwoFactorPolicy(world, 'optional'),
    after: (world) => setTwoFactorPolicy(world, 'off'),
    probe: async ({ world, caller }) => {
      const { user, cookie } = await newCaller(world, caller);
      const code = user ? await pendingAuthenticator(world.database, user.id) : '123456';
      return { fields: { method: 'totp', code }, cookie };
    },
  },
  {
    file: app.profile,
    name: 'removeTwoFactorMethodAction',
    rule: rules.ownTwoFactor,
    audit: { records: 'user.twoFactorRemoved' },
    expect: anyoneSignedIn,
    probe: async ({ world, caller }) => ({
      fields: { method: 'email' },
      cookie: await cookieWithEmailCodes(world, caller),
    }),
  },

  {
    file: app.profile,
    name: 'startEmailCodesAction',
    rule: rules.ownTwoFactor,
    audit: {
      recordsNothing: 'a first step: the method is recorded when its first code confirms it',
    },
    expect: anyoneSignedIn,
    probe: async () => ({ fields: {} }),
  },

  {
    file: app.profile,
    name: 'regenerateRecoveryCodesAction',
    rule: rules.ownTwoFactor,
    audit: { records: 'user.recoveryCodesRegenerated' },
    expect: anyoneSignedIn,
    probe: async ({ world, caller }) => ({
      fields: {},
      cookie: await cookieWithEmailCodes(world, caller),
    }),
  },

  // Host settings
  {
    file: app.smtp,
    name: 'saveSmtpAction',
    rule: rules.hostSettings,
    audit: { records: 'smtp.saved' },
    expect: hostAdmin,
    probe: async ({ world }) => {
      const host = `${randomUUID()}.matrix.test`;
      return {
        fields: {
          host,
          port: '587',
          senderName: 'Matrix',
          senderEmail: 'matrix@example.test',
          starttls: 'on',
          // Signing in with OAuth2: a stored client secret is as guarded as a password.
          auth: 'on',
          signIn: 'oauth2',
          username: 'matrix@example.test',
          oauthProvider: 'other',
          oauthTokenUrl: 'https://auth.matrix.test/token',
          oauthClientId: 'matrix',
          oauthClientSecret: 'matrix-client-secret',
        },
        unchangedWhenRefused: async () => {
          const saved = await world.database.db
            .select({ host: smtpSettings.host })
            .from(smtpSettings)
            .where(eq(smtpSettings.host, host));
          expect(saved).toEqual([]);
        },
      };
    },
  },
  {
    // A port nothing listens on: the test fails at connecting, at once, and is recorded.
    file: app.smtp,
    name: 'testSmtpAction',
    rule: rules.hostSettings,
    audit: { records: 'smtp.testSent' },
    expect: hostAdmin,
    probe: async () => ({
      fields: {
        host: '127.0.0.1',
        port: String(await freePort()),
        senderName: 'Matrix',
        senderEmail: 'matrix@example.test',
      },
    }),
  },
  {
    // The matrix's instance sets no SMTP_* variable: the test is refused as such, past every
    // permission check.
    file: app.smtp,
    name: 'testEnvironmentSmtpAction',
    rule: rules.hostSettings,
    audit: {
      recordsNothing:
        'the environment sets no SMTP configuration here; the test it runs is recorded as smtp.testSent (tests/integration/smtp-environment.test.ts)',
    },
    expect: hostAdmin,
    probe: async () => ({ fields: { testRecipient: '' } }),
  },
  {
    file: app.smtp,
    name: 'setSmtpEnabledAction',
    rule: rules.hostSettings,
    audit: { records: 'smtp.switched' },
    expect: hostAdmin,
    // The other way from how it is: a switch to the same state changes nothing.
    before: (world) => setUnreachableSmtp(world.database.db, false),
    probe: async ({ world }) => {
      // The version of the configuration the admin saw, as the page sends it.
      const [saved] = await world.database.db
        .select({ updatedAt: smtpSettings.updatedAt })
        .from(smtpSettings);
      return {
        fields: { enabled: 'true', version: saved!.updatedAt.toISOString(), place: 'dashboard' },
      };
    },
    after: (world) => setUnreachableSmtp(world.database.db, false),
  },
  {
    file: app.general,
    name: 'renameHostAction',
    rule: rules.hostSettings,
    audit: { records: 'host.renamed' },
    expect: hostAdmin,
    probe: async () => ({ fields: { hostName: uniqueName('Matrix host') } }),
  },
  {
    file: app.general,
    name: 'setInvitationLifetimeAction',
    rule: rules.hostSettings,
    audit: { records: 'host.invitationLifetimeChanged' },
    expect: hostAdmin,
    probe: async ({ world }) => {
      const { invitationLifetimeHours } = await currentHostSettings(world);
      return {
        fields: { amount: invitationLifetimeHours === 72 ? '48' : '72', unit: 'hours' },
      };
    },
  },
  {
    file: app.general,
    name: 'setEmailRetentionAction',
    rule: rules.hostSettings,
    audit: { records: 'host.emailRetentionChanged' },
    expect: hostAdmin,
    // Near the default: an allowed call leaves the instance's delivery log as it was.
    probe: async ({ world }) => {
      const { emailRetentionDays } = await currentHostSettings(world);
      return { fields: { days: emailRetentionDays === 90 ? '91' : '90' } };
    },
  },
  {
    file: app.general,
    name: 'setAuditRetentionAction',
    rule: rules.hostSettings,
    audit: { records: 'host.auditRetentionChanged' },
    expect: hostAdmin,
    // Near the default: an allowed call leaves the instance's audit log as it was.
    probe: async ({ world }) => {
      const { auditRetentionDays } = await currentHostSettings(world);
      return { fields: { days: auditRetentionDays === 365 ? '366' : '365' } };
    },
  },
  {
    file: app.security,
    name: 'setTwoFactorPolicyAction',
    rule: rules.hostSettings,
    audit: { records: 'host.twoFactorPolicyChanged' },
    expect: hostAdmin,
    // Off again after the row: the other rows' sign-ins go on as they were.
    probe: async () => ({ fields: { policy: 'optional' } }),
    after: (world) => setTwoFactorPolicy(world, 'off'),
  },
  {
    file: app.delivery,
    name: 'resendEmailAction',
    rule: rules.hostSettings,
    audit: { records: 'email.resent' },
    expect: hostAdmin,
    probe: async ({ world }) => ({ fields: { id: await failedEmail(world) } }),
  },

  // Host users
  {
    file: app.users,
    name: 'inviteUserAction',
    rule: rules.hostUsers,
    audit: { records: 'user.invited' },
    expect: hostAdmin,
    probe: async ({ world }) => {
      const email = uniqueEmail('invited');
      return {
        fields: { email, language: 'en', type: 'host', hostRole: 'view', accounts: '[]' },
        unchangedWhenRefused: () => expectNoUser(world, email),
      };
    },
  },
  {
    file: app.users,
    name: 'regenerateInvitationAction',
    rule: rules.hostUsers,
    audit: { records: 'user.invitationRegenerated' },
    expect: hostAdmin,
    probe: async ({ world }) => ({
      fields: { userId: (await createPendingInvitee(world.database)).id },
    }),
  },
  {
    file: app.users,
    name: 'makeResetLinkAction',
    rule: rules.hostUsers,
    audit: { records: 'user.resetLinkMade' },
    expect: hostAdmin,
    probe: async ({ world }) => ({ fields: { userId: (await hostUser(world, {})).id } }),
  },
  {
    file: app.users,
    name: 'resetTwoFactorAction',
    rule: rules.hostUsers,
    audit: { records: 'user.twoFactorReset' },
    expect: hostAdmin,
    probe: async ({ world }) => ({
      fields: { userId: await withEmailCodes(world, (await hostUser(world, {})).id) },
    }),
  },
  {
    file: app.users,
    name: 'changeUserRoleAction',
    rule: rules.hostUsers,
    audit: { records: 'user.roleChanged' },
    expect: hostAdmin,
    probe: async ({ world }) => ({
      fields: {
        userId: (await hostUser(world, {})).id,
        type: 'host',
        hostRole: 'standard',
        accounts: '[]',
      },
    }),
  },
  {
    file: app.users,
    name: 'setUserStatusAction',
    rule: rules.hostUsers,
    audit: { records: 'user.deactivated' },
    expect: hostAdmin,
    probe: async ({ world }) => ({
      fields: { userId: (await hostUser(world, {})).id, active: 'false' },
    }),
  },
  {
    file: app.users,
    name: 'revokeUserAction',
    rule: rules.hostUsers,
    audit: { records: 'user.revoked' },
    expect: hostAdmin,
    probe: async ({ world }) => ({ fields: { userId: (await hostUser(world, {})).id } }),
  },
  {
    file: app.users,
    name: 'findGrantableAccountsAction',
    rule: rules.hostUsers,
    audit: { recordsNothing: 'a read: the accounts a role may be given in' },
    expect: hostAdmin,
    probe: async () => ({ fields: { search: 'a' } }),
  },
  {
    file: app.users,
    name: 'readLinkEmailAction',
    rule: rules.hostUsers,
    audit: { recordsNothing: 'a read: a link email shown again' },
    expect: hostAdmin,
    probe: async () => ({ fields: { emailId: randomUUID() } }),
  },

  // The Accounts list
  {
    file: app.accounts,
    name: 'createAccountAction',
    rule: rules.accounts,
    audit: { records: 'account.created' },
    expect: hostAdminAndStandard,
    probe: async ({ world }) => {
      const name = uniqueName('Matrix new');
      return {
        fields: { name, administrator: 'me' },
        unchangedWhenRefused: async () => {
          const rows = await world.database.db
            .select()
            .from(accounts)
            .where(eq(accounts.name, name));
          expect(rows).toEqual([]);
        },
      };
    },
  },
  {
    file: app.accounts,
    name: 'renameAccountAction',
    rule: rules.accounts,
    audit: { records: 'account.renamed' },
    expect: listedAccounts,
    probe: async ({ world, target }) => ({
      fields: {
        accountId: (await copyOfAccount(world, target)).id,
        name: uniqueName('Renamed'),
      },
    }),
  },
  {
    file: app.accounts,
    name: 'setAccountStatusAction',
    rule: rules.accounts,
    audit: { records: 'account.deactivated' },
    expect: listedAccounts,
    probe: async ({ world, target }) => ({
      fields: { accountId: (await copyOfAccount(world, target)).id, active: 'false' },
    }),
  },
  {
    file: app.accounts,
    name: 'deleteAccountAction',
    rule: rules.accounts,
    audit: { records: 'account.deleted' },
    expect: listedAccounts,
    probe: async ({ world, target }) => {
      const copy = await copyOfAccount(world, target);
      return {
        fields: { accountId: copy.id, confirmName: copy.name },
        unchangedWhenRefused: () => expectAccountKept(world, copy),
      };
    },
  },
  {
    file: app.accounts,
    name: 'completeSetupAction',
    rule: rules.accounts,
    audit: { records: 'account.setupCompleted' },
    expect: listedAccounts,
    probe: async ({ world, target }) => ({
      fields: {
        accountId: (await copyOfAccount(world, target, { status: 'setup' })).id,
        adminEmail: uniqueEmail('first-admin'),
        language: 'en',
      },
    }),
  },
  {
    file: app.accounts,
    name: 'readAdminInvitationEmailAction',
    rule: rules.accounts,
    audit: { recordsNothing: 'a read: an invitation email shown again' },
    expect: listedAccounts,
    probe: async ({ account }) => ({ fields: { accountId: account.id, emailId: randomUUID() } }),
  },

  // An account's own page
  {
    file: app.account,
    name: 'renameOwnAccountAction',
    rule: rules.accountSettings,
    audit: { records: 'account.renamed' },
    expect: accountSettings,
    probe: async ({ world, target }) => ({
      fields: {
        accountId: (await copyOfAccount(world, target)).id,
        name: uniqueName('Renamed'),
      },
    }),
  },
  {
    file: app.account,
    name: 'deleteOwnAccountAction',
    rule: rules.accountSettings,
    audit: { records: 'account.deleted' },
    expect: accountSettings,
    probe: async ({ world, target }) => {
      const copy = await copyOfAccount(world, target);
      return {
        fields: { accountId: copy.id, confirmName: copy.name },
        unchangedWhenRefused: () => expectAccountKept(world, copy),
      };
    },
  },
  {
    file: app.account,
    name: 'setDelegationAction',
    rule: rules.delegation,
    audit: { records: 'account.delegationChanged' },
    expect: { M: allowedFor('accountAdmin'), U: nobody, D: nobody },
    // M's members in an unmanaged account: a managed one has nothing to delegate (the host
    // manages its users already), so there the call would change nothing.
    probe: async ({ world, target }) => ({
      fields: {
        accountId: (await copyOfAccount(world, target, { managed: false })).id,
        delegated: 'true',
      },
    }),
  },

  // An account's Users page
  {
    file: app.accountUsers,
    name: 'inviteAccountUserAction',
    rule: rules.accountUsers,
    audit: { records: 'user.invited' },
    expect: accountUsers,
    probe: async ({ world, account }) => {
      const email = uniqueEmail('account-invited');
      return {
        fields: { accountId: account.id, email, language: 'en', role: 'view' },
        unchangedWhenRefused: () => expectNoUser(world, email),
      };
    },
  },
  {
    file: app.accountUsers,
    name: 'regenerateAccountInvitationAction',
    rule: rules.accountUsers,
    audit: { records: 'user.invitationRegenerated' },
    expect: accountUsers,
    probe: async ({ world, account }) => ({
      fields: { accountId: account.id, userId: (await memberOf(world, account, 'pending')).id },
    }),
  },
  {
    file: app.accountUsers,
    name: 'makeAccountResetLinkAction',
    rule: rules.accountUsers,
    audit: { records: 'user.resetLinkMade' },
    expect: accountUsers,
    probe: async ({ world, account }) => ({
      fields: { accountId: account.id, userId: (await memberOf(world, account)).id },
    }),
  },
  {
    file: app.accountUsers,
    name: 'resetAccountUserTwoFactorAction',
    rule: rules.accountUsers,
    audit: { records: 'user.twoFactorReset' },
    expect: accountUsers,
    probe: async ({ world, account }) => ({
      fields: {
        accountId: account.id,
        userId: await withEmailCodes(world, (await memberOf(world, account)).id),
      },
    }),
  },
  {
    file: app.accountUsers,
    name: 'changeAccountRoleAction',
    rule: rules.accountUsers,
    audit: { records: 'user.roleChanged' },
    expect: accountUsers,
    probe: async ({ world, account }) => {
      const member = await memberOf(world, account);
      return {
        fields: { accountId: account.id, userId: member.id, role: 'standard' },
        unchangedWhenRefused: async () => {
          const [row] = await world.database.db
            .select({ role: accountMemberships.role })
            .from(accountMemberships)
            .where(
              and(
                eq(accountMemberships.accountId, account.id),
                eq(accountMemberships.userId, member.id),
              ),
            );
          expect(row?.role).toBe('view');
        },
      };
    },
  },
  {
    file: app.accountUsers,
    name: 'removeFromAccountAction',
    rule: rules.accountUsers,
    audit: { records: 'user.removedFromAccount' },
    expect: accountUsers,
    probe: async ({ world, account }) => ({
      fields: { accountId: account.id, userId: (await memberOf(world, account)).id },
    }),
  },
  {
    file: app.accountUsers,
    name: 'readAccountLinkEmailAction',
    rule: rules.accountUsers,
    audit: { recordsNothing: 'a read: a link email shown again' },
    expect: accountUsers,
    probe: async ({ account }) => ({ fields: { accountId: account.id, emailId: randomUUID() } }),
  },
];

const isAccountRow = (row: ActionRow) => 'M' in row.expect;

function expectedOf(row: ActionRow, caller: Caller, target: Target): ActionOutcome {
  return 'M' in row.expect
    ? row.expect[target][caller]
    : (row.expect as Record<Caller, ActionOutcome>)[caller];
}

// ---------------------------------------------------------------------------------------------
// Calling them

const rowKey = (row: { file: string; name: string }) => `${row.file} ${row.name}`;
const builtKey = (action: BuiltAction) => `${action.filename} ${action.exportedName}`;

function built(row: ActionRow): BuiltAction {
  const found = builtActions().find((action) => builtKey(action) === rowKey(row));
  if (!found) throw new Error(`${row.name} of ${row.file} is not in the build`);
  return found;
}

async function callAs(
  world: World,
  row: ActionRow,
  caller: Caller,
  target: Target,
): Promise<{ answer: ActionAnswer; probe: Probe; agent: string }> {
  const action = built(row);
  const account = world.accounts[target];
  const probe = await row.probe({ world, caller, account, target });
  const agent = probeUserAgent();
  const response = await callFormAction({
    url: world.baseURL + pageCalling(action, probe.fields.accountId ?? account.id),
    id: action.id,
    fields: probe.fields,
    cookie: probe.cookie ?? world.cookies[caller],
    headers: { 'user-agent': agent },
  });
  return { answer: classifyAnswer(response), probe, agent };
}

/** The cells where `actual` differs from `expected`, with what each of those calls answered. */
function describeMismatches(
  expected: Record<string, string | number>,
  actual: Record<string, string | number>,
  answers: Record<string, string> = {},
): string {
  const lines = Object.keys(expected)
    .filter((key) => expected[key] !== actual[key])
    .map((key) => {
      const answer = answers[key] ? ` (${answers[key]})` : '';
      return `  ${key}: expected ${expected[key]}, got ${actual[key]}${answer}`;
    });
  return lines.length ? `Against PRODUCT.md:\n${lines.join('\n')}` : '';
}

// ---------------------------------------------------------------------------------------------
// The tests

test('every server action of the app is in the matrix, and every one in it is in the build', () => {
  const listed = new Set(actionRows.map(rowKey));
  const inBuild = builtActions().map(builtKey);
  const declared = declaredActions().map(rowKey);
  expect(
    inBuild.filter((key) => !listed.has(key)),
    'server actions of the build with no row in the authorization matrix',
  ).toEqual([]);
  expect(
    declared.filter((key) => !listed.has(key)),
    "exports of 'use server' files with no row in the authorization matrix",
  ).toEqual([]);
  expect(
    [...listed].filter((key) => !inBuild.includes(key)),
    'rows of the matrix whose action is not in the build (no page uses it, or it was renamed)',
  ).toEqual([]);
  expect(listed.size, 'each action has one row').toBe(actionRows.length);
});

test('the matrix tells a signed-out refusal, a forbidden call and an allowed one apart', async ({
  world,
}) => {
  const rename = actionRows.find((row) => row.name === 'renameHostAction')!;
  const asVisitor = await callAs(world, rename, 'signedOut', 'M');
  expect(asVisitor.answer).toEqual({ outcome: 'signedOut', summary: refusalTexts.signedOut });
  const asHostView = await callAs(world, rename, 'hostView', 'M');
  expect(asHostView.answer).toEqual({
    outcome: 'forbidden',
    summary: refusalTexts.forbidden['errors.forbidden'],
  });

  // The domain's own refusal: a user of M who is also in O is not M's admin's to manage alone.
  const reset = actionRows.find((row) => row.name === 'makeAccountResetLinkAction')!;
  const inBoth = await createUser(world.database, {
    hostRole: null,
    accountRoles: [
      { accountId: world.accounts.M.id, role: 'view' },
      { accountId: world.accounts.O.id, role: 'view' },
    ],
  });
  const refused = classifyAnswer(
    await callFormAction({
      url: world.baseURL + pageCalling(built(reset), world.accounts.M.id),
      id: built(reset).id,
      fields: { accountId: world.accounts.M.id, userId: inBoth.id },
      cookie: world.cookies.accountAdmin,
    }),
  );
  expect(refused).toEqual({
    outcome: 'forbidden',
    summary: refusalTexts.forbidden['accountUsers.errors.forbidden'],
  });

  // Past the permission check: a success, and a domain answer that is not about permission.
  const invite = actionRows.find((row) => row.name === 'inviteUserAction')!;
  expect((await callAs(world, invite, 'hostAdmin', 'M')).answer).toEqual({
    outcome: 'allowed',
    summary: 'ok',
  });
  const readEmail = actionRows.find((row) => row.name === 'readLinkEmailAction')!;
  const notFound = await callAs(world, readEmail, 'hostAdmin', 'M');
  expect(notFound.answer.outcome).toBe('allowed');
  expect(notFound.answer.summary).toMatch(/no longer exists/);
});

for (const row of actionRows) {
  test(`${row.name} (${row.file}): ${row.rule}`, async ({ world }) => {
    const cells = isAccountRow(row)
      ? targets.flatMap((target) =>
          callers.map((caller) => ({ key: `${target} ${caller}`, caller, target })),
        )
      : callers.map((caller) => ({ key: caller, caller, target: 'M' as const }));
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    const summaries: Record<string, string> = {};
    const refusedProbes: Probe[] = [];
    /** The user agent of each allowed call that must have recorded an event, by cell. */
    const recording: Record<string, string> = {};
    await row.before?.(world);
    try {
      await Promise.all(
        cells.map(async ({ key, caller, target }) => {
          expected[key] = expectedOf(row, caller, target);
          try {
            const { answer, probe, agent } = await callAs(world, row, caller, target);
            actual[key] = answer.outcome;
            summaries[key] = answer.summary;
            if (answer.outcome !== 'allowed') refusedProbes.push(probe);
            else if ('records' in row.audit && !row.audit.notFor?.includes(caller)) {
              recording[key] = agent;
            }
          } catch (error) {
            actual[key] = 'error';
            summaries[key] = error instanceof Error ? error.message : String(error);
          }
        }),
      );
    } finally {
      await row.after?.(world);
    }
    expect(actual, describeMismatches(expected, actual, summaries)).toEqual(expected);
    // A refused call leaves no trace, where the row says what its trace would be.
    for (const probe of refusedProbes) await probe.unchangedWhenRefused?.();

    // Every allowed call changed something, so each must have recorded it (some after the
    // response, as Forgot password does: waited for).
    if (!('records' in row.audit)) return;
    const type = row.audit.records;
    expect(
      Object.keys(recording).length,
      'no allowed call to look for an event of',
    ).toBeGreaterThan(0);
    const missing = async () => {
      const agents = await agentsWithoutEvent(world.database, type, Object.values(recording));
      return Object.keys(recording)
        .filter((key) => agents.includes(recording[key]!))
        .map((key) => `${key} (${summaries[key]})`);
    };
    await expect
      .poll(missing, { message: `allowed calls that recorded no ${type} event`, timeout: 10_000 })
      .toEqual([]);
  });
}

// ---------------------------------------------------------------------------------------------
// Pages

/** Opens for the callers named, 403 for the other signed-in ones; the visitor is sent to sign in. */
function seenBy(...who: Caller[]): Record<Caller, PageOutcome> {
  return Object.fromEntries(
    callers.map((caller) => [
      caller,
      caller === 'signedOut' ? '/sign-in' : who.includes(caller) ? 200 : 403,
    ]),
  ) as Record<Caller, PageOutcome>;
}
const sameForAll = (outcome: PageOutcome) =>
  Object.fromEntries(callers.map((caller) => [caller, outcome])) as Record<Caller, PageOutcome>;
const signedInSee = (outcome: PageOutcome) => ({
  ...sameForAll(outcome),
  signedOut: '/sign-in' as const,
});

const hostRoles: Caller[] = ['hostAdmin', 'hostStandard', 'hostView'];
const accountRolesOfM: Caller[] = ['accountAdmin', 'accountStandard', 'accountView'];
/** A token of the right shape that no link has. */
const unknownToken = 'x'.repeat(43);

interface PageRow {
  route: string;
  rule: string;
  visits: { label: string; path: (world: World) => string; expect: Record<Caller, PageOutcome> }[];
}

const visit = (pathOf: string, expectation: Record<Caller, PageOutcome>) => ({
  label: pathOf,
  path: () => pathOf,
  expect: expectation,
});

const pageRows: PageRow[] = [
  {
    route: '/',
    rule: 'the start page opens the dashboard',
    visits: [visit('/', sameForAll('/dashboard'))],
  },
  {
    route: '/sign-in',
    rule: 'signed-in users go on to the dashboard',
    visits: [visit('/sign-in', { ...sameForAll('/dashboard'), signedOut: 200 })],
  },
  {
    route: '/sign-in/two-factor',
    rule: 'Two-factor sign-in: without a challenge, the way back to the password',
    visits: [visit('/sign-in/two-factor', { ...sameForAll('/dashboard'), signedOut: 200 })],
  },
  {
    route: '/sign-in/set-up-two-factor',
    rule: 'Two-factor sign-in: only for a challenge that must set a method up',
    visits: [
      visit('/sign-in/set-up-two-factor', {
        ...sameForAll('/dashboard'),
        signedOut: '/sign-in/two-factor',
      }),
    ],
  },
  {
    route: '/forgot-password',
    rule: 'Passwords: public',
    visits: [visit('/forgot-password', sameForAll(200))],
  },
  {
    route: '/setup',
    rule: 'First run: after that the page is gone',
    visits: [visit('/setup', sameForAll(404))],
  },
  {
    route: '/invite/[token]',
    rule: 'Invitations: a link that says which state it is in',
    visits: [visit(`/invite/${unknownToken}`, sameForAll(200))],
  },
  {
    route: '/reset/[token]',
    rule: 'Passwords: a link that says which state it is in',
    visits: [visit(`/reset/${unknownToken}`, sameForAll(200))],
  },
  {
    route: '/database-unavailable',
    rule: 'shown in place of pages while the database is down; while it answers, the start page',
    visits: [visit('/database-unavailable', sameForAll('/'))],
  },
  {
    route: '/dashboard',
    rule: 'every signed-in user',
    visits: [visit('/dashboard', signedInSee(200))],
  },
  {
    route: '/profile',
    rule: 'every signed-in user',
    visits: [visit('/profile', signedInSee(200))],
  },
  {
    route: '/accounts',
    rule: 'Accounts list: the accounts each one may see (see the account)',
    visits: [
      visit('/accounts', signedInSee(200)),
      // A later page and a search decide by the same rule (which rows, users-pages.spec.ts).
      visit('/accounts?q=a&after=a&size=100', signedInSee(200)),
    ],
  },
  {
    route: '/users',
    rule: rules.hostUsers,
    visits: [
      visit('/users', seenBy('hostAdmin')),
      visit('/users?q=a&status=active&role=account.admin&after=a', seenBy('hostAdmin')),
    ],
  },
  ...[
    '/settings',
    '/settings/smtp',
    '/settings/general',
    '/settings/delivery',
    '/settings/security',
  ].map((route) => ({
    route,
    rule: rules.hostSettings,
    visits: [visit(route, seenBy('hostAdmin'))],
  })),
  {
    route: '/settings/audit',
    rule: rules.hostSettings,
    visits: [
      visit('/settings/audit', seenBy('hostAdmin')),
      // A later page of a search decides by the same rule.
      visit(
        '/settings/audit?q=a&type=host.renamed&actor=user&from=2026-01-01&after=2026-01-01T00:00:00.000000Z_1',
        seenBy('hostAdmin'),
      ),
    ],
  },
  {
    route: '/accounts/[accountId]',
    rule: 'see the account; open a managed account; open an unmanaged account',
    visits: [
      {
        label: 'M',
        path: (world) => `/accounts/${world.accounts.M.id}`,
        expect: seenBy(...hostRoles, ...accountRolesOfM),
      },
      { label: 'U', path: (world) => `/accounts/${world.accounts.U.id}`, expect: seenBy() },
      { label: 'D', path: (world) => `/accounts/${world.accounts.D.id}`, expect: seenBy() },
      {
        label: 'no such account',
        path: () => `/accounts/${randomUUID()}`,
        expect: signedInSee(404),
      },
    ],
  },
  {
    route: '/accounts/[accountId]/activity',
    rule: 'account.activity: the account’s admins; host admins in a managed account',
    visits: [
      {
        label: 'M',
        path: (world) => `/accounts/${world.accounts.M.id}/activity`,
        expect: seenBy('hostAdmin', 'accountAdmin'),
      },
      {
        label: 'U',
        path: (world) => `/accounts/${world.accounts.U.id}/activity`,
        expect: seenBy(),
      },
      // Delegating user management opens its users, not its activity, to the host.
      {
        label: 'D',
        path: (world) => `/accounts/${world.accounts.D.id}/activity`,
        expect: seenBy(),
      },
      {
        label: 'M, a later page of a search',
        path: (world) =>
          `/accounts/${world.accounts.M.id}/activity?q=a&type=user.revoked&before=2026-01-01T00:00:00.000000Z_9`,
        expect: seenBy('hostAdmin', 'accountAdmin'),
      },
    ],
  },
  {
    route: '/accounts/[accountId]/users',
    rule: rules.accountUsers,
    visits: [
      {
        label: 'M',
        path: (world) => `/accounts/${world.accounts.M.id}/users`,
        expect: seenBy('hostAdmin', 'accountAdmin'),
      },
      { label: 'U', path: (world) => `/accounts/${world.accounts.U.id}/users`, expect: seenBy() },
      {
        label: 'D',
        path: (world) => `/accounts/${world.accounts.D.id}/users`,
        expect: seenBy('hostAdmin'),
      },
      {
        label: 'M, a later page of a search',
        path: (world) => `/accounts/${world.accounts.M.id}/users?q=a&after=a&size=100`,
        expect: seenBy('hostAdmin', 'accountAdmin'),
      },
      {
        label: 'U, a later page of a search',
        path: (world) => `/accounts/${world.accounts.U.id}/users?q=a&before=z`,
        expect: seenBy(),
      },
    ],
  },
];

test('every page of the app has a row in the matrix', () => {
  expect(pageRoutes(), 'pages under app/ against the rows of the matrix').toEqual(
    pageRows.map((row) => row.route).sort(),
  );
});

for (const row of pageRows) {
  test(`page ${row.route}: ${row.rule}`, async ({ world }) => {
    const expected: Record<string, PageOutcome | number> = {};
    const actual: Record<string, PageOutcome | number> = {};
    await Promise.all(
      row.visits.flatMap((pageVisit) =>
        callers.map(async (caller) => {
          const key = `${pageVisit.label} ${caller}`;
          expected[key] = pageVisit.expect[caller];
          actual[key] = await openPage(
            world.baseURL + pageVisit.path(world),
            world.cookies[caller],
          );
        }),
      ),
    );
    expect(actual, describeMismatches(expected, actual)).toEqual(expected);
  });
}
