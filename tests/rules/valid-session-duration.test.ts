import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/valid-session-duration.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

const commonjs = { sourceType: 'commonjs' } as TestLanguageOptions;
const requireDeclared = { globals: { require: 'readonly' } } as const;

ruleTester.run(rule.name, rule, {
  valid: [
    // The bounds themselves are accepted: 900 and 43200 for AssumeRole, 129600 for GetSessionToken.
    `
import { STSClient, AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({});
await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'short', DurationSeconds: 900 }));
await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'long', DurationSeconds: 12 * 60 * 60 }));
await sts.send(new GetSessionTokenCommand({ DurationSeconds: 36 * 60 * 60 }));
`,
    // No DurationSeconds: STS applies its default (3600 for AssumeRole).
    `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'job' }));
`,
    // Values the file does not define: a parameter, an environment variable, an import.
    `
import { AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { SESSION_SECONDS } from './config.js';
export function assume(roleArn, hours) {
  return new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'job', DurationSeconds: hours * 3600 });
}
new AssumeRoleCommand({ RoleArn: roleArn, DurationSeconds: Number(process.env.SESSION_SECONDS) });
new GetSessionTokenCommand({ DurationSeconds: SESSION_SECONDS });
`,
    // Input objects the file does not define.
    `
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
export const command = (input) => new AssumeRoleCommand({ ...input });
`,
    // `DurationSeconds` of another service (Redshift allows 900..3600) is not an STS session.
    `
import { GetClusterCredentialsCommand } from '@aws-sdk/client-redshift';
new GetClusterCredentialsCommand({ DbUser: 'etl', ClusterIdentifier: 'warehouse', DurationSeconds: 86400 });
`,
    // A `durationSeconds` that is a cache TTL or a rate-limit window, in a file that uses the SDK.
    `
import { STSClient } from '@aws-sdk/client-sts';
import { RateLimiterMemory } from 'rate-limiter-flexible';
const sts = new STSClient({});
const limiter = new RateLimiterMemory({ points: 100, durationSeconds: 86400 });
cache.set('identity', await sts.config.credentials(), { durationSeconds: 172800 });
`,
    // The same command name from an unrelated module.
    `
import { AssumeRoleCommand } from './testing/fake-sts.js';
new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/test', DurationSeconds: 86400 });
`,
    // An `assumeRole` method on something that is not an STS client.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { createVault } from './vault.js';
const s3 = new S3Client({});
createVault().assumeRole({ RoleArn: roleArn, DurationSeconds: 86400 });
`,
    // fromTemporaryCredentials within limits, also chained at exactly one hour.
    `
import { fromTemporaryCredentials, fromInstanceMetadata } from '@aws-sdk/credential-providers';
fromTemporaryCredentials({ params: { RoleArn: roleArn, DurationSeconds: 43200 } });
fromTemporaryCredentials({
  masterCredentials: fromInstanceMetadata({ timeout: 1000, maxRetries: 3 }),
  params: { RoleArn: roleArn, DurationSeconds: 3600 },
});
`,
    // Source credentials the file does not show to be a role session: fromIni, a parameter, a static object.
    `
import { fromTemporaryCredentials, fromIni } from '@aws-sdk/credential-providers';
fromTemporaryCredentials({ masterCredentials: fromIni({ profile: 'ops' }), params: { RoleArn, DurationSeconds: 43200 } });
export const assume = (source) =>
  fromTemporaryCredentials({ masterCredentials: source, params: { RoleArn, DurationSeconds: 43200 } });
`,
    // Web identity and SAML sessions use no source credentials: role chaining does not apply.
    `
import { STSClient, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
const sts = new STSClient({ credentials: fromInstanceMetadata({ timeout: 1000, maxRetries: 3 }) });
await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn, WebIdentityToken, DurationSeconds: 43200 }));
`,
    // fromWebToken at the maximum.
    `
import { fromWebToken } from '@aws-sdk/credential-providers';
fromWebToken({ roleArn, webIdentityToken, durationSeconds: 43200 });
`,
    // v2 TemporaryCredentials without RoleArn call GetSessionToken, which allows 36 hours.
    `
import AWS from 'aws-sdk';
new AWS.TemporaryCredentials({ DurationSeconds: 129600 });
new AWS.ChainableTemporaryCredentials({ params: { SerialNumber, DurationSeconds: 100000 }, tokenCodeFn });
`,
    // AssumeRole from an MFA session (GetSessionToken credentials) is not role chaining.
    `
import AWS from 'aws-sdk';
const mfaSession = new AWS.ChainableTemporaryCredentials({ params: { SerialNumber }, tokenCodeFn });
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn: roleArn, DurationSeconds: 43200 },
  masterCredentials: mfaSession,
});
`,
    // A spread the file does not define may hold the RoleArn: the operation, and so the limit, is unknown.
    `
import AWS from 'aws-sdk';
new AWS.ChainableTemporaryCredentials({ params: { ...roleParams, DurationSeconds: 100000 } });
`,
    // An STS-compatible service (MinIO, LocalStack) has other limits: a custom endpoint, or one the file does not define.
    `
import { STSClient, AssumeRoleWithWebIdentityCommand, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const minio = new STSClient({ endpoint: 'http://minio:9000', region: 'us-east-1' });
const command = new AssumeRoleWithWebIdentityCommand({ RoleArn, WebIdentityToken, DurationSeconds: 86400 });
await minio.send(command);
await new STSClient({ endpoint: config.stsEndpoint }).send(new AssumeRoleCommand({ RoleArn, DurationSeconds: 604800 }));
fromTemporaryCredentials({ clientConfig: { endpoint: 'http://localhost:4566' }, params: { RoleArn, DurationSeconds: 86400 } });
`,
    // The same for v2 clients and credentials.
    `
import AWS from 'aws-sdk';
new AWS.STS({ endpoint: 'http://localhost:4566' }).assumeRole({ RoleArn, RoleSessionName: 'x', DurationSeconds: 86400 });
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn, DurationSeconds: 86400 },
  stsConfig: { endpoint: 'http://localhost:4566' },
});
`,
    // v2 calls within limits, with a callback and with `.promise()`.
    `
import AWS from 'aws-sdk';
const sts = new AWS.STS();
sts.assumeRole({ RoleArn: roleArn, RoleSessionName: 'job', DurationSeconds: 43200 }, (err, data) => {});
await sts.getFederationToken({ Name: 'partner', DurationSeconds: 129600 }).promise();
`,
  ],
  invalid: [
    // ESM named import; the report sits on the value.
    {
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({});
await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'nightly', DurationSeconds: 86400 }));
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '86400', operation: 'AssumeRole', max: '43200' },
          line: 4, column: 103, endLine: 4, endColumn: 108,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({});
await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'nightly', DurationSeconds: 43200 }));
`,
            },
          ],
        },
      ],
    },
    // ESM aliased import, below the minimum.
    {
      code: `
import { AssumeRoleWithWebIdentityCommand as WebIdentity } from '@aws-sdk/client-sts';
new WebIdentity({ RoleArn: roleArn, WebIdentityToken: token, DurationSeconds: 600 });
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooShort',
          data: { value: '600', operation: 'AssumeRoleWithWebIdentity', min: '900' },
          line: 3, column: 79, endLine: 3, endColumn: 82,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '900' },
              output: `
import { AssumeRoleWithWebIdentityCommand as WebIdentity } from '@aws-sdk/client-sts';
new WebIdentity({ RoleArn: roleArn, WebIdentityToken: token, DurationSeconds: 900 });
`,
            },
          ],
        },
      ],
    },
    // ESM namespace import; arithmetic is folded and the whole expression is replaced.
    {
      code: `
import * as sts from '@aws-sdk/client-sts';
new sts.GetSessionTokenCommand({ DurationSeconds: 36 * 60 * 60 + 1 });
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '129601', operation: 'GetSessionToken', max: '129600' },
          line: 3, column: 51, endLine: 3, endColumn: 67,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '129600' },
              output: `
import * as sts from '@aws-sdk/client-sts';
new sts.GetSessionTokenCommand({ DurationSeconds: 129600 });
`,
            },
          ],
        },
      ],
    },
    // require declared (CommonJS), destructuring.
    {
      code: `
const { STSClient, AssumeRoleWithSAMLCommand } = require('@aws-sdk/client-sts');
const sts = new STSClient({});
sts.send(new AssumeRoleWithSAMLCommand({ RoleArn, PrincipalArn, SAMLAssertion, DurationSeconds: 50000 }));
`,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '50000', operation: 'AssumeRoleWithSAML', max: '43200' },
          line: 4, column: 97, endLine: 4, endColumn: 102,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
const { STSClient, AssumeRoleWithSAMLCommand } = require('@aws-sdk/client-sts');
const sts = new STSClient({});
sts.send(new AssumeRoleWithSAMLCommand({ RoleArn, PrincipalArn, SAMLAssertion, DurationSeconds: 43200 }));
`,
            },
          ],
        },
      ],
    },
    // require declared as a global, aliased destructuring; a `const` is folded and the use site replaced.
    {
      code: `
const { AssumeRoleCommand: Assume } = require('@aws-sdk/client-sts');
const TWENTY_FOUR_HOURS = 24 * 60 * 60;
new Assume({ RoleArn: roleArn, RoleSessionName: 'batch', DurationSeconds: TWENTY_FOUR_HOURS });
`,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '86400', operation: 'AssumeRole', max: '43200' },
          line: 4, column: 75, endLine: 4, endColumn: 92,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
const { AssumeRoleCommand: Assume } = require('@aws-sdk/client-sts');
const TWENTY_FOUR_HOURS = 24 * 60 * 60;
new Assume({ RoleArn: roleArn, RoleSessionName: 'batch', DurationSeconds: 43200 });
`,
            },
          ],
        },
      ],
    },
    // require not declared: member access on the module.
    {
      code: `
const sts = require('@aws-sdk/client-sts');
new sts.GetFederationTokenCommand({ Name: 'partner', DurationSeconds: 200000 });
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '200000', operation: 'GetFederationToken', max: '129600' },
          line: 3, column: 71, endLine: 3, endColumn: 77,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '129600' },
              output: `
const sts = require('@aws-sdk/client-sts');
new sts.GetFederationTokenCommand({ Name: 'partner', DurationSeconds: 129600 });
`,
            },
          ],
        },
      ],
    },
    // Dynamic `await import()`.
    {
      code: `
const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'x', DurationSeconds: 60 }));
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooShort',
          data: { value: '60', operation: 'AssumeRole', min: '900' },
          line: 3, column: 111, endLine: 3, endColumn: 113,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '900' },
              output: `
const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'x', DurationSeconds: 900 }));
`,
            },
          ],
        },
      ],
    },
    // The input is a `const` object shared by two commands: one report, where the value is written.
    {
      code: `
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
const input = { RoleArn: roleArn, RoleSessionName: 'export', DurationSeconds: 48 * 3600 };
export const first = new AssumeRoleCommand(input);
export const second = new AssumeRoleCommand({ ...input, RoleSessionName: 'import' });
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '172800', operation: 'AssumeRole', max: '43200' },
          line: 3, column: 79, endLine: 3, endColumn: 88,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
const input = { RoleArn: roleArn, RoleSessionName: 'export', DurationSeconds: 43200 };
export const first = new AssumeRoleCommand(input);
export const second = new AssumeRoleCommand({ ...input, RoleSessionName: 'import' });
`,
            },
          ],
        },
      ],
    },
    // Shorthand property: the suggestion writes the key out.
    {
      code: `
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
const DurationSeconds = 300;
new GetSessionTokenCommand({ SerialNumber, TokenCode, DurationSeconds });
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooShort',
          data: { value: '300', operation: 'GetSessionToken', min: '900' },
          line: 4, column: 55, endLine: 4, endColumn: 70,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '900' },
              output: `
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
const DurationSeconds = 300;
new GetSessionTokenCommand({ SerialNumber, TokenCode, DurationSeconds: 900 });
`,
            },
          ],
        },
      ],
    },
    // v3 aggregated client method.
    {
      code: `
import { STS } from '@aws-sdk/client-sts';
const sts = new STS({ region: 'eu-west-1' });
const { Credentials } = await sts.assumeRole({ RoleArn: roleArn, RoleSessionName: 'x', DurationSeconds: 43201 });
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '43201', operation: 'AssumeRole', max: '43200' },
          line: 4, column: 105, endLine: 4, endColumn: 110,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import { STS } from '@aws-sdk/client-sts';
const sts = new STS({ region: 'eu-west-1' });
const { Credentials } = await sts.assumeRole({ RoleArn: roleArn, RoleSessionName: 'x', DurationSeconds: 43200 });
`,
            },
          ],
        },
      ],
    },
    // v2 default import, callback style.
    {
      code: `
import AWS from 'aws-sdk';
const sts = new AWS.STS();
sts.assumeRole({ RoleArn: roleArn, RoleSessionName: 'x', DurationSeconds: 64800 }, (err, data) => {});
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '64800', operation: 'AssumeRole', max: '43200' },
          line: 4, column: 75, endLine: 4, endColumn: 80,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import AWS from 'aws-sdk';
const sts = new AWS.STS();
sts.assumeRole({ RoleArn: roleArn, RoleSessionName: 'x', DurationSeconds: 43200 }, (err, data) => {});
`,
            },
          ],
        },
      ],
    },
    // v2 per-service module, `.promise()`.
    {
      code: `
import STS from 'aws-sdk/clients/sts';
const { Credentials } = await new STS().getSessionToken({ DurationSeconds: 129601 }).promise();
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '129601', operation: 'GetSessionToken', max: '129600' },
          line: 3, column: 76, endLine: 3, endColumn: 82,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '129600' },
              output: `
import STS from 'aws-sdk/clients/sts';
const { Credentials } = await new STS().getSessionToken({ DurationSeconds: 129600 }).promise();
`,
            },
          ],
        },
      ],
    },
    // v2 through require (CommonJS), optional call.
    {
      code: `
const AWS = require('aws-sdk');
const sts = new AWS.STS({ region: 'us-east-1' });
sts?.assumeRoleWithWebIdentity({ RoleArn, WebIdentityToken, RoleSessionName, DurationSeconds: 899 }).promise();
`,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'durationTooShort',
          data: { value: '899', operation: 'AssumeRoleWithWebIdentity', min: '900' },
          line: 4, column: 95, endLine: 4, endColumn: 98,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '900' },
              output: `
const AWS = require('aws-sdk');
const sts = new AWS.STS({ region: 'us-east-1' });
sts?.assumeRoleWithWebIdentity({ RoleArn, WebIdentityToken, RoleSessionName, DurationSeconds: 900 }).promise();
`,
            },
          ],
        },
      ],
    },
    // fromTemporaryCredentials params.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const s3 = new S3Client({
  credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn, DurationSeconds: 24 * 3600 } }),
});
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '86400', operation: 'AssumeRole', max: '43200' },
          line: 5, column: 88, endLine: 5, endColumn: 97,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const s3 = new S3Client({
  credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn, DurationSeconds: 43200 } }),
});
`,
            },
          ],
        },
      ],
    },
    // Role chaining: the source credentials come from the instance role.
    {
      code: `
import { fromTemporaryCredentials, fromInstanceMetadata } from '@aws-sdk/credential-providers';
export const credentials = fromTemporaryCredentials({
  masterCredentials: fromInstanceMetadata({ timeout: 1000, maxRetries: 3 }),
  params: { RoleArn: roleArn, DurationSeconds: 7200 },
});
`,
      output: null,
      errors: [
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '7200', operation: 'AssumeRole', max: '3600' },
          line: 5, column: 48, endLine: 5, endColumn: 52,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
import { fromTemporaryCredentials, fromInstanceMetadata } from '@aws-sdk/credential-providers';
export const credentials = fromTemporaryCredentials({
  masterCredentials: fromInstanceMetadata({ timeout: 1000, maxRetries: 3 }),
  params: { RoleArn: roleArn, DurationSeconds: 3600 },
});
`,
            },
          ],
        },
      ],
    },
    // Role chaining: one fromTemporaryCredentials layered on another, through a `const`.
    {
      code: `
import * as providers from '@aws-sdk/credential-providers';
const hub = providers.fromTemporaryCredentials({ params: { RoleArn: hubRoleArn } });
const spoke = providers.fromTemporaryCredentials({
  masterCredentials: hub,
  params: { RoleArn: spokeRoleArn, DurationSeconds: 3601 },
});
`,
      output: null,
      errors: [
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '3601', operation: 'AssumeRole', max: '3600' },
          line: 6, column: 53, endLine: 6, endColumn: 57,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
import * as providers from '@aws-sdk/credential-providers';
const hub = providers.fromTemporaryCredentials({ params: { RoleArn: hubRoleArn } });
const spoke = providers.fromTemporaryCredentials({
  masterCredentials: hub,
  params: { RoleArn: spokeRoleArn, DurationSeconds: 3600 },
});
`,
            },
          ],
        },
      ],
    },
    // Role chaining from the task role, the web-identity token file and the container endpoint.
    {
      code: `
import { fromTemporaryCredentials, fromContainerMetadata, fromTokenFile, fromHttp } from '@aws-sdk/credential-providers';
fromTemporaryCredentials({ masterCredentials: fromContainerMetadata(), params: { RoleArn, DurationSeconds: 43200 } });
fromTemporaryCredentials({ masterCredentials: fromTokenFile(), params: { RoleArn, DurationSeconds: 14400 } });
fromTemporaryCredentials({ clientConfig: { credentials: fromHttp({}) }, params: { RoleArn, DurationSeconds: 5400 } });
`,
      output: null,
      errors: [
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '43200', operation: 'AssumeRole', max: '3600' },
          line: 3, column: 108, endLine: 3, endColumn: 113,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
import { fromTemporaryCredentials, fromContainerMetadata, fromTokenFile, fromHttp } from '@aws-sdk/credential-providers';
fromTemporaryCredentials({ masterCredentials: fromContainerMetadata(), params: { RoleArn, DurationSeconds: 3600 } });
fromTemporaryCredentials({ masterCredentials: fromTokenFile(), params: { RoleArn, DurationSeconds: 14400 } });
fromTemporaryCredentials({ clientConfig: { credentials: fromHttp({}) }, params: { RoleArn, DurationSeconds: 5400 } });
`,
            },
          ],
        },
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '14400', operation: 'AssumeRole', max: '3600' },
          line: 4, column: 100, endLine: 4, endColumn: 105,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
import { fromTemporaryCredentials, fromContainerMetadata, fromTokenFile, fromHttp } from '@aws-sdk/credential-providers';
fromTemporaryCredentials({ masterCredentials: fromContainerMetadata(), params: { RoleArn, DurationSeconds: 43200 } });
fromTemporaryCredentials({ masterCredentials: fromTokenFile(), params: { RoleArn, DurationSeconds: 3600 } });
fromTemporaryCredentials({ clientConfig: { credentials: fromHttp({}) }, params: { RoleArn, DurationSeconds: 5400 } });
`,
            },
          ],
        },
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '5400', operation: 'AssumeRole', max: '3600' },
          line: 5, column: 109, endLine: 5, endColumn: 113,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
import { fromTemporaryCredentials, fromContainerMetadata, fromTokenFile, fromHttp } from '@aws-sdk/credential-providers';
fromTemporaryCredentials({ masterCredentials: fromContainerMetadata(), params: { RoleArn, DurationSeconds: 43200 } });
fromTemporaryCredentials({ masterCredentials: fromTokenFile(), params: { RoleArn, DurationSeconds: 14400 } });
fromTemporaryCredentials({ clientConfig: { credentials: fromHttp({}) }, params: { RoleArn, DurationSeconds: 3600 } });
`,
            },
          ],
        },
      ],
    },
    // Role chaining caps at one hour, but a value below the minimum is still reported as such.
    {
      code: `
import { fromTemporaryCredentials, fromWebToken } from '@aws-sdk/credential-providers';
fromTemporaryCredentials({ masterCredentials: fromWebToken({ roleArn, webIdentityToken }), params: { RoleArn, DurationSeconds: 600 } });
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooShort',
          data: { value: '600', operation: 'AssumeRole', min: '900' },
          line: 3, column: 128, endLine: 3, endColumn: 131,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '900' },
              output: `
import { fromTemporaryCredentials, fromWebToken } from '@aws-sdk/credential-providers';
fromTemporaryCredentials({ masterCredentials: fromWebToken({ roleArn, webIdentityToken }), params: { RoleArn, DurationSeconds: 900 } });
`,
            },
          ],
        },
      ],
    },
    // fromWebToken and fromTokenFile take `durationSeconds`.
    {
      code: `
import { fromWebToken } from '@aws-sdk/credential-providers';
import { fromTokenFile as fromFile } from '@aws-sdk/credential-provider-web-identity';
fromWebToken({ roleArn, webIdentityToken, durationSeconds: 50000 });
fromFile({ roleArn, durationSeconds: 120 });
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '50000', operation: 'AssumeRoleWithWebIdentity', max: '43200' },
          line: 4, column: 60, endLine: 4, endColumn: 65,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import { fromWebToken } from '@aws-sdk/credential-providers';
import { fromTokenFile as fromFile } from '@aws-sdk/credential-provider-web-identity';
fromWebToken({ roleArn, webIdentityToken, durationSeconds: 43200 });
fromFile({ roleArn, durationSeconds: 120 });
`,
            },
          ],
        },
        {
          messageId: 'durationTooShort',
          data: { value: '120', operation: 'AssumeRoleWithWebIdentity', min: '900' },
          line: 5, column: 38, endLine: 5, endColumn: 41,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '900' },
              output: `
import { fromWebToken } from '@aws-sdk/credential-providers';
import { fromTokenFile as fromFile } from '@aws-sdk/credential-provider-web-identity';
fromWebToken({ roleArn, webIdentityToken, durationSeconds: 50000 });
fromFile({ roleArn, durationSeconds: 900 });
`,
            },
          ],
        },
      ],
    },
    // v2 ChainableTemporaryCredentials: AssumeRole with a RoleArn, GetSessionToken without.
    {
      code: `
import AWS from 'aws-sdk';
new AWS.ChainableTemporaryCredentials({ params: { RoleArn: roleArn, DurationSeconds: 50000 } });
new AWS.ChainableTemporaryCredentials({ params: { SerialNumber, DurationSeconds: 200000 }, tokenCodeFn });
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '50000', operation: 'AssumeRole', max: '43200' },
          line: 3, column: 86, endLine: 3, endColumn: 91,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import AWS from 'aws-sdk';
new AWS.ChainableTemporaryCredentials({ params: { RoleArn: roleArn, DurationSeconds: 43200 } });
new AWS.ChainableTemporaryCredentials({ params: { SerialNumber, DurationSeconds: 200000 }, tokenCodeFn });
`,
            },
          ],
        },
        {
          messageId: 'durationTooLong',
          data: { value: '200000', operation: 'GetSessionToken', max: '129600' },
          line: 4, column: 82, endLine: 4, endColumn: 88,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '129600' },
              output: `
import AWS from 'aws-sdk';
new AWS.ChainableTemporaryCredentials({ params: { RoleArn: roleArn, DurationSeconds: 50000 } });
new AWS.ChainableTemporaryCredentials({ params: { SerialNumber, DurationSeconds: 129600 }, tokenCodeFn });
`,
            },
          ],
        },
      ],
    },
    // v2 role chaining: the master is the instance role, or another assumed role.
    {
      code: `
import AWS from 'aws-sdk';
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn: roleArn, DurationSeconds: 7200 },
  masterCredentials: new AWS.EC2MetadataCredentials(),
});
const base = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: baseRoleArn } });
new AWS.ChainableTemporaryCredentials({ params: { RoleArn: roleArn, DurationSeconds: 10800 }, masterCredentials: base });
`,
      output: null,
      errors: [
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '7200', operation: 'AssumeRole', max: '3600' },
          line: 4, column: 48, endLine: 4, endColumn: 52,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
import AWS from 'aws-sdk';
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn: roleArn, DurationSeconds: 3600 },
  masterCredentials: new AWS.EC2MetadataCredentials(),
});
const base = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: baseRoleArn } });
new AWS.ChainableTemporaryCredentials({ params: { RoleArn: roleArn, DurationSeconds: 10800 }, masterCredentials: base });
`,
            },
          ],
        },
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '10800', operation: 'AssumeRole', max: '3600' },
          line: 8, column: 86, endLine: 8, endColumn: 91,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
import AWS from 'aws-sdk';
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn: roleArn, DurationSeconds: 7200 },
  masterCredentials: new AWS.EC2MetadataCredentials(),
});
const base = new AWS.ChainableTemporaryCredentials({ params: { RoleArn: baseRoleArn } });
new AWS.ChainableTemporaryCredentials({ params: { RoleArn: roleArn, DurationSeconds: 3600 }, masterCredentials: base });
`,
            },
          ],
        },
      ],
    },
    // v2 role chaining from ECS, web-identity token file and deprecated TemporaryCredentials masters.
    {
      code: `
const AWS = require('aws-sdk');
new AWS.ChainableTemporaryCredentials({ params: { RoleArn, DurationSeconds: 3601 }, masterCredentials: new AWS.ECSCredentials() });
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn, DurationSeconds: 4000 },
  masterCredentials: new AWS.TokenFileWebIdentityCredentials(),
});
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn, DurationSeconds: 5000 },
  masterCredentials: new AWS.TemporaryCredentials({ RoleArn: baseRoleArn }),
});
`,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '3601', operation: 'AssumeRole', max: '3600' },
          line: 3, column: 77, endLine: 3, endColumn: 81,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
const AWS = require('aws-sdk');
new AWS.ChainableTemporaryCredentials({ params: { RoleArn, DurationSeconds: 3600 }, masterCredentials: new AWS.ECSCredentials() });
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn, DurationSeconds: 4000 },
  masterCredentials: new AWS.TokenFileWebIdentityCredentials(),
});
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn, DurationSeconds: 5000 },
  masterCredentials: new AWS.TemporaryCredentials({ RoleArn: baseRoleArn }),
});
`,
            },
          ],
        },
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '4000', operation: 'AssumeRole', max: '3600' },
          line: 5, column: 39, endLine: 5, endColumn: 43,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
const AWS = require('aws-sdk');
new AWS.ChainableTemporaryCredentials({ params: { RoleArn, DurationSeconds: 3601 }, masterCredentials: new AWS.ECSCredentials() });
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn, DurationSeconds: 3600 },
  masterCredentials: new AWS.TokenFileWebIdentityCredentials(),
});
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn, DurationSeconds: 5000 },
  masterCredentials: new AWS.TemporaryCredentials({ RoleArn: baseRoleArn }),
});
`,
            },
          ],
        },
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '5000', operation: 'AssumeRole', max: '3600' },
          line: 9, column: 39, endLine: 9, endColumn: 43,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
const AWS = require('aws-sdk');
new AWS.ChainableTemporaryCredentials({ params: { RoleArn, DurationSeconds: 3601 }, masterCredentials: new AWS.ECSCredentials() });
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn, DurationSeconds: 4000 },
  masterCredentials: new AWS.TokenFileWebIdentityCredentials(),
});
new AWS.ChainableTemporaryCredentials({
  params: { RoleArn, DurationSeconds: 3600 },
  masterCredentials: new AWS.TemporaryCredentials({ RoleArn: baseRoleArn }),
});
`,
            },
          ],
        },
      ],
    },
    // v2 TemporaryCredentials take the params as first argument.
    {
      code: `
import AWS from 'aws-sdk/global';
new AWS.TemporaryCredentials({ RoleArn: roleArn, DurationSeconds: 50000 });
new AWS.TemporaryCredentials({ DurationSeconds: 800 });
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '50000', operation: 'AssumeRole', max: '43200' },
          line: 3, column: 67, endLine: 3, endColumn: 72,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import AWS from 'aws-sdk/global';
new AWS.TemporaryCredentials({ RoleArn: roleArn, DurationSeconds: 43200 });
new AWS.TemporaryCredentials({ DurationSeconds: 800 });
`,
            },
          ],
        },
        {
          messageId: 'durationTooShort',
          data: { value: '800', operation: 'GetSessionToken', min: '900' },
          line: 4, column: 49, endLine: 4, endColumn: 52,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '900' },
              output: `
import AWS from 'aws-sdk/global';
new AWS.TemporaryCredentials({ RoleArn: roleArn, DurationSeconds: 50000 });
new AWS.TemporaryCredentials({ DurationSeconds: 900 });
`,
            },
          ],
        },
      ],
    },
    // v2 WebIdentityCredentials and SAMLCredentials pass their params to STS.
    {
      code: `
import { WebIdentityCredentials, SAMLCredentials } from 'aws-sdk';
new WebIdentityCredentials({ RoleArn, WebIdentityToken, DurationSeconds: 86400 });
new SAMLCredentials({ RoleArn, PrincipalArn, SAMLAssertion, DurationSeconds: 86400 });
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '86400', operation: 'AssumeRoleWithWebIdentity', max: '43200' },
          line: 3, column: 74, endLine: 3, endColumn: 79,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import { WebIdentityCredentials, SAMLCredentials } from 'aws-sdk';
new WebIdentityCredentials({ RoleArn, WebIdentityToken, DurationSeconds: 43200 });
new SAMLCredentials({ RoleArn, PrincipalArn, SAMLAssertion, DurationSeconds: 86400 });
`,
            },
          ],
        },
        {
          messageId: 'durationTooLong',
          data: { value: '86400', operation: 'AssumeRoleWithSAML', max: '43200' },
          line: 4, column: 78, endLine: 4, endColumn: 83,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import { WebIdentityCredentials, SAMLCredentials } from 'aws-sdk';
new WebIdentityCredentials({ RoleArn, WebIdentityToken, DurationSeconds: 86400 });
new SAMLCredentials({ RoleArn, PrincipalArn, SAMLAssertion, DurationSeconds: 43200 });
`,
            },
          ],
        },
      ],
    },
    // An STS client that signs with the instance or task role: AssumeRole from it is role chaining.
    {
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
const sts = new STSClient({ credentials: fromInstanceMetadata({ timeout: 1000, maxRetries: 3 }) });
await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'deploy', DurationSeconds: 43200 }));
`,
      output: null,
      errors: [
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '43200', operation: 'AssumeRole', max: '3600' },
          line: 5, column: 102, endLine: 5, endColumn: 107,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
const sts = new STSClient({ credentials: fromInstanceMetadata({ timeout: 1000, maxRetries: 3 }) });
await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'deploy', DurationSeconds: 3600 }));
`,
            },
          ],
        },
      ],
    },
    // The same for v2 clients and their methods.
    {
      code: `
import AWS from 'aws-sdk';
const sts = new AWS.STS({ credentials: new AWS.ECSCredentials() });
sts.assumeRole({ RoleArn: roleArn, RoleSessionName: 'deploy', DurationSeconds: 21600 }).promise();
`,
      output: null,
      errors: [
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '21600', operation: 'AssumeRole', max: '3600' },
          line: 4, column: 80, endLine: 4, endColumn: 85,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
import AWS from 'aws-sdk';
const sts = new AWS.STS({ credentials: new AWS.ECSCredentials() });
sts.assumeRole({ RoleArn: roleArn, RoleSessionName: 'deploy', DurationSeconds: 3600 }).promise();
`,
            },
          ],
        },
      ],
    },
    // An AWS endpoint keeps the limits; a command held in a `const` is followed to the client that sends it.
    {
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';
const sts = new STSClient({ endpoint: 'https://sts.eu-west-1.amazonaws.com', credentials: fromContainerMetadata() });
const command = new AssumeRoleCommand({ RoleArn, RoleSessionName: 'deploy', DurationSeconds: 7200 });
await sts.send(command);
`,
      output: null,
      errors: [
        {
          messageId: 'chainedDurationTooLong',
          data: { value: '7200', operation: 'AssumeRole', max: '3600' },
          line: 5, column: 94, endLine: 5, endColumn: 98,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '3600' },
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fromContainerMetadata } from '@aws-sdk/credential-providers';
const sts = new STSClient({ endpoint: 'https://sts.eu-west-1.amazonaws.com', credentials: fromContainerMetadata() });
const command = new AssumeRoleCommand({ RoleArn, RoleSessionName: 'deploy', DurationSeconds: 3600 });
await sts.send(command);
`,
            },
          ],
        },
      ],
    },
    // A template that spells an AWS host around the region keeps the limits too.
    {
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({ endpoint: \`https://sts.\${process.env.AWS_REGION}.amazonaws.com\` });
await sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'deploy', DurationSeconds: 86400 }));
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '86400', operation: 'AssumeRole', max: '43200' },
          line: 4, column: 93, endLine: 4, endColumn: 98,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({ endpoint: \`https://sts.\${process.env.AWS_REGION}.amazonaws.com\` });
await sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'deploy', DurationSeconds: 43200 }));
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
import type { AssumeRoleCommandInput } from '@aws-sdk/client-sts';
const input: AssumeRoleCommandInput = { RoleArn: 'arn:aws:iam::123456789012:role/x', RoleSessionName: 'x', DurationSeconds: 86400 };
`,
  ],
  invalid: [
    // TS `import x = require()`, with TS wrappers around the input and the value.
    {
      code: `
import sts = require('@aws-sdk/client-sts');
const hours = 13;
new sts.AssumeRoleCommand({ RoleArn: roleArn, DurationSeconds: (hours * 3600) as number } satisfies sts.AssumeRoleCommandInput);
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooLong',
          data: { value: '46800', operation: 'AssumeRole', max: '43200' },
          line: 4, column: 64, endLine: 4, endColumn: 88,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '43200' },
              output: `
import sts = require('@aws-sdk/client-sts');
const hours = 13;
new sts.AssumeRoleCommand({ RoleArn: roleArn, DurationSeconds: 43200 } satisfies sts.AssumeRoleCommandInput);
`,
            },
          ],
        },
      ],
    },
    // TS `import x = require()` of the v2 STS class.
    {
      code: `
import STS = require('aws-sdk/clients/sts');
new STS().getFederationToken({ Name: 'partner', DurationSeconds: 600 }, callback);
`,
      output: null,
      errors: [
        {
          messageId: 'durationTooShort',
          data: { value: '600', operation: 'GetFederationToken', min: '900' },
          line: 3, column: 66, endLine: 3, endColumn: 69,
          suggestions: [
            {
              messageId: 'clampDuration',
              data: { bound: '900' },
              output: `
import STS = require('aws-sdk/clients/sts');
new STS().getFederationToken({ Name: 'partner', DurationSeconds: 900 }, callback);
`,
            },
          ],
        },
      ],
    },
  ],
});
