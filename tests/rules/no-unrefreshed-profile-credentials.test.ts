import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-unrefreshed-profile-credentials.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

// `TestLanguageOptions` omits `sourceType`, which the tester passes on to ESLint all the same.
const commonjs = { sourceType: 'commonjs' } as TestLanguageOptions;
const requireDeclared = { globals: { require: 'readonly' } } as const;
const expireAfter = { expireAfter: '15 * 60_000' };

ruleTester.run(rule.name, rule, {
  valid: [
    // Test files are skipped by default: their dummy keys for mocks and emulators never expire.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({ credentials: fromIni() });
      `,
      filename: 'src/__tests__/upload.test.ts',
    },
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({ credentials: fromIni() });
      `,
      filename: 'tests/setup.ts',
    },
    // The fix itself: the chain stamps an expiration, so the client calls `fromIni` again every ~10 minutes.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain, fromIni } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({
  credentials: createCredentialChain(fromIni({ ignoreCache: true })).expireAfter(15 * 60_000),
});
    `,
    // `.expireAfter()` applied where the chain is used.
    `
import { SQSClient } from '@aws-sdk/client-sqs';
import { createCredentialChain, fromEnv, fromIni } from '@aws-sdk/credential-providers';
const chain = createCredentialChain(fromEnv(), fromIni({ ignoreCache: true }));
new SQSClient({ credentials: chain.expireAfter(900_000) });
app.listen(3000);
    `,
    // `.expireAfter()` sets the expiration on the chain itself, so a later call covers every use of it.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain, fromIni } from '@aws-sdk/credential-providers';
const chain = createCredentialChain(fromIni({ ignoreCache: true }));
chain.expireAfter(20 * 60_000);
export const s3 = new S3Client({ credentials: chain });
    `,
    // A CLI script that resolves the profile once: no client keeps the provider (no-one-shot-credentials' case).
    `
import { fromIni } from '@aws-sdk/credential-providers';
const credentials = await fromIni({ profile: 'dev' })();
console.log(credentials.accessKeyId);
    `,
    // Awaited provider given to a client: the object belongs to no-one-shot-credentials.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
new S3Client({ credentials: await fromIni()() });
app.listen(3000);
    `,
    // `fromIni()` handed to a function of another module: what it does with it is unknown.
    `
import { fromIni } from '@aws-sdk/credential-providers';
import { makeClient, register } from './aws.js';
register(fromIni());
makeClient({ credentials: fromIni({ profile: 'dev' }) });
app.listen(3000);
    `,
    // A client of another module with the same name.
    `
import { fromIni } from '@aws-sdk/credential-providers';
import { S3Client } from './s3-client.js';
new S3Client({ credentials: fromIni() });
app.listen(3000);
    `,
    // Credentials the file does not define.
    `
import { S3Client } from '@aws-sdk/client-s3';
export function createS3(credentials) {
  return new S3Client({ credentials });
}
    `,
    // Providers that carry an expiration.
    `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
new DynamoDBClient({ credentials: fromNodeProviderChain() });
new DynamoDBClient({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/app' } }) });
app.listen(3000);
    `,
    // A source profile inside `fromTemporaryCredentials` is out of scope: the role credentials themselves refresh.
    `
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
new STSClient({
  credentials: fromTemporaryCredentials({ masterCredentials: fromIni(), params: { RoleArn: 'arn:aws:iam::123456789012:role/app' } }),
});
app.listen(3000);
    `,
    // Look-alike `fromIni` from another package.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from 'ini-credentials';
new S3Client({ credentials: fromIni() });
app.listen(3000);
    `,
    // A local function named `fromIni`.
    `
import { S3Client } from '@aws-sdk/client-s3';
function fromIni() {
  return async () => ({ accessKeyId: 'a', secretAccessKey: 'b', expiration: new Date(Date.now() + 900_000) });
}
new S3Client({ credentials: fromIni() });
app.listen(3000);
    `,
    // A shadowed `require` is not the module loader.
    {
      code: `
function build(require) {
  const { fromIni } = require('@aws-sdk/credential-providers');
  const { S3Client } = require('@aws-sdk/client-s3');
  return new S3Client({ credentials: fromIni() });
}
setInterval(tick, 1000);
      `,
      languageOptions: commonjs,
    },
    // Profiles listed in `profilesAssumingRoles` carry an expiration and refresh.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const PROFILE = 'deploy';
new S3Client({ credentials: fromIni({ profile: 'deploy' }) });
new S3Client({ credentials: fromIni({ profile: PROFILE, ignoreCache: true }) });
app.listen(3000);
      `,
      options: [{ profilesAssumingRoles: ['deploy'] }],
    },
    {
      code: `
const AWS = require('aws-sdk');
AWS.config.credentials = new AWS.SharedIniFileCredentials({ profile: 'deploy' });
app.listen(3000);
      `,
      options: [{ profilesAssumingRoles: ['deploy'] }],
      languageOptions: commonjs,
    },
    // v2 providers that refresh on their own, and a profile loaded without being given to a client.
    `
import AWS from 'aws-sdk';
new AWS.S3({ credentials: new AWS.EC2MetadataCredentials({ maxRetries: 3 }) });
const profile = new AWS.SharedIniFileCredentials({ profile: 'dev' });
profile.get((error) => console.log(error ?? profile.accessKeyId));
app.listen(3000);
    `,
    // A v2 `SharedIniFileCredentials` of a look-alike module.
    `
import AWS from './aws-shim.js';
AWS.config.credentials = new AWS.SharedIniFileCredentials();
app.listen(3000);
    `,
    // A command-line script (`#!` first line) exits long before the profile file is rotated, even when it exports.
    `#!/usr/bin/env node
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
export async function listBuckets() {
  const { Buckets } = await s3.send(new ListBucketsCommand({}));
  return Buckets;
}
console.log(await listBuckets());
    `,
    // A script that reads its arguments from `process.argv`, and exports its command for tests.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
export async function download(bucket, key) {
  return s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
}
await download(...process.argv.slice(2));
    `,
    // A commander CLI, even when the module also exports.
    `
import { program } from 'commander';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
program.command('sync <bucket>').action((bucket) => sync(s3, bucket));
program.parse();
export { s3 };
    `,
    // A yargs CLI (CommonJS) that also exports its client.
    {
      code: `
const yargs = require('yargs');
const { S3Client } = require('@aws-sdk/client-s3');
const { fromIni } = require('@aws-sdk/credential-providers');
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
const argv = yargs.option('bucket', { type: 'string' }).parse();
upload(s3, argv.bucket);
module.exports = { s3 };
      `,
      languageOptions: commonjs,
    },
    // A run-and-exit main: `process.exit()` once it is done.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
export async function main() {
  await s3.send(new ListBucketsCommand({}));
}
main().then(() => process.exit(0), () => process.exit(1));
    `,
    // `require.main === module` with no server: a script that can also be loaded.
    {
      code: `
const { S3Client } = require('@aws-sdk/client-s3');
const { fromIni } = require('@aws-sdk/credential-providers');
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
async function migrate() {
  await s3.send(new ListBucketsCommand({}));
}
module.exports = { migrate };
if (require.main === module) migrate();
      `,
      languageOptions: commonjs,
    },
    // No sign of how long the file runs (no server, loop, timer or export): not reported.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
await s3.send(new ListBucketsCommand({}));
    `,
    // A pagination loop ends by itself, and a sleep helper's `setTimeout` does not reschedule anything.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let token;
do {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: 'logs', ContinuationToken: token }));
  token = page.NextContinuationToken;
  await sleep(100);
} while (token);
    `,
    // A conditional spread overridden by a later `credentials`: the profile never reaches the client.
    `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
const profile = process.env.DATA_PROFILE;
export const dynamo = new DynamoDBClient({
  ...(profile ? { credentials: fromIni({ profile }) } : {}),
  credentials: fromNodeProviderChain(),
});
    `,
  ],
  invalid: [
    {
      // `checkTestFiles` turns the rule on in test files.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({ credentials: fromIni() });
      `,
      filename: 'src/__tests__/upload.test.ts',
      options: [{ checkTestFiles: true }],
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 47, endLine: 4, endColumn: 56,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ ignoreCache: true })).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM named import; the suggestion extends the existing import declaration.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({ region: 'eu-west-1', credentials: fromIni() });
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 68, endLine: 4, endColumn: 77,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({ region: 'eu-west-1', credentials: createCredentialChain(fromIni({ ignoreCache: true })).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // Aliased import; the profile and other options are kept as written.
      code: `
import { SQSClient } from '@aws-sdk/client-sqs';
import { fromIni as profileCredentials } from '@aws-sdk/credential-providers';
const sqs = new SQSClient({ credentials: profileCredentials({ profile: 'worker' }) });
setInterval(() => drainQueue(sqs), 30_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'SQSClient' },
          line: 4, column: 42, endLine: 4, endColumn: 83,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { SQSClient } from '@aws-sdk/client-sqs';
import { fromIni as profileCredentials, createCredentialChain } from '@aws-sdk/credential-providers';
const sqs = new SQSClient({ credentials: createCredentialChain(profileCredentials({ profile: 'worker', ignoreCache: true })).expireAfter(15 * 60_000) });
setInterval(() => drainQueue(sqs), 30_000);
      `,
            },
          ],
        },
      ],
    },
    {
      // Namespace import: the chain is reached through the namespace, no import is added.
      code: `
import * as providers from '@aws-sdk/credential-providers';
import * as s3 from '@aws-sdk/client-s3';
const client = new s3.S3Client({ credentials: providers.fromIni({ profile: 'uploader' }) });
app.listen(3000);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 47, endLine: 4, endColumn: 89,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import * as providers from '@aws-sdk/credential-providers';
import * as s3 from '@aws-sdk/client-s3';
const client = new s3.S3Client({ credentials: providers.createCredentialChain(providers.fromIni({ profile: 'uploader', ignoreCache: true })).expireAfter(15 * 60_000) });
app.listen(3000);
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` declared (CommonJS): the suggestion extends the destructuring.
      code: `
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { fromIni } = require('@aws-sdk/credential-providers');
module.exports = new DynamoDBClient({ credentials: fromIni({ profile: 'app' }) });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'DynamoDBClient' },
          line: 4, column: 52, endLine: 4, endColumn: 79,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { fromIni, createCredentialChain } = require('@aws-sdk/credential-providers');
module.exports = new DynamoDBClient({ credentials: createCredentialChain(fromIni({ profile: 'app', ignoreCache: true })).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` declared as a global, aliased destructuring.
      code: `
const { S3Client } = require('@aws-sdk/client-s3');
const { fromIni: loadProfile } = require('@aws-sdk/credential-providers');
const s3 = new S3Client({ credentials: loadProfile() });
server.listen(8080);
      `,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 40, endLine: 4, endColumn: 53,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
const { S3Client } = require('@aws-sdk/client-s3');
const { fromIni: loadProfile, createCredentialChain } = require('@aws-sdk/credential-providers');
const s3 = new S3Client({ credentials: createCredentialChain(loadProfile({ ignoreCache: true })).expireAfter(15 * 60_000) });
server.listen(8080);
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` not declared, member access: the chain is reached through the module object.
      code: `
const providers = require('@aws-sdk/credential-providers');
const { SNSClient } = require('@aws-sdk/client-sns');
const sns = new SNSClient({ credentials: providers.fromIni() });
setInterval(publishHeartbeat, 60_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'SNSClient' },
          line: 4, column: 42, endLine: 4, endColumn: 61,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
const providers = require('@aws-sdk/credential-providers');
const { SNSClient } = require('@aws-sdk/client-sns');
const sns = new SNSClient({ credentials: providers.createCredentialChain(providers.fromIni({ ignoreCache: true })).expireAfter(15 * 60_000) });
setInterval(publishHeartbeat, 60_000);
      `,
            },
          ],
        },
      ],
    },
    {
      // `fromIni` from the single-provider package: `createCredentialChain` comes from credential-providers,
      // required in the file's CommonJS style after its last require.
      code: `
'use strict';
const { fromIni } = require('@aws-sdk/credential-provider-ini');
const { KMSClient } = require('@aws-sdk/client-kms');

const kms = new KMSClient({ credentials: fromIni({ profile: 'crypto' }) });
app.listen(process.env.PORT);
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'KMSClient' },
          line: 6, column: 42, endLine: 6, endColumn: 72,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
'use strict';
const { fromIni } = require('@aws-sdk/credential-provider-ini');
const { KMSClient } = require('@aws-sdk/client-kms');
const { createCredentialChain } = require('@aws-sdk/credential-providers');

const kms = new KMSClient({ credentials: createCredentialChain(fromIni({ profile: 'crypto', ignoreCache: true })).expireAfter(15 * 60_000) });
app.listen(process.env.PORT);
      `,
            },
          ],
        },
      ],
    },
    {
      // The single-provider package with ESM imports: a new import declaration after the last one.
      code: `
import { fromIni } from '@aws-sdk/credential-provider-ini';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export const secrets = new SecretsManagerClient({ credentials: fromIni() });
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'SecretsManagerClient' },
          line: 5, column: 64, endLine: 5, endColumn: 73,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { fromIni } from '@aws-sdk/credential-provider-ini';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createCredentialChain } from '@aws-sdk/credential-providers';

export const secrets = new SecretsManagerClient({ credentials: createCredentialChain(fromIni({ ignoreCache: true })).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // A local function already holds the name: importing it would declare it twice, so no suggestion.
      code: `
import { fromIni } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
function createCredentialChain(provider) { return provider; }
export const s3 = new S3Client({ credentials: fromIni() });
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 5, column: 47, endLine: 5, endColumn: 56,
          suggestions: [],
        },
      ],
    },
    {
      // An alias takes the name: `{ fromIni as createCredentialChain, createCredentialChain }` would not parse.
      code: `
import { fromIni as createCredentialChain } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ credentials: createCredentialChain() });
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 47, endLine: 4, endColumn: 70,
          suggestions: [],
        },
      ],
    },
    {
      // `await import()`: the destructuring that loads the module takes the new name too.
      code: `
const { fromIni } = await import('@aws-sdk/credential-providers');
const { S3Client } = await import('@aws-sdk/client-s3');
export const s3 = new S3Client({ credentials: fromIni({ profile: 'dev' }) });
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 47, endLine: 4, endColumn: 74,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
const { fromIni, createCredentialChain } = await import('@aws-sdk/credential-providers');
const { S3Client } = await import('@aws-sdk/client-s3');
export const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'dev', ignoreCache: true })).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // `ignoreCache: true` without an expiration: the file would be re-read, but the client never asks again.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain, fromIni } from '@aws-sdk/credential-providers';
new S3Client({ credentials: fromIni({ profile: 'dev', ignoreCache: true }) });
app.listen(3000);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNotRefreshed',
          data: { client: 'S3Client' },
          line: 4, column: 29, endLine: 4, endColumn: 75,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain, fromIni } from '@aws-sdk/credential-providers';
new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'dev', ignoreCache: true })).expireAfter(15 * 60_000) });
app.listen(3000);
      `,
            },
          ],
        },
      ],
    },
    {
      // A spread the file does not define may hold `ignoreCache`: the weaker message.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
import { profileDefaults } from './settings.js';
new S3Client({ credentials: fromIni({ ...profileDefaults, profile: 'dev' }) });
app.listen(3000);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNotRefreshed',
          data: { client: 'S3Client' },
          line: 5, column: 29, endLine: 5, endColumn: 76,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
import { profileDefaults } from './settings.js';
new S3Client({ credentials: createCredentialChain(fromIni({ ...profileDefaults, profile: 'dev', ignoreCache: true })).expireAfter(15 * 60_000) });
app.listen(3000);
      `,
            },
          ],
        },
      ],
    },
    {
      // `ignoreCache: false` is the default cache: replaced by `true`.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
new S3Client({ credentials: fromIni({ ignoreCache: false, profile: 'dev' }) });
app.listen(3000);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 29, endLine: 4, endColumn: 76,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
new S3Client({ credentials: createCredentialChain(fromIni({ ignoreCache: true, profile: 'dev' })).expireAfter(15 * 60_000) });
app.listen(3000);
      `,
            },
          ],
        },
      ],
    },
    {
      // A shared config object given to two clients, directly and through a spread: one report, at the provider.
      code: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';

export const awsConfig = {
  region: 'eu-west-1',
  credentials: fromIni({
    profile: 'app',
  }),
};
export const s3 = new S3Client(awsConfig);
export const dynamo = new DynamoDBClient({ ...awsConfig, maxAttempts: 5 });
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'DynamoDBClient' },
          line: 8, column: 16, endLine: 10, endColumn: 5,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';

export const awsConfig = {
  region: 'eu-west-1',
  credentials: createCredentialChain(fromIni({
    profile: 'app',
    ignoreCache: true,
  })).expireAfter(15 * 60_000),
};
export const s3 = new S3Client(awsConfig);
export const dynamo = new DynamoDBClient({ ...awsConfig, maxAttempts: 5 });
      `,
            },
          ],
        },
      ],
    },
    {
      // Through a `const` and shorthand property.
      code: `
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
const credentials = fromIni({ profile: 'ops' });
export const sts = new STSClient({ credentials });
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'STSClient' },
          line: 4, column: 21, endLine: 4, endColumn: 48,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const credentials = createCredentialChain(fromIni({ profile: 'ops', ignoreCache: true })).expireAfter(15 * 60_000);
export const sts = new STSClient({ credentials });
      `,
            },
          ],
        },
      ],
    },
    {
      // One branch of a conditional: the profile when one is configured, the default chain otherwise.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const profile = process.env.APP_PROFILE;
new S3Client({ credentials: profile ? fromIni({ profile }) : undefined });
app.listen(3000);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 5, column: 39, endLine: 5, endColumn: 59,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const profile = process.env.APP_PROFILE;
new S3Client({ credentials: profile ? createCredentialChain(fromIni({ profile, ignoreCache: true })).expireAfter(15 * 60_000) : undefined });
app.listen(3000);
      `,
            },
          ],
        },
      ],
    },
    {
      // A chain without `.expireAfter()` stamps no expiration: the suggestion adds it to the existing chain.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain, fromEnv, fromIni } from '@aws-sdk/credential-providers';
new S3Client({ credentials: createCredentialChain(fromEnv(), fromIni()) });
app.listen(3000);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 62, endLine: 4, endColumn: 71,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain, fromEnv, fromIni } from '@aws-sdk/credential-providers';
new S3Client({ credentials: createCredentialChain(fromEnv(), fromIni({ ignoreCache: true })).expireAfter(15 * 60_000) });
app.listen(3000);
      `,
            },
          ],
        },
      ],
    },
    {
      // Options the file does not define: `ignoreCache` unknown, so the weaker message; the options are spread.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
export function createS3(init) {
  return new S3Client({ credentials: fromIni(init) });
}
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNotRefreshed',
          data: { client: 'S3Client' },
          line: 5, column: 38, endLine: 5, endColumn: 51,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
export function createS3(init) {
  return new S3Client({ credentials: createCredentialChain(fromIni({ ...init, ignoreCache: true })).expireAfter(15 * 60_000) });
}
      `,
            },
          ],
        },
      ],
    },
    {
      // `profilesAssumingRoles` silences only the profiles it names.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
new S3Client({ credentials: fromIni({ profile: 'deploy' }) });
new S3Client({ credentials: fromIni({ profile: 'dev' }) });
app.listen(3000);
      `,
      options: [{ profilesAssumingRoles: ['deploy'] }],
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 5, column: 29, endLine: 5, endColumn: 56,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
new S3Client({ credentials: fromIni({ profile: 'deploy' }) });
new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'dev', ignoreCache: true })).expireAfter(15 * 60_000) });
app.listen(3000);
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 default import: a service given the profile provider.
      code: `
import AWS from 'aws-sdk';
export const s3 = new AWS.S3({ region: 'eu-west-1', credentials: new AWS.SharedIniFileCredentials({ profile: 'app' }) });
      `,
      output: null,
      errors: [
        {
          messageId: 'v2ProfileNotRefreshed',
          data: { client: 'AWS.S3' },
          line: 3, column: 66, endLine: 3, endColumn: 118,
          suggestions: [],
        },
      ],
    },
    {
      // v2 `require('aws-sdk')`: the global credentials, and the same provider through a const.
      code: `
const AWS = require('aws-sdk');
const profile = new AWS.SharedIniFileCredentials();
AWS.config.credentials = profile;
setInterval(poll, 30_000);
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'v2ProfileNotRefreshed',
          data: { client: 'AWS.config' },
          line: 3, column: 17, endLine: 3, endColumn: 51,
          suggestions: [],
        },
      ],
    },
    {
      // v2 `aws-sdk/global`: `AWS.config.update` and `new AWS.Config`.
      code: `
import AWS from 'aws-sdk/global';
AWS.config.update({ region: 'us-east-1', credentials: new AWS.SharedIniFileCredentials({ profile: 'a' }) });
export const config = new AWS.Config({ credentials: new AWS.SharedIniFileCredentials({ profile: 'b' }) });
      `,
      output: null,
      errors: [
        {
          messageId: 'v2ProfileNotRefreshed',
          data: { client: 'AWS.config' },
          line: 3, column: 55, endLine: 3, endColumn: 105,
          suggestions: [],
        },
        {
          messageId: 'v2ProfileNotRefreshed',
          data: { client: 'AWS.Config' },
          line: 4, column: 53, endLine: 4, endColumn: 103,
          suggestions: [],
        },
      ],
    },
    {
      // v2 named imports, and a per-service client with the provider class from `aws-sdk/global`.
      code: `
import { DynamoDB, SharedIniFileCredentials } from 'aws-sdk';
import AWS from 'aws-sdk/global';
import SQS from 'aws-sdk/clients/sqs';
new DynamoDB({ credentials: new SharedIniFileCredentials() });
new SQS({ credentials: new AWS.SharedIniFileCredentials() });
app.listen(3000);
      `,
      output: null,
      errors: [
        {
          messageId: 'v2ProfileNotRefreshed',
          data: { client: 'DynamoDB' },
          line: 5, column: 29, endLine: 5, endColumn: 59,
          suggestions: [],
        },
        {
          messageId: 'v2ProfileNotRefreshed',
          data: { client: 'SQS' },
          line: 6, column: 24, endLine: 6, endColumn: 58,
          suggestions: [],
        },
      ],
    },
    {
      // `profilesAssumingRoles` applies to v2 as well.
      code: `
const AWS = require('aws-sdk');
AWS.config.update({ credentials: new AWS.SharedIniFileCredentials({ profile: 'deploy' }) });
AWS.config.update({ credentials: new AWS.SharedIniFileCredentials({ profile: 'static' }) });
setInterval(poll, 30_000);
      `,
      options: [{ profilesAssumingRoles: ['deploy'] }],
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'v2ProfileNotRefreshed',
          data: { client: 'AWS.config' },
          line: 4, column: 34, endLine: 4, endColumn: 89,
          suggestions: [],
        },
      ],
    },
    {
      // An Express server that listens.
      code: `
import express from 'express';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
const app = express();
app.get('/', async (req, res) => res.json(await s3.send(new ListBucketsCommand({}))));
app.listen(3000);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 5, column: 40, endLine: 5, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import express from 'express';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
const app = express();
app.get('/', async (req, res) => res.json(await s3.send(new ListBucketsCommand({}))));
app.listen(3000);
      `,
            },
          ],
        },
      ],
    },
    {
      // An `http.createServer` server (CommonJS), without a `.listen()` in the file.
      code: `
const http = require('node:http');
const { S3Client } = require('@aws-sdk/client-s3');
const { fromIni } = require('@aws-sdk/credential-providers');
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
module.exports = http.createServer((req, res) => handle(s3, req, res));
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 5, column: 40, endLine: 5, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
const http = require('node:http');
const { S3Client } = require('@aws-sdk/client-s3');
const { fromIni, createCredentialChain } = require('@aws-sdk/credential-providers');
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
module.exports = http.createServer((req, res) => handle(s3, req, res));
      `,
            },
          ],
        },
      ],
    },
    {
      // A Koa app.
      code: `
import Koa from 'koa';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
const app = new Koa();
app.use((ctx) => serve(s3, ctx));
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 5, column: 40, endLine: 5, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import Koa from 'koa';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
const app = new Koa();
app.use((ctx) => serve(s3, ctx));
      `,
            },
          ],
        },
      ],
    },
    {
      // A worker loop: `while (true)` with an `await` inside.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
while (true) {
  await processBatch(s3);
}
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 40, endLine: 4, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
while (true) {
  await processBatch(s3);
}
      `,
            },
          ],
        },
      ],
    },
    {
      // A polling loop: `for (;;)` with an `await` inside, in an async function.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
async function run() {
  for (;;) {
    await sync(s3);
    await sleep(60_000);
  }
}
run();
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 40, endLine: 4, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
async function run() {
  for (;;) {
    await sync(s3);
    await sleep(60_000);
  }
}
run();
      `,
            },
          ],
        },
      ],
    },
    {
      // A worker stopped by a flag: `while (!stopped)`.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
let stopped = false;
process.on('SIGTERM', () => { stopped = true; });
while (!stopped) {
  await processBatch(s3);
}
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 40, endLine: 4, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
let stopped = false;
process.on('SIGTERM', () => { stopped = true; });
while (!stopped) {
  await processBatch(s3);
}
      `,
            },
          ],
        },
      ],
    },
    {
      // A poller that reschedules itself through `setTimeout`.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
function poll() {
  sync(s3).finally(() => setTimeout(poll, 30_000));
}
poll();
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 40, endLine: 4, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
function poll() {
  sync(s3).finally(() => setTimeout(poll, 30_000));
}
poll();
      `,
            },
          ],
        },
      ],
    },
    {
      // `setInterval`.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
setInterval(() => sync(s3), 60_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 40, endLine: 4, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
setInterval(() => sync(s3), 60_000);
      `,
            },
          ],
        },
      ],
    },
    {
      // An sqs-consumer queue consumer.
      code: `
import { Consumer } from 'sqs-consumer';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
Consumer.create({ queueUrl: process.env.QUEUE_URL, handleMessage: (message) => store(s3, message) }).start();
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 5, column: 40, endLine: 5, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { Consumer } from 'sqs-consumer';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
Consumer.create({ queueUrl: process.env.QUEUE_URL, handleMessage: (message) => store(s3, message) }).start();
      `,
            },
          ],
        },
      ],
    },
    {
      // A bullmq `Worker`.
      code: `
import { Worker } from 'bullmq';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
new Worker('thumbnails', (job) => resize(s3, job.data));
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 5, column: 40, endLine: 5, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { Worker } from 'bullmq';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
new Worker('thumbnails', (job) => resize(s3, job.data));
      `,
            },
          ],
        },
      ],
    },
    {
      // A `ReceiveMessageCommand` loop, even one that ends when the queue is drained.
      code: `
import { SQSClient, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
const sqs = new SQSClient({});
let messages;
do {
  ({ Messages: messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: process.env.QUEUE_URL })));
  await Promise.all(messages.map((message) => store(s3, message)));
} while (messages.length > 0);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 5, column: 40, endLine: 5, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { SQSClient, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
const sqs = new SQSClient({});
let messages;
do {
  ({ Messages: messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: process.env.QUEUE_URL })));
  await Promise.all(messages.map((message) => store(s3, message)));
} while (messages.length > 0);
      `,
            },
          ],
        },
      ],
    },
    {
      // A CLI that starts a server runs long: the server wins over `#!` and commander.
      code: `#!/usr/bin/env node
import { program } from 'commander';
import Fastify from 'fastify';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
program.command('serve').action(() => Fastify().register(routes, { s3 }).listen({ port: 8080 }));
program.parse(process.argv);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 6, column: 40, endLine: 6, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `#!/usr/bin/env node
import { program } from 'commander';
import Fastify from 'fastify';
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
program.command('serve').action(() => Fastify().register(routes, { s3 }).listen({ port: 8080 }));
program.parse(process.argv);
      `,
            },
          ],
        },
      ],
    },
    {
      // A library module that exports a function using the client.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: fromIni({ profile: 'api' }) });
export async function listBuckets() {
  return s3.send(new ListBucketsCommand({}));
}
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 40, endLine: 4, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const s3 = new S3Client({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) });
export async function listBuckets() {
  return s3.send(new ListBucketsCommand({}));
}
      `,
            },
          ],
        },
      ],
    },
    {
      // Aliased import reached through a conditional spread of the client options, in a Fastify server.
      code: `
import Fastify from 'fastify';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromIni as profileCredentials } from '@aws-sdk/credential-providers';
const useProfile = process.env.USE_PROFILE === '1';
const profile = process.env.DATA_PROFILE;
const dynamo = new DynamoDBClient({
  region: 'ap-northeast-1',
  ...(useProfile ? { credentials: profileCredentials({ profile }) } : {}),
});
await Fastify().register(routes, { dynamo }).listen({ port: 8080 });
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'DynamoDBClient' },
          line: 9, column: 35, endLine: 9, endColumn: 66,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import Fastify from 'fastify';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromIni as profileCredentials, createCredentialChain } from '@aws-sdk/credential-providers';
const useProfile = process.env.USE_PROFILE === '1';
const profile = process.env.DATA_PROFILE;
const dynamo = new DynamoDBClient({
  region: 'ap-northeast-1',
  ...(useProfile ? { credentials: createCredentialChain(profileCredentials({ profile, ignoreCache: true })).expireAfter(15 * 60_000) } : {}),
});
await Fastify().register(routes, { dynamo }).listen({ port: 8080 });
      `,
            },
          ],
        },
      ],
    },
    {
      // `cond && { … }` spread, and the whole options chosen by a conditional, in an exported module.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const profile = process.env.APP_PROFILE;
export const s3 = new S3Client({ ...(profile && { credentials: fromIni({ profile }) }) });
export const backup = new S3Client(profile ? { credentials: fromIni() } : {});
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 5, column: 64, endLine: 5, endColumn: 84,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const profile = process.env.APP_PROFILE;
export const s3 = new S3Client({ ...(profile && { credentials: createCredentialChain(fromIni({ profile, ignoreCache: true })).expireAfter(15 * 60_000) }) });
export const backup = new S3Client(profile ? { credentials: fromIni() } : {});
      `,
            },
          ],
        },
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 6, column: 61, endLine: 6, endColumn: 70,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const profile = process.env.APP_PROFILE;
export const s3 = new S3Client({ ...(profile && { credentials: fromIni({ profile }) }) });
export const backup = new S3Client(profile ? { credentials: createCredentialChain(fromIni({ ignoreCache: true })).expireAfter(15 * 60_000) } : {});
      `,
            },
          ],
        },
      ],
    },
  ],
});

tsRuleTester.run(`${rule.name} (TypeScript)`, rule, {
  valid: [
    // A type-only import binds no value: `load` is declared, not imported.
    `
import type * as providers from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
declare const load: typeof providers.fromIni;
new S3Client({ credentials: load() });
app.listen(3000);
    `,
  ],
  invalid: [
    {
      // TS `import x = require()`.
      code: `
import providers = require('@aws-sdk/credential-providers');
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ credentials: providers.fromIni({ profile: 'dev' }) });
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 47, endLine: 4, endColumn: 84,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import providers = require('@aws-sdk/credential-providers');
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ credentials: providers.createCredentialChain(providers.fromIni({ profile: 'dev', ignoreCache: true })).expireAfter(15 * 60_000) });
      `,
            },
          ],
        },
      ],
    },
    {
      // TS wrappers: a typed config object and options cast to their type.
      code: `
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const config = { credentials: fromIni({ profile: 'dev' } as const) } satisfies S3ClientConfig;
export const s3 = new S3Client(config);
      `,
      output: null,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'S3Client' },
          line: 4, column: 31, endLine: 4, endColumn: 67,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: expireAfter,
              output: `
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
const config = { credentials: createCredentialChain(fromIni({ profile: 'dev', ignoreCache: true } as const)).expireAfter(15 * 60_000) } satisfies S3ClientConfig;
export const s3 = new S3Client(config);
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 through TS `import AWS = require('aws-sdk')`.
      code: `
import AWS = require('aws-sdk');
AWS.config.credentials = new AWS.SharedIniFileCredentials({ profile: 'app' });
app.listen(3000);
      `,
      output: null,
      errors: [
        {
          messageId: 'v2ProfileNotRefreshed',
          data: { client: 'AWS.config' },
          line: 3, column: 26, endLine: 3, endColumn: 78,
          suggestions: [],
        },
      ],
    },
  ],
});
