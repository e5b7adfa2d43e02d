/**
 * `aws4.sign(request, credentials)` and aws4fetch `new AwsClient({ accessKeyId, … })` as credential consumers: the
 * credential rules report them through the credential model, with no code of their own for these packages.
 */
import noOneShotCredentials from '../../src/rules/no-one-shot-credentials.js';
import noStaticCredentials from '../../src/rules/no-static-credentials.js';
import requireSessionToken from '../../src/rules/require-session-token.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const sign = { client: 'aws4.sign' };
const perCall = { name: 'credentialProvider', provider: 'fromNodeProviderChain()' };

ruleTester.run('no-static-credentials (aws4, aws4fetch)', noStaticCredentials, {
  valid: [
    // S3-compatible storage that is not AWS (MinIO), and a host the file does not define: only static keys work there.
    `
import aws4 from 'aws4';
export async function put(body) {
  return aws4.sign({ host: 'localhost:9000', path: '/bucket/key', method: 'PUT', body, service: 's3' }, { accessKeyId: 'minio', secretAccessKey: 'minio123' });
}
    `,
    `
import aws4 from 'aws4';
export const sign = (request) => aws4.sign({ ...request, host: process.env.S3_HOST }, { accessKeyId: keyId, secretAccessKey: secret });
    `,
    `
import { AwsV4Signer } from 'aws4fetch';
export const sign = (body) => new AwsV4Signer({ url: 'https://account.r2.cloudflarestorage.com/bucket/key', body, accessKeyId: keyId, secretAccessKey: secret });
    `,
    // No credentials: aws4 reads `process.env` at each call.
    `
import aws4 from 'aws4';
export const signed = (request) => aws4.sign(request);
    `,
    // A snapshot resolved at each call from a provider created once.
    `
import aws4 from 'aws4';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const provider = fromNodeProviderChain();
export async function handler(request) {
  return aws4.sign(request, await provider());
}
    `,
    // Options the file does not define.
    `
import { AwsClient } from 'aws4fetch';
export const client = (options) => new AwsClient(options);
    `,
    // A new `AwsClient` per request from what a provider resolves.
    `
import { AwsClient } from 'aws4fetch';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const provider = fromNodeProviderChain();
export async function handler(url) {
  const credentials = await provider();
  const aws = new AwsClient({ accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken });
  return aws.fetch(url);
}
    `,
    // Not aws4: a local `sign`.
    `
const sign = (request, keys) => ({ request, keys });
sign({}, { accessKeyId: 'id', secretAccessKey: 'secret' });
    `,
  ],
  invalid: [
    {
      // ESM default import, inside an async function: the per-call provider suggestion.
      code: `
import aws4 from 'aws4';
export async function handler(request) {
  return aws4.sign(request, { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
}
      `,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: sign,
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 101,
          suggestions: [
            {
              messageId: 'usePerCallProvider',
              data: perCall,
              output: `
import aws4 from 'aws4';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const credentialProvider = fromNodeProviderChain();
export async function handler(request) {
  return aws4.sign(request, await credentialProvider());
}
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM named import, the credentials held in a module-level binding, the chain already imported.
      code: `
import { sign } from 'aws4';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const keys = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
export const handler = async (request) => sign(request, keys);
      `,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: sign,
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'usePerCallProvider',
              data: perCall,
              output: `
import { sign } from 'aws4';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const credentialProvider = fromNodeProviderChain();
const keys = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
export const handler = async (request) => sign(request, await credentialProvider());
      `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, destructured, in a function that is not async: no suggestion.
      code: `
const { sign } = require('aws4');
function handler(request) {
  return sign(request, { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: process.env.SECRET });
}
module.exports = { handler };
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'staticSignerCredentials', data: sign, line: 4, column: 24, endLine: 4, endColumn: 100, suggestions: [] },
      ],
    },
    {
      // CommonJS, as a member; a `credentialProvider` of the file's own: no suggestion.
      code: `
const aws4 = require('aws4');
const credentialProvider = null;
exports.handler = async (request) => aws4.sign(request, { accessKeyId: process.env.KEY_ID, secretAccessKey: 's' });
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'staticSignerCredentials', data: sign, line: 4, column: 57, endLine: 4, endColumn: 114, suggestions: [] },
      ],
    },
    {
      // `await import()`, a branch of the argument.
      code: `
const aws4 = await import('aws4');
export async function handler(request, keys) {
  return aws4.sign(request, keys ?? { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
}
      `,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: sign,
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 109,
          suggestions: [
            {
              messageId: 'usePerCallProvider',
              data: perCall,
              output: `
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const credentialProvider = fromNodeProviderChain();
const aws4 = await import('aws4');
export async function handler(request, keys) {
  return aws4.sign(request, keys ?? await credentialProvider());
}
      `,
            },
          ],
        },
      ],
    },
    {
      // aws4fetch: the keys are kept for the client's whole life, and it takes no provider: no suggestion.
      code: `
import { AwsClient, AwsV4Signer } from 'aws4fetch';
export const aws = new AwsClient({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
export const signer = new AwsV4Signer({ url: 'https://sts.amazonaws.com', accessKeyId: 'id', secretAccessKey: 's' });
      `,
      errors: [
        {
          messageId: 'staticFixedSignerCredentials',
          data: { client: 'AwsClient' },
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 67,
          suggestions: [],
        },
        {
          messageId: 'staticFixedSignerCredentials',
          data: { client: 'AwsV4Signer' },
          line: 4,
          column: 75,
          endLine: 4,
          endColumn: 92,
          suggestions: [],
        },
      ],
    },
    {
      // aws4fetch through `require`.
      code: `
const aws4fetch = require('aws4fetch');
module.exports = new aws4fetch.AwsClient({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'staticFixedSignerCredentials',
          data: { client: 'AwsClient' },
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 75,
          suggestions: [],
        },
      ],
    },
  ],
});

tsRuleTester.run('no-static-credentials (aws4, TypeScript)', noStaticCredentials, {
  valid: [],
  invalid: [
    {
      code: `
import aws4 = require('aws4');
export async function handler(request: aws4.Request): Promise<aws4.Request> {
  return aws4.sign(request, { accessKeyId: process.env.KEY_ID!, secretAccessKey: process.env.SECRET! } as aws4.Credentials);
}
      `,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: sign,
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 103,
          suggestions: [
            {
              messageId: 'usePerCallProvider',
              data: perCall,
              output: `
import aws4 = require('aws4');
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const credentialProvider = fromNodeProviderChain();
export async function handler(request: aws4.Request): Promise<aws4.Request> {
  return aws4.sign(request, await credentialProvider() as aws4.Credentials);
}
      `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-one-shot-credentials (aws4, aws4fetch)', noOneShotCredentials, {
  valid: [
    `
import aws4 from 'aws4';
export const signed = (request) => aws4.sign(request);
    `,
    // Resolved in the function that signs: a new snapshot at each call.
    `
import aws4 from 'aws4';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const provider = fromNodeProviderChain();
export async function handler(request) {
  return aws4.sign(request, await provider());
}
    `,
    // A new `AwsClient` per request from what the provider resolves.
    `
import { AwsClient } from 'aws4fetch';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const provider = fromNodeProviderChain();
export async function handler(url) {
  const { accessKeyId, secretAccessKey, sessionToken } = await provider();
  return new AwsClient({ accessKeyId, secretAccessKey, sessionToken }).fetch(url);
}
    `,
  ],
  invalid: [
    {
      // A snapshot resolved once at module level, signed with on every call.
      code: `
import { sign } from 'aws4';
import { fromIni } from '@aws-sdk/credential-providers';
const credentials = await fromIni()();
export const handler = async (request) => sign(request, credentials);
      `,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'aws4.sign', source: 'fromIni()' },
          line: 5,
          column: 57,
          endLine: 5,
          endColumn: 68,
          suggestions: [],
        },
      ],
    },
    {
      code: `
const aws4 = require('aws4');
const { fromNodeProviderChain } = require('@aws-sdk/credential-providers');
let credentials;
async function init() {
  credentials = await fromNodeProviderChain()();
}
function handler(request) {
  return aws4.sign(request, credentials);
}
module.exports = { init, handler };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'aws4.sign', source: 'fromNodeProviderChain()' },
          line: 9,
          column: 29,
          endLine: 9,
          endColumn: 40,
          suggestions: [],
        },
      ],
    },
    {
      // One snapshot for a client and for aws4: only the client can take the refreshing provider.
      code: `
import aws4 from 'aws4';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const input = { RoleArn: 'arn:aws:iam::123456789012:role/app', RoleSessionName: 'app' };
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand(input));
const credentials = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
export const s3 = new S3Client({ credentials });
export const signed = (request) => aws4.sign(request, credentials);
      `,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 8,
          column: 34,
          endLine: 8,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import aws4 from 'aws4';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const input = { RoleArn: 'arn:aws:iam::123456789012:role/app', RoleSessionName: 'app' };
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand(input));
const credentials = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
export const s3 = new S3Client({ credentials: fromTemporaryCredentials({ params: input }) });
export const signed = (request) => aws4.sign(request, credentials);
      `,
            },
          ],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'aws4.sign', source: 'AssumeRole' },
          line: 9,
          column: 55,
          endLine: 9,
          endColumn: 66,
          suggestions: [],
        },
      ],
    },
    {
      // aws4fetch built once from an AssumeRole response.
      code: `
import { AwsClient } from 'aws4fetch';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'app' }));
export const aws = new AwsClient({
  accessKeyId: Credentials.AccessKeyId,
  secretAccessKey: Credentials.SecretAccessKey,
  sessionToken: Credentials.SessionToken,
});
      `,
      errors: [
        {
          messageId: 'oneShotFixedKeys',
          data: { target: 'AwsClient', source: 'AssumeRole' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('require-session-token (aws4, aws4fetch)', requireSessionToken, {
  valid: [
    `
import aws4 from 'aws4';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
export async function handler(request) {
  const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'app' }));
  return aws4.sign(request, { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken });
}
    `,
  ],
  invalid: [
    {
      // Resolved at each call (no one-shot report), but the session token is missing.
      code: `
import aws4 from 'aws4';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
export async function handler(request) {
  const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'app' }));
  return aws4.sign(request, { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey });
}
      `,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 6,
          column: 31,
          endLine: 6,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'addSessionToken',
              data: { value: 'sessionToken: Credentials.SessionToken' },
              output: `
import aws4 from 'aws4';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
export async function handler(request) {
  const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'app' }));
  return aws4.sign(request, { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken });
}
      `,
            },
          ],
        },
      ],
    },
    {
      code: `
const { AwsClient } = require('aws4fetch');
const { STS } = require('@aws-sdk/client-sts');
async function client(input) {
  const { Credentials } = await new STS({}).assumeRole(input);
  return new AwsClient({ accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey });
}
module.exports = { client };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'missingSessionToken',
          data: { reason: 'the keys come from an STS AssumeRole response' },
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'addSessionToken',
              data: { value: 'sessionToken: Credentials.SessionToken' },
              output: `
const { AwsClient } = require('aws4fetch');
const { STS } = require('@aws-sdk/client-sts');
async function client(input) {
  const { Credentials } = await new STS({}).assumeRole(input);
  return new AwsClient({ accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken });
}
module.exports = { client };
      `,
            },
          ],
        },
      ],
    },
  ],
});
