/**
 * Run-time proofs of the seven credential-lifecycle rules. For each rule, the documented wrong example is linted
 * (the rule must report it), then run with the real AWS SDK against the loopback stand-in (`stand-in.ts`): its first
 * call succeeds and a call after the session's lifetime fails with the exact AWS error. Then each suggestion the
 * rule offers is applied through ESLint (the `fix` of the Linter's suggestion, not a copy), the fixed program runs in
 * the same environment, and its calls keep succeeding well past several lifetimes. The stand-in explains why the
 * sessions last 2 seconds; `harness.ts` how each program gets its own process, environment and profile files.
 *
 * All programs run side by side in one `beforeAll` (the whole file takes about as long as the longest program); each
 * test then checks and logs one step. `npm run proof` shows the log.
 */
import type { Linter } from 'eslint';

import {
  deriveFixes,
  describeCalls,
  diffLines,
  distinctKeys,
  isolateTestProcess,
  runTogether,
  runWithPreload,
  type FixStep,
  type ProgramRun,
  type Sandbox,
  type ScenarioSetup,
} from './harness.js';
import { ACCOUNT_ID, AWS_ERRORS, AwsStandIn } from './stand-in.js';

/** Session lifetime in the proofs that use the wall clock (see the comment at the top of `stand-in.ts`). */
const LIFETIME_MS = 2_000;
/** Wrong code: two calls inside the first session, two well after it expired. */
const WRONG_SCHEDULE = [0, 600, 3_000, 4_000];
/** Fixed code: a call every 0.7 s for 7 s, i.e. 3.5 session lifetimes. */
const FIXED_SCHEDULE = [0, 700, 1_400, 2_100, 2_800, 3_500, 4_200, 4_900, 5_600, 6_300, 7_000];

const S3_EXPIRED = { name: 'ExpiredToken', message: AWS_ERRORS.s3.ExpiredToken.message, status: 400 };
const S3_UNKNOWN_KEY = { name: 'InvalidAccessKeyId', message: AWS_ERRORS.s3.InvalidAccessKeyId.message, status: 403 };
const STS_INVALID_TOKEN = {
  name: 'InvalidClientTokenId',
  message: AWS_ERRORS.sts.InvalidClientTokenId.message,
  status: 403,
};

/** The profile proof's clock runs this many times faster than the wall clock (see stand-in.ts). */
const SCALED_RATE = 1_800;
const HOUR_MS = 3_600_000;

const role = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;

/* ------------------------------------------------------------------------------------------ environments */

/** The program's own identity is an IAM user whose long-term keys are in the environment. */
function userKeysInEnv(sandbox: Sandbox): void {
  const keys = sandbox.standIn.createUser('app');
  sandbox.env.AWS_ACCESS_KEY_ID = keys.accessKeyId;
  sandbox.env.AWS_SECRET_ACCESS_KEY = keys.secretAccessKey;
}

/** The default profile assumes a role from an IAM user's keys (`role_arn` + `source_profile`), as on a developer box. */
function roleProfile(sandbox: Sandbox): void {
  const keys = sandbox.standIn.createUser('developer');
  sandbox.writeFile(
    'credentials',
    `[base]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`,
  );
  sandbox.writeFile('config', `[default]\nrole_arn = ${role('uploader')}\nsource_profile = base\n`);
}

/** A web identity token file (a token of the stand-in's OIDC issuer) and a role, as on EKS (IRSA) or in CI with OIDC. */
function webIdentity(sandbox: Sandbox): void {
  const token = sandbox.writeFile('web-identity-token', sandbox.standIn.issueWebIdentityToken(HOUR_MS));
  sandbox.env.AWS_WEB_IDENTITY_TOKEN_FILE = token;
  sandbox.env.AWS_ROLE_ARN = role('etl-runner');
}

async function wallClock(lifetimeMs: number, aheadMs = 0): Promise<AwsStandIn> {
  return new AwsStandIn({ lifetimeMs, clock: () => Date.now() + aheadMs }).start();
}

/* ------------------------------------------------------------------------------------------ the proofs */

interface Proof {
  rule: string;
  /** The documented wrong example, adapted only as its comment says. */
  code: string;
  filename: string;
  /** How the rest of the application reaches the S3 client (see `ProgramSpec.client`). */
  client: string;
  wrongSchedule: number[];
  fixedSchedule: number[];
  /** A fresh stand-in and environment for one program (the wrong one, or one fix). */
  setup(): Promise<ScenarioSetup>;
  probeSts?: boolean;
  /** Real milliseconds per session, for the log. */
  lifetimeMs: number;
  /** Scaled clock rate, for the log (1 unless the proof scales time). */
  clockRate?: number;
}

interface Fix {
  suggestion: string;
  steps: FixStep[];
  code: string;
  remaining: Linter.LintMessage[];
  run?: ProgramRun;
}

interface Outcome {
  proof: Proof;
  messages: Linter.LintMessage[];
  wrong?: ProgramRun;
  fixes: Fix[];
  error?: string;
}

const proofs = {
  // Docs ❌ example 1, plus `export` and a `sessionToken` line: with temporary keys (the case the docs describe) the
  // documented object, which has no token, is rejected at the first call (see require-session-token).
  noStaticCredentials: {
    rule: 'no-static-credentials',
    filename: 'app.ts',
    code: `
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: {
    accessKeyId: process.env.UPLOAD_ACCESS_KEY_ID!,
    secretAccessKey: process.env.UPLOAD_SECRET_ACCESS_KEY!,
    sessionToken: process.env.UPLOAD_SESSION_TOKEN,
  },
});
`,
    client: 'app.s3',
    wrongSchedule: WRONG_SCHEDULE,
    fixedSchedule: FIXED_SCHEDULE,
    lifetimeMs: LIFETIME_MS,
    async setup() {
      return {
        standIn: await wallClock(LIFETIME_MS),
        prepare: roleProfile,
        // The deploy step ran `aws sts assume-role` and put the keys in the service's environment.
        deploy: ({ standIn }) => {
          const session = standIn.issueSession(role('uploader'), 'deploy');
          return {
            UPLOAD_ACCESS_KEY_ID: session.accessKeyId,
            UPLOAD_SECRET_ACCESS_KEY: session.secretAccessKey,
            UPLOAD_SESSION_TOKEN: session.sessionToken,
          };
        },
      };
    },
  },
  // Docs ❌ example 1, verbatim.
  noOneShotCredentials: {
    rule: 'no-one-shot-credentials',
    filename: 'app.ts',
    code: `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({ region: 'eu-west-1' });
const { Credentials } = await sts.send(
  new AssumeRoleCommand({ RoleArn: process.env.DATA_ROLE_ARN, RoleSessionName: 'orders-worker' }),
);
export const s3 = new S3Client({
  credentials: {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken,
  },
});
`,
    client: 'app.s3',
    wrongSchedule: WRONG_SCHEDULE,
    fixedSchedule: FIXED_SCHEDULE,
    lifetimeMs: LIFETIME_MS,
    async setup() {
      return {
        standIn: await wallClock(LIFETIME_MS),
        prepare(sandbox) {
          userKeysInEnv(sandbox);
          sandbox.env.DATA_ROLE_ARN = role('data');
        },
      };
    },
  },
  // Docs ❌ example 1, verbatim. A sidecar (a credential helper, a cron job re-running an SSO or vault login) rewrites
  // the profile every 15 minutes with keys valid for an hour; time runs 1800 times faster (see stand-in.ts).
  noUnrefreshedProfileCredentials: {
    rule: 'no-unrefreshed-profile-credentials',
    filename: 'app.ts',
    code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';

export const s3 = new S3Client({ credentials: fromIni({ profile: 'uploader' }) });
`,
    client: 'app.s3',
    // 0, 30 min, 90 min and 120 min on the scaled clock.
    wrongSchedule: [0, 1_000, 3_000, 4_000],
    // Every 7.5 minutes for 3.5 hours on the scaled clock.
    fixedSchedule: Array.from({ length: 29 }, (_, i) => i * 250),
    lifetimeMs: HOUR_MS / SCALED_RATE,
    clockRate: SCALED_RATE,
    async setup() {
      const rate = SCALED_RATE;
      const epoch = Date.now();
      const clock = () => Math.floor(epoch + (Date.now() - epoch) * rate);
      const standIn = await new AwsStandIn({ lifetimeMs: HOUR_MS, clock }).start();
      return {
        standIn,
        clock: { epoch, rate },
        deploy(sandbox) {
          const rotate = () => {
            const session = standIn.issueSession(role('uploader'), 'sso-login');
            sandbox.writeFile(
              'credentials',
              `[uploader]\naws_access_key_id = ${session.accessKeyId}\naws_secret_access_key = ${session.secretAccessKey}\n` +
                `aws_session_token = ${session.sessionToken}\n`,
            );
          };
          rotate();
          const timer = setInterval(rotate, (15 * 60_000) / rate);
          sandbox.onStop(() => clearInterval(timer));
          return {};
        },
      };
    },
  },
  // Docs ❌ example 1, verbatim (`roleArn` is a global the application defines).
  requireCredentialExpiration: {
    rule: 'require-credential-expiration',
    filename: 'app.ts',
    code: `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
export const s3 = new S3Client({
  credentials: async () => {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'uploader' }));
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
    };
  },
});
`,
    client: 'app.s3',
    wrongSchedule: WRONG_SCHEDULE,
    fixedSchedule: FIXED_SCHEDULE,
    lifetimeMs: LIFETIME_MS,
    async setup() {
      return {
        standIn: await wallClock(LIFETIME_MS),
        prepare(sandbox) {
          userKeysInEnv(sandbox);
          sandbox.env.PROOF_ROLE_ARN = role('uploader');
        },
      };
    },
  },
  // Docs ❌ example 2, plus `export`. The keys are a session exported into the environment (valid for an hour here:
  // the point is that they are refused at once, not when they expire).
  requireSessionTokenRenamed: {
    rule: 'require-session-token',
    filename: 'app.ts',
    code: `
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID!,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!,
    aws_session_token: process.env.AWS_SESSION_TOKEN,
  },
});
`,
    client: 'app.s3',
    wrongSchedule: [0, 500],
    fixedSchedule: [0, 500, 1_000],
    probeSts: true,
    lifetimeMs: HOUR_MS,
    async setup() {
      return {
        standIn: await wallClock(HOUR_MS),
        deploy: ({ standIn }) => {
          const session = standIn.issueSession(role('uploader'), 'shell');
          return {
            AWS_ACCESS_KEY_ID: session.accessKeyId,
            AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
            AWS_SESSION_TOKEN: session.sessionToken,
          };
        },
      };
    },
  },
  // Docs ❌ example 1 with `@aws-sdk/client-sqs`/`SQSClient` replaced by `@aws-sdk/client-s3`/`S3Client` (the stand-in
  // speaks S3, not SQS) and `module.exports` added.
  requireSessionTokenFromSts: {
    rule: 'require-session-token',
    filename: 'app.cjs',
    code: `
const { S3Client } = require('@aws-sdk/client-s3');
const { AssumeRoleCommand, STSClient } = require('@aws-sdk/client-sts');

const sts = new STSClient({});
const s3 = new S3Client({
  credentials: async () => {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'worker' }));
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      expiration: Credentials.Expiration,
    };
  },
});

module.exports = { s3 };
`,
    client: 'app.default.s3',
    wrongSchedule: [0, 600],
    fixedSchedule: FIXED_SCHEDULE,
    probeSts: true,
    lifetimeMs: LIFETIME_MS,
    async setup() {
      return {
        standIn: await wallClock(LIFETIME_MS),
        prepare(sandbox) {
          userKeysInEnv(sandbox);
          sandbox.env.PROOF_ROLE_ARN = role('worker');
        },
      };
    },
  },
  // Docs ❌ example 1, verbatim. The application signs its S3 calls with what `getCredentials()` returns, and the
  // host's clock is 0.5 s behind AWS's (the stand-in's clock runs ahead).
  requireRefreshMargin: {
    rule: 'require-refresh-margin',
    filename: 'app.ts',
    code: `
import { AssumeRoleCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';

const sts = new STSClient({});
let credentials: Credentials | undefined;

export async function getCredentials(): Promise<Credentials> {
  if (!credentials || Date.now() >= credentials.Expiration!.getTime()) {
    ({ Credentials: credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'cache' })));
  }
  return credentials!;
}
`,
    client: `new S3Client({
  credentials: async () => {
    const c = await app.getCredentials();
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  },
})`,
    // A call every 0.15 s for 7 s.
    wrongSchedule: Array.from({ length: 47 }, (_, i) => i * 150),
    fixedSchedule: Array.from({ length: 47 }, (_, i) => i * 150),
    lifetimeMs: LIFETIME_MS,
    async setup() {
      return {
        standIn: await wallClock(LIFETIME_MS, 500),
        prepare(sandbox) {
          userKeysInEnv(sandbox);
          sandbox.env.PROOF_ROLE_ARN = role('cache');
        },
      };
    },
  },
  // Docs ❌ example 1, verbatim. The rest of the application builds `new S3Client({})` afterwards, on the default
  // chain; the process's own identity is a web identity (its STS client needs one to call AssumeRole).
  noCredentialsInEnv: {
    rule: 'no-credentials-in-env',
    filename: 'app.ts',
    code: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'etl' }));
process.env.AWS_ACCESS_KEY_ID = Credentials.AccessKeyId;
process.env.AWS_SECRET_ACCESS_KEY = Credentials.SecretAccessKey;
process.env.AWS_SESSION_TOKEN = Credentials.SessionToken;
`,
    client: 'new S3Client({})',
    wrongSchedule: WRONG_SCHEDULE,
    fixedSchedule: FIXED_SCHEDULE,
    lifetimeMs: LIFETIME_MS,
    async setup() {
      return {
        standIn: await wallClock(LIFETIME_MS),
        prepare(sandbox) {
          webIdentity(sandbox);
          sandbox.env.PROOF_ROLE_ARN = role('etl');
        },
      };
    },
  },
} satisfies Record<string, Proof>;

type ProofName = keyof typeof proofs;

/* ------------------------------------------------------------------------------------------ running them */

const outcomes = new Map<ProofName, Outcome>();
const standIns: AwsStandIn[] = [];
let restoreTestProcess: (() => void) | undefined;

/** Lints the wrong example and derives one fixed program per suggestion the rule offers. */
async function prepareOutcome(proof: Proof): Promise<Outcome> {
  return { proof, ...(await deriveFixes(proof)) };
}

beforeAll(async () => {
  restoreTestProcess = isolateTestProcess();
  const entries: Parameters<typeof runTogether>[0] = [];
  const owners: Array<(run: ProgramRun) => void> = [];
  for (const [name, proof] of Object.entries(proofs) as Array<[ProofName, Proof]>) {
    const outcome = await prepareOutcome(proof);
    outcomes.set(name, outcome);
    if (outcome.error) continue;
    const programs = [
      { label: `${name}-wrong`, code: proof.code, schedule: proof.wrongSchedule, own: (run: ProgramRun) => (outcome.wrong = run) },
      ...outcome.fixes.map((fix, i) => ({
        label: `${name}-fix${i + 1}`,
        code: fix.code,
        schedule: proof.fixedSchedule,
        own: (run: ProgramRun) => (fix.run = run),
      })),
    ];
    for (const program of programs) {
      const setup = await proof.setup();
      standIns.push(setup.standIn);
      entries.push({
        program: {
          label: program.label,
          code: program.code,
          filename: proof.filename,
          client: proof.client,
          schedule: program.schedule,
          probeSts: proof.probeSts,
        },
        setup,
      });
      owners.push(program.own);
    }
  }
  const runs = await runTogether(entries);
  runs.forEach((run, i) => owners[i]!(run));
}, 90_000);

afterAll(async () => {
  await Promise.all(standIns.map((standIn) => standIn.stop()));
  restoreTestProcess?.();
});

/* ------------------------------------------------------------------------------------------ checks and logs */

function outcomeOf(name: ProofName): Outcome {
  const outcome = outcomes.get(name);
  if (!outcome) throw new Error(`no outcome for ${name}`);
  if (outcome.error) throw new Error(`${outcome.proof.rule}: ${outcome.error}`);
  return outcome;
}

function log(rule: string, lines: string[]): void {
  console.log([`[${rule}]`, ...lines.map((line) => `  ${line}`)].join('\n'));
}

function scaled(ms: number, rate: number | undefined): string {
  if (!rate || rate === 1) return '';
  const minutes = Math.round((ms * rate) / 60_000);
  return ` (${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')} on the scaled clock)`;
}

function callLines(run: ProgramRun, proof: Proof): string[] {
  return describeCalls(run.calls, run.issued, (call) => scaled(call.at, proof.clockRate));
}

/** Who obtained sessions from STS during a run: the program itself, or its deploy step / sidecar. */
function stsLine(run: ProgramRun): string {
  const byProgram = run.issued.filter((s) => s.action !== 'harness').length;
  const outside = run.issued.length - byProgram;
  const keys = distinctKeys(run.calls).length;
  return (
    `the program obtained ${byProgram} session(s) from STS` +
    (outside > 0 ? `, the deploy step or sidecar ${outside}` : '') +
    `; ${keys} key(s) signed its ${run.calls.length} calls.`
  );
}

function checkLint(name: ProofName): void {
  const { proof, messages, fixes } = outcomeOf(name);
  const reports = messages.filter((m) => m.ruleId === `aws-credentials/${proof.rule}`);
  log(proof.rule, [
    `lint (${proof.filename}): ${reports.length} report(s)`,
    ...reports.map((m) => `line ${m.line}:${m.column} ${m.message}`),
    ...fixes.map((fix) => `suggestion offered: ${fix.suggestion}`),
  ]);
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  expect(reports.length).toBeGreaterThan(0);
  expect(fixes.length).toBeGreaterThan(0);
}

function checkRunCompleted(run: ProgramRun | undefined): asserts run is ProgramRun {
  expect(run, 'the program did not run').toBeDefined();
  expect(run!.error).toBeUndefined();
  expect(run!.stderr).not.toContain('proof guard');
}

/** The wrong program: its first calls succeed, and every call after the session expired fails with ExpiredToken. */
function checkExpires(name: ProofName, ok: number[], expired: number[]): void {
  const { proof, wrong } = outcomeOf(name);
  checkRunCompleted(wrong);
  const keys = distinctKeys(wrong.calls);
  log(proof.rule, [
    `wrong code, sessions of ${proof.lifetimeMs / 1000} s${scaled(proof.lifetimeMs, proof.clockRate)}:`,
    ...callLines(wrong, proof),
    stsLine(wrong),
  ]);
  expect(wrong.calls).toHaveLength(ok.length + expired.length);
  for (const i of ok) expect(wrong.calls[i]).toMatchObject({ ok: true });
  for (const i of expired) expect(wrong.calls[i]).toMatchObject({ ok: false, ...S3_EXPIRED });
  // The client never asked for new keys: one key signed every call, the one that expired.
  expect(keys).toHaveLength(1);
  const session = wrong.issued.find((s) => s.accessKeyId === keys[0]);
  const failed = wrong.requests.filter((r) => r.service === 's3' && r.code === 'ExpiredToken');
  expect(failed.every((r) => r.at >= session!.expiresAt)).toBe(true);
}

/** A fixed program: every call succeeds, signed by keys from sessions issued along the way. */
function checkSurvives(run: ProgramRun | undefined, proof: Proof, fix: Fix): void {
  checkRunCompleted(run);
  const keys = distinctKeys(run.calls);
  const lastCall = run.calls.at(-1)!;
  log(proof.rule, [
    `suggestion applied through ESLint${fix.steps.length > 1 ? ` (to each of the ${fix.steps.length} reports)` : ''}: ${fix.suggestion}`,
    ...diffLines(proof.code, fix.code),
    `fixed code, same environment:`,
    ...callLines(run, proof),
    `${stsLine(run)} Last call at ${(lastCall.at / 1000).toFixed(1)} s: ` +
      `${(lastCall.at / proof.lifetimeMs).toFixed(1)} session lifetimes after the first.`,
  ]);
  expect(fix.remaining, 'the rule still reports the fixed code').toEqual([]);
  expect(run.calls.filter((c) => !c.ok)).toEqual([]);
  expect(run.calls).toHaveLength(proof.fixedSchedule.length);
  expect(lastCall.at).toBeGreaterThanOrEqual(3 * proof.lifetimeMs);
  expect(keys.length).toBeGreaterThanOrEqual(3);
}

/** Every suggestion the rule offered, applied on its own, gives a program whose calls survive. */
function checkFixesSurvive(name: ProofName): void {
  const { proof, fixes } = outcomeOf(name);
  expect(fixes.length).toBeGreaterThan(0);
  for (const fix of fixes) checkSurvives(fix.run, proof, fix);
}

/* ------------------------------------------------------------------------------------------ tests */

describe('no-static-credentials', () => {
  test('no-static-credentials reports the documented static credentials', () => {
    checkLint('noStaticCredentials');
  });

  test('no-static-credentials: static session keys work, then fail with ExpiredToken once the session is over', () => {
    checkExpires('noStaticCredentials', [0, 1], [2, 3]);
  });

  test('no-static-credentials: each suggested fix keeps calls succeeding past several session lifetimes', () => {
    checkFixesSurvive('noStaticCredentials');
  });
});

describe('no-one-shot-credentials', () => {
  test('no-one-shot-credentials reports the AssumeRole result kept as static credentials', () => {
    checkLint('noOneShotCredentials');
  });

  test('no-one-shot-credentials: the assumed role works, then fails with ExpiredToken once the session is over', () => {
    checkExpires('noOneShotCredentials', [0, 1], [2, 3]);
  });

  test('no-one-shot-credentials: fromTemporaryCredentials keeps calls succeeding past several session lifetimes', () => {
    checkFixesSurvive('noOneShotCredentials');
  });
});

describe('no-unrefreshed-profile-credentials', () => {
  test('no-unrefreshed-profile-credentials reports fromIni pinned in a long-lived client', () => {
    checkLint('noUnrefreshedProfileCredentials');
  });

  test('no-unrefreshed-profile-credentials: the profile is rotated, the client keeps the first keys and gets ExpiredToken', () => {
    checkExpires('noUnrefreshedProfileCredentials', [0, 1], [2, 3]);
    const { wrong } = outcomeOf('noUnrefreshedProfileCredentials');
    // The file held fresh keys all along: the sidecar wrote new sessions before and after the failures.
    expect(wrong!.issued.length).toBeGreaterThanOrEqual(3);
  });

  test('no-unrefreshed-profile-credentials: createCredentialChain(...).expireAfter re-reads the rotated profile for hours', () => {
    checkFixesSurvive('noUnrefreshedProfileCredentials');
  });
});

describe('require-credential-expiration', () => {
  test('require-credential-expiration reports the provider that returns no expiration', () => {
    checkLint('requireCredentialExpiration');
  });

  test('require-credential-expiration: the provider is called once, and calls fail with ExpiredToken after the session', () => {
    checkExpires('requireCredentialExpiration', [0, 1], [2, 3]);
  });

  test('require-credential-expiration: with expiration returned, calls succeed past several session lifetimes', () => {
    checkFixesSurvive('requireCredentialExpiration');
  });
});

describe('require-session-token', () => {
  test('require-session-token reports the token passed as aws_session_token', () => {
    checkLint('requireSessionTokenRenamed');
  });

  test('require-session-token: keys without their token are refused at once (S3 InvalidAccessKeyId, STS InvalidClientTokenId)', () => {
    const { proof, wrong } = outcomeOf('requireSessionTokenRenamed');
    checkRunCompleted(wrong);
    log(proof.rule, [
      'wrong code, a session valid for an hour in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN:',
      ...callLines(wrong, proof),
      `the same identity sent to STS GetCallerIdentity → ${wrong.stsProbe?.status} ${wrong.stsProbe?.name}: ${wrong.stsProbe?.message}`,
    ]);
    for (const call of wrong.calls) expect(call).toMatchObject({ ok: false, ...S3_UNKNOWN_KEY });
    expect(wrong.stsProbe).toMatchObject({ ok: false, ...STS_INVALID_TOKEN });
  });

  test('require-session-token: renamed to sessionToken, the same keys are accepted by S3 and STS', () => {
    const { proof, fixes } = outcomeOf('requireSessionTokenRenamed');
    expect(fixes.length).toBeGreaterThan(0);
    for (const fix of fixes) {
      const run = fix.run;
      checkRunCompleted(run);
      log(proof.rule, [
        `suggestion applied through ESLint: ${fix.suggestion}`,
        ...diffLines(proof.code, fix.code),
        'fixed code, same environment:',
        ...callLines(run, proof),
        `the same identity sent to STS GetCallerIdentity → ${run.stsProbe?.ok ? `200 OK, ${run.stsProbe.arn}` : run.stsProbe?.name}`,
        '(still static keys: they last as long as the session, which is no-static-credentials’ concern)',
      ]);
      expect(fix.remaining).toEqual([]);
      expect(run.calls.filter((c) => !c.ok)).toEqual([]);
      expect(run.stsProbe).toMatchObject({ ok: true });
    }
  });

  test('require-session-token reports the STS provider that drops SessionToken', () => {
    checkLint('requireSessionTokenFromSts');
  });

  test('require-session-token: the provider without SessionToken is refused from the first call', () => {
    const { proof, wrong } = outcomeOf('requireSessionTokenFromSts');
    checkRunCompleted(wrong);
    log(proof.rule, [
      'wrong code (provider returns AccessKeyId, SecretAccessKey, Expiration):',
      ...callLines(wrong, proof),
      `the same identity sent to STS GetCallerIdentity → ${wrong.stsProbe?.status} ${wrong.stsProbe?.name}: ${wrong.stsProbe?.message}`,
    ]);
    for (const call of wrong.calls) expect(call).toMatchObject({ ok: false, ...S3_UNKNOWN_KEY });
    expect(wrong.stsProbe).toMatchObject({ ok: false, ...STS_INVALID_TOKEN });
  });

  test('require-session-token: with sessionToken added, calls succeed past several session lifetimes', () => {
    checkFixesSurvive('requireSessionTokenFromSts');
  });
});

describe('require-refresh-margin', () => {
  test('require-refresh-margin reports the cache that refreshes at expiry', () => {
    checkLint('requireRefreshMargin');
  });

  test('require-refresh-margin: refreshing at expiry, calls in the last moments of each session fail with ExpiredToken', () => {
    const { proof, wrong } = outcomeOf('requireRefreshMargin');
    checkRunCompleted(wrong);
    const failures = wrong.calls.filter((c) => !c.ok);
    log(proof.rule, [
      `wrong code, sessions of 2 s, the host clock 0.5 s behind AWS:`,
      ...callLines(wrong, proof),
      `${failures.length} of ${wrong.calls.length} calls failed; ${stsLine(wrong)}`,
    ]);
    expect(wrong.calls[0]).toMatchObject({ ok: true });
    expect(failures.length).toBeGreaterThanOrEqual(2);
    for (const call of failures) expect(call).toMatchObject(S3_EXPIRED);
    // It does refresh, at expiry: later calls succeed again with new keys. The margin is what is missing.
    expect(distinctKeys(wrong.calls).length).toBeGreaterThanOrEqual(2);
    expect(wrong.calls.slice(wrong.calls.indexOf(failures[0]!)).some((c) => c.ok)).toBe(true);
  });

  test('require-refresh-margin: refreshing 5 minutes early, every call succeeds', () => {
    checkFixesSurvive('requireRefreshMargin');
  });
});

describe('no-credentials-in-env', () => {
  test('no-credentials-in-env reports the STS credentials written into process.env', () => {
    checkLint('noCredentialsInEnv');
  });

  test('no-credentials-in-env: a default-chain client keeps the env keys and fails with ExpiredToken after the session', () => {
    checkExpires('noCredentialsInEnv', [0, 1], [2, 3]);
    const { wrong } = outcomeOf('noCredentialsInEnv');
    const signer = wrong!.issued.find((s) => s.accessKeyId === wrong!.calls[0]!.accessKeyId);
    expect(signer?.roleArn).toBe(role('etl'));
  });

  test('no-credentials-in-env: with the writes removed, the default chain refreshes and calls succeed', () => {
    const { proof, fixes } = outcomeOf('noCredentialsInEnv');
    expect(fixes.length).toBeGreaterThan(0);
    for (const fix of fixes) {
      checkSurvives(fix.run, proof, fix);
      // Without the writes, the client uses the process's own (web identity) role, not the role the code assumed.
      const roles = new Set(fix.run!.calls.map((c) => fix.run!.issued.find((s) => s.accessKeyId === c.accessKeyId)?.roleArn));
      log(proof.rule, [`roles that signed the fixed calls: ${[...roles].join(', ')}`]);
      expect([...roles]).toEqual([role('etl-runner')]);
    }
  });
});

describe('proof harness', () => {
  test('the programs cannot connect to anything but loopback: not AWS, not the instance metadata service', async () => {
    const { stdout } = await runWithPreload(`
import http from 'node:http';
import net from 'node:net';

const attempt = (open) =>
  new Promise((resolve) => {
    const socket = open();
    socket.on('connect', () => resolve('connected'));
    socket.on('error', (error) => resolve(error.message));
  });
for (const host of ['169.254.169.254', 'sts.amazonaws.com', 's3.us-east-1.amazonaws.com']) {
  console.log(await attempt(() => net.connect(443, host)));
}
console.log(await attempt(() => http.get('http://169.254.169.254/latest/meta-data/iam/security-credentials/')));
`);
    expect(stdout.trim().split('\n')).toEqual([
      'proof guard: refused a connection to 169.254.169.254',
      'proof guard: refused a connection to sts.amazonaws.com',
      'proof guard: refused a connection to s3.us-east-1.amazonaws.com',
      'proof guard: refused a connection to 169.254.169.254',
    ]);
  });
});
