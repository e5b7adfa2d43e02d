import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/require-credential-expiration.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

// `TestLanguageOptions` lacks `sourceType`, which the tester passes on to ESLint all the same.
const commonjs = { sourceType: 'commonjs' } as TestLanguageOptions;
const requireDeclared = { globals: { require: 'readonly' } } as const;

ruleTester.run(rule.name, rule, {
  valid: [
    // A provider that returns the STS `Expiration`.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
const s3 = new S3Client({
  credentials: async () => {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'uploader' }));
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
    };
  },
});
    `,
    // A local function that computes `expiration` from the lease.
    `
import { S3Client } from '@aws-sdk/client-s3';

async function getVaultCredentials() {
  const { data, lease_duration } = await vault.read('aws/creds/uploader');
  return {
    accessKeyId: data.access_key,
    secretAccessKey: data.secret_key,
    expiration: new Date(Date.now() + lease_duration * 1000),
  };
}
new S3Client({ credentials: getVaultCredentials });
    `,
    // SDK providers carry `expiration` themselves.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';

new S3Client({ credentials: fromIni({ profile: 'dev' }) });
new S3Client({ credentials: fromNodeProviderChain() });
new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn } }) });
    `,
    // `.expireAfter(…)` on the chain, directly or later on the variable that holds it.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain, fromEnv } from '@aws-sdk/credential-providers';

new S3Client({
  credentials: createCredentialChain(fromEnv(), async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret })).expireAfter(15 * 60_000),
});
const chain = createCredentialChain(async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }));
chain.expireAfter(15 * 60_000);
new S3Client({ credentials: chain });
    `,
    // Functions whose result the file does not show.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { getCredentials } from './credentials.js';

new S3Client({ credentials: async () => getCredentials('uploader') });
new S3Client({ credentials: () => vault.awsCredentials() });
    `,
    // Not credentials: no `accessKeyId` in what the function returns.
    `
import { memoize } from '@smithy/property-provider';

const region = memoize(async () => ({ name: 'eu-west-1', partition: 'aws' }));
    `,
    // A parameter: the file does not show the function.
    `
import { S3Client } from '@aws-sdk/client-s3';

export function createClient(provider) {
  return new S3Client({ credentials: provider });
}
    `,
    // The same export names from unrelated modules.
    `
import { S3Client } from './local-s3.js';
import { createCredentialChain } from './chain.js';
import { memoize } from 'lodash-es';

new S3Client({ credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) });
createCredentialChain(async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }));
memoize(async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }));
    `,
    // Look-alikes: another SDK's client and a plain settings object in a file that uses the AWS SDK.
    `
import { Client } from 'minio';
import { S3Client } from '@aws-sdk/client-s3';

const storage = new Client({ credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) });
const settings = { credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) };
    `,
    // v2 clients take `AWS.Credentials` objects, not provider functions.
    `
import AWS from 'aws-sdk';

const s3 = new AWS.S3({ credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) });
    `,
    // Keys fetched once outside the function: calling it again returns the same keys (no-one-shot-credentials).
    `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'app' }));
new S3Client({ credentials: async () => ({ accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey }) });
    `,
    // Literal keys (a local emulator): calling the function again would change nothing.
    `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({
  endpoint: 'http://localhost:4566',
  credentials: async () => ({ accessKeyId: 'test', secretAccessKey: 'test' }),
});
    `,
    // `expiration` may come from an unknown spread or a later assignment; a getter yields an object, not a provider.
    `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ credentials: async () => ({ ...(await broker.fetch()), accessKeyId: keys.id, secretAccessKey: keys.secret }) });
new S3Client({
  credentials: async () => {
    const credentials = { accessKeyId: keys.id, secretAccessKey: keys.secret };
    credentials.expiration = keys.expiresAt;
    return credentials;
  },
});
new S3Client({ get credentials() { return { accessKeyId: keys.id, secretAccessKey: keys.secret }; } });
    `,
    // The client calls a `credentialDefaultProvider`'s provider on every request, without caching it (sdk-facts A1).
    `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ credentialDefaultProvider: () => async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) });
    `,
    `
import { memoize } from '@smithy/property-provider';

const provider = memoize(async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret, expiration: keys.expiresAt }), isExpired);
    `,
    // A local instance's method that returns `expiration` (the provider forwards to it).
    `
import { S3Client } from '@aws-sdk/client-s3';

class TokenBroker {
  constructor(url) {
    this.url = url;
  }

  async resolve() {
    const body = await fetch(this.url).then((response) => response.json());
    return { accessKeyId: body.access_key_id, secretAccessKey: body.secret_access_key, expiration: new Date(body.expires_at) };
  }
}

const broker = new TokenBroker(process.env.BROKER_URL);
export const s3 = new S3Client({ credentials: () => broker.resolve() });
    `,
    // An imported instance's method, and a `.then()` result spread from an unknown session: the file cannot tell.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { broker } from './broker.js';

export const s3 = new S3Client({ credentials: () => broker.resolve() });
export const logs = new S3Client({
  credentials: async () => getSession().then((session) => ({ ...session.aws, accessKeyId: session.aws.accessKeyId })),
});
    `,
    // A `.then()` callback that returns `expiration`.
    `
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { getSession } from './session.js';

export const logs = new CloudWatchLogsClient({
  credentials: async () =>
    getSession().then((session) => ({
      accessKeyId: session.aws.accessKeyId,
      secretAccessKey: session.aws.secretAccessKey,
      expiration: session.aws.expiresAt,
    })),
});
    `,
    // An exported role assumer that returns `expiration`; other exported names and an unexported `roleAssumer…`.
    `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

export const roleAssumer = async (sourceCredentials, params) => {
  const sts = new STSClient({ credentials: sourceCredentials });
  const { Credentials } = await sts.send(new AssumeRoleCommand(params));
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration };
};
export const getCredentials = async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret });
const roleAssumerWithWebIdentity = async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret });
    `,
    // Test files are skipped by default: their dummy keys for mocks and emulators never expire.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({ credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) });
      `,
      filename: 'src/__tests__/uploads.js',
    },
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({ credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) });
      `,
      filename: 'uploads.spec.js',
    },
  ],
  invalid: [
    {
      // ESM named import; the keys come from AssumeRole inside the provider: add its `Expiration`.
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
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`S3Client`' },
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addExpiration',
              output: `
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
      expiration: Credentials.Expiration,
    };
  },
});
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM aliased import and a local function declaration: wrap it where it is used, adding the import.
      code: `
import { S3Client as S3 } from '@aws-sdk/client-s3';

async function getVaultCredentials() {
  const response = await fetch(\`\${VAULT_ADDR}/v1/aws/creds/uploader\`);
  const { data } = await response.json();
  return { accessKeyId: data.access_key, secretAccessKey: data.secret_key, sessionToken: data.security_token };
}

const s3 = new S3({ region: 'eu-west-1', credentials: getVaultCredentials });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: '`getVaultCredentials`', consumer: '`S3Client`' },
          line: 10,
          column: 55,
          endLine: 10,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { S3Client as S3 } from '@aws-sdk/client-s3';
import { createCredentialChain } from '@aws-sdk/credential-providers';

async function getVaultCredentials() {
  const response = await fetch(\`\${VAULT_ADDR}/v1/aws/creds/uploader\`);
  const { data } = await response.json();
  return { accessKeyId: data.access_key, secretAccessKey: data.secret_key, sessionToken: data.security_token };
}

const s3 = new S3({ region: 'eu-west-1', credentials: createCredentialChain(getVaultCredentials).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM namespace import, shorthand property; the existing provider import is extended.
      code: `
import * as s3 from '@aws-sdk/client-s3';
import { fromEnv } from '@aws-sdk/credential-providers';

const credentials = async () => ({ accessKeyId: vault.accessKey, secretAccessKey: vault.secretKey });
const client = new s3.S3Client({ credentials });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: '`credentials`', consumer: '`S3Client`' },
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import * as s3 from '@aws-sdk/client-s3';
import { fromEnv, createCredentialChain } from '@aws-sdk/credential-providers';

const credentials = async () => ({ accessKeyId: vault.accessKey, secretAccessKey: vault.secretKey });
const client = new s3.S3Client({ credentials: createCredentialChain(credentials).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // In `createCredentialChain` without `.expireAfter(…)` (namespace import of the providers).
      code: `
import * as providers from '@aws-sdk/credential-providers';

const chain = providers.createCredentialChain(providers.fromEnv(), async () => ({
  accessKeyId: await secrets.get('aws-access-key-id'),
  secretAccessKey: await secrets.get('aws-secret-access-key'),
}));
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: 'the client using `createCredentialChain`' },
          line: 4,
          column: 68,
          endLine: 4,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'addExpireAfter',
              output: `
import * as providers from '@aws-sdk/credential-providers';

const chain = providers.createCredentialChain(providers.fromEnv(), async () => ({
  accessKeyId: await secrets.get('aws-access-key-id'),
  secretAccessKey: await secrets.get('aws-secret-access-key'),
})).expireAfter(15 * 60_000);
      `,
            },
          ],
        },
      ],
    },
    {
      // `memoize` with one argument caches forever even with `expiration`: no suggestion; with `isExpired`, wrap.
      code: `
import { memoize } from '@smithy/property-provider';

const once = memoize(async () => ({ accessKeyId: vault.key, secretAccessKey: vault.secret }));
const refreshing = memoize(async () => ({ accessKeyId: vault.key, secretAccessKey: vault.secret }), isExpired, hasExpiration);
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`memoize`' },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 33,
          suggestions: [],
        },
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`memoize`' },
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { memoize } from '@smithy/property-provider';
import { createCredentialChain } from '@aws-sdk/credential-providers';

const once = memoize(async () => ({ accessKeyId: vault.key, secretAccessKey: vault.secret }));
const refreshing = memoize(createCredentialChain(async () => ({ accessKeyId: vault.key, secretAccessKey: vault.secret })).expireAfter(15 * 60_000), isExpired, hasExpiration);
      `,
            },
          ],
        },
      ],
    },
    {
      // A role assumer for `fromIni`, with optional chaining and a fallback: `expiration` follows the same path.
      code: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';

const sts = new STSClient({});
const provider = fromIni({
  profile: 'deploy',
  roleAssumer: async (sourceCredentials, params) => {
    const response = await sts.send(new AssumeRoleCommand(params));
    return {
      accessKeyId: response.Credentials?.AccessKeyId ?? '',
      secretAccessKey: response.Credentials?.SecretAccessKey ?? '',
      sessionToken: response.Credentials?.SessionToken,
    };
  },
});
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: 'the client using `fromIni`' },
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'addExpiration',
              output: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';

const sts = new STSClient({});
const provider = fromIni({
  profile: 'deploy',
  roleAssumer: async (sourceCredentials, params) => {
    const response = await sts.send(new AssumeRoleCommand(params));
    return {
      accessKeyId: response.Credentials?.AccessKeyId ?? '',
      secretAccessKey: response.Credentials?.SecretAccessKey ?? '',
      sessionToken: response.Credentials?.SessionToken,
      expiration: response.Credentials?.Expiration,
    };
  },
});
      `,
            },
          ],
        },
      ],
    },
    {
      // A role assumer takes two arguments, so `createCredentialChain` cannot wrap it: no suggestion.
      code: `
import { fromTokenFile } from '@aws-sdk/credential-providers';

const provider = fromTokenFile({
  roleAssumerWithWebIdentity: async (params) => ({ accessKeyId: broker.key, secretAccessKey: broker.secret }),
});
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: 'the client using `fromTokenFile`' },
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 48,
          suggestions: [],
        },
      ],
    },
    {
      // CommonJS with `require` declared: the import is added as a `require`.
      code: `
const { SQSClient } = require('@aws-sdk/client-sqs');

function loadCredentials() {
  return { accessKeyId: config.aws.key, secretAccessKey: config.aws.secret, sessionToken: config.aws.token };
}

module.exports = new SQSClient({ credentials: loadCredentials });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: '`loadCredentials`', consumer: '`SQSClient`' },
          line: 8,
          column: 47,
          endLine: 8,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
const { SQSClient } = require('@aws-sdk/client-sqs');
const { createCredentialChain } = require('@aws-sdk/credential-providers');

function loadCredentials() {
  return { accessKeyId: config.aws.key, secretAccessKey: config.aws.secret, sessionToken: config.aws.token };
}

module.exports = new SQSClient({ credentials: createCredentialChain(loadCredentials).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` declared as a global, aliased destructuring; the existing `require` of the providers is extended.
      code: `
const { SQSClient: Queue } = require('@aws-sdk/client-sqs');
const { fromEnv } = require('@aws-sdk/credential-providers');

const queue = new Queue({ credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) });
      `,
      languageOptions: requireDeclared,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`SQSClient`' },
          line: 5,
          column: 40,
          endLine: 5,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
const { SQSClient: Queue } = require('@aws-sdk/client-sqs');
const { fromEnv, createCredentialChain } = require('@aws-sdk/credential-providers');

const queue = new Queue({ credentials: createCredentialChain(async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret })).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` not declared, member access.
      code: `
const sqs = require('@aws-sdk/client-sqs');

const queue = new sqs.SQSClient({ credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`SQSClient`' },
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
const sqs = require('@aws-sdk/client-sqs');
const { createCredentialChain } = require('@aws-sdk/credential-providers');

const queue = new sqs.SQSClient({ credentials: createCredentialChain(async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret })).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // `await import()`: the static import goes on top.
      code: `
const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');

const db = new DynamoDBClient({ credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`DynamoDBClient`' },
          line: 4,
          column: 46,
          endLine: 4,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { createCredentialChain } from '@aws-sdk/credential-providers';
const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');

const db = new DynamoDBClient({ credentials: createCredentialChain(async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret })).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // A method, a named function expression and a factory that returns the provider.
      code: `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({
  async credentials() {
    return { accessKeyId: vault.key, secretAccessKey: vault.secret };
  },
});
new S3Client({ credentials: async function fromVault() { return { accessKeyId: vault.key, secretAccessKey: vault.secret }; } });
function vaultProvider(path) {
  return async () => ({ accessKeyId: await vault.read(path), secretAccessKey: await vault.read(\`\${path}/secret\`) });
}
new S3Client({ credentials: vaultProvider('aws/creds/app') });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`S3Client`' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain } from '@aws-sdk/credential-providers';

new S3Client({
  credentials: createCredentialChain(async function () {
    return { accessKeyId: vault.key, secretAccessKey: vault.secret };
  }).expireAfter(15 * 60_000),
});
new S3Client({ credentials: async function fromVault() { return { accessKeyId: vault.key, secretAccessKey: vault.secret }; } });
function vaultProvider(path) {
  return async () => ({ accessKeyId: await vault.read(path), secretAccessKey: await vault.read(\`\${path}/secret\`) });
}
new S3Client({ credentials: vaultProvider('aws/creds/app') });
      `,
            },
          ],
        },
        {
          messageId: 'missingExpiration',
          data: { provider: '`fromVault`', consumer: '`S3Client`' },
          line: 9,
          column: 29,
          endLine: 9,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain } from '@aws-sdk/credential-providers';

new S3Client({
  async credentials() {
    return { accessKeyId: vault.key, secretAccessKey: vault.secret };
  },
});
new S3Client({ credentials: createCredentialChain(async function fromVault() { return { accessKeyId: vault.key, secretAccessKey: vault.secret }; }).expireAfter(15 * 60_000) });
function vaultProvider(path) {
  return async () => ({ accessKeyId: await vault.read(path), secretAccessKey: await vault.read(\`\${path}/secret\`) });
}
new S3Client({ credentials: vaultProvider('aws/creds/app') });
      `,
            },
          ],
        },
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`S3Client`' },
          line: 13,
          column: 29,
          endLine: 13,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain } from '@aws-sdk/credential-providers';

new S3Client({
  async credentials() {
    return { accessKeyId: vault.key, secretAccessKey: vault.secret };
  },
});
new S3Client({ credentials: async function fromVault() { return { accessKeyId: vault.key, secretAccessKey: vault.secret }; } });
function vaultProvider(path) {
  return async () => ({ accessKeyId: await vault.read(path), secretAccessKey: await vault.read(\`\${path}/secret\`) });
}
new S3Client({ credentials: createCredentialChain(vaultProvider('aws/creds/app')).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // A shared config object given to two clients: one report, on the shared property.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';

const awsConfig = { region: 'eu-west-1', credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) };
export const s3 = new S3Client(awsConfig);
export const sqs = new SQSClient({ ...awsConfig, region: 'us-east-1' });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`S3Client`' },
          line: 5,
          column: 55,
          endLine: 5,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createCredentialChain } from '@aws-sdk/credential-providers';

const awsConfig = { region: 'eu-west-1', credentials: createCredentialChain(async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret })).expireAfter(15 * 60_000) };
export const s3 = new S3Client(awsConfig);
export const sqs = new SQSClient({ ...awsConfig, region: 'us-east-1' });
      `,
            },
          ],
        },
      ],
    },
    {
      // The SDK reads `expiration`; an STS-style `Expiration` key is ignored.
      code: `
import { S3 } from '@aws-sdk/client-s3';

const s3 = new S3({ credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret, Expiration: keys.expires }) });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`S3`' },
          line: 4,
          column: 34,
          endLine: 4,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { S3 } from '@aws-sdk/client-s3';
import { createCredentialChain } from '@aws-sdk/credential-providers';

const s3 = new S3({ credentials: createCredentialChain(async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret, Expiration: keys.expires })).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // Keys destructured from the response, two returns (GetSessionToken or AssumeRole), a returned local object.
      code: `
import { AssumeRoleCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';

const sts = new STSClient({});
async function assume() {
  if (useMfa) {
    const session = await sts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: await askCode() }));
    const { AccessKeyId, SecretAccessKey, SessionToken } = session.Credentials;
    return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken };
  }
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'cli' }));
  const credentials = {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken
  };
  return credentials;
}
const s3 = new S3Client({ credentials: assume });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: '`assume`', consumer: '`S3Client`' },
          line: 20,
          column: 40,
          endLine: 20,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'addExpiration',
              output: `
import { AssumeRoleCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';

const sts = new STSClient({});
async function assume() {
  if (useMfa) {
    const session = await sts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: await askCode() }));
    const { AccessKeyId, SecretAccessKey, SessionToken } = session.Credentials;
    return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken, expiration: session.Credentials.Expiration };
  }
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'cli' }));
  const credentials = {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
    expiration: Credentials.Expiration
  };
  return credentials;
}
const s3 = new S3Client({ credentials: assume });
      `,
            },
          ],
        },
      ],
    },
    {
      // A method of a local instance (`() => broker.resolve()`): reported on the object the method returns.
      code: `
import { S3Client } from '@aws-sdk/client-s3';

class CredentialBroker {
  constructor(url) {
    this.url = url;
  }

  async resolve() {
    const body = await fetch(this.url).then((response) => response.json());
    return { accessKeyId: body.access_key_id, secretAccessKey: body.secret_access_key, sessionToken: body.session_token };
  }
}

const broker = new CredentialBroker(process.env.BROKER_URL);
export const s3 = new S3Client({ credentials: () => broker.resolve() });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`S3Client`' },
          line: 11,
          column: 12,
          endLine: 11,
          endColumn: 122,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain } from '@aws-sdk/credential-providers';

class CredentialBroker {
  constructor(url) {
    this.url = url;
  }

  async resolve() {
    const body = await fetch(this.url).then((response) => response.json());
    return { accessKeyId: body.access_key_id, secretAccessKey: body.secret_access_key, sessionToken: body.session_token };
  }
}

const broker = new CredentialBroker(process.env.BROKER_URL);
export const s3 = new S3Client({ credentials: createCredentialChain(() => broker.resolve()).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // `this.fetchKeys()` from an arrow in the constructor: the method of the same class.
      code: `
import { SQSClient } from '@aws-sdk/client-sqs';

export class Worker {
  constructor(vault) {
    this.vault = vault;
    this.sqs = new SQSClient({ credentials: () => this.fetchKeys() });
  }

  async fetchKeys() {
    const { data } = await this.vault.read('aws/creds/worker');
    return { accessKeyId: data.access_key, secretAccessKey: data.secret_key };
  }
}
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`SQSClient`' },
          line: 12,
          column: 12,
          endLine: 12,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { SQSClient } from '@aws-sdk/client-sqs';
import { createCredentialChain } from '@aws-sdk/credential-providers';

export class Worker {
  constructor(vault) {
    this.vault = vault;
    this.sqs = new SQSClient({ credentials: createCredentialChain(() => this.fetchKeys()).expireAfter(15 * 60_000) });
  }

  async fetchKeys() {
    const { data } = await this.vault.read('aws/creds/worker');
    return { accessKeyId: data.access_key, secretAccessKey: data.secret_key };
  }
}
      `,
            },
          ],
        },
      ],
    },
    {
      // What a `.then()` callback returns is what the provider resolves to.
      code: `
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { getSession } from './session.js';

export const logs = new CloudWatchLogsClient({
  credentials: async () =>
    getSession().then((session) => ({ accessKeyId: session.aws.accessKeyId, secretAccessKey: session.aws.secretAccessKey })),
});
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`CloudWatchLogsClient`' },
          line: 7,
          column: 37,
          endLine: 7,
          endColumn: 123,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { getSession } from './session.js';
import { createCredentialChain } from '@aws-sdk/credential-providers';

export const logs = new CloudWatchLogsClient({
  credentials: createCredentialChain(async () =>
    getSession().then((session) => ({ accessKeyId: session.aws.accessKeyId, secretAccessKey: session.aws.secretAccessKey }))).expireAfter(15 * 60_000),
});
      `,
            },
          ],
        },
      ],
    },
    {
      // A local helper builds the object: reported there, the wrapper goes where the provider is given.
      code: `
import { S3Client } from '@aws-sdk/client-s3';

function toIdentity(data) {
  return { accessKeyId: data.access_key, secretAccessKey: data.secret_key };
}

export const s3 = new S3Client({ credentials: async () => toIdentity(await vault.read('aws/creds/app')) });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`S3Client`' },
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain } from '@aws-sdk/credential-providers';

function toIdentity(data) {
  return { accessKeyId: data.access_key, secretAccessKey: data.secret_key };
}

export const s3 = new S3Client({ credentials: createCredentialChain(async () => toIdentity(await vault.read('aws/creds/app'))).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // An exported `roleAssumer`: the module that imports it hands it to `fromIni` or `fromTokenFile`; STS keys.
      code: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

export const roleAssumer = async (sourceCredentials, params) => {
  const sts = new STSClient({ credentials: sourceCredentials });
  const { Credentials } = await sts.send(new AssumeRoleCommand(params));
  return { accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '' };
};
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: '`roleAssumer`', consumer: 'the client whose provider takes it as `roleAssumer`' },
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 110,
          suggestions: [
            {
              messageId: 'addExpiration',
              output: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

export const roleAssumer = async (sourceCredentials, params) => {
  const sts = new STSClient({ credentials: sourceCredentials });
  const { Credentials } = await sts.send(new AssumeRoleCommand(params));
  return { accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '', expiration: Credentials?.Expiration };
};
      `,
            },
          ],
        },
      ],
    },
    {
      // Role assumers exported as members of an exported object: `module.exports = { roleAssumer }`.
      code: `
const { AssumeRoleCommand, STSClient } = require('@aws-sdk/client-sts');

async function roleAssumer(sourceCredentials, params) {
  const sts = new STSClient({ credentials: sourceCredentials });
  const { Credentials } = await sts.send(new AssumeRoleCommand(params));
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
}
module.exports = { roleAssumer };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: '`roleAssumer`', consumer: 'the client whose provider takes it as `roleAssumer`' },
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 136,
          suggestions: [
            {
              messageId: 'addExpiration',
              output: `
const { AssumeRoleCommand, STSClient } = require('@aws-sdk/client-sts');

async function roleAssumer(sourceCredentials, params) {
  const sts = new STSClient({ credentials: sourceCredentials });
  const { Credentials } = await sts.send(new AssumeRoleCommand(params));
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken, expiration: Credentials.Expiration };
}
module.exports = { roleAssumer };
      `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS `exports.roleAssumerWithWebIdentity`: a role assumer cannot be wrapped, no suggestion.
      code: `
const { fromTokenFile } = require('@aws-sdk/credential-providers');

exports.roleAssumerWithWebIdentity = async function (params) {
  const keys = await broker.exchange(params.WebIdentityToken);
  return { accessKeyId: keys.id, secretAccessKey: keys.secret, sessionToken: keys.token };
};
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: '`roleAssumerWithWebIdentity`', consumer: 'the client whose provider takes it as `roleAssumerWithWebIdentity`' },
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 90,
          suggestions: [],
        },
      ],
    },
    {
      // `export function roleAssumer` and `export { assume as roleAssumerWithWebIdentity }`.
      code: `
import { S3Client } from '@aws-sdk/client-s3';

async function assume() {
  return { accessKeyId: keys.id, secretAccessKey: keys.secret };
}
export function roleAssumer() {
  return { accessKeyId: keys.id, secretAccessKey: keys.secret };
}
export { assume as roleAssumerWithWebIdentity };
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: '`assume`', consumer: 'the client whose provider takes it as `roleAssumerWithWebIdentity`' },
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 64,
          suggestions: [],
        },
        {
          messageId: 'missingExpiration',
          data: { provider: '`roleAssumer`', consumer: 'the client whose provider takes it as `roleAssumer`' },
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 64,
          suggestions: [],
        },
      ],
    },
    {
      // `checkTestFiles: true` checks test files too.
      code: `
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({ credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) });
      `,
      filename: 'src/__tests__/uploads.js',
      options: [{ checkTestFiles: true }],
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: 'This credential provider', consumer: '`S3Client`' },
          line: 4,
          column: 47,
          endLine: 4,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain } from '@aws-sdk/credential-providers';

export const s3 = new S3Client({ credentials: createCredentialChain(async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret })).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // Exported and passed in the file: one function, one report, where it is passed.
      code: `
import { fromIni } from '@aws-sdk/credential-providers';

export async function roleAssumer(sourceCredentials, params) {
  return { accessKeyId: await broker.key(params.RoleArn), secretAccessKey: await broker.secret(params.RoleArn) };
}
export const provider = fromIni({ profile: 'deploy', roleAssumer });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: '`roleAssumer`', consumer: 'the client using `fromIni`' },
          line: 7,
          column: 54,
          endLine: 7,
          endColumn: 65,
          suggestions: [],
        },
      ],
    },
  ],
});

tsRuleTester.run(`${rule.name} (TypeScript)`, rule, {
  valid: [
    // Type-only imports bind no value.
    `
import type { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({ credentials: async () => ({ accessKeyId: keys.id, secretAccessKey: keys.secret }) });
    `,
    // A typed parameter is still unknown.
    `
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

export function createClient(credentials: AwsCredentialIdentityProvider): S3Client {
  return new S3Client({ credentials });
}
    `,
  ],
  invalid: [
    {
      // TS `import x = require()`, with `as` and `!` around the values.
      code: `
import sts = require('@aws-sdk/client-sts');
import s3 = require('@aws-sdk/client-s3');

const client = new sts.STSClient({});
const provider = async (): Promise<AwsCredentialIdentity> => {
  const { Credentials } = await client.send(new sts.AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'job' }));
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey! } as AwsCredentialIdentity;
};
export const bucket = new s3.S3Client({ credentials: provider as AwsCredentialIdentityProvider });
      `,
      errors: [
        {
          messageId: 'missingExpiration',
          data: { provider: '`provider`', consumer: '`S3Client`' },
          line: 10,
          column: 54,
          endLine: 10,
          endColumn: 95,
          suggestions: [
            {
              messageId: 'addExpiration',
              output: `
import sts = require('@aws-sdk/client-sts');
import s3 = require('@aws-sdk/client-s3');

const client = new sts.STSClient({});
const provider = async (): Promise<AwsCredentialIdentity> => {
  const { Credentials } = await client.send(new sts.AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'job' }));
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, expiration: Credentials!.Expiration } as AwsCredentialIdentity;
};
export const bucket = new s3.S3Client({ credentials: provider as AwsCredentialIdentityProvider });
      `,
            },
          ],
        },
      ],
    },
  ],
});
