import { onSdkReferences } from '../../src/utils/sdk/references.js';
import { createRule } from '../../src/utils/create-rule.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

/** Reports every SDK reference the shared pass finds, so each import form can be asserted on its own. */
const probe = createRule<[], 'found'>({
  name: 'probe',
  meta: {
    type: 'problem',
    docs: { description: 'Report SDK references' },
    messages: { found: '{{ type }} {{ kind }} {{ name }} from {{ moduleId }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return onSdkReferences(context, (references) => {
      for (const { node, type, info, name, moduleId } of references.all) {
        context.report({ node, messageId: 'found', data: { type, kind: info.kind, name, moduleId } });
      }
    });
  },
});

const sts = { moduleId: '@aws-sdk/client-sts' };
const stsClient = { type: 'construct', kind: 'client', name: 'STSClient', ...sts };
const fromIni = { type: 'call', kind: 'provider', name: 'fromIni', moduleId: '@aws-sdk/credential-providers' };
const v2S3 = { type: 'construct', kind: 'client', name: 'S3', moduleId: 'aws-sdk' };
const requireDeclared = { globals: { require: 'readonly' } } as const;
const v2Config = { type: 'read', kind: 'v2GlobalConfig', name: 'config', moduleId: 'aws-sdk' };
const v2DocumentClient = { type: 'construct', kind: 'client', name: 'DocumentClient', moduleId: 'aws-sdk' };
const dynamodbDocumentClient = { ...v2DocumentClient, moduleId: 'aws-sdk/clients/dynamodb' };
const cognito = { moduleId: '@aws-sdk/client-cognito-identity' };

ruleTester.run('sdk-references (JavaScript)', probe, {
  valid: [
    // No SDK module at all: the pass returns before building a tracker.
    `
import { S3Client } from './local-s3';
new S3Client({});
    `,
    // The same export name from an unrelated module.
    `
import { fromIni } from 'ini-credentials';
fromIni();
    `,
    // A shadowed `require` is not the module loader.
    `
function load(require) {
  const { STSClient } = require('@aws-sdk/client-sts');
  return new STSClient({});
}
    `,
    {
      code: `
const require = (id) => ({ STSClient: class {} });
const { STSClient } = require('@aws-sdk/client-sts');
new STSClient({});
      `,
      languageOptions: commonjs,
    },
    // Top-level `return` parses only as CommonJS: proof that the case below really runs as CommonJS.
    {
      code: `
const { STSClient } = require('node:module');
if (!STSClient) return;
      `,
      languageOptions: commonjs,
    },
    // A promise callback does not bind the module; only `await import()` is followed.
    `
import('@aws-sdk/client-sts').then((sts) => new sts.STSClient({}));
    `,
    // Exceptions are neither clients nor commands.
    `
import { STSServiceException } from '@aws-sdk/client-sts';
new STSServiceException({});
    `,
    // A local object named `AWS` is not the browser global.
    `
const AWS = { S3: class {}, config: {} };
new AWS.S3();
AWS.config.update({});
    `,
    // Nor is a parameter named `AWS`.
    `
export function build(AWS) {
  return new AWS.S3();
}
    `,
    // A local `window` shadows the global object.
    `
const window = { AWS: { S3: class {} } };
new window.AWS.S3();
    `,
    `
export function build(self) {
  return new self.AWS.S3();
}
    `,
    // `S3.ManagedUpload` ignores every option but `params` and `service`: no client of its own.
    `
/* global AWS */
new AWS.S3.ManagedUpload({ params: { Bucket: 'b', Key: 'k', Body: '' } });
    `,
    // A global `AWS` used for no SDK member.
    `
/* global AWS */
AWS.util.uuid.v4();
    `,
  ],
  invalid: [
    {
      // ESM named import.
      code: `
import { STSClient } from '@aws-sdk/client-sts';
new STSClient({});
      `,
      errors: [{ messageId: 'found', data: stsClient, line: 3, column: 1, endLine: 3, endColumn: 18 }],
    },
    {
      // ESM aliased import: the reference carries the canonical export name.
      code: `
import { STSClient as Sts, AssumeRoleCommand as Assume } from '@aws-sdk/client-sts';
new Sts({}).send(new Assume({}));
      `,
      errors: [
        { messageId: 'found', data: stsClient, line: 3, column: 1, endLine: 3, endColumn: 12 },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'command', name: 'AssumeRoleCommand', ...sts },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 32,
        },
      ],
    },
    {
      // ESM namespace import.
      code: `
import * as providers from '@aws-sdk/credential-providers';
providers.fromIni({ profile: 'dev' });
      `,
      errors: [{ messageId: 'found', data: fromIni, line: 3, column: 1, endLine: 3, endColumn: 38 }],
    },
    {
      // v2 default import, with the global config read.
      code: `
import AWS from 'aws-sdk';
AWS.config.update({ region: 'eu-west-1' });
new AWS.S3();
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'read', kind: 'v2GlobalConfig', name: 'config', moduleId: 'aws-sdk' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 11,
        },
        { messageId: 'found', data: v2S3, line: 4, column: 1, endLine: 4, endColumn: 13 },
      ],
    },
    {
      // v2 named import (CommonJS module, legacy mode) and v2 namespace import.
      code: `
import { S3 } from 'aws-sdk';
import * as AWS from 'aws-sdk';
new S3();
new AWS.S3();
      `,
      errors: [
        { messageId: 'found', data: v2S3, line: 4, column: 1, endLine: 4, endColumn: 9 },
        { messageId: 'found', data: v2S3, line: 5, column: 1, endLine: 5, endColumn: 13 },
      ],
    },
    {
      // v2 per-service module, default import.
      code: `
import STS from 'aws-sdk/clients/sts';
new STS({ region: 'us-east-1' });
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'aws-sdk/clients/sts', moduleId: 'aws-sdk/clients/sts' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 33,
        },
      ],
    },
    {
      // A destructured or named binding of a read export is reported at each of its uses.
      code: `
const { config } = require('aws-sdk');
import { config as globalConfig } from 'aws-sdk';
config.update({ region: 'eu-west-1' });
globalConfig.credentials = null;
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'read', kind: 'v2GlobalConfig', name: 'config', moduleId: 'aws-sdk' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 7,
        },
        {
          messageId: 'found',
          data: { type: 'read', kind: 'v2GlobalConfig', name: 'config', moduleId: 'aws-sdk' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 13,
        },
      ],
    },
    {
      // CommonJS with `require` declared (sourceType commonjs): destructuring.
      code: `
const { STSClient } = require('@aws-sdk/client-sts');
new STSClient({});
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'found', data: stsClient, line: 3, column: 1, endLine: 3, endColumn: 18 }],
    },
    {
      // CommonJS with `require` declared as a global: aliased destructuring and member access.
      code: `
const { STSClient: Client } = require('@aws-sdk/client-sts');
const AWS = require('aws-sdk');
new Client({});
new AWS.S3();
      `,
      languageOptions: requireDeclared,
      errors: [
        { messageId: 'found', data: stsClient, line: 4, column: 1, endLine: 4, endColumn: 15 },
        { messageId: 'found', data: v2S3, line: 5, column: 1, endLine: 5, endColumn: 13 },
      ],
    },
    {
      // `require` not declared (ESM file, no node globals): member access and destructuring.
      code: `
const sts = require('@aws-sdk/client-sts');
const { fromIni: ini } = require('@aws-sdk/credential-providers');
new sts.STSClient({ credentials: ini() });
      `,
      errors: [
        { messageId: 'found', data: stsClient, line: 4, column: 1, endLine: 4, endColumn: 42 },
        { messageId: 'found', data: fromIni, line: 4, column: 34, endLine: 4, endColumn: 39 },
      ],
    },
    {
      // Undeclared `require` of a v2 per-service module, constructed directly.
      code: `
const S3 = require('aws-sdk/clients/s3');
new S3();
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'aws-sdk/clients/s3', moduleId: 'aws-sdk/clients/s3' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 9,
        },
      ],
    },
    {
      // Dynamic `await import()` with destructuring, and a v2 namespace through `.default`.
      code: `
const { STSClient } = await import('@aws-sdk/client-sts');
const AWS = (await import('aws-sdk')).default;
new STSClient({});
new AWS.S3();
      `,
      errors: [
        { messageId: 'found', data: stsClient, line: 4, column: 1, endLine: 4, endColumn: 18 },
        { messageId: 'found', data: v2S3, line: 5, column: 1, endLine: 5, endColumn: 13 },
      ],
    },
    {
      // Providers from the single-provider packages and `@smithy/credential-provider-imds`.
      code: `
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { fromInstanceMetadata } from '@smithy/credential-provider-imds';
defaultProvider();
fromInstanceMetadata({ maxRetries: 3 });
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'call', kind: 'provider', name: 'defaultProvider', moduleId: '@aws-sdk/credential-provider-node' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 18,
        },
        {
          messageId: 'found',
          data: {
            type: 'call',
            kind: 'provider',
            name: 'fromInstanceMetadata',
            moduleId: '@smithy/credential-provider-imds',
          },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 40,
        },
      ],
    },
    {
      // v2 credentials classes and `AWS.Config` from `aws-sdk/global`.
      code: `
import AWS from 'aws-sdk/global';
new AWS.Config({ credentials: new AWS.SharedIniFileCredentials() });
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'v2Config', name: 'Config', moduleId: 'aws-sdk/global' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 68,
        },
        {
          messageId: 'found',
          data: {
            type: 'construct',
            kind: 'v2Credentials',
            name: 'SharedIniFileCredentials',
            moduleId: 'aws-sdk/global',
          },
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 65,
        },
      ],
    },
    {
      // The v2 browser global declared by a comment resolves like `require('aws-sdk')`.
      code: `
/* global AWS */
AWS.config.update({ region: 'us-west-2' });
const s3 = new AWS.S3({ params: { Bucket: 'b' } });
AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: 'pool' });
new AWS.WebIdentityCredentials({ RoleArn: 'arn' });
new AWS.Credentials('id', 'secret');
      `,
      errors: [
        { messageId: 'found', data: v2Config, line: 3, column: 1, endLine: 3, endColumn: 11 },
        { messageId: 'found', data: v2S3, line: 4, column: 12, endLine: 4, endColumn: 51 },
        { messageId: 'found', data: v2Config, line: 5, column: 1, endLine: 5, endColumn: 11 },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'v2Credentials', name: 'CognitoIdentityCredentials', moduleId: 'aws-sdk' },
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 88,
        },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'v2Credentials', name: 'WebIdentityCredentials', moduleId: 'aws-sdk' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 51,
        },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'v2Credentials', name: 'Credentials', moduleId: 'aws-sdk' },
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 36,
        },
      ],
    },
    {
      // The browser global through the global object, undeclared `window`: member, computed key, destructuring.
      code: `
window.AWS.config.update({});
new globalThis.AWS.S3();
new self['AWS'].STS();
const { Translate } = window.AWS;
new Translate();
      `,
      errors: [
        { messageId: 'found', data: v2Config, line: 2, column: 1, endLine: 2, endColumn: 18 },
        { messageId: 'found', data: v2S3, line: 3, column: 1, endLine: 3, endColumn: 24 },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'STS', moduleId: 'aws-sdk' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 22,
        },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'Translate', moduleId: 'aws-sdk' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 16,
        },
      ],
    },
    {
      // `window` declared by the browser globals.
      code: `
new window.AWS.S3();
      `,
      languageOptions: { globals: { window: 'readonly' } },
      errors: [{ messageId: 'found', data: v2S3, line: 2, column: 1, endLine: 2, endColumn: 20 }],
    },
    {
      // An undeclared `AWS` used as the SDK namespace: a script tag's global that the configuration omits.
      code: `
const sts = new AWS.STS({ region: 'eu-west-1' });
AWS.config.region = 'eu-west-1';
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'STS', moduleId: 'aws-sdk' },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 49,
        },
        { messageId: 'found', data: v2Config, line: 3, column: 1, endLine: 3, endColumn: 11 },
      ],
    },
    {
      // Signers whose module ids name no \`aws-sdk\`: the per-file text gate still lets them through.
      code: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import createAwsOpensearchConnector from 'aws-opensearch-connector';
AwsSigv4Signer({ region: 'eu-west-1', getCredentials });
createAwsOpensearchConnector({ credentials });
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'call', kind: 'signer', name: 'AwsSigv4Signer', moduleId: '@opensearch-project/opensearch/aws' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 56,
        },
        {
          messageId: 'found',
          data: { type: 'call', kind: 'signer', name: 'aws-opensearch-connector', moduleId: 'aws-opensearch-connector' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 46,
        },
      ],
    },
    {
      // The IAM database auth signers.
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import { DsqlSigner } from '@aws-sdk/dsql-signer';
new Signer({ hostname, port, username });
new DsqlSigner({ hostname });
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'signer', name: 'Signer', moduleId: '@aws-sdk/rds-signer' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 41,
        },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'signer', name: 'DsqlSigner', moduleId: '@aws-sdk/dsql-signer' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 29,
        },
      ],
    },
    {
      // v2 nested clients; `S3.ManagedUpload` is none, the service it is given is one.
      code: `
import AWS from 'aws-sdk';
new AWS.DynamoDB.DocumentClient({ region: 'us-east-1' });
new AWS.S3.ManagedUpload({ service: new AWS.S3() });
new AWS.Polly.Presigner();
      `,
      errors: [
        { messageId: 'found', data: v2DocumentClient, line: 3, column: 1, endLine: 3, endColumn: 57 },
        { messageId: 'found', data: v2S3, line: 4, column: 37, endLine: 4, endColumn: 49 },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'Presigner', moduleId: 'aws-sdk' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 26,
        },
      ],
    },
    {
      // `DocumentClient` of the per-service module: destructured, read inline, through the default export.
      code: `
const { DocumentClient } = require('aws-sdk/clients/dynamodb');
const DynamoDB = require('aws-sdk/clients/dynamodb');
new DocumentClient({});
new (require('aws-sdk/clients/dynamodb').DocumentClient)({});
new DynamoDB.DocumentClient({ service: new DynamoDB() });
      `,
      errors: [
        { messageId: 'found', data: dynamodbDocumentClient, line: 4, column: 1, endLine: 4, endColumn: 23 },
        { messageId: 'found', data: dynamodbDocumentClient, line: 5, column: 1, endLine: 5, endColumn: 61 },
        { messageId: 'found', data: dynamodbDocumentClient, line: 6, column: 1, endLine: 6, endColumn: 57 },
        {
          messageId: 'found',
          data: {
            type: 'construct',
            kind: 'client',
            name: 'aws-sdk/clients/dynamodb',
            moduleId: 'aws-sdk/clients/dynamodb',
          },
          line: 6,
          column: 40,
          endLine: 6,
          endColumn: 54,
        },
      ],
    },
    {
      // `require(…).DocumentClient` with `require` declared (CommonJS).
      code: `
const DocumentClient = require('aws-sdk/clients/dynamodb').DocumentClient;
new DocumentClient({});
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'found', data: dynamodbDocumentClient, line: 3, column: 1, endLine: 3, endColumn: 23 }],
    },
    {
      // `lib-dynamodb` and `lib-storage` take a client, not credentials: only the client they are given is one.
      code: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Upload } from '@aws-sdk/lib-storage';
import { S3Client } from '@aws-sdk/client-s3';
DynamoDBDocumentClient.from(new DynamoDBClient({}));
new Upload({ client: new S3Client({}), params: {} });
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'DynamoDBClient', moduleId: '@aws-sdk/client-dynamodb' },
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 51,
        },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'S3Client', moduleId: '@aws-sdk/client-s3' },
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 38,
        },
      ],
    },
    {
      // Cognito Identity and SSO, the credential sources: clients and commands.
      code: `
import { CognitoIdentityClient, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { SSOClient, GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
new CognitoIdentityClient({}).send(new GetCredentialsForIdentityCommand({ IdentityId: 'id' }));
new SSOClient({}).send(new GetRoleCredentialsCommand({ roleName: 'r', accountId: '1', accessToken: 't' }));
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'CognitoIdentityClient', ...cognito },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 30,
        },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'command', name: 'GetCredentialsForIdentityCommand', ...cognito },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 94,
        },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'SSOClient', moduleId: '@aws-sdk/client-sso' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 18,
        },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'command', name: 'GetRoleCredentialsCommand', moduleId: '@aws-sdk/client-sso' },
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 106,
        },
      ],
    },
    {
      // v2 Cognito Identity and SSO services, here through the browser global.
      code: `
/* global AWS */
new AWS.CognitoIdentity().getCredentialsForIdentity({ IdentityId: 'id' });
new AWS.SSO().getRoleCredentials({});
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'CognitoIdentity', moduleId: 'aws-sdk' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 26,
        },
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'SSO', moduleId: 'aws-sdk' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 14,
        },
      ],
    },
  ],
});

tsRuleTester.run('sdk-references (TypeScript)', probe, {
  valid: [
    // Type-only imports bind no value.
    `
import type { STSClient } from '@aws-sdk/client-sts';
let client: STSClient | undefined;
    `,
    `
import type AWS = require('aws-sdk');
let s3: AWS.S3 | undefined;
    `,
    // A type-only default import is no browser global either.
    `
import type AWS from 'aws-sdk';
let s3: AWS.S3 | undefined;
    `,
    // A local `AWS` that is not the SDK, whatever its type says.
    `
const AWS = {} as { S3: new () => object };
new AWS.S3();
    `,
  ],
  invalid: [
    {
      // TS `import x = require()`.
      code: `
import sts = require('@aws-sdk/client-sts');
new sts.STSClient({});
      `,
      errors: [{ messageId: 'found', data: stsClient, line: 3, column: 1, endLine: 3, endColumn: 22 }],
    },
    {
      // TS `import x = require()` of a v2 per-service class.
      code: `
import S3 = require('aws-sdk/clients/s3');
const s3 = new S3();
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'aws-sdk/clients/s3', moduleId: 'aws-sdk/clients/s3' },
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 20,
        },
      ],
    },
    {
      // TS wrappers between the import and its use.
      code: `
import * as AWS from 'aws-sdk';
const Service = (AWS as typeof AWS).S3!;
new Service();
      `,
      errors: [{ messageId: 'found', data: v2S3, line: 4, column: 1, endLine: 4, endColumn: 14 }],
    },
    {
      // An ambient `declare const` of the browser global.
      code: `
declare const AWS: typeof import('aws-sdk');
new AWS.S3();
      `,
      errors: [{ messageId: 'found', data: v2S3, line: 3, column: 1, endLine: 3, endColumn: 13 }],
    },
    {
      // An ambient `declare var`, read through an alias.
      code: `
declare var AWS: any;
export const config = AWS.config;
      `,
      errors: [{ messageId: 'found', data: v2Config, line: 3, column: 23, endLine: 3, endColumn: 33 }],
    },
    {
      // `declare global` leaves `AWS` unresolved in the file's scope.
      code: `
declare global {
  var AWS: any;
}
new AWS.SSO();
export {};
      `,
      errors: [
        {
          messageId: 'found',
          data: { type: 'construct', kind: 'client', name: 'SSO', moduleId: 'aws-sdk' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 14,
        },
      ],
    },
  ],
});
