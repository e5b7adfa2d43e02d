/**
 * Run-time proofs of three rules of the credential consumers outside SDK clients: `no-reused-signed-request` (an
 * aws4 request object signed again and again), `no-captured-identity-token` (a web identity token read once from a
 * file that rotates) and `no-retry-on-expired-token` (a retry after ExpiredToken through a client whose keys never
 * change). Each documented wrong program is linted (the rule must report it), run against the loopback stand-in
 * (`stand-in.ts`) with the real SDK or the real aws4, and shown to fail with the answer AWS gives; then the fix runs in
 * the same environment and keeps working. The two rules with a suggestion get it applied through ESLint; the retry
 * rule has none, and its proof runs the corrected example of its doc page (`examples/right`).
 *
 * Time: the aws4 and web identity proofs share a scaled clock with their program (`clock` in `harness.ts`), so that
 * the 5-minute signature window and hour-long tokens and sessions pass in seconds; the retry proof uses 2-second
 * sessions on the wall clock, since its program waits with real timers between attempts. All programs run side by
 * side in one `beforeAll`; each test checks and logs one step (`npm run proof` shows the log).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Linter } from 'eslint';

import {
  deriveFixes,
  describeCalls,
  diffLines,
  distinctKeys,
  isolateTestProcess,
  runTogether,
  type FixStep,
  type ProgramRun,
  type Sandbox,
  type ScenarioSetup,
} from './harness.js';
import { ACCOUNT_ID, AWS_ERRORS, AwsStandIn, SIGNATURE_WINDOW_MS, type RequestRecord } from './stand-in.js';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const role = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;

/** The program's own identity is an IAM user whose long-term keys are in the environment. */
function userKeysInEnv(sandbox: Sandbox): void {
  const keys = sandbox.standIn.createUser('app');
  sandbox.env.AWS_ACCESS_KEY_ID = keys.accessKeyId;
  sandbox.env.AWS_SECRET_ACCESS_KEY = keys.secretAccessKey;
}

/** A stand-in and a program clock that run `rate` times faster than the wall clock, from now. */
async function scaledClock(rate: number, lifetimeMs: number): Promise<Pick<ScenarioSetup, 'standIn' | 'clock'>> {
  const epoch = Date.now();
  const clock = () => Math.floor(epoch + (Date.now() - epoch) * rate);
  return { standIn: await new AwsStandIn({ lifetimeMs, clock }).start(), clock: { epoch, rate } };
}

/* ------------------------------------------------------------------------------------------ the proofs */

interface Proof {
  rule: string;
  code: string;
  filename: string;
  /** The S3 client the rest of the application uses (`ProgramSpec.client`), or `undefined`. */
  client: string;
  /** What one call of the rest of the application is (`ProgramSpec.invoke`); default: the client's ListObjectsV2. */
  invoke?: string;
  wrongSchedule: number[];
  fixedSchedule: number[];
  setup(): Promise<ScenarioSetup>;
  /** The rule has no suggestion: the fixed program is this one (the corrected example of the rule's page). */
  fixedCode?: string;
  /** The scaled clock's rate, 1 for the wall clock. */
  rate: number;
}

/** aws4's scaled clock: 300 times the wall clock, so the 5-minute signature window lasts one real second. */
const AWS4_RATE = 300;
/** The web identity proof's clock: 1800 times the wall clock, an hour in two real seconds. */
const TOKEN_RATE = 1_800;
/** EKS: a projected service-account token lives an hour here, and the kubelet writes a new one at 80 % of its life. */
const TOKEN_LIFETIME_MS = HOUR_MS;
const TOKEN_ROTATION_MS = 48 * MINUTE_MS;
/** The retry proof's sessions, on the wall clock. */
const RETRY_LIFETIME_MS = 2_000;
const REPORT_KEY = 'reports/2024-06-01.csv';

const proofs = {
  // examples/wrong/signed-request.js (the doc's ❌ example with its `get`), adapted to the loopback stand-in only:
  // `node:http` instead of `node:https`, and a `port` line (aws4 adds it to the `Host` it signs).
  noReusedSignedRequest: {
    rule: 'no-reused-signed-request',
    filename: 'app.cjs',
    code: `// Lambda: queries an OpenSearch domain with aws4-signed requests.
const http = require('node:http');
const aws4 = require('aws4');

const search = {
  host: process.env.SEARCH_HOST,
  port: process.env.SEARCH_PORT,
  service: 'es',
  region: process.env.AWS_REGION,
  method: 'GET',
  path: '/orders/_search?q=status:open',
  headers: { Accept: 'application/json' },
};

function get(request) {
  return new Promise((resolve, reject) => {
    http.get(request, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

exports.handler = async () => get(aws4.sign(search));
`,
    client: 'undefined',
    // A warm Lambda container invoked at 0, 2, 7 and 10 minutes (scaled clock).
    invoke: 'app.default.handler()',
    wrongSchedule: [0, 2, 7, 10].map((m) => (m * MINUTE_MS) / AWS4_RATE),
    // Every 2 minutes for 24 minutes.
    fixedSchedule: Array.from({ length: 13 }, (_, i) => (i * 2 * MINUTE_MS) / AWS4_RATE),
    rate: AWS4_RATE,
    async setup() {
      const scaled = await scaledClock(AWS4_RATE, HOUR_MS);
      return {
        ...scaled,
        prepare(sandbox) {
          userKeysInEnv(sandbox);
          sandbox.env.SEARCH_HOST = '127.0.0.1';
          sandbox.env.SEARCH_PORT = new URL(sandbox.standIn.url).port;
        },
      };
    },
  },
  // The doc's ❌ example, verbatim. The token file and role are set as on EKS; the kubelet (the deploy step's timer)
  // writes a new token into the file every 48 minutes, each valid for an hour.
  noCapturedIdentityToken: {
    rule: 'no-captured-identity-token',
    filename: 'app.mjs',
    code: `import { readFileSync } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { fromWebToken } from '@aws-sdk/credential-providers';

export const s3 = new S3Client({
  credentials: fromWebToken({
    roleArn: process.env.AWS_ROLE_ARN,
    webIdentityToken: readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8'),
  }),
});
`,
    client: 'app.s3',
    // Every 7.5 minutes for 2 hours (wrong) and 3.5 hours (fixed), scaled clock.
    wrongSchedule: Array.from({ length: 17 }, (_, i) => (i * 7.5 * MINUTE_MS) / TOKEN_RATE),
    fixedSchedule: Array.from({ length: 29 }, (_, i) => (i * 7.5 * MINUTE_MS) / TOKEN_RATE),
    rate: TOKEN_RATE,
    async setup() {
      const scaled = await scaledClock(TOKEN_RATE, HOUR_MS);
      return {
        ...scaled,
        prepare(sandbox) {
          sandbox.env.AWS_WEB_IDENTITY_TOKEN_FILE = join(sandbox.dir, 'token');
          sandbox.env.AWS_ROLE_ARN = role('etl-runner');
        },
        deploy(sandbox) {
          // The pod starts (after the SDK is loaded, so that loading takes none of the token's life): the kubelet has
          // just written a token, and writes a new one every 48 minutes. Writes are atomic, as the kubelet's are.
          const rotate = () => sandbox.writeFile('token', sandbox.standIn.issueWebIdentityToken(TOKEN_LIFETIME_MS));
          rotate();
          const timer = setInterval(rotate, TOKEN_ROTATION_MS / TOKEN_RATE);
          sandbox.onStop(() => clearInterval(timer));
          return {};
        },
      };
    },
  },
  // examples/wrong and examples/right of the rule, read from disk: the shape of the doc's ❌ example 1 and ✅ example
  // 1 (the same client and retry loop, throwing when the attempts run out instead of returning undefined).
  noRetryOnExpiredToken: {
    rule: 'no-retry-on-expired-token',
    filename: 'app.ts',
    code: readFileSync(join(PROJECT_ROOT, 'examples/wrong/no-retry-on-expired-token.ts'), 'utf8'),
    fixedCode: readFileSync(join(PROJECT_ROOT, 'examples/right/no-retry-on-expired-token.ts'), 'utf8'),
    client: 'undefined',
    invoke: `app.readReport(${JSON.stringify(REPORT_KEY)})`,
    // Two reads inside the first session, one after it expired.
    wrongSchedule: [0, 600, 3_000],
    // A read every second for 7 seconds: 3.5 session lifetimes.
    fixedSchedule: Array.from({ length: 8 }, (_, i) => i * 1_000),
    rate: 1,
    async setup() {
      return {
        standIn: await new AwsStandIn({ lifetimeMs: RETRY_LIFETIME_MS }).start(),
        prepare(sandbox) {
          userKeysInEnv(sandbox);
          sandbox.env.REPORTS_ROLE_ARN = role('reports-reader');
        },
      };
    },
  },
} satisfies Record<string, Proof>;

type ProofName = keyof typeof proofs;

interface Fix {
  suggestion: string;
  steps: FixStep[];
  code: string;
  remaining: Linter.LintMessage[];
  run?: ProgramRun;
  standIn?: AwsStandIn;
}

interface Outcome {
  proof: Proof;
  messages: Linter.LintMessage[];
  wrong?: ProgramRun;
  wrongStandIn?: AwsStandIn;
  fixes: Fix[];
  /** Messages of the rule on the fixed program (for a rule without suggestion). */
  fixedMessages?: Linter.LintMessage[];
  error?: string;
}

/* ------------------------------------------------------------------------------------------ running them */

const outcomes = new Map<ProofName, Outcome>();
const standIns: AwsStandIn[] = [];
let restoreTestProcess: (() => void) | undefined;

async function prepareOutcome(proof: Proof): Promise<Outcome> {
  if (proof.fixedCode === undefined) return { proof, ...(await deriveFixes(proof)) };
  // A rule without a suggestion: the corrected example is the fixed program.
  const { messages, error } = await deriveFixes(proof);
  const { messages: fixedMessages } = await deriveFixes({ ...proof, code: proof.fixedCode });
  return { proof, messages, fixedMessages, error, fixes: [{ suggestion: '(none: the corrected example)', steps: [], code: proof.fixedCode, remaining: [] }] };
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
      {
        label: `${name}-wrong`,
        code: proof.code,
        schedule: proof.wrongSchedule,
        own: (run: ProgramRun, standIn: AwsStandIn) => Object.assign(outcome, { wrong: run, wrongStandIn: standIn }),
      },
      ...outcome.fixes.map((fix, i) => ({
        label: `${name}-fix${i + 1}`,
        code: fix.code,
        schedule: proof.fixedSchedule,
        own: (run: ProgramRun, standIn: AwsStandIn) => Object.assign(fix, { run, standIn }),
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
          invoke: proof.invoke,
          schedule: program.schedule,
        },
        setup,
      });
      owners.push((run) => program.own(run, setup.standIn));
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

/** A time on the proof's clock, from the first call: `+1.40s (7 min)`. */
function when(realMs: number, rate: number): string {
  const real = `+${(realMs / 1000).toFixed(2)}s`;
  if (rate === 1) return real;
  const minutes = (realMs * rate) / MINUTE_MS;
  return `${real} (${minutes >= 100 ? `${Math.floor(minutes / 60)}h${String(Math.round(minutes % 60)).padStart(2, '0')}` : `${minutes.toFixed(1)} min`})`;
}

function checkRunCompleted(run: ProgramRun | undefined): asserts run is ProgramRun {
  expect(run, 'the program did not run').toBeDefined();
  expect(run!.error).toBeUndefined();
  expect(run!.stderr).not.toContain('proof guard');
}

function reportsOf(outcome: Outcome, messages = outcome.messages): Linter.LintMessage[] {
  return messages.filter((m) => m.ruleId === `aws-credentials/${outcome.proof.rule}`);
}

function checkLint(name: ProofName, withSuggestion: boolean): void {
  const outcome = outcomeOf(name);
  const reports = reportsOf(outcome);
  log(outcome.proof.rule, [
    `lint (${outcome.proof.filename}): ${reports.length} report(s)`,
    ...reports.map((m) => `line ${m.line}:${m.column} ${m.message}`),
    ...(withSuggestion ? outcome.fixes.map((fix) => `suggestion offered: ${fix.suggestion}`) : []),
  ]);
  expect(outcome.messages.filter((m) => m.fatal)).toEqual([]);
  expect(reports.length).toBeGreaterThan(0);
  if (withSuggestion) expect(outcome.fixes.length).toBeGreaterThan(0);
}

function fixHeader(proof: Proof, fix: Fix): string[] {
  return [`suggestion applied through ESLint: ${fix.suggestion}`, ...diffLines(proof.code, fix.code)];
}

/* ------------------------------------------------------------------------------------------ aws4 */

interface SearchAnswer {
  hits?: { total: { value: number } };
  message?: string;
}

function searchRequests(run: ProgramRun): RequestRecord[] {
  return run.requests.filter((r) => r.service === 'es');
}

function searchLines(run: ProgramRun, rate: number): string[] {
  const requests = searchRequests(run);
  return run.calls.map((call, k) => {
    const answer = call.value as SearchAnswer | undefined;
    const request = requests[k];
    const result = call.ok
      ? request?.status === 200
        ? `200, ${answer?.hits?.total.value} hit(s)`
        : `${request?.status} ${JSON.stringify(answer)}`
      : `${call.name}: ${call.message}`;
    return `${when(call.at, rate).padEnd(22)} handler() → ${result}  [X-Amz-Date ${request?.amzDate}]`;
  });
}

/** Milliseconds of an `X-Amz-Date` (`20240601T120000Z`). */
function amzDateMs(value: string): number {
  return Date.parse(value.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
}

/** The aws4 version the proof runs, and the one package.json pins. */
function aws4Versions(): { installed: string; pinned: string | undefined } {
  const require = createRequire(join(PROJECT_ROOT, 'package.json'));
  const installed = (require('aws4/package.json') as { version: string }).version;
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  return { installed, pinned: manifest.devDependencies?.aws4 };
}

/* ------------------------------------------------------------------------------------------ tests */

describe('no-reused-signed-request', () => {
  test('no-reused-signed-request reports the module-level options object signed in the handler', () => {
    checkLint('noReusedSignedRequest', true);
  });

  test('no-reused-signed-request: aws4 keeps the first X-Amz-Date; 5 minutes later the domain answers 403 Signature expired', () => {
    const { proof, wrong } = outcomeOf('noReusedSignedRequest');
    checkRunCompleted(wrong);
    const versions = aws4Versions();
    const requests = searchRequests(wrong);
    log(proof.rule, [
      `wrong code, aws4 ${versions.installed}, a warm container invoked at 0, 2, 7 and 10 minutes (clock ${proof.rate}× the wall clock):`,
      ...searchLines(wrong, proof.rate),
    ]);
    // The version that shows the failure is the one package.json pins (the latest release when this was written).
    expect(versions.installed).toBe(versions.pinned);
    expect(wrong.calls.map((c) => c.ok)).toEqual([true, true, true, true]);
    expect(requests).toHaveLength(4);
    // aws4 signed every request with the date of the first one: it was written into `search.headers`.
    expect(new Set(requests.map((r) => r.amzDate)).size).toBe(1);
    expect(requests.map((r) => r.status)).toEqual([200, 200, 403, 403]);
    for (const k of [0, 1]) expect((wrong.calls[k]!.value as SearchAnswer).hits?.total.value).toBe(1);
    for (const k of [2, 3]) {
      const request = requests[k]!;
      expect(request.code).toBe('SignatureExpired');
      expect(request.at - amzDateMs(request.amzDate!)).toBeGreaterThan(SIGNATURE_WINDOW_MS);
      // What the handler returned is the domain's answer, with the date aws4 kept.
      expect(wrong.calls[k]!.value).toEqual({ message: request.message });
      const [, date, limit, now] = /^Signature expired: (\S+) is now earlier than (\S+) \((\S+) - 5 min\.\)$/.exec(request.message!) ?? [];
      expect(date).toBe(requests[0]!.amzDate);
      expect(amzDateMs(now!) - amzDateMs(limit!)).toBe(SIGNATURE_WINDOW_MS);
    }
  });

  test('no-reused-signed-request: signing a copy with its own headers gets a new date at every call', () => {
    const { proof, fixes } = outcomeOf('noReusedSignedRequest');
    expect(fixes.length).toBeGreaterThan(0);
    for (const fix of fixes) {
      const run = fix.run;
      checkRunCompleted(run);
      const requests = searchRequests(run);
      log(proof.rule, [...fixHeader(proof, fix), 'fixed code, same environment, every 2 minutes:', ...searchLines(run, proof.rate)]);
      expect(fix.remaining).toEqual([]);
      expect(run.calls).toHaveLength(proof.fixedSchedule.length);
      expect(run.calls.every((c) => c.ok && (c.value as SearchAnswer).hits?.total.value === 1)).toBe(true);
      expect(requests.map((r) => r.status)).toEqual(proof.fixedSchedule.map(() => 200));
      expect(new Set(requests.map((r) => r.amzDate)).size).toBe(requests.length);
      // The calls span several signature windows.
      expect(requests.at(-1)!.at - requests[0]!.at).toBeGreaterThan(3 * SIGNATURE_WINDOW_MS);
    }
  });
});

function tokenLines(run: ProgramRun, standIn: AwsStandIn, rate: number): string[] {
  const lines: string[] = [];
  const tokens = standIn.webIdentityTokens;
  const t0 = run.requests[0]?.at ?? 0;
  const calls = describeCalls(run.calls, run.issued, (call) => ` ${when(call.at, rate).replace(/^\S+ /, '')}`);
  lines.push(...calls);
  const exchanges = run.requests.filter((r) => r.operation === 'AssumeRoleWithWebIdentity');
  lines.push(
    `AssumeRoleWithWebIdentity: ${exchanges
      .map((r) => `at ${Math.round((r.at - t0) / MINUTE_MS)} min token #${(r.webIdentityToken ?? -1) + 1} → ${r.status}${r.code ? ` ${r.code}` : ''}`)
      .join('; ')}`,
    `the kubelet wrote ${tokens.length} tokens (every ${TOKEN_ROTATION_MS / MINUTE_MS} min, each valid ${TOKEN_LIFETIME_MS / MINUTE_MS} min)`,
  );
  return lines;
}

describe('no-captured-identity-token', () => {
  test('no-captured-identity-token reports the token read once from the token file', () => {
    checkLint('noCapturedIdentityToken', true);
  });

  test('no-captured-identity-token: after the token file rotates, the first refresh fails with ExpiredTokenException', () => {
    const { proof, wrong, wrongStandIn } = outcomeOf('noCapturedIdentityToken');
    checkRunCompleted(wrong);
    const standIn = wrongStandIn!;
    log(proof.rule, [
      `wrong code, STS sessions of 1 h, clock ${proof.rate}× the wall clock:`,
      ...tokenLines(wrong, standIn, proof.rate),
    ]);
    const first = wrong.calls.findIndex((c) => !c.ok);
    expect(first, 'no call failed').toBeGreaterThan(0);
    expect(wrong.calls.slice(0, first).every((c) => c.ok)).toBe(true);
    for (const call of wrong.calls.slice(first)) {
      expect(call).toMatchObject({ ok: false, name: 'ExpiredTokenException', status: 400 });
      expect(call.message).toMatch(/^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/);
    }
    const exchanges = wrong.requests.filter((r) => r.operation === 'AssumeRoleWithWebIdentity');
    const captured = standIn.webIdentityTokens[0]!;
    // Every exchange presented the token read at start-up; it worked until that token expired, then never again.
    expect(exchanges.every((r) => r.webIdentityToken === 0)).toBe(true);
    const refused = exchanges.filter((r) => r.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r).toMatchObject({ status: AWS_ERRORS.sts.ExpiredTokenException.status, code: 'ExpiredTokenException' });
      expect(r.at).toBeGreaterThanOrEqual(captured.expiresAt);
    }
    for (const r of exchanges.filter((e) => e.status === 200)) expect(r.at).toBeLessThan(captured.expiresAt);
    // Meanwhile the file held a valid token: the kubelet had written a newer one, still valid at the first refusal.
    const refusedAt = refused[0]!.at;
    expect(standIn.webIdentityTokens.some((t) => t.issuedAt <= refusedAt && refusedAt < t.expiresAt)).toBe(true);
  });

  test('no-captured-identity-token: fromTokenFile reads the rotated file at each refresh and keeps working for hours', () => {
    const { proof, fixes } = outcomeOf('noCapturedIdentityToken');
    expect(fixes.length).toBeGreaterThan(0);
    for (const fix of fixes) {
      const run = fix.run;
      checkRunCompleted(run);
      const standIn = fix.standIn!;
      log(proof.rule, [...fixHeader(proof, fix), 'fixed code, same environment:', ...tokenLines(run, standIn, proof.rate)]);
      expect(fix.remaining).toEqual([]);
      expect(run.calls).toHaveLength(proof.fixedSchedule.length);
      expect(run.calls.filter((c) => !c.ok)).toEqual([]);
      const exchanges = run.requests.filter((r) => r.operation === 'AssumeRoleWithWebIdentity');
      expect(exchanges.every((r) => r.status === 200)).toBe(true);
      // Each refresh presented the token the file held then (the newest), so several different ones over the run.
      for (const r of exchanges) {
        const newest = standIn.webIdentityTokens.findLastIndex((t) => t.issuedAt <= r.at);
        expect(r.webIdentityToken).toBe(newest);
      }
      expect(new Set(exchanges.map((r) => r.webIdentityToken)).size).toBeGreaterThanOrEqual(3);
      expect(distinctKeys(run.calls).length).toBeGreaterThanOrEqual(3);
      expect(run.requests.at(-1)!.at - run.requests[0]!.at).toBeGreaterThanOrEqual(3 * HOUR_MS);
    }
  });
});

function getObjects(run: ProgramRun): RequestRecord[] {
  return run.requests.filter((r) => r.service === 's3' && r.operation === 'GetObject');
}

function retryLines(run: ProgramRun): string[] {
  const t0 = run.requests[0]?.at ?? 0;
  const sessions = run.issued;
  const lines = run.calls.map((call) => {
    const result = call.ok ? `returned ${JSON.stringify(call.value)}` : `threw ${call.name}: ${call.message}`;
    return `${when(call.at, 1)} readReport() ${result}`;
  });
  lines.push(
    'GetObject requests at the stand-in:',
    ...getObjects(run).map((r) => {
      const session = sessions.findIndex((s) => s.accessKeyId === r.accessKeyId) + 1;
      return `  +${((r.at - t0) / 1000).toFixed(2)}s ${r.status}${r.code ? ` ${r.code}: ${r.message}` : ' OK'} (session ${session})`;
    }),
  );
  return lines;
}

describe('no-retry-on-expired-token', () => {
  test('no-retry-on-expired-token reports the retry through the client built from one AssumeRole result', () => {
    checkLint('noRetryOnExpiredToken', false);
    const outcome = outcomeOf('noRetryOnExpiredToken');
    // The rule has no suggestion; the corrected example is quiet.
    expect(reportsOf(outcome).flatMap((m) => m.suggestions ?? [])).toEqual([]);
    expect(reportsOf(outcome, outcome.fixedMessages)).toEqual([]);
  });

  test('no-retry-on-expired-token: every retry sends the same expired keys and gets ExpiredToken again', () => {
    const { proof, wrong } = outcomeOf('noRetryOnExpiredToken');
    checkRunCompleted(wrong);
    log(proof.rule, [`wrong code, sessions of ${RETRY_LIFETIME_MS / 1000} s:`, ...retryLines(wrong)]);
    expect(wrong.calls.map((c) => c.ok)).toEqual([true, true, false]);
    const requests = getObjects(wrong);
    const session = wrong.issued.find((s) => s.accessKeyId === requests[0]?.accessKeyId);
    expect(session?.action).toBe('AssumeRole');
    // One AssumeRole for the whole run: nothing on the retry path asks for new keys.
    expect(wrong.issued.filter((s) => s.action === 'AssumeRole')).toHaveLength(1);
    const expired = requests.filter((r) => r.at >= session!.expiresAt);
    // The failing read: its first attempt and each retry, all refused the same way, all signed with the one session.
    expect(expired.length).toBeGreaterThanOrEqual(2);
    for (const r of expired) {
      expect(r).toMatchObject({ status: AWS_ERRORS.s3.ExpiredToken.status, code: 'ExpiredToken', accessKeyId: session!.accessKeyId });
    }
    expect(requests.filter((r) => r.at < session!.expiresAt).every((r) => r.status === 200)).toBe(true);
    // And the loop gave up: the error the caller sees is the program's own, after every attempt was refused.
    expect(wrong.calls[2]!.message).toContain(REPORT_KEY);
  });

  test('no-retry-on-expired-token: with a refreshing provider (the doc’s correct example), reads keep succeeding', () => {
    const { proof, fixes } = outcomeOf('noRetryOnExpiredToken');
    const fix = fixes[0]!;
    const run = fix.run;
    checkRunCompleted(run);
    log(proof.rule, [
      'corrected example (examples/right: fromTemporaryCredentials), same environment:',
      ...diffLines(proof.code, fix.code),
      ...retryLines(run),
      '(the provider assumes the role again before the keys expire, so no attempt is refused and the retry is never taken)',
    ]);
    expect(run.calls).toHaveLength(proof.fixedSchedule.length);
    expect(run.calls.every((c) => c.ok && typeof c.value === 'string' && c.value.startsWith('date,orders'))).toBe(true);
    const requests = getObjects(run);
    expect(requests).toHaveLength(run.calls.length);
    expect(requests.every((r) => r.status === 200)).toBe(true);
    expect(new Set(requests.map((r) => r.accessKeyId)).size).toBeGreaterThanOrEqual(3);
    expect(requests.at(-1)!.at - requests[0]!.at).toBeGreaterThanOrEqual(3 * RETRY_LIFETIME_MS);
  });
});
