/**
 * No secret printed: fixtures holding known fake credentials (static credentials, STS flows, logging calls, env
 * writes, ini text in templates, v2 config, a file that does not parse) are linted by the CLI with every rule, in
 * the stylish, JSON and SARIF formats, and by `Linter` with every rule wrapped so that the `data` of each report
 * and suggestion is recorded. No output, message, suggestion description or `data` value may hold a whole
 * credential, nor any 12-character run of one: masking shows at most the first 4 and the last 4 characters.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

import { createLintConfig, main, type OutputStream } from '../../src/cli/main.js';
import plugin from '../../src/index.js';

/**
 * Fake credentials of the real shapes, assembled from pieces so that no scanner flags this file. None contains
 * EXAMPLE, test, fake or dummy (the placeholders the rules skip): they must be reported like real ones.
 */
const KEY_ID = ['AK', 'IA', 'R5TQ2M7ZK3W4XNPB'].join('');
const TEMPORARY_KEY_ID = ['AS', 'IA', 'Z6HK4V2NQ7R3TLWD'].join('');
const SECRET_KEY = ['Jq8vR2+xLm4N', 'p7/Tz1Kc9Wb3H', 's6Yd0Fg5Ua8Ve2Q'].join('');
const TEMPORARY_SECRET_KEY = ['Wk3/Hn8Rq2Zt', 'Lp6+Vx9Cm1Bs4', 'Gd7Jy0Fh5Nu2Ka8'].join('');
const SESSION_TOKEN = createSessionToken(300);

const CREDENTIALS = {
  'key ID': KEY_ID,
  'temporary key ID': TEMPORARY_KEY_ID,
  'secret key': SECRET_KEY,
  'temporary secret key': TEMPORARY_SECRET_KEY,
  'session token': SESSION_TOKEN,
};
/** The longest part of a credential a report may show: first 4 + last 4 characters, never 12 in a row. */
const LEAK_LENGTH = 12;

/** A session token of `length` characters: the usual STS prefix, then base64 from a fixed-seed generator. */
function createSessionToken(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let state = 0x2f_6b_1d_93;
  let token = ['IQoJb3Jp', 'Z2luX2Vj'].join('');
  while (token.length < length) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const candidate = token + alphabet.charAt((state >>> 8) % alphabet.length);
    // Never spell a placeholder word by chance.
    if (!/test|fake|dummy|example/i.test(candidate.slice(-7))) token = candidate;
  }
  return token;
}

const FIXTURES: Record<string, string> = {
  // Static credentials in a v3 client, with a session token.
  'src/static-client.mjs': `
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: {
    accessKeyId: '${TEMPORARY_KEY_ID}',
    secretAccessKey: '${TEMPORARY_SECRET_KEY}',
    sessionToken: '${SESSION_TOKEN}',
  },
});
`,
  // An STS flow whose keys are copied into a client and logged.
  'src/assume-role.ts': `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';

const sts = new STSClient({ credentials: { accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET_KEY}' } });

export async function handler() {
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/reports', RoleSessionName: 'reports', DurationSeconds: 50000 }),
  );
  console.log('assumed role', Credentials!.SecretAccessKey, Credentials!.SessionToken);
  return new S3Client({
    credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey! },
  });
}
`,
  // Logging calls with literal secrets and whole credential objects.
  'src/logging.js': `
import { fromIni } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';

const credentials = { accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET_KEY}', sessionToken: '${SESSION_TOKEN}' };
const client = new S3Client({ credentials });
console.log('credentials', credentials);
console.info(\`secret=${SECRET_KEY} token=${SESSION_TOKEN}\`);
const resolved = await fromIni({ profile: 'reports' })();
console.debug({ secretAccessKey: '${SECRET_KEY}', resolved });
export { client };
`,
  // Environment writes, in this process and a child's.
  'scripts/env.cjs': `
const { spawn } = require('node:child_process');
const { S3Client } = require('@aws-sdk/client-s3');

process.env.AWS_ACCESS_KEY_ID = '${KEY_ID}';
process.env['AWS_SECRET_ACCESS_KEY'] = '${SECRET_KEY}';
Object.assign(process.env, { AWS_SESSION_TOKEN: '${SESSION_TOKEN}' });
spawn('aws', ['s3', 'ls'], {
  env: { ...process.env, AWS_ACCESS_KEY_ID: '${TEMPORARY_KEY_ID}', AWS_SECRET_ACCESS_KEY: '${TEMPORARY_SECRET_KEY}' },
});
module.exports = new S3Client({});
`,
  // Credentials file and .env text in templates.
  'src/ini.ts': `
import { writeFileSync } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';

const ini = \`[default]
aws_access_key_id = ${KEY_ID}
aws_secret_access_key = ${SECRET_KEY}
aws_session_token = ${SESSION_TOKEN}
\`;
writeFileSync('/tmp/credentials', ini);
const dotenv = 'AWS_SECRET_ACCESS_KEY=${TEMPORARY_SECRET_KEY}\\nAWS_SESSION_TOKEN=${SESSION_TOKEN}';
export const client = new S3Client({ region: dotenv.length > 0 ? 'eu-west-1' : 'us-east-1' });
`,
  // v2 global config and Credentials.
  'src/legacy.js': `
const AWS = require('aws-sdk');

AWS.config.update({ accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET_KEY}', sessionToken: '${SESSION_TOKEN}' });
AWS.config.credentials = new AWS.Credentials('${TEMPORARY_KEY_ID}', '${TEMPORARY_SECRET_KEY}', '${SESSION_TOKEN}');
module.exports = new AWS.S3({ accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET_KEY}' });
`,
  // A parse error right at the credentials: the parser's message must not quote them.
  'src/broken.ts': `
import { S3Client } from '@aws-sdk/client-s3';
export const client = new S3Client({ credentials: { accessKeyId: ${KEY_ID} ${SECRET_KEY} } });
`,
  'src/broken.js': `
const key = ${SESSION_TOKEN} ${TEMPORARY_KEY_ID};
`,
};

/** Every place in `text` where a credential, or a `LEAK_LENGTH` run of one, appears. */
function findLeaks(text: string): string[] {
  const leaks: string[] = [];
  for (const [name, value] of Object.entries(CREDENTIALS)) {
    if (text.includes(value)) {
      leaks.push(`the whole ${name}`);
      continue;
    }
    for (let start = 0; start + LEAK_LENGTH <= value.length; start++) {
      const run = value.slice(start, start + LEAK_LENGTH);
      if (text.includes(run)) {
        leaks.push(`${LEAK_LENGTH} characters of the ${name} (${run.slice(0, 2)}… at offset ${start})`);
        break;
      }
    }
  }
  return leaks;
}

/**
 * Like `findLeaks`, for a JSON report: each leak with the path of the value that holds it
 * (e.g. `[3].messages[0].suggestions[1].fix.text: the whole secret key`), so that a failure says where to look.
 */
function findLeaksInJson(text: string): string[] {
  const leaks: string[] = [];
  const walk = (value: unknown, where: string): void => {
    if (typeof value === 'string') {
      for (const leak of findLeaks(value)) leaks.push(`${where}: ${leak}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${where}[${index}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, `${where}.${key}`);
    }
  };
  walk(JSON.parse(text), '');
  // Whatever the walk missed (keys, or a leak split across values) still fails on the raw text.
  return leaks.length > 0 ? leaks : findLeaks(text);
}

class Capture implements OutputStream {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'aws-credentials-secrets-'));
  for (const [file, content] of Object.entries(FIXTURES)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content.slice(1));
  }
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('no secret printed', () => {
  it('the fake credentials have the shapes the rules look for', () => {
    expect(KEY_ID).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(TEMPORARY_KEY_ID).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(SECRET_KEY).toMatch(/^[\d+/a-z]{40}$/i);
    expect(TEMPORARY_SECRET_KEY).toMatch(/^[\d+/a-z]{40}$/i);
    expect(SESSION_TOKEN).toMatch(/^[\d+/a-z]{300}$/i);
    for (const value of Object.values(CREDENTIALS)) expect(value).not.toMatch(/example|test|fake|dummy/i);
  });

  it.each(['stylish', 'json', 'sarif'])('the CLI output in %s format', async (format) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await main(['--config', 'all', '--format', format], { cwd: root, stdout, stderr });
    expect(code).toBe(1);
    expect(format === 'stylish' ? findLeaks(stdout.text) : findLeaksInJson(stdout.text)).toEqual([]);
    expect(findLeaks(stderr.text)).toEqual([]);
    // Not vacuous: every fixture is in the report, and the credentials are reported, masked.
    for (const file of Object.keys(FIXTURES)) expect(stdout.text).toContain(path.basename(file));
    for (const value of [KEY_ID, SECRET_KEY, SESSION_TOKEN]) expect(stdout.text).toContain(`${value.slice(0, 4)}…${value.slice(-4)}`);
  });

  it('--output-file writes no secret either', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await main(['--config', 'all', '--format', 'json', '--output-file', 'out/report.json', 'src', 'scripts'], {
      cwd: root,
      stdout,
      stderr,
    });
    expect(code).toBe(1);
    const report = readFileSync(path.join(root, 'out/report.json'), 'utf8');
    expect(report.length).toBeGreaterThan(0);
    expect(findLeaksInJson(report)).toEqual([]);
    expect(findLeaks(stdout.text + stderr.text)).toEqual([]);
  });

  it('every message, suggestion and data value of every rule, through Linter', () => {
    const recorded: { ruleId: string; field: string; text: string }[] = [];
    const record = (ruleId: string, field: string, value: unknown): void => {
      recorded.push({ ruleId, field, text: typeof value === 'string' ? value : JSON.stringify(value) ?? String(value) });
    };
    const wrappedRules = Object.fromEntries(
      Object.entries(plugin.rules).map(([name, rule]) => [name, recordReports(rule, (data, field) => record(name, field, data))]),
    );
    const config = createLintConfig('all').map((entry) =>
      entry.plugins?.['aws-credentials'] === undefined
        ? entry
        : { ...entry, plugins: { 'aws-credentials': { ...plugin, rules: wrappedRules } } },
    );
    const linter = new Linter({ configType: 'flat' });
    const firedRules = new Set<string>();
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!Object.hasOwn(FIXTURES, file.split(path.sep).join('/'))) continue;
      const messages = linter.verify(readFileSync(path.join(root, file), "utf8"), config as Linter.Config[], file);
      for (const message of messages) {
        if (message.ruleId !== null) firedRules.add(message.ruleId);
        record(message.ruleId ?? 'parser', 'message', message.message);
        for (const suggestion of message.suggestions ?? []) record(message.ruleId ?? 'parser', 'suggestion', suggestion.desc);
      }
    }
    const leaks = recorded.flatMap(({ ruleId, field, text }) =>
      findLeaks(text).map((leak) => `${ruleId} ${field}: ${leak}: ${text.slice(0, 120)}`),
    );
    expect(leaks).toEqual([]);
    // Not vacuous: reports with data were recorded, and most rules fired on these fixtures.
    expect(recorded.some(({ field }) => field === 'data')).toBe(true);
    expect(firedRules.size).toBeGreaterThanOrEqual(Math.min(5, Object.keys(plugin.rules).length));
  });
});

type AnyRule = TSESLint.RuleModule<string, readonly unknown[]>;

/** The rule, with `context.report` recording the `data` of each report and of each of its suggestions. */
function recordReports(rule: AnyRule, onData: (data: unknown, field: string) => void): AnyRule {
  return {
    ...rule,
    create(context) {
      const recordingContext = Object.create(context, {
        report: {
          value(descriptor: TSESLint.ReportDescriptor<string>) {
            if (descriptor.data !== undefined) onData(descriptor.data, 'data');
            for (const suggestion of descriptor.suggest ?? []) {
              if (suggestion.data !== undefined) onData(suggestion.data, 'suggestion data');
            }
            context.report(descriptor);
          },
        },
      }) as typeof context;
      return rule.create(recordingContext);
    },
  };
}
