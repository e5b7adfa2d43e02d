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
  ],
});
