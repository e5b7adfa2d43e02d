/**
 * The machinery of the run-time proofs: lint a program with one rule, apply the rule's suggestion, and run the
 * program (as written, and as fixed) in its own Node process against the AWS stand-in, with real SDK clients.
 *
 * Each program runs in a child process with an environment built from scratch: a temporary HOME, its own
 * `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE` (never the user's), `AWS_ENDPOINT_URL` pointing at the
 * stand-in, `AWS_EC2_METADATA_DISABLED=true`, and a preloaded guard that refuses any TCP connection that is not to
 * loopback. Child processes also keep the SDK's process-wide caches (shared-ini file cache, env) apart between
 * programs, the way two deployments would be.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import ts from 'typescript';

import { AwsStandIn, redact } from './stand-in.js';

/** Delay between two programs' starts in `runTogether`. */
const GO_INTERVAL_MS = 150;

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/* ------------------------------------------------------------------------------------------------ lint + fix */

export interface LintOptions {
  ruleName: string;
  rule: unknown;
  code: string;
  /** `app.ts` (TypeScript, ESM), `app.mjs` (ESM) or `app.cjs` (CommonJS). */
  filename: string;
  options?: unknown[];
}

/** Lints `code` with the one rule, the way a user's ESLint would (flat config, the TS parser for `.ts`). */
export function lintWithRule({ ruleName, rule, code, filename, options = [] }: LintOptions): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config = {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: filename.endsWith('.cjs') ? 'commonjs' : 'module',
      ...(filename.endsWith('.ts') ? { parser: tsParser as Linter.Parser } : {}),
    },
    plugins: { 'aws-credentials': { rules: { [ruleName]: rule as Rule.RuleModule } } },
    rules: { [`aws-credentials/${ruleName}`]: ['error', ...options] },
  };
  return linter.verify(code, config, { filename });
}

/** One fixed program derived from a rule's suggestion, applied until the rule has nothing more to suggest. */
export interface DerivedFix {
  suggestion: string;
  steps: FixStep[];
  code: string;
  remaining: Linter.LintMessage[];
}

/**
 * Lints a proof's wrong program with its rule (loaded from `src/rules/<rule>.ts`) and derives one fixed program per
 * suggestion the rule offers. A failure to load or lint is returned as `error`, for the proof's test to report.
 */
export async function deriveFixes(proof: { rule: string; filename: string; code: string }): Promise<{
  messages: Linter.LintMessage[];
  fixes: DerivedFix[];
  error?: string;
}> {
  try {
    const rule = ((await import(`../../src/rules/${proof.rule}.ts`)) as { default: unknown }).default;
    const lint = { ruleName: proof.rule, rule, filename: proof.filename, code: proof.code };
    const messages = lintWithRule(lint);
    const offered = new Set(messages.flatMap((m) => m.suggestions ?? []).map((s) => s.desc));
    const fixes = [...offered].map((description) => ({
      suggestion: description,
      ...applySuggestions(lint, (suggestions) => suggestions.find((s) => s.desc === description)),
    }));
    return { messages, fixes };
  } catch (error) {
    return { messages: [], fixes: [], error: String((error as Error).stack ?? error) };
  }
}

/**
 * Points the test process's own AWS settings at an empty directory: nothing in it talks to AWS, but should anything
 * load the SDK here, it finds no profile and no IMDS. Returns the function that restores them.
 */
export function isolateTestProcess(): () => void {
  const emptyAwsDir = mkdtempSync(join(tmpdir(), 'aws-credentials-proof-parent-'));
  const saved: Record<string, string | undefined> = {};
  const isolated = {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: join(emptyAwsDir, 'credentials'),
    AWS_CONFIG_FILE: join(emptyAwsDir, 'config'),
  };
  for (const [name, value] of Object.entries(isolated)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(emptyAwsDir, { recursive: true, force: true });
  };
}

/** The output of one suggestion, exactly as an editor applies it: the suggestion's `fix` spliced into the text. */
export function applySuggestion(code: string, suggestion: Linter.LintSuggestion): string {
  const { range, text } = suggestion.fix;
  return code.slice(0, range[0]) + text + code.slice(range[1]);
}

export interface FixStep {
  line: number;
  message: string;
  suggestion: string;
}

/**
 * Applies the suggestion chosen by `pick` to the first report, lints again, and repeats while the rule still reports
 * (a file with three reports needs three suggestions). Returns the fixed code and what was applied.
 */
export function applySuggestions(
  lint: Omit<LintOptions, 'code'> & { code: string },
  pick: (suggestions: Linter.LintSuggestion[]) => Linter.LintSuggestion | undefined,
): { code: string; steps: FixStep[]; remaining: Linter.LintMessage[] } {
  let code = lint.code;
  const steps: FixStep[] = [];
  for (let round = 0; round < 10; round += 1) {
    const messages = lintWithRule({ ...lint, code }).filter((m) => m.ruleId === `aws-credentials/${lint.ruleName}`);
    const message = messages.find((m) => m.suggestions && pick(m.suggestions));
    if (!message) return { code, steps, remaining: messages };
    const suggestion = pick(message.suggestions!)!;
    steps.push({ line: message.line, message: message.message, suggestion: suggestion.desc });
    code = applySuggestion(code, suggestion);
  }
  throw new Error(`${lint.ruleName}: the rule still reports after 10 suggestions`);
}

/** The lines removed (`-`) and added (`+`) between two texts, by longest common subsequence, for the log. */
export function diffLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // common[i][j] = length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      lines.push(`- ${a[i]}`);
      i += 1;
    } else {
      lines.push(`+ ${b[j]}`);
      j += 1;
    }
  }
  return lines;
}

/** TypeScript sources run as the compiler emits them (types erased, ESM kept, top-level await kept). */
function toRunnable(code: string, filename: string): { file: string; text: string } {
  if (!filename.endsWith('.ts')) return { file: filename, text: code };
  const { outputText } = ts.transpileModule(code, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  return { file: filename.replace(/\.ts$/, '.mjs'), text: outputText };
}

/* ------------------------------------------------------------------------------------------------ programs */

export interface CallResult {
  i: number;
  /** Milliseconds since the program's first call was due (wall clock), when this call started. */
  at: number;
  /** How long the call took, credential resolution included. */
  tookMs: number;
  /** Attempts the SDK made (retries included), for successful calls. */
  attempts?: number;
  ok: boolean;
  requestId?: string;
  name?: string;
  message?: string;
  status?: number;
  /** Filled from the stand-in's records: the key that signed the request. */
  accessKeyId?: string;
  /** With a custom `invoke`: what the call resolved to (JSON; strings of more than 200 characters are cut). */
  value?: unknown;
}

export interface ProgramSpec {
  /** Shown in the log. */
  label: string;
  code: string;
  filename: string;
  /**
   * How the rest of the application reaches the S3 client, as a JavaScript expression over `app` (the program's
   * module namespace) and `S3Client`; `app.s3` for the documented examples that export `s3`.
   */
  client: string;
  /** Wall-clock offsets (ms) of the ListObjectsV2 calls, from the first one. */
  schedule: number[];
  /** Also send the credentials the client resolved to STS GetCallerIdentity after the first call. */
  probeSts?: boolean;
  /**
   * What one call of the rest of the application is, as a JavaScript expression over `app`, `client`, `bucket` and
   * `i` (the call's index) that may return a promise: a function the program exports (`app.readReport(key)`), for
   * programs whose requests do not go through the S3 client. Its result is reported as `value`. Default: the
   * client's `ListObjectsV2` of the bucket.
   */
  invoke?: string;
}

export interface Sandbox {
  dir: string;
  standIn: AwsStandIn;
  /** Environment of the program's process (before `deploy` adds to it). */
  env: Record<string, string>;
  /** Writes a file atomically (a reader never sees half of it), as a credentials sidecar would. */
  writeFile(name: string, text: string): string;
  /** Work to stop when the program ends (a rotating sidecar). */
  onStop(stop: () => void): void;
}

export interface ScenarioSetup {
  standIn: AwsStandIn;
  /** A scaled clock the program's `Date` shares with the stand-in: `epoch + (now - epoch) * rate`. */
  clock?: { epoch: number; rate: number };
  /** Prepares files and variables before the process starts. */
  prepare?(sandbox: Sandbox): void;
  /** Runs when the program is about to start (after the SDK is loaded): deploy-time keys go here. */
  deploy?(sandbox: Sandbox): Record<string, string>;
}

export interface ProgramRun {
  label: string;
  calls: CallResult[];
  stsProbe?: { ok: boolean; name?: string; message?: string; status?: number; arn?: string };
  /** STS issues during the run, in order. */
  issued: AwsStandIn['issued'];
  requests: AwsStandIn['requests'];
  /** Real-time milliseconds from the first call due to the end of the last. */
  durationMs: number;
  stderr: string;
  error?: string;
}

/** Loaded with `--import` in every program: refuses non-loopback connections, and scales `Date` when asked. */
const PRELOAD = `
import net from 'node:net';
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  const host = options.host ?? 'localhost';
  if (!options.path && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
    // Fails like a refused connection (an 'error' event), so the SDK reports it as a network error.
    const error = new Error('proof guard: refused a connection to ' + host);
    process.stderr.write(error.message + '\\n');
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};
if (process.env.PROOF_CLOCK_RATE) {
  const RealDate = globalThis.Date;
  const epoch = Number(process.env.PROOF_CLOCK_EPOCH);
  const rate = Number(process.env.PROOF_CLOCK_RATE);
  const now = () => Math.floor(epoch + (RealDate.now() - epoch) * rate);
  globalThis.Date = class ScaledDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(now());
      else super(...args);
    }
    static now() {
      return now();
    }
  };
}
`;

/** The rest of the application: loads the SDK, waits for the deploy step, imports the program and calls S3. */
function driverSource(appFile: string, client: string, invoke: string | undefined): string {
  return `
import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { createInterface } from 'node:readline';

const emit = (event) => process.stdout.write(JSON.stringify(event) + '\\n');

// Warm-up, against a separate stand-in: the SDK loads most of its code on the first call, which would otherwise
// delay the timed calls of every program at once. The providers the default chain loads lazily are loaded too.
// The SDK caches the shared config and credentials files per path for the whole process, so the warm-up reads
// other (absent) paths: the program must find the files as its deploy step leaves them.
if (process.env.PROOF_WARMUP_URL) {
  const files = { AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE: process.env.AWS_SHARED_CREDENTIALS_FILE };
  process.env.AWS_CONFIG_FILE = 'warm-up-config';
  process.env.AWS_SHARED_CREDENTIALS_FILE = 'warm-up-credentials';
  const endpoint = process.env.PROOF_WARMUP_URL;
  const credentials = fromTemporaryCredentials({
    params: { RoleArn: 'arn:aws:iam::123456789012:role/warm-up', RoleSessionName: 'warm-up' },
    masterCredentials: { accessKeyId: process.env.PROOF_WARMUP_KEY_ID, secretAccessKey: process.env.PROOF_WARMUP_SECRET },
    clientConfig: { endpoint, region: 'us-east-1' },
  });
  const warm = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  await warm.send(new ListObjectsV2Command({ Bucket: 'warm-up' }));
  await new STSClient({ endpoint, region: 'us-east-1', credentials }).send(new GetCallerIdentityCommand({}));
  for (const name of ['env', 'ini', 'process', 'web-identity']) {
    await import('@aws-sdk/credential-provider-' + name).catch(() => undefined);
  }
  Object.assign(process.env, files);
}
const lines = createInterface({ input: process.stdin });
const go = new Promise((resolve) => lines.once('line', resolve));
emit({ event: 'ready' });
const { env, schedule, bucket, probeSts } = JSON.parse(await go);
Object.assign(process.env, env);
globalThis.roleArn = process.env.PROOF_ROLE_ARN;

let app;
try {
  app = await import(${JSON.stringify(`./${appFile}`)});
} catch (error) {
  emit({ event: 'crash', message: String(error?.stack ?? error) });
  process.exit(1);
}
const client = ${client};
const t0 = performance.now();
for (const [i, due] of schedule.entries()) {
  while (performance.now() - t0 < due) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, due - (performance.now() - t0))));
  }
  const at = Math.round(performance.now() - t0);
  const took = () => Math.round(performance.now() - t0 - at);
  try {
${
  invoke === undefined
    ? `    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    emit({ event: 'call', i, at, tookMs: took(), ok: true, requestId: out.$metadata.requestId, attempts: out.$metadata.attempts });`
    : `    const value = await (${invoke});
    const cut = (_, v) => (typeof v === 'string' && v.length > 200 ? v.slice(0, 200) + '…' : v);
    emit({ event: 'call', i, at, tookMs: took(), ok: true, value: value === undefined ? undefined : JSON.parse(JSON.stringify(value, cut)) });`
}
  } catch (error) {
    emit({ event: 'call', i, at, tookMs: took(), ok: false, name: error.name, message: error.message, status: error.$metadata?.httpStatusCode, requestId: error.$metadata?.requestId });
  }
  if (i === 0 && probeSts) {
    const identity = await client.config.credentials();
    try {
      const out = await new STSClient({ credentials: identity }).send(new GetCallerIdentityCommand({}));
      emit({ event: 'sts', ok: true, arn: out.Arn });
    } catch (error) {
      emit({ event: 'sts', ok: false, name: error.name, message: error.message, status: error.$metadata?.httpStatusCode });
    }
  }
}
emit({ event: 'done', durationMs: Math.round(performance.now() - t0) });
process.exit(0);
`;
}

/** Runs an ES module in a process with the programs' preload; returns what it printed. */
export async function runWithPreload(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = createSandboxDir('preload');
  try {
    writeFileSync(join(dir, 'preload.mjs'), PRELOAD);
    writeFileSync(join(dir, 'script.mjs'), script);
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(dir, 'preload.mjs')).href, 'script.mjs'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolveCode) => child.on('close', resolveCode));
    return { code, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A temporary directory that resolves the project's `node_modules`, so programs import the installed SDK. */
function createSandboxDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `aws-credentials-proof-${label.replace(/[^a-z0-9]+/gi, '-')}-`));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

interface Started {
  ready: Promise<void>;
  go(): void;
  finished: Promise<ProgramRun>;
}

/** Starts a program's process and resolves `ready` once its SDK is loaded; `go()` then runs the program. */
export function startProgram(program: ProgramSpec, setup: ScenarioSetup, extraEnv: Record<string, string> = {}): Started {
  const dir = createSandboxDir(program.label);
  const { standIn } = setup;
  const stops: Array<() => void> = [];
  const credentialsFile = join(dir, 'credentials');
  const configFile = join(dir, 'config');
  writeFileSync(credentialsFile, '');
  writeFileSync(configFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    AWS_ENDPOINT_URL: standIn.url,
    AWS_REGION: 'us-east-1',
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_CONFIG_FILE: configFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extraEnv,
    ...(setup.clock ? { PROOF_CLOCK_EPOCH: String(setup.clock.epoch), PROOF_CLOCK_RATE: String(setup.clock.rate) } : {}),
  };
  const sandbox: Sandbox = {
    dir,
    standIn,
    env,
    writeFile(name, text) {
      const path = join(dir, name);
      writeFileSync(`${path}.tmp`, text);
      renameSync(`${path}.tmp`, path);
      return path;
    },
    onStop(stop) {
      stops.push(stop);
    },
  };
  setup.prepare?.(sandbox);
  const runnable = toRunnable(program.code, program.filename);
  writeFileSync(join(dir, runnable.file), runnable.text);
  writeFileSync(join(dir, 'driver.mjs'), driverSource(runnable.file, program.client, program.invoke));
  writeFileSync(join(dir, 'preload.mjs'), PRELOAD);

  const child = spawn(process.execPath, ['--import', pathToFileURL(join(dir, 'preload.mjs')).href, 'driver.mjs'], {
    cwd: dir,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const calls: CallResult[] = [];
  let stsProbe: ProgramRun['stsProbe'];
  let durationMs = 0;
  let error: string | undefined;
  let markReady!: () => void;
  const ready = new Promise<void>((resolveReady) => {
    markReady = resolveReady;
  });
  const killTimer = setTimeout(() => {
    error = 'the program did not finish within 45 s';
    child.kill('SIGKILL');
  }, 45_000);
  createInterface({ input: child.stdout }).on('line', (line) => {
    let event: { event: string } & Record<string, unknown>;
    try {
      event = JSON.parse(line) as typeof event;
    } catch {
      stderr += `${line}\n`; // the program's own output
      return;
    }
    if (event.event === 'ready') markReady();
    else if (event.event === 'call') calls.push(event as unknown as CallResult);
    else if (event.event === 'sts') stsProbe = event as unknown as ProgramRun['stsProbe'];
    else if (event.event === 'crash') error = String(event.message);
    else if (event.event === 'done') durationMs = Number(event.durationMs);
  });
  const finished = new Promise<ProgramRun>((resolveRun) => {
    child.on('close', (code) => {
      clearTimeout(killTimer);
      markReady();
      for (const stop of stops) stop();
      if (code !== 0 && !error) error = `the program exited with code ${code}: ${stderr}`;
      rmSync(dir, { recursive: true, force: true });
      const s3Requests = new Map(standIn.requests.filter((r) => r.service === 's3').map((r) => [r.requestId, r]));
      for (const call of calls) call.accessKeyId = call.requestId ? s3Requests.get(call.requestId)?.accessKeyId : undefined;
      resolveRun({
        label: program.label,
        calls,
        stsProbe,
        issued: [...standIn.issued],
        requests: [...standIn.requests],
        durationMs,
        stderr,
        error,
      });
    });
  });
  return {
    ready,
    go() {
      const deployEnv = setup.deploy?.(sandbox) ?? {};
      child.stdin.write(
        `${JSON.stringify({ env: deployEnv, schedule: program.schedule, bucket: 'proof-reports', probeSts: program.probeSts ?? false })}\n`,
      );
    },
    finished,
  };
}

/**
 * Runs programs side by side: every process loads the SDK first, and all start their calls together once all are
 * loaded, so that loading (the only CPU-heavy part) does not delay anyone's timed calls.
 */
export async function runTogether(entries: Array<{ program: ProgramSpec; setup: ScenarioSetup }>): Promise<ProgramRun[]> {
  const warmUp = await new AwsStandIn({ lifetimeMs: 3_600_000 }).start();
  try {
    const keys = warmUp.createUser('warm-up');
    const warmUpEnv = {
      PROOF_WARMUP_URL: warmUp.url,
      PROOF_WARMUP_KEY_ID: keys.accessKeyId,
      PROOF_WARMUP_SECRET: keys.secretAccessKey,
    };
    const started = entries.map(({ program, setup }) => startProgram(program, setup, warmUpEnv));
    await Promise.all(started.map((s) => s.ready));
    // Started a little apart, so that their first calls (the SDK's most expensive) do not all compete for the CPU.
    for (const s of started) {
      s.go();
      await new Promise((resolveLater) => setTimeout(resolveLater, GO_INTERVAL_MS));
    }
    return await Promise.all(started.map((s) => s.finished));
  } finally {
    await warmUp.stop();
  }
}

/* ------------------------------------------------------------------------------------------------ logging */

/** One line per call: when, the answer, and the key that signed it (and which session issued that key). */
export function describeCall(call: CallResult, sessions: AwsStandIn['issued']): string {
  const time = `+${(call.at / 1000).toFixed(2)}s`.padStart(7);
  const index = sessions.findIndex((s) => s.accessKeyId === call.accessKeyId);
  const session = index >= 0 ? ` (session ${index + 1})` : '';
  const signer = call.accessKeyId ? ` signed with ${redact(call.accessKeyId)}${session}` : '';
  const slow = call.tookMs >= 250 ? ` [took ${call.tookMs} ms${call.attempts && call.attempts > 1 ? `, ${call.attempts} attempts` : ''}]` : '';
  if (call.ok) return `${time} ListObjectsV2 → 200 OK${signer}${slow}`;
  const status = call.status === undefined ? '' : `${call.status} `;
  return `${time} ListObjectsV2 → ${status}${call.name}: ${call.message}${signer}${slow}`;
}

/**
 * The call lines. In a long run of the same answer, only the calls signed with a new key are shown (and the last
 * one); if that is still too many, the run is shortened to its first two and last calls.
 */
export function describeCalls(
  calls: CallResult[],
  sessions: AwsStandIn['issued'],
  suffix: (call: CallResult) => string,
): string[] {
  const lines: string[] = [];
  const show = (call: CallResult) => lines.push(describeCall(call, sessions) + suffix(call));
  const skipped = (count: number, what: string) => {
    if (count > 0) lines.push(`         … ${count} more call${count === 1 ? '' : 's'}, ${what}`);
  };
  let start = 0;
  while (start < calls.length) {
    let end = start;
    while (end + 1 < calls.length && calls[end + 1]!.ok === calls[start]!.ok && calls[end + 1]!.name === calls[start]!.name) {
      end += 1;
    }
    const group = calls.slice(start, end + 1);
    const newKey = group.filter((call, k) => k === 0 || call.accessKeyId !== group[k - 1]!.accessKeyId);
    if (group.length <= 5) {
      group.forEach(show);
    } else if (newKey.length <= 12) {
      let hidden = 0;
      group.forEach((call, k) => {
        if (newKey.includes(call) || k === group.length - 1) {
          skipped(hidden, 'same answer, same key');
          hidden = 0;
          show(call);
        } else {
          hidden += 1;
        }
      });
    } else {
      group.slice(0, 2).forEach(show);
      const hidden = group.slice(2, -1);
      const keys = distinctKeys(hidden).length;
      skipped(hidden.length, `same answer, ${keys === hidden.length ? 'each signed with a new key' : `signed with ${keys} different keys`}`);
      show(group.at(-1)!);
    }
    start = end + 1;
  }
  return lines;
}

export function distinctKeys(calls: CallResult[]): string[] {
  return [...new Set(calls.map((c) => c.accessKeyId).filter((k): k is string => k !== undefined))];
}
