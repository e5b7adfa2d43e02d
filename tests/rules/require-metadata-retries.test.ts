import rule from '../../src/rules/require-metadata-retries.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const requireDeclared = { globals: { require: 'readonly' } } as const;
const instanceDefault = {
  provider: 'fromInstanceMetadata',
  setting: '`maxRetries` defaults to 0',
  error: 'CredentialsProviderError',
};
const containerDefault = { ...instanceDefault, provider: 'fromContainerMetadata' };
const v3Merged = { options: '{ timeout: 1000, maxRetries: 3 }' };
const v2Credentials = {
  provider: 'AWS.EC2MetadataCredentials',
  error: 'CredentialsError: Missing credentials in config',
};
const v2CredentialsMerged = { options: '{ maxRetries: 3, httpOptions: { timeout: 1000 } }' };
const metadataServiceDefault = { provider: 'AWS.MetadataService', setting: '`httpOptions.timeout` defaults to 0' };
const metadataServiceMerged = { options: '{ httpOptions: { timeout: 1000 } }' };

ruleTester.run(rule.name, rule, {
  valid: [
    // Retries and a timeout, as the suggestion writes them, or any other non-zero values.
    `
import { fromContainerMetadata, fromInstanceMetadata } from '@aws-sdk/credential-providers';
export const instanceRole = fromInstanceMetadata({ timeout: 1000, maxRetries: 3 });
export const taskRole = fromContainerMetadata({ maxRetries: 5 });
    `,
    // Values from constants and spreads of local objects.
    `
import { fromInstanceMetadata } from '@smithy/credential-provider-imds';
const RETRIES = 2;
const defaults = { maxRetries: RETRIES, timeout: 2 * 1000 };
export const provider = fromInstanceMetadata({ ...defaults, logger: console });
    `,
    // Options the file does not define: a parameter, an import, an unresolved spread, a computed key.
    `
import { fromContainerMetadata, fromInstanceMetadata } from '@aws-sdk/credential-providers';
import { imdsOptions } from './config.js';
export function makeProvider(options) {
  return fromInstanceMetadata(options);
}
fromInstanceMetadata(imdsOptions);
fromContainerMetadata({ ...imdsOptions, timeout: 2000 });
fromContainerMetadata({ [key]: 3, timeout: 2000 });
    `,
    // A value set by an option the file does not show wins over the literal zero before it.
    `
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
import { overrides } from './config.js';
fromInstanceMetadata({ maxRetries: 0, timeout: 0, ...overrides });
    `,
    // `fromHttp` retries 3 times by default (sdk-facts A4).
    `
import { fromHttp } from '@aws-sdk/credential-providers';
export const podIdentity = fromHttp();
    `,
    // The same names from an unrelated module, and a local function.
    `
import { fromInstanceMetadata } from './imds.js';
fromInstanceMetadata();
function fromContainerMetadata() {}
fromContainerMetadata();
    `,
    // A shadowed `require` is not the module loader.
    {
      code: `
function build(require) {
  const { fromInstanceMetadata } = require('@aws-sdk/credential-providers');
  return fromInstanceMetadata();
}
      `,
      languageOptions: commonjs,
    },
    // v2 `EC2MetadataCredentials` defaults to 3 retries and a 1-second timeout (sdk-facts B6).
    `
import AWS from 'aws-sdk';
AWS.config.credentials = new AWS.EC2MetadataCredentials();
new AWS.EC2MetadataCredentials({ maxRetries: 10, httpOptions: { timeout: 5000 } });
new AWS.EC2MetadataCredentials({ httpOptions: { connectTimeout: 1000 } });
    `,
    // v2 `MetadataService` with a timeout, or with `httpOptions` the file does not show.
    `
import AWS from 'aws-sdk';
import { httpOptions } from './http.js';
new AWS.MetadataService({ httpOptions: { timeout: 1000 } });
new AWS.MetadataService({ httpOptions });
new AWS.MetadataService(settings);
    `,
  ],
  invalid: [
    {
      // ESM named import, no options: the suggestion writes both.
      code: `
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
export const credentials = fromInstanceMetadata();
      `,
      output: null,
      errors: [
        {
          messageId: 'noRetries',
          data: instanceDefault,
          line: 3, column: 28, endLine: 3, endColumn: 50,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
export const credentials = fromInstanceMetadata({ timeout: 1000, maxRetries: 3 });
      `,
            },
          ],
        },
      ],
    },
    {
      // Aliased import; an empty object is filled in.
      code: `
import { fromContainerMetadata as taskRole } from '@aws-sdk/credential-providers';
const credentials = taskRole({});
      `,
      output: null,
      errors: [
        {
          messageId: 'noRetries',
          data: containerDefault,
          line: 3, column: 21, endLine: 3, endColumn: 33,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
import { fromContainerMetadata as taskRole } from '@aws-sdk/credential-providers';
const credentials = taskRole({ timeout: 1000, maxRetries: 3 });
      `,
            },
          ],
        },
      ],
    },
    {
      // Namespace import; an existing timeout is kept and only `maxRetries` is added.
      code: `
import * as providers from '@aws-sdk/credential-providers';
const credentials = providers.fromInstanceMetadata({ timeout: 2000 });
      `,
      output: null,
      errors: [
        {
          messageId: 'noRetries',
          data: instanceDefault,
          line: 3, column: 21, endLine: 3, endColumn: 70,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
import * as providers from '@aws-sdk/credential-providers';
const credentials = providers.fromInstanceMetadata({ timeout: 2000, maxRetries: 3 });
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` declared (CommonJS), explicit zeros: both are reported and both replaced.
      code: `
const { fromContainerMetadata } = require('@aws-sdk/credential-providers');
module.exports = fromContainerMetadata({ maxRetries: 0, timeout: 0 });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'noRetries',
          data: { ...containerDefault, setting: '`maxRetries: 0`' },
          line: 3, column: 42, endLine: 3, endColumn: 55,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
const { fromContainerMetadata } = require('@aws-sdk/credential-providers');
module.exports = fromContainerMetadata({ maxRetries: 3, timeout: 1000 });
      `,
            },
          ],
        },
        {
          messageId: 'noTimeout',
          data: { provider: 'fromContainerMetadata', setting: '`timeout: 0`' },
          line: 3, column: 57, endLine: 3, endColumn: 67,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
const { fromContainerMetadata } = require('@aws-sdk/credential-providers');
module.exports = fromContainerMetadata({ maxRetries: 3, timeout: 1000 });
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` declared as a global, aliased destructuring; multi-line options with a trailing comma.
      code: `
const { fromInstanceMetadata: instanceRole } = require('@aws-sdk/credential-providers');
const credentials = instanceRole({
  logger: console,
  timeout: 0,
});
      `,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'noRetries',
          data: instanceDefault,
          line: 3, column: 21, endLine: 6, endColumn: 3,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
const { fromInstanceMetadata: instanceRole } = require('@aws-sdk/credential-providers');
const credentials = instanceRole({
  logger: console,
  timeout: 1000,
  maxRetries: 3,
});
      `,
            },
          ],
        },
        {
          messageId: 'noTimeout',
          data: { provider: 'fromInstanceMetadata', setting: '`timeout: 0`' },
          line: 5, column: 3, endLine: 5, endColumn: 13,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
const { fromInstanceMetadata: instanceRole } = require('@aws-sdk/credential-providers');
const credentials = instanceRole({
  logger: console,
  timeout: 1000,
  maxRetries: 3,
});
      `,
            },
          ],
        },
      ],
    },
    {
      // `require` not declared, member access; multi-line options without a trailing comma.
      code: `
const imds = require('@aws-sdk/credential-provider-imds');
const credentials = imds.fromInstanceMetadata({
  timeout: 500
});
      `,
      output: null,
      errors: [
        {
          messageId: 'noRetries',
          data: instanceDefault,
          line: 3, column: 21, endLine: 5, endColumn: 3,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
const imds = require('@aws-sdk/credential-provider-imds');
const credentials = imds.fromInstanceMetadata({
  timeout: 500,
  maxRetries: 3
});
      `,
            },
          ],
        },
      ],
    },
    {
      // `await import()` of the smithy package; options held in a constant are fixed where they are written.
      code: `
const { fromContainerMetadata } = await import('@smithy/credential-provider-imds');
const options = { maxRetries: 0 };
export const credentials = fromContainerMetadata(options);
      `,
      output: null,
      errors: [
        {
          messageId: 'noRetries',
          data: { ...containerDefault, setting: '`maxRetries: 0`' },
          line: 3, column: 19, endLine: 3, endColumn: 32,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
const { fromContainerMetadata } = await import('@smithy/credential-provider-imds');
const options = { maxRetries: 3, timeout: 1000 };
export const credentials = fromContainerMetadata(options);
      `,
            },
          ],
        },
      ],
    },
    {
      // Constant-folded zeros, a shorthand property, and a zero brought in by a spread.
      code: `
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
const maxRetries = 0;
const NO_TIMEOUT = 60 * 0;
const base = { timeout: NO_TIMEOUT };
fromInstanceMetadata({ ...base, maxRetries });
      `,
      output: null,
      errors: [
        {
          messageId: 'noTimeout',
          data: { provider: 'fromInstanceMetadata', setting: '`timeout: 0`' },
          line: 5, column: 16, endLine: 5, endColumn: 35,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
const maxRetries = 0;
const NO_TIMEOUT = 60 * 0;
const base = { timeout: 1000 };
fromInstanceMetadata({ ...base, maxRetries: 3 });
      `,
            },
          ],
        },
        {
          messageId: 'noRetries',
          data: { ...instanceDefault, setting: '`maxRetries: 0`' },
          line: 6, column: 33, endLine: 6, endColumn: 43,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
const maxRetries = 0;
const NO_TIMEOUT = 60 * 0;
const base = { timeout: 1000 };
fromInstanceMetadata({ ...base, maxRetries: 3 });
      `,
            },
          ],
        },
      ],
    },
    {
      // Inside a chain, as the source of a role: still one attempt to reach the instance role.
      code: `
import { createCredentialChain, fromEnv, fromInstanceMetadata } from '@aws-sdk/credential-providers';
export const credentials = createCredentialChain(fromEnv(), fromInstanceMetadata()).expireAfter(15 * 60_000);
      `,
      output: null,
      errors: [
        {
          messageId: 'noRetries',
          data: instanceDefault,
          line: 3, column: 61, endLine: 3, endColumn: 83,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
import { createCredentialChain, fromEnv, fromInstanceMetadata } from '@aws-sdk/credential-providers';
export const credentials = createCredentialChain(fromEnv(), fromInstanceMetadata({ timeout: 1000, maxRetries: 3 })).expireAfter(15 * 60_000);
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 (default import): explicit zeros in `EC2MetadataCredentials`.
      code: `
import AWS from 'aws-sdk';
AWS.config.credentials = new AWS.EC2MetadataCredentials({ maxRetries: 0, httpOptions: { timeout: 0 } });
      `,
      output: null,
      errors: [
        {
          messageId: 'noRetries',
          data: { ...v2Credentials, setting: '`maxRetries: 0`' },
          line: 3, column: 59, endLine: 3, endColumn: 72,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v2CredentialsMerged,
              output: `
import AWS from 'aws-sdk';
AWS.config.credentials = new AWS.EC2MetadataCredentials({ maxRetries: 3, httpOptions: { timeout: 1000 } });
      `,
            },
          ],
        },
        {
          messageId: 'noTimeout',
          data: { provider: 'AWS.EC2MetadataCredentials', setting: '`httpOptions.timeout: 0`' },
          line: 3, column: 89, endLine: 3, endColumn: 99,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v2CredentialsMerged,
              output: `
import AWS from 'aws-sdk';
AWS.config.credentials = new AWS.EC2MetadataCredentials({ maxRetries: 3, httpOptions: { timeout: 1000 } });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 (CommonJS): `httpOptions.timeout: 0` alone; the other HTTP options are kept.
      code: `
const AWS = require('aws-sdk');
const credentials = new AWS.EC2MetadataCredentials({ httpOptions: { timeout: 0, connectTimeout: 1000 } });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'noTimeout',
          data: { provider: 'AWS.EC2MetadataCredentials', setting: '`httpOptions.timeout: 0`' },
          line: 3, column: 69, endLine: 3, endColumn: 79,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v2CredentialsMerged,
              output: `
const AWS = require('aws-sdk');
const credentials = new AWS.EC2MetadataCredentials({ httpOptions: { timeout: 1000, connectTimeout: 1000 } });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 namespace import: `MetadataService` without options.
      code: `
import * as AWS from 'aws-sdk';
const metadata = new AWS.MetadataService();
      `,
      output: null,
      errors: [
        {
          messageId: 'noTimeout',
          data: metadataServiceDefault,
          line: 3, column: 18, endLine: 3, endColumn: 43,
          suggestions: [
            {
              messageId: 'addRetries',
              data: metadataServiceMerged,
              output: `
import * as AWS from 'aws-sdk';
const metadata = new AWS.MetadataService({ httpOptions: { timeout: 1000 } });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 global namespace (`aws-sdk/global`): options without `httpOptions`.
      code: `
const AWS = require('aws-sdk/global');
const metadata = new AWS.MetadataService({ maxRetries: 5 });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'noTimeout',
          data: metadataServiceDefault,
          line: 3, column: 18, endLine: 3, endColumn: 60,
          suggestions: [
            {
              messageId: 'addRetries',
              data: metadataServiceMerged,
              output: `
const AWS = require('aws-sdk/global');
const metadata = new AWS.MetadataService({ maxRetries: 5, httpOptions: { timeout: 1000 } });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 named import: `httpOptions` without `timeout`, and with `timeout: 0`.
      code: `
import { MetadataService } from 'aws-sdk';
const metadata = new MetadataService({ httpOptions: { connectTimeout: 1000 } });
const tokens = new MetadataService({ httpOptions: { timeout: 0 } });
      `,
      output: null,
      errors: [
        {
          messageId: 'noTimeout',
          data: metadataServiceDefault,
          line: 3, column: 18, endLine: 3, endColumn: 80,
          suggestions: [
            {
              messageId: 'addRetries',
              data: metadataServiceMerged,
              output: `
import { MetadataService } from 'aws-sdk';
const metadata = new MetadataService({ httpOptions: { connectTimeout: 1000, timeout: 1000 } });
const tokens = new MetadataService({ httpOptions: { timeout: 0 } });
      `,
            },
          ],
        },
        {
          messageId: 'noTimeout',
          data: { provider: 'AWS.MetadataService', setting: '`httpOptions.timeout: 0`' },
          line: 4, column: 53, endLine: 4, endColumn: 63,
          suggestions: [
            {
              messageId: 'addRetries',
              data: metadataServiceMerged,
              output: `
import { MetadataService } from 'aws-sdk';
const metadata = new MetadataService({ httpOptions: { connectTimeout: 1000 } });
const tokens = new MetadataService({ httpOptions: { timeout: 1000 } });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2: empty `httpOptions` and empty options are filled in.
      code: `
const AWS = require('aws-sdk');
new AWS.MetadataService({ httpOptions: {} });
new AWS.MetadataService({});
      `,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'noTimeout',
          data: metadataServiceDefault,
          line: 3, column: 1, endLine: 3, endColumn: 45,
          suggestions: [
            {
              messageId: 'addRetries',
              data: metadataServiceMerged,
              output: `
const AWS = require('aws-sdk');
new AWS.MetadataService({ httpOptions: { timeout: 1000 } });
new AWS.MetadataService({});
      `,
            },
          ],
        },
        {
          messageId: 'noTimeout',
          data: metadataServiceDefault,
          line: 4, column: 1, endLine: 4, endColumn: 28,
          suggestions: [
            {
              messageId: 'addRetries',
              data: metadataServiceMerged,
              output: `
const AWS = require('aws-sdk');
new AWS.MetadataService({ httpOptions: {} });
new AWS.MetadataService({ httpOptions: { timeout: 1000 } });
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
    // A type-only import follows nothing.
    `
import type { fromInstanceMetadata } from '@aws-sdk/credential-providers';
type Provider = ReturnType<typeof fromInstanceMetadata>;
    `,
  ],
  invalid: [
    {
      // TS `import x = require()`, options typed with `satisfies`, a zero behind `as`.
      code: `
import providers = require('@aws-sdk/credential-providers');
const credentials = providers.fromInstanceMetadata({ timeout: 0 as number } satisfies object);
      `,
      output: null,
      errors: [
        {
          messageId: 'noRetries',
          data: instanceDefault,
          line: 3, column: 21, endLine: 3, endColumn: 94,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
import providers = require('@aws-sdk/credential-providers');
const credentials = providers.fromInstanceMetadata({ timeout: 1000 as number, maxRetries: 3 } satisfies object);
      `,
            },
          ],
        },
        {
          messageId: 'noTimeout',
          data: { provider: 'fromInstanceMetadata', setting: '`timeout: 0`' },
          line: 3, column: 54, endLine: 3, endColumn: 74,
          suggestions: [
            {
              messageId: 'addRetries',
              data: v3Merged,
              output: `
import providers = require('@aws-sdk/credential-providers');
const credentials = providers.fromInstanceMetadata({ timeout: 1000 as number, maxRetries: 3 } satisfies object);
      `,
            },
          ],
        },
      ],
    },
  ],
});
