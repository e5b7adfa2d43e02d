import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/require-session-token.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

// `TestLanguageOptions` lacks `sourceType`, which the tester passes on to ESLint all the same.
const commonjs = { sourceType: 'commonjs' } as TestLanguageOptions;
const requireDeclared = { globals: { require: 'readonly' } } as const;

ruleTester.run(rule.name, rule, {
  valid: [
    // A long-term `AKIA` key ID needs no token.
    `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: process.env.S3_SECRET } });
    `,
    // The environment pair in a file that never mentions `AWS_SESSION_TOKEN`: long-term keys, as far as the file shows.
    `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
});
    `,
    // STS keys passed on with their token.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'app' }));
new S3Client({
  credentials: {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
  },
});
    `,
    // v2: the third argument, and shorthand keys renamed from the response.
    `
import AWS from 'aws-sdk';

const sts = new AWS.STS();
const { Credentials: c } = await sts.assumeRole({ RoleArn: roleArn, RoleSessionName: 'app' }).promise();
AWS.config.credentials = new AWS.Credentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
const { AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey, SessionToken: sessionToken } = c;
new AWS.S3({ accessKeyId, secretAccessKey, sessionToken });
    `,
    // Unknown values: a parameter, and a spread that may bring `sessionToken`.
    `
import { S3Client } from '@aws-sdk/client-s3';

export function createClient(options) {
  return new S3Client({ credentials: { accessKeyId: options.keyId, secretAccessKey: options.secret } });
}
new S3Client({ credentials: { ...(await vault.read('aws/sts/app')), accessKeyId: keys.id, secretAccessKey: keys.secret } });
    `,
    // Look-alikes: an S3-compatible client from another module, MinIO, and an object never given to the SDK.
    `
import { S3Client } from './s3-compatible.js';
import { Client } from 'minio';
import { SQSClient } from '@aws-sdk/client-sqs';

new S3Client({ credentials: { accessKeyId: 'ASIAY34FZKBOKMUTVV7A', secretAccessKey: secret } });
new Client({ endPoint: 'play.min.io', accessKey: 'ASIAY34FZKBOKMUTVV7A', secretKey: secret, token: undefined });
const settings = { accessKeyId: 'ASIAY34FZKBOKMUTVV7A', secretAccessKey: secret };
    `,
    // JSON from a URL that is not a metadata endpoint: the file does not show what it holds.
    `
import { S3Client } from '@aws-sdk/client-s3';

const response = await fetch('https://broker.internal/aws/credentials');
const body = await response.json();
new S3Client({ credentials: { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey } });
    `,
    // Writing or deleting `AWS_SESSION_TOKEN` is not reading it.
    `
import { S3Client } from '@aws-sdk/client-s3';

delete process.env.AWS_SESSION_TOKEN;
process.env.AWS_SESSION_TOKEN = '';
new S3Client({
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
});
    `,
    // Other environment variables than the SDK's pair; `token` is v2's bearer-token option, not a misnamed session token.
    `
import AWS from 'aws-sdk';

const sessionToken = process.env.AWS_SESSION_TOKEN;
new AWS.S3({ accessKeyId: process.env.S3_KEY_ID, secretAccessKey: process.env.S3_SECRET });
AWS.config.update({ accessKeyId: keyId, secretAccessKey: secret, token: bearerToken });
    `,
    // An exported `roleAssumer` that passes the token on; an exported helper that is no provider the SDK is handed.
    `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

export const roleAssumer = async (sourceCredentials, params) => {
  const { Credentials } = await new STSClient({ credentials: sourceCredentials }).send(new AssumeRoleCommand(params));
  return {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
    expiration: Credentials.Expiration,
  };
};
export async function assumeForReport(params) {
  const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand(params));
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey };
}
    `,
    // v2 Cognito keys with their token.
    {
      code: `
const AWS = require('aws-sdk');

const identity = new AWS.CognitoIdentity({ region: 'us-east-1' });
async function signIn(IdentityId) {
  const { Credentials } = await identity.getCredentialsForIdentity({ IdentityId }).promise();
  AWS.config.update({
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretKey,
    sessionToken: Credentials.SessionToken,
  });
}
      `,
      languageOptions: commonjs,
    },
    // A helper that returns the token; keys from a value the file does not define (a vault read).
    `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
function toIdentity(c) {
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'up' }));
new S3Client({ credentials: toIdentity(Credentials) });
const creds = await readKeysFromVault();
new S3Client({ credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey } });
    `,
    // Test files are skipped unless `checkTestFiles` is on: their dummy keys serve mocks and emulators.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ credentials: { accessKeyId: 'ASIAY34FZKBOKMUTVV7A', secretAccessKey: 'test' } });
      `,
      filename: 'src/__tests__/upload.test.mjs',
    },
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ credentials: { accessKeyId: 'ASIAY34FZKBOKMUTVV7A', secretAccessKey: 'test' } });
      `,
      filename: 'test/upload.mjs',
      options: [{ checkTestFiles: false }],
    },
  ],
  invalid: [
    {
      // ESM named import, an `ASIA` key ID: the token is not in the file, so no suggestion.
      code: `
import { S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'ASIAY34FZKBOKMUTVV7A',
    secretAccessKey: process.env.S3_SECRET_ACCESS_KEY,
  },
});
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: '`ASIA…VV7A` is a temporary (STS) key ID' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 40,
          suggestions: [],
        },
      ],
    },
    {
      // ESM aliased import; keys copied from an AssumeRole response.
      code: `
import { DynamoDBClient as Dynamo } from '@aws-sdk/client-dynamodb';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: tenantRoleArn, RoleSessionName: 'tenant' }));
const db = new Dynamo({
  credentials: {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    expiration: Credentials.Expiration,
  },
});
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import { DynamoDBClient as Dynamo } from '@aws-sdk/client-dynamodb';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: tenantRoleArn, RoleSessionName: 'tenant' }));
const db = new Dynamo({
  credentials: {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    expiration: Credentials.Expiration,
    sessionToken: Credentials.SessionToken,
  },
});
      `,
            },
          ],
        },
      ],
    },
    {
      // A provider function returning the STS keys (namespace import), destructured from `resp.Credentials`.
      code: `
import * as sts from '@aws-sdk/client-sts';
import * as sqs from '@aws-sdk/client-sqs';

const client = new sts.STSClient({});
const queue = new sqs.SQSClient({
  credentials: async () => {
    const resp = await client.send(new sts.AssumeRoleCommand({ RoleArn: queueRoleArn, RoleSessionName: 'consumer' }));
    const { AccessKeyId, SecretAccessKey, Expiration } = resp.Credentials;
    return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, expiration: Expiration };
  },
});
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 10,
          column: 14,
          endLine: 10,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import * as sts from '@aws-sdk/client-sts';
import * as sqs from '@aws-sdk/client-sqs';

const client = new sts.STSClient({});
const queue = new sqs.SQSClient({
  credentials: async () => {
    const resp = await client.send(new sts.AssumeRoleCommand({ RoleArn: queueRoleArn, RoleSessionName: 'consumer' }));
    const { AccessKeyId, SecretAccessKey, Expiration } = resp.Credentials;
    return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, expiration: Expiration, sessionToken: resp.Credentials.SessionToken };
  },
});
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 default import: top-level options filled in a callback of `sts.assumeRole`.
      code: `
import AWS from 'aws-sdk';

const sts = new AWS.STS();
sts.assumeRole({ RoleArn: roleArn, RoleSessionName: 'report' }, (err, data) => {
  if (err) throw err;
  const s3 = new AWS.S3({
    accessKeyId: data.Credentials.AccessKeyId,
    secretAccessKey: data.Credentials.SecretAccessKey,
  });
  s3.putObject({ Bucket: 'reports', Key: 'daily.csv', Body: csv }, done);
});
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import AWS from 'aws-sdk';

const sts = new AWS.STS();
sts.assumeRole({ RoleArn: roleArn, RoleSessionName: 'report' }, (err, data) => {
  if (err) throw err;
  const s3 = new AWS.S3({
    accessKeyId: data.Credentials.AccessKeyId,
    secretAccessKey: data.Credentials.SecretAccessKey,
    sessionToken: data.Credentials.SessionToken,
  });
  s3.putObject({ Bucket: 'reports', Key: 'daily.csv', Body: csv }, done);
});
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 `new AWS.Credentials(a, b)`: the token becomes the third argument.
      code: `
const AWS = require('aws-sdk');

async function connect() {
  const { Credentials } = await new AWS.STS().assumeRole({ RoleArn: roleArn, RoleSessionName: 'sync' }).promise();
  AWS.config.credentials = new AWS.Credentials(Credentials.AccessKeyId, Credentials.SecretAccessKey);
}
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 6,
          column: 48,
          endLine: 6,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
const AWS = require('aws-sdk');

async function connect() {
  const { Credentials } = await new AWS.STS().assumeRole({ RoleArn: roleArn, RoleSessionName: 'sync' }).promise();
  AWS.config.credentials = new AWS.Credentials(Credentials.AccessKeyId, Credentials.SecretAccessKey, Credentials.SessionToken);
}
      `,
            },
          ],
        },
      ],
    },
    {
      // The environment pair in a file that also reads `AWS_SESSION_TOKEN` (require declared, aliased destructuring).
      code: `
const { config: awsConfig } = require('aws-sdk');

if (!process.env.AWS_SESSION_TOKEN) console.warn('Using long-term keys');
awsConfig.update({
  region: 'eu-west-1',
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
});
      `,
      languageOptions: requireDeclared,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'this file also reads `AWS_SESSION_TOKEN`, so the environment holds a session' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
const { config: awsConfig } = require('aws-sdk');

if (!process.env.AWS_SESSION_TOKEN) console.warn('Using long-term keys');
awsConfig.update({
  region: 'eu-west-1',
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  sessionToken: process.env.AWS_SESSION_TOKEN,
});
      `,
            },
          ],
        },
      ],
    },
    {
      // The key name of the shared credentials file, with `require` not declared.
      code: `
const { S3Client } = require('@aws-sdk/client-s3');

const s3 = new S3Client({
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
    aws_session_token: process.env.AWS_SESSION_TOKEN,
  },
});
      `,
      errors: [
        {
          messageId: 'misnamedSessionToken',
          data: { key: 'aws_session_token' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'renameSessionToken',
              output: `
const { S3Client } = require('@aws-sdk/client-s3');

const s3 = new S3Client({
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
    sessionToken: process.env.AWS_SESSION_TOKEN,
  },
});
      `,
            },
          ],
        },
      ],
    },
    {
      // STS-style `SessionToken` and a shorthand `token` in the v2 credentials object form.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import AWS from 'aws-sdk';

new S3Client({ credentials: { accessKeyId: keys.id, secretAccessKey: keys.secret, SessionToken: keys.session } });
const token = await readToken();
AWS.config.credentials = new AWS.Credentials({ accessKeyId: keys.id, secretAccessKey: keys.secret, token });
      `,
      errors: [
        {
          messageId: 'misnamedSessionToken',
          data: { key: 'SessionToken' },
          line: 5,
          column: 83,
          endLine: 5,
          endColumn: 95,
          suggestions: [
            {
              messageId: 'renameSessionToken',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import AWS from 'aws-sdk';

new S3Client({ credentials: { accessKeyId: keys.id, secretAccessKey: keys.secret, sessionToken: keys.session } });
const token = await readToken();
AWS.config.credentials = new AWS.Credentials({ accessKeyId: keys.id, secretAccessKey: keys.secret, token });
      `,
            },
          ],
        },
        {
          messageId: 'misnamedSessionToken',
          data: { key: 'token' },
          line: 7,
          column: 100,
          endLine: 7,
          endColumn: 105,
          suggestions: [
            {
              messageId: 'renameSessionToken',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import AWS from 'aws-sdk';

new S3Client({ credentials: { accessKeyId: keys.id, secretAccessKey: keys.secret, SessionToken: keys.session } });
const token = await readToken();
AWS.config.credentials = new AWS.Credentials({ accessKeyId: keys.id, secretAccessKey: keys.secret, sessionToken: token });
      `,
            },
          ],
        },
      ],
    },
    {
      // Keys from the instance metadata service, parsed with `fetch` (`await import()` of the SDK).
      code: `
const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');

const IMDS = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';
const role = await (await fetch(IMDS)).text();
const response = await fetch(IMDS + role);
const body = await response.json();
const secrets = new SecretsManagerClient({
  credentials: { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey, expiration: new Date(body.Expiration) },
});
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from the metadata service, whose credentials are temporary' },
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');

const IMDS = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';
const role = await (await fetch(IMDS)).text();
const response = await fetch(IMDS + role);
const body = await response.json();
const secrets = new SecretsManagerClient({
  credentials: { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey, expiration: new Date(body.Expiration), sessionToken: body.Token },
});
      `,
            },
          ],
        },
      ],
    },
    {
      // Keys from the ECS container endpoint, destructured from the awaited JSON: the file cannot name the token.
      code: `
import { SQSClient } from '@aws-sdk/client-sqs';

const response = await fetch(\`http://169.254.170.2\${process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}\`);
const { AccessKeyId, SecretAccessKey } = await response.json();
const sqs = new SQSClient({ credentials: { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey } });
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from the metadata service, whose credentials are temporary' },
          line: 6,
          column: 44,
          endLine: 6,
          endColumn: 68,
          suggestions: [],
        },
      ],
    },
    {
      // In `createCredentialChain` and as `masterCredentials` of `fromTemporaryCredentials`.
      code: `
import { createCredentialChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';

const session = await new STSClient({}).send(new GetSessionTokenCommand({ SerialNumber: mfaSerial, TokenCode: code }));
export const admin = fromTemporaryCredentials({
  params: { RoleArn: adminRoleArn },
  masterCredentials: { accessKeyId: session.Credentials.AccessKeyId, secretAccessKey: session.Credentials.SecretAccessKey },
});
const sessionToken = process.env.AWS_SESSION_TOKEN;
export const local = createCredentialChain(async () => ({
  accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
  expiration: new Date(Date.now() + 15 * 60_000),
}));
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS GetSessionToken response' },
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import { createCredentialChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';

const session = await new STSClient({}).send(new GetSessionTokenCommand({ SerialNumber: mfaSerial, TokenCode: code }));
export const admin = fromTemporaryCredentials({
  params: { RoleArn: adminRoleArn },
  masterCredentials: { accessKeyId: session.Credentials.AccessKeyId, secretAccessKey: session.Credentials.SecretAccessKey, sessionToken: session.Credentials.SessionToken },
});
const sessionToken = process.env.AWS_SESSION_TOKEN;
export const local = createCredentialChain(async () => ({
  accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
  expiration: new Date(Date.now() + 15 * 60_000),
}));
      `,
            },
          ],
        },
        {
          messageId: 'missingSessionToken',
          data: { reason: 'this file also reads `AWS_SESSION_TOKEN`, so the environment holds a session' },
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import { createCredentialChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';

const session = await new STSClient({}).send(new GetSessionTokenCommand({ SerialNumber: mfaSerial, TokenCode: code }));
export const admin = fromTemporaryCredentials({
  params: { RoleArn: adminRoleArn },
  masterCredentials: { accessKeyId: session.Credentials.AccessKeyId, secretAccessKey: session.Credentials.SecretAccessKey },
});
const sessionToken = process.env.AWS_SESSION_TOKEN;
export const local = createCredentialChain(async () => ({
  accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
  expiration: new Date(Date.now() + 15 * 60_000),
  sessionToken: process.env.AWS_SESSION_TOKEN,
}));
      `,
            },
          ],
        },
      ],
    },
    {
      // A role assumer for `fromIni` that drops the token.
      code: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';

const sts = new STSClient({});
export const provider = fromIni({
  roleAssumer: async (sourceCredentials, params) => {
    const { Credentials } = await sts.send(new AssumeRoleCommand(params));
    return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration };
  },
});
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';

const sts = new STSClient({});
export const provider = fromIni({
  roleAssumer: async (sourceCredentials, params) => {
    const { Credentials } = await sts.send(new AssumeRoleCommand(params));
    return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration, sessionToken: Credentials.SessionToken };
  },
});
      `,
            },
          ],
        },
      ],
    },
    {
      // A role assumer exported under a string name: `export { assume as 'roleAssumer' }`.
      code: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

async function assume(sourceCredentials, params) {
  const sts = new STSClient({ credentials: sourceCredentials });
  const { Credentials } = await sts.send(new AssumeRoleCommand(params));
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration };
}
export { assume as 'roleAssumer' };
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'addSessionToken',
              data: { value: 'sessionToken: Credentials.SessionToken' },
              output: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

async function assume(sourceCredentials, params) {
  const sts = new STSClient({ credentials: sourceCredentials });
  const { Credentials } = await sts.send(new AssumeRoleCommand(params));
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration, sessionToken: Credentials.SessionToken };
}
export { assume as 'roleAssumer' };
      `,
            },
          ],
        },
      ],
    },
    {
      // An exported `roleAssumer` (the CLI hands it to `fromIni`), optional chaining and `?? ''`.
      code: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

export const roleAssumer = async (sourceCredentials, params) => {
  const sts = new STSClient({ credentials: sourceCredentials });
  const { Credentials } = await sts.send(new AssumeRoleCommand(params));
  return {
    accessKeyId: Credentials?.AccessKeyId ?? '',
    secretAccessKey: Credentials?.SecretAccessKey ?? '',
  };
};
export default { roleAssumer };
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

export const roleAssumer = async (sourceCredentials, params) => {
  const sts = new STSClient({ credentials: sourceCredentials });
  const { Credentials } = await sts.send(new AssumeRoleCommand(params));
  return {
    accessKeyId: Credentials?.AccessKeyId ?? '',
    secretAccessKey: Credentials?.SecretAccessKey ?? '',
    sessionToken: Credentials?.SessionToken,
  };
};
export default { roleAssumer };
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 Cognito `getCredentialsForIdentity().promise()` (secret under `SecretKey`; the token is `SessionToken` too).
      code: `
const AWS = require('aws-sdk');

const identity = new AWS.CognitoIdentity({ region: 'us-east-1' });
async function signIn(IdentityId) {
  const data = await identity.getCredentialsForIdentity({ IdentityId }).promise();
  AWS.config.update({
    accessKeyId: data.Credentials.AccessKeyId,
    secretAccessKey: data.Credentials.SecretKey,
  });
  AWS.config.credentials = new AWS.Credentials(data.Credentials.AccessKeyId, data.Credentials.SecretKey);
}
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from a GetCredentialsForIdentity response, whose credentials are temporary' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
const AWS = require('aws-sdk');

const identity = new AWS.CognitoIdentity({ region: 'us-east-1' });
async function signIn(IdentityId) {
  const data = await identity.getCredentialsForIdentity({ IdentityId }).promise();
  AWS.config.update({
    accessKeyId: data.Credentials.AccessKeyId,
    secretAccessKey: data.Credentials.SecretKey,
    sessionToken: data.Credentials.SessionToken,
  });
  AWS.config.credentials = new AWS.Credentials(data.Credentials.AccessKeyId, data.Credentials.SecretKey);
}
      `,
            },
          ],
        },
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from a GetCredentialsForIdentity response, whose credentials are temporary' },
          line: 11,
          column: 48,
          endLine: 11,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
const AWS = require('aws-sdk');

const identity = new AWS.CognitoIdentity({ region: 'us-east-1' });
async function signIn(IdentityId) {
  const data = await identity.getCredentialsForIdentity({ IdentityId }).promise();
  AWS.config.update({
    accessKeyId: data.Credentials.AccessKeyId,
    secretAccessKey: data.Credentials.SecretKey,
  });
  AWS.config.credentials = new AWS.Credentials(data.Credentials.AccessKeyId, data.Credentials.SecretKey, data.Credentials.SessionToken);
}
      `,
            },
          ],
        },
      ],
    },
    {
      // Through a helper's return and a `this.k` field written in another method, and in a `.then` callback.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
function toIdentity(c) {
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, expiration: c.Expiration };
}
class Uploader {
  async prepare() {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'up' }));
    this.keys = toIdentity(Credentials);
  }
  client() {
    return new S3Client({ credentials: this.keys });
  }
}
sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'then' })).then(({ Credentials }) =>
  new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } }),
);
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
function toIdentity(c) {
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, expiration: c.Expiration, sessionToken: c.SessionToken };
}
class Uploader {
  async prepare() {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'up' }));
    this.keys = toIdentity(Credentials);
  }
  client() {
    return new S3Client({ credentials: this.keys });
  }
}
sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'then' })).then(({ Credentials }) =>
  new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } }),
);
      `,
            },
          ],
        },
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 19,
          column: 33,
          endLine: 19,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
function toIdentity(c) {
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, expiration: c.Expiration };
}
class Uploader {
  async prepare() {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'up' }));
    this.keys = toIdentity(Credentials);
  }
  client() {
    return new S3Client({ credentials: this.keys });
  }
}
sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'then' })).then(({ Credentials }) =>
  new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken } }),
);
      `,
            },
          ],
        },
      ],
    },
    {
      // What an awaited provider resolved, and an SSO `GetRoleCredentials` response (lower-case fields).
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const creds = await fromNodeProviderChain()();
new S3Client({ credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey } });
const { roleCredentials } = await new SSOClient({}).send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
new S3Client({ credentials: { accessKeyId: roleCredentials.accessKeyId, secretAccessKey: roleCredentials.secretAccessKey } });
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from `fromNodeProviderChain()`, which may resolve temporary credentials' },
          line: 7,
          column: 31,
          endLine: 7,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const creds = await fromNodeProviderChain()();
new S3Client({ credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken } });
const { roleCredentials } = await new SSOClient({}).send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
new S3Client({ credentials: { accessKeyId: roleCredentials.accessKeyId, secretAccessKey: roleCredentials.secretAccessKey } });
      `,
            },
          ],
        },
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from a GetRoleCredentials response, whose credentials are temporary' },
          line: 9,
          column: 31,
          endLine: 9,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const creds = await fromNodeProviderChain()();
new S3Client({ credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey } });
const { roleCredentials } = await new SSOClient({}).send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
new S3Client({ credentials: { accessKeyId: roleCredentials.accessKeyId, secretAccessKey: roleCredentials.secretAccessKey, sessionToken: roleCredentials.sessionToken } });
      `,
            },
          ],
        },
      ],
    },
    {
      // A module cache filled from STS, returned by the provider function the client is given.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
let cached;
async function getCredentials() {
  if (!cached) {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'cache' }));
    cached = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration };
  }
  return cached;
}
export const s3 = new S3Client({ credentials: getCredentials });
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
let cached;
async function getCredentials() {
  if (!cached) {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'cache' }));
    cached = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration, sessionToken: Credentials.SessionToken };
  }
  return cached;
}
export const s3 = new S3Client({ credentials: getCredentials });
      `,
            },
          ],
        },
      ],
    },
    {
      // A `roleAssumerWithWebIdentity` option, and a function given to `memoize`.
      code: `
import { fromTokenFile } from '@aws-sdk/credential-providers';
import { memoize } from '@smithy/property-provider';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
export const provider = fromTokenFile({
  roleAssumerWithWebIdentity: async (params) => {
    const response = await sts.send(new AssumeRoleWithWebIdentityCommand(params));
    return { accessKeyId: response.Credentials.AccessKeyId, secretAccessKey: response.Credentials.SecretAccessKey, expiration: response.Credentials.Expiration };
  },
});
export const cachedProvider = memoize(async () => ({
  accessKeyId: 'ASIAY34FZKBOKMUTVV7A',
  secretAccessKey: process.env.SECRET,
}));
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRoleWithWebIdentity response' },
          line: 10,
          column: 14,
          endLine: 10,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import { fromTokenFile } from '@aws-sdk/credential-providers';
import { memoize } from '@smithy/property-provider';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
export const provider = fromTokenFile({
  roleAssumerWithWebIdentity: async (params) => {
    const response = await sts.send(new AssumeRoleWithWebIdentityCommand(params));
    return { accessKeyId: response.Credentials.AccessKeyId, secretAccessKey: response.Credentials.SecretAccessKey, expiration: response.Credentials.Expiration, sessionToken: response.Credentials.SessionToken };
  },
});
export const cachedProvider = memoize(async () => ({
  accessKeyId: 'ASIAY34FZKBOKMUTVV7A',
  secretAccessKey: process.env.SECRET,
}));
      `,
            },
          ],
        },
        {
          messageId: 'missingSessionToken',
          data: { reason: '`ASIA…VV7A` is a temporary (STS) key ID' },
          line: 14,
          column: 3,
          endLine: 14,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      // A token under `token` or `security_token` in v3 credentials (not v2 options, where `token` is the bearer token).
      code: `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ credentials: { accessKeyId: keys.id, secretAccessKey: keys.secret, token: keys.token } });
new S3Client({ credentials: { accessKeyId: keys.id, secretAccessKey: keys.secret, security_token: keys.token } });
      `,
      errors: [
        {
          messageId: 'misnamedSessionToken',
          data: { key: 'token' },
          line: 4,
          column: 83,
          endLine: 4,
          endColumn: 88,
          suggestions: [
            {
              messageId: 'renameSessionToken',
              output: `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ credentials: { accessKeyId: keys.id, secretAccessKey: keys.secret, sessionToken: keys.token } });
new S3Client({ credentials: { accessKeyId: keys.id, secretAccessKey: keys.secret, security_token: keys.token } });
      `,
            },
          ],
        },
        {
          messageId: 'misnamedSessionToken',
          data: { key: 'security_token' },
          line: 5,
          column: 83,
          endLine: 5,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'renameSessionToken',
              output: `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ credentials: { accessKeyId: keys.id, secretAccessKey: keys.secret, token: keys.token } });
new S3Client({ credentials: { accessKeyId: keys.id, secretAccessKey: keys.secret, sessionToken: keys.token } });
      `,
            },
          ],
        },
      ],
    },
    {
      // `checkTestFiles: true` turns the rule on in test files.
      code: `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ credentials: { accessKeyId: 'ASIAY34FZKBOKMUTVV7A', secretAccessKey: 'test' } });
      `,
      filename: 'src/__tests__/upload.test.mjs',
      options: [{ checkTestFiles: true }],
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: '`ASIA…VV7A` is a temporary (STS) key ID' },
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 66,
          suggestions: [],
        },
      ],
    },
    {
      // v2 `AWS.config.credentials = { … }`, a plain object assigned to the global config.
      code: `
import AWS from 'aws-sdk';

const sts = new AWS.STS();
export async function useRole(RoleArn) {
  const { Credentials } = await sts.assumeRole({ RoleArn, RoleSessionName: 'global' }).promise();
  AWS.config.credentials = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey };
}
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import AWS from 'aws-sdk';

const sts = new AWS.STS();
export async function useRole(RoleArn) {
  const { Credentials } = await sts.assumeRole({ RoleArn, RoleSessionName: 'global' }).promise();
  AWS.config.credentials = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
}
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
    // Type-only imports bind no value.
    `
import type { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({ credentials: { accessKeyId: 'ASIAY34FZKBOKMUTVV7A', secretAccessKey: secret } });
    `,
  ],
  invalid: [
    {
      // TS `import x = require()`, with `!` and `satisfies` around the values.
      code: `
import sts = require('@aws-sdk/client-sts');
import lambda = require('@aws-sdk/client-lambda');

const { Credentials } = await new sts.STSClient({}).send(new sts.AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'deploy' }));
const credentials = {
  accessKeyId: Credentials!.AccessKeyId!,
  secretAccessKey: Credentials!.SecretAccessKey!,
} satisfies AwsCredentialIdentity;
export const client = new lambda.LambdaClient({ credentials });
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addSessionToken',
              output: `
import sts = require('@aws-sdk/client-sts');
import lambda = require('@aws-sdk/client-lambda');

const { Credentials } = await new sts.STSClient({}).send(new sts.AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'deploy' }));
const credentials = {
  accessKeyId: Credentials!.AccessKeyId!,
  secretAccessKey: Credentials!.SecretAccessKey!,
  sessionToken: Credentials!.SessionToken,
} satisfies AwsCredentialIdentity;
export const client = new lambda.LambdaClient({ credentials });
      `,
            },
          ],
        },
      ],
    },
  ],
});
