import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/require-refresh-margin.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

// `TestLanguageOptions` omits `sourceType`, which the tester passes on to ESLint all the same.
const commonjs = { sourceType: 'commonjs' } as TestLanguageOptions;
const atExpiry = { margin: '0', minimum: '300000' };

ruleTester.run('require-refresh-margin', rule, {
  valid: [
    // Test files are skipped by default: their dummy keys for mocks and emulators never expire.
    {
      code: `
let credentials = await getCredentials();
if (Date.now() >= credentials.expiration.getTime()) credentials = await getCredentials();
      `,
      filename: 'src/__tests__/upload.test.ts',
    },
    {
      code: `
let credentials = await getCredentials();
if (Date.now() >= credentials.expiration.getTime()) credentials = await getCredentials();
      `,
      filename: 'tests/setup.ts',
    },
    // Expired credentials given a new lease from themselves (the SDK's instance-metadata static stability): nothing
    // is fetched, so there is nothing to refresh early.
    `
export function withStaticStability(provider) {
  return async () => {
    let credentials = await provider();
    if (credentials.expiration && credentials.expiration.getTime() < Date.now()) {
      credentials = getExtendedInstanceMetadataCredentials(credentials, logger);
    }
    return credentials;
  };
}
    `,
    // Margins of 5 minutes or more, spelled in several ways.
    `
let credentials = await getCredentials();
if (Date.now() >= credentials.expiration.getTime() - 5 * 60 * 1000) refresh();
if (credentials.expiration.getTime() - Date.now() < 300_000) refresh();
if (Date.now() + 10 * 60_000 > credentials.expiration.getTime()) refresh();
    `,
    `
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
const creds = await loadCreds();
if (creds.Expiration.getTime() - REFRESH_MARGIN_MS <= Date.now()) refresh();
setTimeout(refresh, creds.Expiration.getTime() - Date.now() - REFRESH_MARGIN_MS);
setTimeout(refresh, Math.max(0, creds.Expiration.getTime() - Date.now() - 15 * 60_000));
    `,
    // A margin the file does not spell out stays unknown.
    `
function isFresh(credentials, marginMs) {
  return credentials.expiration.getTime() - Date.now() > marginMs;
}
setTimeout(refresh, (credentials.expiration.getTime() - Date.now()) * 0.8);
    `,
    // Look-alike expiries that are not AWS credentials: a token, a JWT, a cache entry, a session, a lease.
    `
if (token.expiresAt < Date.now()) refreshToken();
if (jwt.exp * 1000 <= Date.now()) reject();
if (cacheEntry.expiry <= Date.now()) cache.delete(key);
if (session.expires < new Date()) logout();
if (session.expiration < new Date()) logout();
setTimeout(renewLease, lease.expireTime.getTime() - Date.now());
    `,
    // Seconds-based comparisons are out of scope.
    `
if (credentials.expiration.getTime() / 1000 <= Date.now() / 1000) refresh();
if (Math.floor(Date.now() / 1000) >= creds.expireTime) refresh();
    `,
    // Rejecting expired credentials, and assertions, are checks, not refresh schedules.
    `
if (Date.now() >= credentials.expiration.getTime()) throw new Error('expired credentials');
if (!creds || creds.Expiration <= new Date()) {
  throw new Error('no valid credentials');
}
assert(credentials.expiration > new Date());
expect(credentials.expiration.getTime() > Date.now()).toBe(true);
    `,
    // Two expiries, or no current time, are not a refresh check.
    `
if (a.credentials.Expiration < b.credentials.Expiration) swap();
if (credentials.expiration.getTime() < deadline) refresh();
    `,
    // A variable written twice stays unknown.
    `
let now = Date.now();
now = clock.now();
if (credentials.expiration.getTime() <= now) refresh();
    `,
    // `fromNodeProviderChain` from another module is not the SDK's.
    `
import { fromNodeProviderChain } from './providers.js';
const identity = await fromNodeProviderChain()();
if (identity.expiration.getTime() <= Date.now()) refresh();
    `,
    // An SDK response whose `Expiration` is not a credential's (S3 lifecycle expiry).
    `
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
const head = await new S3Client({}).send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
if (head.Expiration && Date.now() >= Date.parse(head.Expiration)) archive(key);
    `,
    // `expiresAt` counts only on an object that holds an access key ID; this one does not.
    `
const entry = { value: body, expiresAt: Date.now() + 60_000 };
if (entry.expiresAt <= Date.now()) evict();
    `,
    // A lower minimum accepts a one-minute margin.
    {
      code: `
if (credentials.expiration.getTime() - Date.now() < 60_000) refresh();
      `,
      options: [{ minimumMarginMs: 60_000 }],
    },
    // A helper method with a 5-minute margin kept.
    `
export class SessionPool {
  constructor() {
    this.sessions = new Map();
  }
  isValid(s) {
    return s !== undefined && s.expiration.getTime() - 5 * 60_000 > Date.now();
  }
  async get(roleArn) {
    const existing = this.sessions.get(roleArn);
    if (this.isValid(existing)) return existing;
    const c = await assume(roleArn);
    const session = { accessKeyId: c.id, secretAccessKey: c.secret, sessionToken: c.token, expiration: c.expiry };
    this.sessions.set(roleArn, session);
    return session;
  }
}
    `,
    // A precomputed `refreshAt` (the margin is subtracted when it is stored) is not an expiry.
    `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const TEN_MINUTES_MS = 10 * 60_000;
const sts = new STSClient({});
const entries = new Map();
export async function credentialsForAccount(accountId) {
  const entry = entries.get(accountId);
  if (entry && Date.now() < entry.refreshAt) return entry.credentials;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'audit' }));
  entries.set(accountId, { credentials: Credentials, refreshAt: Credentials.Expiration.getTime() - TEN_MINUTES_MS });
  return Credentials;
}
    `,
    // A GitHub installation token's `expiresAt` and a JWT's `exp`: nothing in the file holds AWS credentials.
    `
let installationToken;
export async function githubToken(installationId) {
  if (installationToken && new Date(installationToken.expiresAt) > new Date()) {
    return installationToken.token;
  }
  const res = await fetch(\`https://api.github.com/app/installations/\${installationId}/access_tokens\`, { method: 'POST' });
  installationToken = await res.json();
  return installationToken.token;
}
export const isJwtFresh = (claims) => claims.exp * 1000 > Date.now();
    `,
    // An HTTP response cache's `expiration`, in a file with no AWS code.
    `
const responses = new Map();
export async function cachedFetch(url) {
  const hit = responses.get(url);
  if (hit && hit.expiration > Date.now()) return hit.body;
  const body = await (await fetch(url)).text();
  responses.set(url, { body, expiration: Date.now() + 60_000 });
  return body;
}
    `,
    // The same in a file that uses the SDK: the cached entries hold no credential keys.
    `
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({});
const responses = new Map();
export function cachedBody(url) {
  const hit = responses.get(url);
  return hit && Date.parse(hit.expiration) > Date.now() ? hit.body : undefined;
}
export function remember(url, body) {
  responses.set(url, { body, expiration: new Date(Date.now() + 60_000).toISOString() });
}
    `,
    // A cache's expiry name (`expiresAt`) on a `session` counts only with credential keys, even in an SDK file.
    `
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({});
let session = await loadSession();
if (session.expiresAt <= Date.now()) session = await loadSession();
    `,
    // A helper whose callers pass user sessions (no credential keys, no AWS code).
    `
export class Sessions {
  constructor() {
    this.byUser = new Map();
  }
  isValid(s) {
    return s !== undefined && s.expiration > new Date();
  }
  get(userId) {
    const existing = this.byUser.get(userId);
    return this.isValid(existing) ? existing : undefined;
  }
  add(userId) {
    this.byUser.set(userId, { userId, expiration: new Date(Date.now() + 3_600_000) });
  }
}
    `,
    // The shapes above with a margin of 5 minutes or more.
    `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const MARGIN_MS = 5 * 60_000;
const sts = new STSClient({});
const byRole = new Map();
export async function credentialsFor(roleArn) {
  const hit = byRole.get(roleArn);
  if (hit && hit.Expiration.getTime() - MARGIN_MS > Date.now()) return hit;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'app' }));
  byRole.set(roleArn, Credentials);
  return Credentials;
}
    `,
    `
let current;
function vend() {
  if (current && Date.now() + 5 * 60_000 < Date.parse(current.Expiration)) return current;
  current = JSON.parse(execFileSync('/opt/bin/vend').toString());
  return current;
}
export const provider = async () => {
  const c = vend();
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
};
    `,
    `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
async function deployRole() {
  const c = await readFile(CACHE_FILE, 'utf8').then(JSON.parse, () => null);
  if (c && new Date(c.Expiration) > new Date(Date.now() + 10 * 60_000)) return c;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'deploy' }));
  await writeFile(CACHE_FILE, JSON.stringify(Credentials));
  return Credentials;
}
    `,
    `
import { fromIni } from '@aws-sdk/credential-providers';
const MARGIN_MS = 5 * 60_000;
const fresh = (c) => Date.now() < Date.parse(c.expiration) - MARGIN_MS;
const usable = (c) => c.expiration.getTime() - Date.now() > MARGIN_MS;
function expired(identity) {
  return identity.expiration.valueOf() - Date.now() <= MARGIN_MS;
}
const identity = await fromIni({ profile: 'ops' })();
if (expired(identity) || !fresh(identity) || !usable(identity)) reload();
    `,
    `
export class KeyCache {
  cache = new Map();
  isStale = (entry) => Number(entry.expiresAt) - 5 * 60_000 <= Date.now();
  read(key) {
    const entry = this.cache.get(key);
    return entry && !this.isStale(entry) ? entry : undefined;
  }
  write(key, keys) {
    this.cache.set(key, { accessKeyId: keys.id, secretAccessKey: keys.secret, expiresAt: keys.until });
  }
}
    `,
    `
const creds = await loadCreds();
if (+new Date() + 5 * 60_000 >= +creds.Expiration) refresh();
if (new Date().getTime() >= new Date(creds.Expiration).getTime() - 5 * 60_000) refresh();
    `,
  ],
  invalid: [
    {
      // `checkTestFiles` turns the rule on in test files.
      code: `
let credentials = await getCredentials();
if (Date.now() >= credentials.expiration.getTime()) credentials = await getCredentials();
      `,
      filename: 'src/__tests__/upload.test.ts',
      options: [{ checkTestFiles: true }],
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'credentials.expiration', ...atExpiry },
          line: 3, column: 5, endLine: 3, endColumn: 51,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
let credentials = await getCredentials();
if (Date.now() >= credentials.expiration.getTime() - 5 * 60_000) credentials = await getCredentials();
      `,
            },
          ],
        },
      ],
    },
    {
      code: `
let credentials = await getCredentials();
if (Date.now() >= credentials.expiration.getTime()) {
  credentials = await getCredentials();
}
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'credentials.expiration', ...atExpiry },
          line: 3, column: 5, endLine: 3, endColumn: 51,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
let credentials = await getCredentials();
if (Date.now() >= credentials.expiration.getTime() - 5 * 60_000) {
  credentials = await getCredentials();
}
      `,
            },
          ],
        },
      ],
    },
    // Comparing `Date`s: "now" moves forward and stays a `Date`.
    {
      code: `
if (!cached || cached.credentials.Expiration <= new Date()) refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'cached.credentials.Expiration', ...atExpiry },
          line: 2, column: 16, endLine: 2, endColumn: 59,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
if (!cached || cached.credentials.Expiration <= new Date(Date.now() + 5 * 60_000)) refresh();
      `,
            },
          ],
        },
      ],
    },
    // The time left compared with 0, then with a too-small constant: the constant is replaced.
    {
      code: `
const creds = await loadCreds();
if (creds.expiration.getTime() - Date.now() <= 0) refresh();
if (creds.expiration.getTime() - Date.now() < 60_000) refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'creds.expiration', ...atExpiry },
          line: 3, column: 5, endLine: 3, endColumn: 49,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const creds = await loadCreds();
if (creds.expiration.getTime() - Date.now() <= 5 * 60_000) refresh();
if (creds.expiration.getTime() - Date.now() < 60_000) refresh();
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'creds.expiration', margin: '60000', minimum: '300000' },
          line: 4, column: 5, endLine: 4, endColumn: 53,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const creds = await loadCreds();
if (creds.expiration.getTime() - Date.now() <= 0) refresh();
if (creds.expiration.getTime() - Date.now() < 5 * 60_000) refresh();
      `,
            },
          ],
        },
      ],
    },
    // v2: `expireTime` destructured from the global credentials, compared with a `Date.now()` alias.
    {
      code: `
const now = Date.now();
const { expireTime } = AWS.config.credentials;
if (expireTime < now) AWS.config.credentials.refresh(done);
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'expireTime', ...atExpiry },
          line: 4, column: 5, endLine: 4, endColumn: 21,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const now = Date.now();
const { expireTime } = AWS.config.credentials;
if (expireTime < now + 5 * 60_000) AWS.config.credentials.refresh(done);
      `,
            },
          ],
        },
      ],
    },
    // Either operand order, a "still valid" check, and a margin in a named constant below the minimum.
    {
      code: `
const ONE_MINUTE = 60 * 1000;
const creds = await loadCreds();
if (creds.expiration.getTime() > Date.now()) use(creds);
if (Date.now() + ONE_MINUTE < creds.expiration.getTime()) use(creds);
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'creds.expiration', ...atExpiry },
          line: 4, column: 5, endLine: 4, endColumn: 44,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const ONE_MINUTE = 60 * 1000;
const creds = await loadCreds();
if (creds.expiration.getTime() - 5 * 60_000 > Date.now()) use(creds);
if (Date.now() + ONE_MINUTE < creds.expiration.getTime()) use(creds);
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'creds.expiration', margin: '60000', minimum: '300000' },
          line: 5, column: 5, endLine: 5, endColumn: 57,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const ONE_MINUTE = 60 * 1000;
const creds = await loadCreds();
if (creds.expiration.getTime() > Date.now()) use(creds);
if (Date.now() + 5 * 60_000 < creds.expiration.getTime()) use(creds);
      `,
            },
          ],
        },
      ],
    },
    // `valueOf()`, unary `+`, `Number(…)`, `Date.parse(…)`, `new Date(…).getTime()`.
    {
      code: `
if (credentials.Expiration.valueOf() <= Date.now()) refresh();
if (+credentials.Expiration <= Date.now()) refresh();
if (Date.now() >= Number(credentials.Expiration)) refresh();
if (Date.parse(credentials.Expiration) <= Date.now()) refresh();
if (new Date(credentials.Expiration).getTime() <= new Date().getTime()) refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'credentials.Expiration', ...atExpiry },
          line: 2, column: 5, endLine: 2, endColumn: 51,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
if (credentials.Expiration.valueOf() - 5 * 60_000 <= Date.now()) refresh();
if (+credentials.Expiration <= Date.now()) refresh();
if (Date.now() >= Number(credentials.Expiration)) refresh();
if (Date.parse(credentials.Expiration) <= Date.now()) refresh();
if (new Date(credentials.Expiration).getTime() <= new Date().getTime()) refresh();
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'credentials.Expiration', ...atExpiry },
          line: 3, column: 5, endLine: 3, endColumn: 42,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
if (credentials.Expiration.valueOf() <= Date.now()) refresh();
if (+credentials.Expiration - 5 * 60_000 <= Date.now()) refresh();
if (Date.now() >= Number(credentials.Expiration)) refresh();
if (Date.parse(credentials.Expiration) <= Date.now()) refresh();
if (new Date(credentials.Expiration).getTime() <= new Date().getTime()) refresh();
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'credentials.Expiration', ...atExpiry },
          line: 4, column: 5, endLine: 4, endColumn: 49,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
if (credentials.Expiration.valueOf() <= Date.now()) refresh();
if (+credentials.Expiration <= Date.now()) refresh();
if (Date.now() >= Number(credentials.Expiration) - 5 * 60_000) refresh();
if (Date.parse(credentials.Expiration) <= Date.now()) refresh();
if (new Date(credentials.Expiration).getTime() <= new Date().getTime()) refresh();
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'credentials.Expiration', ...atExpiry },
          line: 5, column: 5, endLine: 5, endColumn: 53,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
if (credentials.Expiration.valueOf() <= Date.now()) refresh();
if (+credentials.Expiration <= Date.now()) refresh();
if (Date.now() >= Number(credentials.Expiration)) refresh();
if (Date.parse(credentials.Expiration) - 5 * 60_000 <= Date.now()) refresh();
if (new Date(credentials.Expiration).getTime() <= new Date().getTime()) refresh();
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'credentials.Expiration', ...atExpiry },
          line: 6, column: 5, endLine: 6, endColumn: 71,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
if (credentials.Expiration.valueOf() <= Date.now()) refresh();
if (+credentials.Expiration <= Date.now()) refresh();
if (Date.now() >= Number(credentials.Expiration)) refresh();
if (Date.parse(credentials.Expiration) <= Date.now()) refresh();
if (new Date(credentials.Expiration).getTime() - 5 * 60_000 <= new Date().getTime()) refresh();
      `,
            },
          ],
        },
      ],
    },
    // `Date.now` aliases: the function itself, an arrow, a local function, a `Date` held in a constant.
    {
      code: `
const now = Date.now;
const clock = () => Date.now();
function currentTime() {
  return Date.now();
}
const startedAt = new Date();
if (creds.expiration.getTime() <= now()) refresh();
if (clock() >= creds.expiration.getTime()) refresh();
if (creds.expiration.getTime() - currentTime() < 1000) refresh();
if (creds.expiration < startedAt) refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'creds.expiration', ...atExpiry },
          line: 8, column: 5, endLine: 8, endColumn: 40,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const now = Date.now;
const clock = () => Date.now();
function currentTime() {
  return Date.now();
}
const startedAt = new Date();
if (creds.expiration.getTime() - 5 * 60_000 <= now()) refresh();
if (clock() >= creds.expiration.getTime()) refresh();
if (creds.expiration.getTime() - currentTime() < 1000) refresh();
if (creds.expiration < startedAt) refresh();
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'creds.expiration', ...atExpiry },
          line: 9, column: 5, endLine: 9, endColumn: 42,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const now = Date.now;
const clock = () => Date.now();
function currentTime() {
  return Date.now();
}
const startedAt = new Date();
if (creds.expiration.getTime() <= now()) refresh();
if (clock() >= creds.expiration.getTime() - 5 * 60_000) refresh();
if (creds.expiration.getTime() - currentTime() < 1000) refresh();
if (creds.expiration < startedAt) refresh();
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'creds.expiration', margin: '1000', minimum: '300000' },
          line: 10, column: 5, endLine: 10, endColumn: 54,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const now = Date.now;
const clock = () => Date.now();
function currentTime() {
  return Date.now();
}
const startedAt = new Date();
if (creds.expiration.getTime() <= now()) refresh();
if (clock() >= creds.expiration.getTime()) refresh();
if (creds.expiration.getTime() - currentTime() < 5 * 60_000) refresh();
if (creds.expiration < startedAt) refresh();
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'creds.expiration', ...atExpiry },
          line: 11, column: 5, endLine: 11, endColumn: 33,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const now = Date.now;
const clock = () => Date.now();
function currentTime() {
  return Date.now();
}
const startedAt = new Date();
if (creds.expiration.getTime() <= now()) refresh();
if (clock() >= creds.expiration.getTime()) refresh();
if (creds.expiration.getTime() - currentTime() < 1000) refresh();
if (creds.expiration < new Date(startedAt.getTime() + 5 * 60_000)) refresh();
      `,
            },
          ],
        },
      ],
    },
    // The time left held in a variable: the comparison's own constant is replaced.
    {
      code: `
const remaining = credentials.expiration.getTime() - Date.now();
if (remaining < 30_000) await refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'credentials.expiration', margin: '30000', minimum: '300000' },
          line: 3, column: 5, endLine: 3, endColumn: 23,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const remaining = credentials.expiration.getTime() - Date.now();
if (remaining < 5 * 60_000) await refresh();
      `,
            },
          ],
        },
      ],
    },
    // A grace period after expiry (a negative margin) has no constant to replace safely.
    {
      code: `
if (Date.now() - 1000 >= credentials.expiration.getTime()) refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'credentials.expiration', margin: '-1000', minimum: '300000' },
          line: 2, column: 5, endLine: 2, endColumn: 58,
          suggestions: [],
        },
      ],
    },
    // Timers scheduled at expiry, or with a small margin.
    {
      code: `
setTimeout(refresh, credentials.expiration - Date.now());
setTimeout(() => refresh(), credentials.expiration.getTime() - Date.now() - 60_000);
setTimeout(refresh, Math.max(0, credentials.expiration.getTime() - Date.now()));
      `,
      output: null,
      errors: [
        {
          messageId: 'timerAtExpiry',
          data: { expiry: 'credentials.expiration', ...atExpiry },
          line: 2, column: 21, endLine: 2, endColumn: 56,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
setTimeout(refresh, credentials.expiration - Date.now() - 5 * 60_000);
setTimeout(() => refresh(), credentials.expiration.getTime() - Date.now() - 60_000);
setTimeout(refresh, Math.max(0, credentials.expiration.getTime() - Date.now()));
      `,
            },
          ],
        },
        {
          messageId: 'timerAtExpiry',
          data: { expiry: 'credentials.expiration', margin: '60000', minimum: '300000' },
          line: 3, column: 29, endLine: 3, endColumn: 83,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
setTimeout(refresh, credentials.expiration - Date.now());
setTimeout(() => refresh(), credentials.expiration.getTime() - Date.now() - 5 * 60_000);
setTimeout(refresh, Math.max(0, credentials.expiration.getTime() - Date.now()));
      `,
            },
          ],
        },
        {
          messageId: 'timerAtExpiry',
          data: { expiry: 'credentials.expiration', ...atExpiry },
          line: 4, column: 21, endLine: 4, endColumn: 79,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
setTimeout(refresh, credentials.expiration - Date.now());
setTimeout(() => refresh(), credentials.expiration.getTime() - Date.now() - 60_000);
setTimeout(refresh, Math.max(0, credentials.expiration.getTime() - Date.now() - 5 * 60_000));
      `,
            },
          ],
        },
      ],
    },
    // The delay in a variable, the expiry destructured from an STS response's `Credentials`.
    {
      code: `
const { Credentials } = await sts.send(command);
const { Expiration } = Credentials;
const delay = Expiration.getTime() - Date.now();
timer = setTimeout(rotate, delay);
      `,
      output: null,
      errors: [
        {
          messageId: 'timerAtExpiry',
          data: { expiry: 'Expiration', ...atExpiry },
          line: 5, column: 28, endLine: 5, endColumn: 33,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const { Credentials } = await sts.send(command);
const { Expiration } = Credentials;
const delay = Expiration.getTime() - Date.now();
timer = setTimeout(rotate, delay - 5 * 60_000);
      `,
            },
          ],
        },
      ],
    },
    // A hand-made cache holding an access key ID: its `expiresAt` counts.
    {
      code: `
const cache = { accessKeyId: keys.id, secretAccessKey: keys.secret, expiresAt: Date.now() + 3_600_000 };
if (cache.expiresAt <= Date.now()) reload();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'cache.expiresAt', ...atExpiry },
          line: 3, column: 5, endLine: 3, endColumn: 34,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const cache = { accessKeyId: keys.id, secretAccessKey: keys.secret, expiresAt: Date.now() + 3_600_000 };
if (cache.expiresAt <= Date.now() + 5 * 60_000) reload();
      `,
            },
          ],
        },
      ],
    },
    // A stricter minimum: 5 minutes is not enough; a minimum that is not whole minutes is written as a number.
    {
      code: `
if (credentials.expiration.getTime() - Date.now() < 5 * 60_000) refresh();
      `,
      options: [{ minimumMarginMs: 600_000 }],
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'credentials.expiration', margin: '300000', minimum: '600000' },
          line: 2, column: 5, endLine: 2, endColumn: 63,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '10 * 60_000' },
              output: `
if (credentials.expiration.getTime() - Date.now() < 10 * 60_000) refresh();
      `,
            },
          ],
        },
      ],
    },
    {
      code: `
setTimeout(refresh, credentials.expiration.getTime() - Date.now());
      `,
      options: [{ minimumMarginMs: 90_000 }],
      output: null,
      errors: [
        {
          messageId: 'timerAtExpiry',
          data: { expiry: 'credentials.expiration', margin: '0', minimum: '90000' },
          line: 2, column: 21, endLine: 2, endColumn: 66,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '90000' },
              output: `
setTimeout(refresh, credentials.expiration.getTime() - Date.now() - 90000);
      `,
            },
          ],
        },
      ],
    },
    // Where the credentials came from: an awaited SDK provider (ESM named import).
    {
      code: `
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const identity = await fromNodeProviderChain()();
if (identity.expiration.getTime() <= Date.now()) refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'identity.expiration', ...atExpiry },
          line: 4, column: 5, endLine: 4, endColumn: 48,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const identity = await fromNodeProviderChain()();
if (identity.expiration.getTime() - 5 * 60_000 <= Date.now()) refresh();
      `,
            },
          ],
        },
      ],
    },
    // Aliased and namespace imports.
    {
      code: `
import { fromIni as profile } from '@aws-sdk/credential-providers';
import * as sts from '@aws-sdk/client-sts';
const resolved = await profile({ profile: 'batch' })();
const client = new sts.STSClient({});
const response = await client.send(new sts.GetSessionTokenCommand({}));
if (resolved.expiration <= new Date()) refresh();
if (response.Credentials.Expiration <= new Date()) refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'resolved.expiration', ...atExpiry },
          line: 7, column: 5, endLine: 7, endColumn: 38,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
import { fromIni as profile } from '@aws-sdk/credential-providers';
import * as sts from '@aws-sdk/client-sts';
const resolved = await profile({ profile: 'batch' })();
const client = new sts.STSClient({});
const response = await client.send(new sts.GetSessionTokenCommand({}));
if (resolved.expiration <= new Date(Date.now() + 5 * 60_000)) refresh();
if (response.Credentials.Expiration <= new Date()) refresh();
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'response.Credentials.Expiration', ...atExpiry },
          line: 8, column: 5, endLine: 8, endColumn: 50,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
import { fromIni as profile } from '@aws-sdk/credential-providers';
import * as sts from '@aws-sdk/client-sts';
const resolved = await profile({ profile: 'batch' })();
const client = new sts.STSClient({});
const response = await client.send(new sts.GetSessionTokenCommand({}));
if (resolved.expiration <= new Date()) refresh();
if (response.Credentials.Expiration <= new Date(Date.now() + 5 * 60_000)) refresh();
      `,
            },
          ],
        },
      ],
    },
    // `require`, declared (CommonJS) with destructuring, and undeclared.
    {
      code: `
const { fromTokenFile } = require('@aws-sdk/credential-providers');
async function current() {
  const resolved = await fromTokenFile()();
  return resolved.expiration.getTime() > Date.now() ? resolved : null;
}
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'resolved.expiration', ...atExpiry },
          line: 5, column: 10, endLine: 5, endColumn: 52,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const { fromTokenFile } = require('@aws-sdk/credential-providers');
async function current() {
  const resolved = await fromTokenFile()();
  return resolved.expiration.getTime() - 5 * 60_000 > Date.now() ? resolved : null;
}
      `,
            },
          ],
        },
      ],
    },
    {
      code: `
const providers = require('@aws-sdk/credential-providers');
const resolved = await providers.fromEnv()();
setTimeout(reload, resolved.expiration.getTime() - Date.now());
      `,
      output: null,
      errors: [
        {
          messageId: 'timerAtExpiry',
          data: { expiry: 'resolved.expiration', ...atExpiry },
          line: 4, column: 20, endLine: 4, endColumn: 62,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const providers = require('@aws-sdk/credential-providers');
const resolved = await providers.fromEnv()();
setTimeout(reload, resolved.expiration.getTime() - Date.now() - 5 * 60_000);
      `,
            },
          ],
        },
      ],
    },
    // `await import()`.
    {
      code: `
const { fromInstanceMetadata } = await import('@aws-sdk/credential-providers');
const resolved = await fromInstanceMetadata()();
if (Date.now() > resolved.expiration.getTime()) refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'resolved.expiration', ...atExpiry },
          line: 4, column: 5, endLine: 4, endColumn: 47,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const { fromInstanceMetadata } = await import('@aws-sdk/credential-providers');
const resolved = await fromInstanceMetadata()();
if (Date.now() > resolved.expiration.getTime() - 5 * 60_000) refresh();
      `,
            },
          ],
        },
      ],
    },
    // A `Map` cache filled with STS `Credentials`: the entry it returns holds credentials (`getTime()`, `exp > now`).
    {
      code: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
const byRole = new Map();
export async function credentialsFor(roleArn) {
  const hit = byRole.get(roleArn);
  if (hit && hit.Expiration.getTime() > Date.now()) return hit;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'app' }));
  byRole.set(roleArn, Credentials);
  return Credentials;
}
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'hit.Expiration', ...atExpiry },
          line: 7, column: 14, endLine: 7, endColumn: 51,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
const byRole = new Map();
export async function credentialsFor(roleArn) {
  const hit = byRole.get(roleArn);
  if (hit && hit.Expiration.getTime() - 5 * 60_000 > Date.now()) return hit;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'app' }));
  byRole.set(roleArn, Credentials);
  return Credentials;
}
      `,
            },
          ],
        },
      ],
    },
    // A `let` cache returned by a helper whose callers read `AccessKeyId` from it (`Date.parse`, `now < exp`).
    {
      code: `
let current;
function vend() {
  if (current && Date.now() < Date.parse(current.Expiration)) return current;
  current = JSON.parse(execFileSync('/opt/bin/vend').toString());
  return current;
}
export const provider = async () => {
  const c = vend();
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
};
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'current.Expiration', ...atExpiry },
          line: 4, column: 18, endLine: 4, endColumn: 61,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
let current;
function vend() {
  if (current && Date.now() < Date.parse(current.Expiration) - 5 * 60_000) return current;
  current = JSON.parse(execFileSync('/opt/bin/vend').toString());
  return current;
}
export const provider = async () => {
  const c = vend();
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
};
      `,
            },
          ],
        },
      ],
    },
    // A cached value returned by the same function as an STS response (`new Date(x) > new Date()`).
    {
      code: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
async function deployRole() {
  const c = await readFile(CACHE_FILE, 'utf8').then(JSON.parse, () => null);
  if (c && new Date(c.Expiration) > new Date()) return c;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'deploy' }));
  await writeFile(CACHE_FILE, JSON.stringify(Credentials));
  return Credentials;
}
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'c.Expiration', ...atExpiry },
          line: 6, column: 12, endLine: 6, endColumn: 47,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
async function deployRole() {
  const c = await readFile(CACHE_FILE, 'utf8').then(JSON.parse, () => null);
  if (c && new Date(c.Expiration) > new Date(Date.now() + 5 * 60_000)) return c;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'deploy' }));
  await writeFile(CACHE_FILE, JSON.stringify(Credentials));
  return Credentials;
}
      `,
            },
          ],
        },
      ],
    },
    // A method whose parameter comes from a `this.sessions` map filled with objects holding an access key ID.
    {
      code: `
export class SessionPool {
  constructor() {
    this.sessions = new Map();
  }
  isValid(s) {
    return s !== undefined && s.expiration > new Date();
  }
  async get(roleArn) {
    const existing = this.sessions.get(roleArn);
    if (this.isValid(existing)) return existing;
    const c = await assume(roleArn);
    const session = { accessKeyId: c.id, secretAccessKey: c.secret, sessionToken: c.token, expiration: c.expiry };
    this.sessions.set(roleArn, session);
    return session;
  }
}
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 's.expiration', ...atExpiry },
          line: 7, column: 31, endLine: 7, endColumn: 56,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
export class SessionPool {
  constructor() {
    this.sessions = new Map();
  }
  isValid(s) {
    return s !== undefined && s.expiration > new Date(Date.now() + 5 * 60_000);
  }
  async get(roleArn) {
    const existing = this.sessions.get(roleArn);
    if (this.isValid(existing)) return existing;
    const c = await assume(roleArn);
    const session = { accessKeyId: c.id, secretAccessKey: c.secret, sessionToken: c.token, expiration: c.expiry };
    this.sessions.set(roleArn, session);
    return session;
  }
}
      `,
            },
          ],
        },
      ],
    },
    // Arrow helpers called with a `let` written from an STS response: `now < Date.parse(exp)`, `exp - now > 0`.
    {
      code: `
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
const fresh = (c) => Date.now() < Date.parse(c.Expiration);
const usable = (c) => c.Expiration.getTime() - Date.now() > 0;
let cached;
export async function sessionCredentials() {
  if (cached && fresh(cached) && usable(cached)) return cached;
  const response = await sts.send(new GetSessionTokenCommand({}));
  cached = response.Credentials;
  return cached;
}
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'c.Expiration', ...atExpiry },
          line: 4, column: 22, endLine: 4, endColumn: 59,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
const fresh = (c) => Date.now() < Date.parse(c.Expiration) - 5 * 60_000;
const usable = (c) => c.Expiration.getTime() - Date.now() > 0;
let cached;
export async function sessionCredentials() {
  if (cached && fresh(cached) && usable(cached)) return cached;
  const response = await sts.send(new GetSessionTokenCommand({}));
  cached = response.Credentials;
  return cached;
}
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'c.Expiration', ...atExpiry },
          line: 5, column: 23, endLine: 5, endColumn: 62,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
const fresh = (c) => Date.now() < Date.parse(c.Expiration);
const usable = (c) => c.Expiration.getTime() - Date.now() > 5 * 60_000;
let cached;
export async function sessionCredentials() {
  if (cached && fresh(cached) && usable(cached)) return cached;
  const response = await sts.send(new GetSessionTokenCommand({}));
  cached = response.Credentials;
  return cached;
}
      `,
            },
          ],
        },
      ],
    },
    // A helper called with an awaited provider's result: `valueOf()`, `exp - now <= 0`.
    {
      code: `
import { fromIni } from '@aws-sdk/credential-providers';
function expired(identity) {
  return identity.expiration.valueOf() - Date.now() <= 0;
}
const identity = await fromIni({ profile: 'ops' })();
if (expired(identity)) reload();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'identity.expiration', ...atExpiry },
          line: 4, column: 10, endLine: 4, endColumn: 57,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
import { fromIni } from '@aws-sdk/credential-providers';
function expired(identity) {
  return identity.expiration.valueOf() - Date.now() <= 5 * 60_000;
}
const identity = await fromIni({ profile: 'ops' })();
if (expired(identity)) reload();
      `,
            },
          ],
        },
      ],
    },
    // A class-field arrow reading a cache entry's `expiresAt` through `Number(…)`: the entries hold access key IDs.
    {
      code: `
export class KeyCache {
  cache = new Map();
  isStale = (entry) => Number(entry.expiresAt) <= Date.now();
  read(key) {
    const entry = this.cache.get(key);
    return entry && !this.isStale(entry) ? entry : undefined;
  }
  write(key, keys) {
    this.cache.set(key, { accessKeyId: keys.id, secretAccessKey: keys.secret, expiresAt: keys.until });
  }
}
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'entry.expiresAt', ...atExpiry },
          line: 4, column: 24, endLine: 4, endColumn: 61,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
export class KeyCache {
  cache = new Map();
  isStale = (entry) => Number(entry.expiresAt) - 5 * 60_000 <= Date.now();
  read(key) {
    const entry = this.cache.get(key);
    return entry && !this.isStale(entry) ? entry : undefined;
  }
  write(key, keys) {
    this.cache.set(key, { accessKeyId: keys.id, secretAccessKey: keys.secret, expiresAt: keys.until });
  }
}
      `,
            },
          ],
        },
      ],
    },
    // Unary `+` on both sides, `+new Date()` as now.
    {
      code: `
const creds = await loadCreds();
if (+new Date() >= +creds.Expiration) refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'creds.Expiration', ...atExpiry },
          line: 3, column: 5, endLine: 3, endColumn: 37,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
const creds = await loadCreds();
if (+new Date() >= +creds.Expiration - 5 * 60_000) refresh();
      `,
            },
          ],
        },
      ],
    },
    // A `session` counts as credentials in a file that uses the AWS SDK.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
let session = await loadSession();
if (session.expiration <= new Date()) session = await loadSession();
export const s3 = new S3Client({ credentials: () => session });
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'session.expiration', ...atExpiry },
          line: 4, column: 5, endLine: 4, endColumn: 37,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
import { S3Client } from '@aws-sdk/client-s3';
let session = await loadSession();
if (session.expiration <= new Date(Date.now() + 5 * 60_000)) session = await loadSession();
export const s3 = new S3Client({ credentials: () => session });
      `,
            },
          ],
        },
      ],
    },
  ],
});

tsRuleTester.run('require-refresh-margin (TypeScript)', rule, {
  valid: [
    `
import type { AwsCredentialIdentity } from '@smithy/types';
function isUsable(identity: AwsCredentialIdentity, marginMs: number): boolean {
  return (identity.expiration?.getTime() ?? Infinity) - Date.now() > marginMs;
}
    `,
  ],
  invalid: [
    {
      code: `
let cachedCredentials: AwsCredentialIdentity | undefined = await load();
if ((cachedCredentials.expiration as Date).getTime() < Date.now()) refresh();
if (cachedCredentials.expiration! < new Date()) refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'cachedCredentials.expiration', ...atExpiry },
          line: 3, column: 5, endLine: 3, endColumn: 66,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
let cachedCredentials: AwsCredentialIdentity | undefined = await load();
if ((cachedCredentials.expiration as Date).getTime() - 5 * 60_000 < Date.now()) refresh();
if (cachedCredentials.expiration! < new Date()) refresh();
      `,
            },
          ],
        },
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'cachedCredentials.expiration', ...atExpiry },
          line: 4, column: 5, endLine: 4, endColumn: 47,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
let cachedCredentials: AwsCredentialIdentity | undefined = await load();
if ((cachedCredentials.expiration as Date).getTime() < Date.now()) refresh();
if (cachedCredentials.expiration! < new Date(Date.now() + 5 * 60_000)) refresh();
      `,
            },
          ],
        },
      ],
    },
    // TS `import x = require()`; the time left cast to a number.
    {
      code: `
import providers = require('@aws-sdk/credential-providers');
const resolved = await providers.fromContainerMetadata()();
if ((resolved.expiration!.getTime() - Date.now() as number) < 120_000) refresh();
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 'resolved.expiration', margin: '120000', minimum: '300000' },
          line: 4, column: 5, endLine: 4, endColumn: 70,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
import providers = require('@aws-sdk/credential-providers');
const resolved = await providers.fromContainerMetadata()();
if ((resolved.expiration!.getTime() - Date.now() as number) < 5 * 60_000) refresh();
      `,
            },
          ],
        },
      ],
    },
    // A typed private method and a private `#sessions` map filled from an STS response.
    {
      code: `
import { AssumeRoleCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';
export class RolePool {
  readonly #sts = new STSClient({});
  #sessions = new Map<string, Credentials>();
  private isValid(s: Credentials | undefined): s is Credentials {
    return s?.Expiration !== undefined && s.Expiration > new Date();
  }
  async get(roleArn: string): Promise<Credentials> {
    const existing = this.#sessions.get(roleArn);
    if (this.isValid(existing)) return existing;
    const command = new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'pool' });
    const entry = (await this.#sts.send(command)).Credentials!;
    this.#sessions.set(roleArn, entry);
    return entry;
  }
}
      `,
      output: null,
      errors: [
        {
          messageId: 'refreshAtExpiry',
          data: { expiry: 's.Expiration', ...atExpiry },
          line: 7, column: 43, endLine: 7, endColumn: 68,
          suggestions: [
            {
              messageId: 'subtractMargin',
              data: { margin: '5 * 60_000' },
              output: `
import { AssumeRoleCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';
export class RolePool {
  readonly #sts = new STSClient({});
  #sessions = new Map<string, Credentials>();
  private isValid(s: Credentials | undefined): s is Credentials {
    return s?.Expiration !== undefined && s.Expiration > new Date(Date.now() + 5 * 60_000);
  }
  async get(roleArn: string): Promise<Credentials> {
    const existing = this.#sessions.get(roleArn);
    if (this.isValid(existing)) return existing;
    const command = new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'pool' });
    const entry = (await this.#sts.send(command)).Credentials!;
    this.#sessions.set(roleArn, entry);
    return entry;
  }
}
      `,
            },
          ],
        },
      ],
    },
  ],
});
