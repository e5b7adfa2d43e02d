import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-one-shot-credentials.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

// `TestLanguageOptions` omits `sourceType`, which the tester passes on to ESLint all the same.
const commonjs = { sourceType: 'commonjs' } as TestLanguageOptions;
const requireDeclared = { globals: { require: 'readonly' } } as const;

ruleTester.run('no-one-shot-credentials', rule, {
  valid: [
    // Test files are skipped by default: their dummy keys for mocks and emulators never expire.
    {
      code: `
import { STSClient, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const { Credentials } = await new STSClient({}).send(new GetSessionTokenCommand({}));
new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } });
      `,
      filename: 'src/__tests__/upload.test.ts',
    },
    {
      code: `
import { STSClient, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const { Credentials } = await new STSClient({}).send(new GetSessionTokenCommand({}));
new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } });
      `,
      filename: 'tests/setup.ts',
    },
    // A provider function that returns `expiration`: the client calls it again before the keys expire.
    `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const sts = new STSClient({});
new S3Client({
  credentials: async () => {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
    };
  },
});
    `,
    // A provider function without `expiration` is `require-credential-expiration`'s business, not a static value.
    `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
async function assume() {
  const r = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
  return { accessKeyId: r.Credentials.AccessKeyId, secretAccessKey: r.Credentials.SecretAccessKey };
}
new S3Client({ credentials: assume });
    `,
    // SDK providers that assume the role again by themselves.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials, fromTokenFile, fromWebToken } from '@aws-sdk/credential-providers';
new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r' } }) });
new S3Client({ credentials: fromWebToken({ roleArn: 'arn:aws:iam::123456789012:role/r', webIdentityToken: token }) });
new S3Client({ credentials: fromTokenFile() });
    `,
    // Providers passed uncalled: the client resolves and refreshes them.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
const provider = fromNodeProviderChain();
new S3Client({ credentials: provider });
new S3Client({ credentials: fromIni({ profile: 'dev' }) });
    `,
    // v2 credentials objects that refresh, given whole.
    `
import AWS from 'aws-sdk';
const ini = new AWS.SharedIniFileCredentials({ profile: 'dev' });
new AWS.S3({ credentials: ini });
new AWS.SQS({ credentials: AWS.config.credentials });
AWS.config.credentials = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r' } });
    `,
    // Keys copied from a plain `AWS.Credentials` are static, not a snapshot: `no-static-credentials` reports them.
    `
import AWS from 'aws-sdk';
const base = new AWS.Credentials(process.env.KEY_ID, process.env.SECRET);
new AWS.S3({ accessKeyId: base.accessKeyId, secretAccessKey: base.secretAccessKey });
    `,
    // Static values from the environment: `no-static-credentials`.
    `
import { S3Client } from '@aws-sdk/client-s3';
new S3Client({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
    `,
    // Unknown values: a parameter and an import.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { assumed } from './assume-role.js';
export function connect(response) {
  return new S3Client({ credentials: { accessKeyId: response.Credentials.AccessKeyId, secretAccessKey: response.Credentials.SecretAccessKey } });
}
new S3Client({ credentials: { accessKeyId: assumed.Credentials.AccessKeyId, secretAccessKey: assumed.Credentials.SecretAccessKey } });
    `,
    // Look-alike: a local `send()` returning `{ Credentials }`, with no STS command.
    `
import { S3Client } from '@aws-sdk/client-s3';
const vault = { send: async () => ({ Credentials: { AccessKeyId: 'id', SecretAccessKey: 'secret' } }) };
const { Credentials } = await vault.send({ path: 'aws/creds/reader' });
new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } });
    `,
    // Look-alike: another library's `AssumeRoleCommand`.
    `
import { AssumeRoleCommand, StsLikeClient } from 'minio-sts';
import { S3Client } from '@aws-sdk/client-s3';
const { Credentials } = await new StsLikeClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:minio:iam:::role/r' }));
new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } });
    `,
    // An STS response that carries no credentials.
    `
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const identity = await new STSClient({}).send(new GetCallerIdentityCommand({}));
new S3Client({ credentials: { accessKeyId: identity.Account, secretAccessKey: identity.Arn } });
    `,
    // A variable given two different values: which one reaches the client is unknown.
    `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
let response = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
response = await load();
new S3Client({ credentials: { accessKeyId: response.Credentials.AccessKeyId, secretAccessKey: response.Credentials.SecretAccessKey } });
    `,
  ],
  invalid: [
    {
      // `checkTestFiles` turns the rule on in test files.
      code: `
import { STSClient, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const { Credentials } = await new STSClient({}).send(new GetSessionTokenCommand({}));
new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } });
      `,
      filename: 'src/__tests__/upload.test.ts',
      options: [{ checkTestFiles: true }],
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'GetSessionToken' },
          line: 5, column: 16, endLine: 5, endColumn: 115,
          suggestions: [],
        },
      ],
    },
    {
      // ESM named imports; the AssumeRole input becomes the provider's params.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';

const sts = new STSClient({});
const { Credentials } = await sts.send(
  new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/reader', RoleSessionName: 'worker' }),
);
export const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
  },
});
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 11,
          column: 3,
          endLine: 15,
          endColumn: 4,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const sts = new STSClient({});
const { Credentials } = await sts.send(
  new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/reader', RoleSessionName: 'worker' }),
);
export const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/reader', RoleSessionName: 'worker' } }),
});
      `,
            },
          ],
        },
      ],
    },
    {
      // Aliased imports, the input in a constant, a renamed destructuring, `?.` and `?? ''`.
      code: `
import { STSClient as Sts, AssumeRoleCommand as Assume } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const params = { RoleArn: 'arn:aws:iam::123456789012:role/reader', RoleSessionName: 'worker' };
const { Credentials: assumed } = await new Sts({}).send(new Assume(params));
new S3Client({ credentials: { accessKeyId: assumed?.AccessKeyId ?? '', secretAccessKey: assumed?.SecretAccessKey ?? '' } });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 121,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { STSClient as Sts, AssumeRoleCommand as Assume } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const params = { RoleArn: 'arn:aws:iam::123456789012:role/reader', RoleSessionName: 'worker' };
const { Credentials: assumed } = await new Sts({}).send(new Assume(params));
new S3Client({ credentials: fromTemporaryCredentials({ params }) });
      `,
            },
          ],
        },
      ],
    },
    {
      // Namespace imports, the command in a constant, one local variable; the provider import is extended and the
      // STS client's own credentials become `masterCredentials`.
      code: `
import * as sts from '@aws-sdk/client-sts';
import * as s3 from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const command = new sts.AssumeRoleCommand({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'job' });
const response = await new sts.STSClient({ credentials: fromIni() }).send(command);
const accessKeyId = response.Credentials.AccessKeyId;
new s3.S3Client({ credentials: { accessKeyId, secretAccessKey: response.Credentials.SecretAccessKey } });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 102,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import * as sts from '@aws-sdk/client-sts';
import * as s3 from '@aws-sdk/client-s3';
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const command = new sts.AssumeRoleCommand({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'job' });
const response = await new sts.STSClient({ credentials: fromIni() }).send(command);
const accessKeyId = response.Credentials.AccessKeyId;
new s3.S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN, RoleSessionName: 'job' }, masterCredentials: fromIni() }) });
      `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, `require` declared; GetSessionToken has no AssumeRole input: no suggestion.
      code: `
const { STSClient, GetSessionTokenCommand } = require('@aws-sdk/client-sts');
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
async function connect() {
  const { Credentials } = await new STSClient({}).send(new GetSessionTokenCommand({ DurationSeconds: 3600 }));
  return new DynamoDBClient({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } });
}
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'DynamoDBClient', source: 'GetSessionToken' },
          line: 6,
          column: 31,
          endLine: 6,
          endColumn: 130,
          suggestions: [],
        },
      ],
    },
    {
      // `require` declared as a global, aliased destructuring; the suggestion adds a `require`.
      code: `
const { STSClient: Client, AssumeRoleCommand: Assume } = require('@aws-sdk/client-sts');
const { SQSClient } = require('@aws-sdk/client-sqs');
exports.handler = async () => {
  const { Credentials } = await new Client({}).send(new Assume({ RoleArn: 'arn:aws:iam::123456789012:role/queue', RoleSessionName: 'q' }));
  const sqs = new SQSClient({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } });
  return sqs;
};
      `,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'SQSClient', source: 'AssumeRole' },
          line: 6,
          column: 31,
          endLine: 6,
          endColumn: 130,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
const { STSClient: Client, AssumeRoleCommand: Assume } = require('@aws-sdk/client-sts');
const { SQSClient } = require('@aws-sdk/client-sqs');
const { fromTemporaryCredentials } = require('@aws-sdk/credential-providers');
exports.handler = async () => {
  const { Credentials } = await new Client({}).send(new Assume({ RoleArn: 'arn:aws:iam::123456789012:role/queue', RoleSessionName: 'q' }));
  const sqs = new SQSClient({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/queue', RoleSessionName: 'q' } }) });
  return sqs;
};
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` not declared, module member access.
      code: `
const sts = require('@aws-sdk/client-sts');
const { S3Client } = require('@aws-sdk/client-s3');
const out = await new sts.STSClient({}).send(new sts.AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'r' }));
new S3Client({ credentials: { accessKeyId: out.Credentials.AccessKeyId, secretAccessKey: out.Credentials.SecretAccessKey } });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 123,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
const sts = require('@aws-sdk/client-sts');
const { S3Client } = require('@aws-sdk/client-s3');
const { fromTemporaryCredentials } = require('@aws-sdk/credential-providers');
const out = await new sts.STSClient({}).send(new sts.AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'r' }));
new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'r' } }) });
      `,
            },
          ],
        },
      ],
    },
    {
      // `await import()`.
      code: `
const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
const { SNSClient } = await import('@aws-sdk/client-sns');
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/n', RoleSessionName: 'n' }));
new SNSClient({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'SNSClient', source: 'AssumeRole' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 116,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
const { SNSClient } = await import('@aws-sdk/client-sns');
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/n', RoleSessionName: 'n' }));
new SNSClient({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/n', RoleSessionName: 'n' } }) });
      `,
            },
          ],
        },
      ],
    },
    {
      // v3 aggregated `STS` and `S3`; `credentials` shorthand for an object built from the response.
      code: `
import { STS } from '@aws-sdk/client-sts';
import { S3 } from '@aws-sdk/client-s3';
const sts = new STS({ region: 'us-east-1' });
const { Credentials } = await sts.assumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' });
const credentials = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey };
new S3({ credentials });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3', source: 'AssumeRole' },
          line: 7,
          column: 10,
          endLine: 7,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { STS } from '@aws-sdk/client-sts';
import { S3 } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const sts = new STS({ region: 'us-east-1' });
const { Credentials } = await sts.assumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' });
const credentials = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey };
new S3({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' } }) });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 default import, `.promise()`, top-level keys in `AWS.config.update`: reported on `accessKeyId`.
      code: `
import AWS from 'aws-sdk';
const data = await new AWS.STS().assumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }).promise();
AWS.config.update({
  region: 'eu-west-1',
  accessKeyId: data.Credentials.AccessKeyId,
  secretAccessKey: data.Credentials.SecretAccessKey,
  sessionToken: data.Credentials.SessionToken,
});
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.config.update', source: 'AssumeRole' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useChainableTemporaryCredentials',
              data: { namespace: 'AWS' },
              output: `
import AWS from 'aws-sdk';
const data = await new AWS.STS().assumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }).promise();
AWS.config.update({
  region: 'eu-west-1',
  credentials: new AWS.ChainableTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' } }),
});
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 callback `data`, destructured: `new AWS.Credentials`, `AWS.config.credentials = {…}` and
      // `AWS.config.accessKeyId =` (its `secretAccessKey` companion is the same finding).
      code: `
const AWS = require('aws-sdk');
const sts = new AWS.STS();
sts.assumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }, function (err, data) {
  if (err) throw err;
  const { AccessKeyId, SecretAccessKey, SessionToken } = data.Credentials;
  new AWS.S3({ credentials: new AWS.Credentials(AccessKeyId, SecretAccessKey, SessionToken) });
  AWS.config.credentials = { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken };
  AWS.config.accessKeyId = AccessKeyId;
  AWS.config.secretAccessKey = SecretAccessKey;
});
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.Credentials', source: 'AssumeRole' },
          line: 7,
          column: 29,
          endLine: 7,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'useChainableTemporaryCredentials',
              data: { namespace: 'AWS' },
              output: `
const AWS = require('aws-sdk');
const sts = new AWS.STS();
sts.assumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }, function (err, data) {
  if (err) throw err;
  const { AccessKeyId, SecretAccessKey, SessionToken } = data.Credentials;
  new AWS.S3({ credentials: new AWS.ChainableTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' } }) });
  AWS.config.credentials = { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken };
  AWS.config.accessKeyId = AccessKeyId;
  AWS.config.secretAccessKey = SecretAccessKey;
});
      `,
            },
          ],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.config.credentials', source: 'AssumeRole' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'useChainableTemporaryCredentials',
              data: { namespace: 'AWS' },
              output: `
const AWS = require('aws-sdk');
const sts = new AWS.STS();
sts.assumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }, function (err, data) {
  if (err) throw err;
  const { AccessKeyId, SecretAccessKey, SessionToken } = data.Credentials;
  new AWS.S3({ credentials: new AWS.Credentials(AccessKeyId, SecretAccessKey, SessionToken) });
  AWS.config.credentials = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' } });
  AWS.config.accessKeyId = AccessKeyId;
  AWS.config.secretAccessKey = SecretAccessKey;
});
      `,
            },
          ],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.config.accessKeyId', source: 'AssumeRole' },
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    {
      // v2 namespace import, `new AWS.Credentials({ … })` object form assigned to `AWS.config.credentials`.
      code: `
import * as AWS from 'aws-sdk';
const params = { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' };
const { Credentials } = await new AWS.STS().assumeRole(params).promise();
AWS.config.credentials = new AWS.Credentials({
  accessKeyId: Credentials.AccessKeyId,
  secretAccessKey: Credentials.SecretAccessKey,
  sessionToken: Credentials.SessionToken,
});
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.Credentials', source: 'AssumeRole' },
          line: 5,
          column: 26,
          endLine: 9,
          endColumn: 3,
          suggestions: [
            {
              messageId: 'useChainableTemporaryCredentials',
              data: { namespace: 'AWS' },
              output: `
import * as AWS from 'aws-sdk';
const params = { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' };
const { Credentials } = await new AWS.STS().assumeRole(params).promise();
AWS.config.credentials = new AWS.ChainableTemporaryCredentials({ params });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 per-service modules: no `AWS` namespace to build the provider from, so no suggestion.
      code: `
import STS from 'aws-sdk/clients/sts';
import S3 from 'aws-sdk/clients/s3';
const { Credentials } = await new STS().assumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }).promise();
new S3({ accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'aws-sdk/clients/s3', source: 'AssumeRole' },
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 46,
          suggestions: [],
        },
      ],
    },
    {
      // v2 named imports: no namespace either.
      code: `
import { S3, STS } from 'aws-sdk';
const data = await new STS().assumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }).promise();
new S3({ credentials: { accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey } });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.S3', source: 'AssumeRole' },
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 119,
          suggestions: [],
        },
      ],
    },
    {
      // Awaited providers: called once, their result kept.
      code: `
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { S3Client } from '@aws-sdk/client-s3';
const fromProfile = await fromIni({ profile: 'dev' })();
new S3Client({ credentials: fromProfile });
const chain = fromNodeProviderChain();
const resolved = await chain();
new S3Client({ credentials: { accessKeyId: resolved.accessKeyId, secretAccessKey: resolved.secretAccessKey } });
const { accessKeyId, secretAccessKey, sessionToken } = await defaultProvider()();
new S3Client({ credentials: { accessKeyId, secretAccessKey, sessionToken } });
const base = new S3Client({});
const current = await base.config.credentials();
new S3Client({ credentials: { ...current } });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'fromIni()' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 40,
          suggestions: [],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'fromNodeProviderChain()' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 109,
          suggestions: [],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'defaultProvider()' },
          line: 11,
          column: 16,
          endLine: 11,
          endColumn: 75,
          suggestions: [],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'base.config.credentials()' },
          line: 14,
          column: 16,
          endLine: 14,
          endColumn: 43,
          suggestions: [],
        },
      ],
    },
    {
      // v2 snapshot of the global credentials after `getPromise()`.
      code: `
import AWS from 'aws-sdk';
await AWS.config.credentials.getPromise();
new AWS.S3({ accessKeyId: AWS.config.credentials.accessKeyId, secretAccessKey: AWS.config.credentials.secretAccessKey });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.S3', source: 'AWS.config.credentials' },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 61,
          suggestions: [],
        },
      ],
    },
    {
      // v2 snapshots: the `AWS.config.getCredentials` callback's credentials, a provider object after `get()`,
      // and keys destructured from `AWS.config.credentials`.
      code: `
import AWS from 'aws-sdk';
AWS.config.getCredentials((err, credentials) => {
  new AWS.SNS({ accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey });
});
const instance = new AWS.EC2MetadataCredentials();
instance.get(() => {
  new AWS.SQS({ credentials: { accessKeyId: instance.accessKeyId, secretAccessKey: instance.secretAccessKey } });
});
const { accessKeyId, secretAccessKey } = AWS.config.credentials;
AWS.config = new AWS.Config({ accessKeyId, secretAccessKey });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.SNS', source: 'credentials' },
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 53,
          suggestions: [],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.SQS', source: 'instance' },
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 110,
          suggestions: [],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.Config', source: 'AWS.config.credentials' },
          line: 11,
          column: 31,
          endLine: 11,
          endColumn: 42,
          suggestions: [],
        },
      ],
    },
    {
      // v2 snapshots of another client's credentials and of an alias of the global ones.
      code: `
import AWS from 'aws-sdk';
const s3 = new AWS.S3();
new AWS.SQS({ accessKeyId: s3.config.credentials.accessKeyId, secretAccessKey: s3.config.credentials.secretAccessKey });
const global = AWS.config.credentials;
new AWS.SNS({ accessKeyId: global?.accessKeyId ?? '', secretAccessKey: global?.secretAccessKey ?? '' });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.SQS', source: 's3.config.credentials' },
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 61,
          suggestions: [],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.SNS', source: 'global' },
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 53,
          suggestions: [],
        },
      ],
    },
    {
      // A module-level cache, declared without a value and filled once by assignment.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const sts = new STSClient({});
let cached;
async function refresh() {
  const r = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
  cached = { accessKeyId: r.Credentials.AccessKeyId, secretAccessKey: r.Credentials.SecretAccessKey };
}
export async function getS3() {
  if (!cached) await refresh();
  return new S3Client({ credentials: cached });
}
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 12,
          column: 25,
          endLine: 12,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const sts = new STSClient({});
let cached;
async function refresh() {
  const r = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
  cached = { accessKeyId: r.Credentials.AccessKeyId, secretAccessKey: r.Credentials.SecretAccessKey };
}
export async function getS3() {
  if (!cached) await refresh();
  return new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' } }) });
}
      `,
            },
          ],
        },
      ],
    },
    {
      // A cache initialised to `null` and reset to `null`, holding the whole STS `Credentials` object.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { KinesisClient } from '@aws-sdk/client-kinesis';
let assumed = null;
export async function getClient(roleArn) {
  if (!assumed) {
    const response = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'k' }));
    assumed = response.Credentials;
  }
  return new KinesisClient({ credentials: { accessKeyId: assumed.AccessKeyId, secretAccessKey: assumed.SecretAccessKey } });
}
export function reset() {
  assumed = null;
}
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'KinesisClient', source: 'AssumeRole' },
          line: 10,
          column: 30,
          endLine: 10,
          endColumn: 121,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
let assumed = null;
export async function getClient(roleArn) {
  if (!assumed) {
    const response = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'k' }));
    assumed = response.Credentials;
  }
  return new KinesisClient({ credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn, RoleSessionName: 'k' } }) });
}
export function reset() {
  assumed = null;
}
      `,
            },
          ],
        },
      ],
    },
    {
      // A local function's result; its input uses a parameter the client cannot see, so no suggestion.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
async function assume(roleArn) {
  const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'x' }));
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey };
}
export const s3 = new S3Client({ credentials: await assume('arn:aws:iam::123456789012:role/r') });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 8,
          column: 34,
          endLine: 8,
          endColumn: 95,
          suggestions: [],
        },
      ],
    },
    {
      // The whole STS `Credentials` spread inline, and an object built from it with `expiration`: still static.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/a', RoleSessionName: 'a' }));
new S3Client({ credentials: { ...Credentials } });
const { Credentials: second } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/b', RoleSessionName: 'b' }));
const assumed = { accessKeyId: second.AccessKeyId, secretAccessKey: second.SecretAccessKey, expiration: second.Expiration };
new S3Client({ credentials: assumed });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/a', RoleSessionName: 'a' }));
new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/a', RoleSessionName: 'a' } }) });
const { Credentials: second } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/b', RoleSessionName: 'b' }));
const assumed = { accessKeyId: second.AccessKeyId, secretAccessKey: second.SecretAccessKey, expiration: second.Expiration };
new S3Client({ credentials: assumed });
      `,
            },
          ],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/a', RoleSessionName: 'a' }));
new S3Client({ credentials: { ...Credentials } });
const { Credentials: second } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/b', RoleSessionName: 'b' }));
const assumed = { accessKeyId: second.AccessKeyId, secretAccessKey: second.SecretAccessKey, expiration: second.Expiration };
new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/b', RoleSessionName: 'b' } }) });
      `,
            },
          ],
        },
      ],
    },
    {
      // One config object shared by two clients: one report. AssumeRoleWithWebIdentity: no AssumeRole input.
      code: `
import { STSClient, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const web = await new STSClient({}).send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::123456789012:role/w', RoleSessionName: 'w', WebIdentityToken: token }));
const config = { region: 'us-east-1', credentials: { accessKeyId: web.Credentials.AccessKeyId, secretAccessKey: web.Credentials.SecretAccessKey } };
new S3Client(config);
new DynamoDBClient(config);
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRoleWithWebIdentity' },
          line: 6,
          column: 39,
          endLine: 6,
          endColumn: 146,
          suggestions: [],
        },
      ],
    },
    {
      // An existing aliased import of the provider is reused.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials as temporary } from '@aws-sdk/credential-providers';
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'r' }));
new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 115,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials as temporary } from '@aws-sdk/credential-providers';
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'r' }));
new S3Client({ credentials: temporary({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'r' } }) });
      `,
            },
          ],
        },
      ],
    },
    {
      // A local `fromTemporaryCredentials` would collide with the import: no suggestion.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const fromTemporaryCredentials = (options) => options;
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'r' }));
new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 115,
          suggestions: [],
        },
      ],
    },
  ],
});

tsRuleTester.run('no-one-shot-credentials (TypeScript)', rule, {
  valid: [
    // Type-only imports bind no value; the response arrives as a parameter: unknown.
    `
import type { AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
export function connect(output: AssumeRoleCommandOutput): S3Client {
  return new S3Client({ credentials: { accessKeyId: output.Credentials!.AccessKeyId!, secretAccessKey: output.Credentials!.SecretAccessKey! } });
}
    `,
  ],
  invalid: [
    {
      // TS `import x = require()` and non-null assertions.
      code: `
import sts = require('@aws-sdk/client-sts');
import { S3Client } from '@aws-sdk/client-s3';
export async function connect(): Promise<S3Client> {
  const { Credentials } = await new sts.STSClient({}).send(new sts.AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
  return new S3Client({ credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey! } });
}
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 128,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import sts = require('@aws-sdk/client-sts');
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
export async function connect(): Promise<S3Client> {
  const { Credentials } = await new sts.STSClient({}).send(new sts.AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
  return new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' } }) });
}
      `,
            },
          ],
        },
      ],
    },
    {
      // A typed cache, `as`, `satisfies` and `!` between the response and the client.
      code: `
import { STSClient, AssumeRoleCommand, type Credentials } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentity } from '@smithy/types';
const sts = new STSClient({});
let cached: AwsCredentialIdentity | undefined;
export async function refresh(): Promise<void> {
  const output = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
  const creds = output.Credentials as Credentials;
  cached = { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey! } satisfies AwsCredentialIdentity;
}
export const s3 = (): S3Client => new S3Client({ credentials: cached! });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 12,
          column: 50,
          endLine: 12,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { STSClient, AssumeRoleCommand, type Credentials } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentity } from '@smithy/types';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const sts = new STSClient({});
let cached: AwsCredentialIdentity | undefined;
export async function refresh(): Promise<void> {
  const output = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
  const creds = output.Credentials as Credentials;
  cached = { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey! } satisfies AwsCredentialIdentity;
}
export const s3 = (): S3Client => new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' } }) });
      `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-one-shot-credentials (flow and credential model)', rule, {
  valid: [
    // A cache whose age a local helper checks: the provider asks STS again once the keys are near their expiry.
    `
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const sts = new STSClient({});
let cached;
const isFresh = (c) => c.expiration.getTime() - 5 * 60_000 > Date.now();
async function streamCredentials() {
  if (cached && isFresh(cached)) return cached;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
  cached = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken, expiration: Credentials.Expiration };
  return cached;
}
export const kinesis = new KinesisClient({ credentials: streamCredentials });
    `,
    // The same cache, checked against the clock before it is returned.
    `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const sts = new STSClient({});
let cached;
async function credentials() {
  if (cached && cached.expiration.getTime() - Date.now() > 5 * 60 * 1000) return cached;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
  cached = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration };
  return cached;
}
new S3Client({ credentials });
    `,
    // A provider that returns a fresh STS copy with its expiration.
    `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const sts = new STSClient({});
async function credentials() {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration };
}
new S3Client({ credentials });
    `,
    // `getCredentials` that calls a provider each time.
    `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const provider = fromNodeProviderChain();
const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() });
    `,
    // A signer given a provider.
    `
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const signer = new SignatureV4({ credentials: fromNodeProviderChain(), service: 'es', region: 'eu-west-1', sha256: Sha256 });
    `,
  ],
  invalid: [
    {
      // Credentials kept on `this` in one method and given to a client in another.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
class Uploader {
  constructor() { this.sts = new STSClient({}); }
  async connect() {
    const { Credentials } = await this.sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
    this.credentials = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
  }
  client() {
    return new S3Client({ credentials: this.credentials });
  }
}
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 11,
          column: 27,
          endLine: 11,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
class Uploader {
  constructor() { this.sts = new STSClient({}); }
  async connect() {
    const { Credentials } = await this.sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
    this.credentials = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
  }
  client() {
    return new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' } }) });
  }
}
      `,
            },
          ],
        },
      ],
    },
    {
      // A helper method whose parameter is the STS response, called as `this.toCredentials(response)`.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const sts = new STSClient({});
class Session {
  toCredentials(response) {
    return { accessKeyId: response.Credentials.AccessKeyId, secretAccessKey: response.Credentials.SecretAccessKey };
  }
  async client(params) {
    const response = await sts.send(new AssumeRoleCommand(params));
    return new S3Client({ credentials: this.toCredentials(response) });
  }
}
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 11,
          column: 27,
          endLine: 11,
          endColumn: 68,
          suggestions: [],
        },
      ],
    },
    {
      // A `Map` cache: `sessions.set(id, {…})` in one function, `sessions.get(id)` given in another.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const sts = new STSClient({});
const sessions = new Map();
export async function login(id, params) {
  const { Credentials } = await sts.send(new AssumeRoleCommand(params));
  sessions.set(id, { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey });
}
export function client(id) {
  return new S3Client({ credentials: sessions.get(id) });
}
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 54,
          suggestions: [],
        },
      ],
    },
    {
      // The object built in `.then(({ Credentials }) => …)`.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const sts = new STSClient({});
const params = { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' };
const credentials = await sts.send(new AssumeRoleCommand(params)).then(({ Credentials }) => ({
  accessKeyId: Credentials.AccessKeyId,
  secretAccessKey: Credentials.SecretAccessKey,
}));
new S3Client({ credentials });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const sts = new STSClient({});
const params = { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' };
const credentials = await sts.send(new AssumeRoleCommand(params)).then(({ Credentials }) => ({
  accessKeyId: Credentials.AccessKeyId,
  secretAccessKey: Credentials.SecretAccessKey,
}));
new S3Client({ credentials: fromTemporaryCredentials({ params }) });
      `,
            },
          ],
        },
      ],
    },
    {
      // Cognito identity pool credentials, v3 and v2 `.promise()`: the secret is `SecretKey`.
      code: `
import { CognitoIdentityClient, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { S3Client } from '@aws-sdk/client-s3';
import AWS from 'aws-sdk';
const cognito = new CognitoIdentityClient({});
const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId }));
new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretKey, sessionToken: Credentials.SessionToken } });
const v2 = await new AWS.CognitoIdentity().getCredentialsForIdentity({ IdentityId: identityId }).promise();
new AWS.S3({ accessKeyId: v2.Credentials.AccessKeyId, secretAccessKey: v2.Credentials.SecretKey, sessionToken: v2.Credentials.SessionToken });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'GetCredentialsForIdentity' },
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 149,
          suggestions: [],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.S3', source: 'GetCredentialsForIdentity' },
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 53,
          suggestions: [],
        },
      ],
    },
    {
      // IAM Identity Center role credentials.
      code: `
import { SSOClient, GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { S3Client } from '@aws-sdk/client-s3';
const sso = new SSOClient({ region: 'eu-west-1' });
const { roleCredentials } = await sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
new S3Client({
  credentials: { accessKeyId: roleCredentials.accessKeyId, secretAccessKey: roleCredentials.secretAccessKey, sessionToken: roleCredentials.sessionToken },
});
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'GetRoleCredentials' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 154,
          suggestions: [],
        },
      ],
    },
    {
      // A provider chain called once: given to `SignatureV4` and to a client.
      code: `
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { S3Client } from '@aws-sdk/client-s3';
const credentials = await fromNodeProviderChain()();
const signer = new SignatureV4({ credentials, service: 'es', region: 'eu-west-1', sha256: Sha256 });
const s3 = new S3Client({ credentials });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'SignatureV4', source: 'fromNodeProviderChain()' },
          line: 7,
          column: 34,
          endLine: 7,
          endColumn: 45,
          suggestions: [],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'fromNodeProviderChain()' },
          line: 8,
          column: 27,
          endLine: 8,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      // `aws-opensearch-connector` given a provider's result.
      code: `
import createAwsOpensearchConnector from 'aws-opensearch-connector';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Client } from '@opensearch-project/opensearch';
const client = new Client({
  ...createAwsOpensearchConnector({ credentials: await defaultProvider()(), region: 'eu-west-1' }),
  node: 'https://search.example.com',
});
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'aws-opensearch-connector', source: 'defaultProvider()' },
          line: 6,
          column: 37,
          endLine: 6,
          endColumn: 75,
          suggestions: [],
        },
      ],
    },
    {
      // `getCredentials` that hands out a module-level snapshot: reported where the snapshot is resolved.
      code: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const resolved = await fromNodeProviderChain()();
const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => Promise.resolve(resolved) });
      `,
      output: null,
      errors: [
        {
          messageId: 'cachedCredentials',
          data: { target: 'AwsSigv4Signer', source: 'fromNodeProviderChain()' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useProviderGetter',
              data: { getter: '() => provider()' },
              output: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const provider = fromNodeProviderChain();
const resolved = await fromNodeProviderChain()();
const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() });
      `,
            },
          ],
        },
      ],
    },
    {
      // A provider that returns a module-level STS copy and never checks its expiry: reported on the copy.
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const sts = new STSClient({});
let cached;
async function credentials() {
  if (cached) return cached;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
  cached = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration };
  return cached;
}
new S3Client({ credentials });
      `,
      output: null,
      errors: [
        {
          messageId: 'cachedCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 134,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-one-shot-credentials (opensearch getCredentials)', rule, {
  valid: [
    // A provider created once and called at each `getCredentials`: its credentials carry `expiration`.
    `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const provider = fromNodeProviderChain();
export const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() });
    `,
    // A cache whose expiry the getter checks.
    `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const chain = fromNodeProviderChain();
let cached;
export const signer = AwsSigv4Signer({
  region: 'eu-west-1',
  service: 'es',
  getCredentials: async () => {
    if (!cached || cached.expiration.getTime() - Date.now() < 5 * 60_000) cached = await chain();
    return cached;
  },
});
    `,
  ],
  invalid: [
    {
      // The getter keeps what a module-level provider returned: it calls that provider instead, created once already.
      code: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const chain = fromNodeProviderChain();
let cached;
export const signer = AwsSigv4Signer({
  region: 'eu-west-1',
  service: 'es',
  getCredentials: async () => {
    cached ??= await chain();
    return cached;
  },
});
      `,
      output: null,
      errors: [
        {
          messageId: 'cachedCredentials',
          data: { target: 'AwsSigv4Signer', source: 'fromNodeProviderChain()' },
          line: 10,
          column: 22,
          endLine: 10,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useProviderGetter',
              data: { getter: '() => chain()' },
              output: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const chain = fromNodeProviderChain();
let cached;
export const signer = AwsSigv4Signer({
  region: 'eu-west-1',
  service: 'es',
  getCredentials: () => chain(),
});
      `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, a namespace \`require\`, a shorthand \`getCredentials\` function: the provider is hoisted after the
      // requires.
      code: `
const { AwsSigv4Signer } = require('@opensearch-project/opensearch/aws');
const providers = require('@aws-sdk/credential-providers');
let credentials;
async function getCredentials() {
  if (!credentials) credentials = await providers.fromIni()();
  return credentials;
}
module.exports = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'cachedCredentials',
          data: { target: 'AwsSigv4Signer', source: 'fromIni()' },
          line: 6,
          column: 41,
          endLine: 6,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useProviderGetter',
              data: { getter: '() => provider()' },
              output: `
const { AwsSigv4Signer } = require('@opensearch-project/opensearch/aws');
const providers = require('@aws-sdk/credential-providers');
const provider = providers.fromIni();
let credentials;
async function getCredentials() {
  if (!credentials) credentials = await providers.fromIni()();
  return credentials;
}
module.exports = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() });
      `,
            },
          ],
        },
      ],
    },
    {
      // \`await import()\`: the provider goes after the statement that binds its name; \`provider\` is taken.
      code: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
const provider = 'es';
const resolved = await fromNodeProviderChain()();
const signer = AwsSigv4Signer({ region: 'eu-west-1', service: provider, getCredentials: () => Promise.resolve(resolved) });
      `,
      output: null,
      errors: [
        {
          messageId: 'cachedCredentials',
          data: { target: 'AwsSigv4Signer', source: 'fromNodeProviderChain()' },
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useProviderGetter',
              data: { getter: '() => credentialProvider()' },
              output: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
const credentialProvider = fromNodeProviderChain();
const provider = 'es';
const resolved = await fromNodeProviderChain()();
const signer = AwsSigv4Signer({ region: 'eu-west-1', service: provider, getCredentials: () => credentialProvider() });
      `,
            },
          ],
        },
      ],
    },
    {
      // An AssumeRole snapshot: the default chain would sign as another identity, so no suggestion.
      code: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const input = { RoleArn: 'arn:aws:iam::123456789012:role/search', RoleSessionName: 'search' };
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand(input));
const credentials = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
export const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => Promise.resolve(credentials) });
      `,
      output: null,
      errors: [
        {
          messageId: 'cachedCredentials',
          data: { target: 'AwsSigv4Signer', source: 'AssumeRole' },
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 147,
          suggestions: [],
        },
      ],
    },
  ],
});
