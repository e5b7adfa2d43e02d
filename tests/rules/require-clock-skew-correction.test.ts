import rule from '../../src/rules/require-clock-skew-correction.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const requireDeclared = { globals: { require: 'readonly' } } as const;

ruleTester.run(rule.name, rule, {
  valid: [
    // The fix itself: the global v2 config corrects skew, and services inherit it.
    `
import AWS from 'aws-sdk';
AWS.config.update({ region: 'eu-west-1', correctClockSkew: true });
new AWS.S3({ region: 'us-east-1' });
    `,
    // Per-service options without the key inherit the global setting, which this file does not show.
    {
      code: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3({ region: 'eu-west-1' });
const sqs = new AWS.SQS();
      `,
      languageOptions: commonjs,
    },
    // Options the file does not show in full: a call into another module, a spread of an import, a parameter.
    `
import AWS from 'aws-sdk';
import { loadSettings, settings } from './settings.js';
AWS.config.update(loadSettings());
AWS.config.update({ ...settings, region: 'eu-west-1' });
export function configure(options) {
  AWS.config.update(options);
  return new AWS.Config({ ...options });
}
    `,
    // The global config gets the key another way: an assignment, a later update, a JSON file.
    `
import AWS from 'aws-sdk';
AWS.config.update({ region: 'eu-west-1' });
AWS.config.correctClockSkew = true;
    `,
    `
import AWS from 'aws-sdk';
AWS.config.update({ region: 'eu-west-1' });
AWS.config.update({ maxRetries: 5, correctClockSkew: true });
    `,
    `
import AWS from 'aws-sdk';
AWS.config.loadFromPath('./aws-config.json');
AWS.config.update({ region: 'eu-west-1' });
    `,
    `
import AWS from 'aws-sdk';
AWS.config.update({ region: 'eu-west-1' });
AWS.config = new AWS.Config({ region: 'eu-west-1', correctClockSkew: true });
    `,
    // Objects changed after they are built: their literal does not tell it all.
    `
import AWS from 'aws-sdk';
const options = { region: 'eu-west-1' };
if (process.env.CORRECT_SKEW !== 'false') options.correctClockSkew = true;
AWS.config.update(options);
const config = new AWS.Config({ region: 'eu-west-1' });
config.update({ correctClockSkew: true });
new AWS.S3(config);
    `,
    // No options object at all: nothing to look at (and `new AWS.Config(AWS.config)` copies the global one).
    `
import AWS from 'aws-sdk';
const blank = new AWS.Config();
const copy = new AWS.Config(AWS.config);
    `,
    // Offsets of zero, measured at run time, or unknown.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { measuredOffset } from './clock.js';
new S3Client({ systemClockOffset: 0 });
new S3Client({ systemClockOffset: measuredOffset });
export function createClient(serverTime) {
  return new S3Client({ systemClockOffset: serverTime - Date.now() });
}
    `,
    // A `correctClockSkew` the file cannot evaluate.
    `
import AWS from 'aws-sdk';
AWS.config.update({ correctClockSkew: process.env.AWS_CORRECT_CLOCK_SKEW !== 'false' });
new AWS.S3({ correctClockSkew: process.env.NODE_ENV === 'production' });
    `,
    // v3 has no `correctClockSkew` option: it always corrects skew.
    `
import { S3Client } from '@aws-sdk/client-s3';
new S3Client({ correctClockSkew: false });
    `,
    // Look-alikes: a local shim named AWS, a client of another module, a plain settings object.
    `
import AWS from './aws-shim.js';
import { S3Client } from './s3-client.js';
AWS.config.update({ region: 'eu-west-1', correctClockSkew: false });
AWS.config.systemClockOffset = 5000;
new S3Client({ systemClockOffset: 5000 });
    `,
    `
import { S3Client } from '@aws-sdk/client-s3';
export const clockSettings = { correctClockSkew: false, systemClockOffset: 5000 };
new S3Client({ region: 'eu-west-1' });
    `,
    // A shadowed `require` is not the module loader.
    {
      code: `
function configure(require) {
  const AWS = require('aws-sdk');
  AWS.config.update({ region: 'eu-west-1', systemClockOffset: 5000 });
}
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      // v2 default import: the global config without the key; the suggestion adds it to the literal.
      code: `
import AWS from 'aws-sdk';
AWS.config.update({ region: 'eu-west-1' });
      `,
      output: null,
      errors: [
        {
          messageId: 'clockSkewCorrectionMissing',
          data: { target: 'AWS.config' },
          line: 3, column: 1, endLine: 3, endColumn: 18,
          suggestions: [
            {
              messageId: 'enableClockSkewCorrection',
              output: `
import AWS from 'aws-sdk';
AWS.config.update({ region: 'eu-west-1', correctClockSkew: true });
      `,
            },
          ],
        },
      ],
    },
    {
      // Several updates lacking the key: one report, on the first; a multi-line literal keeps its layout.
      code: `
import AWS from 'aws-sdk/global';
AWS.config.update({
  region: 'eu-west-1',
  maxRetries: 5,
});
AWS.config.update({ httpOptions: { timeout: 5000 } });
      `,
      output: null,
      errors: [
        {
          messageId: 'clockSkewCorrectionMissing',
          data: { target: 'AWS.config' },
          line: 3, column: 1, endLine: 3, endColumn: 18,
          suggestions: [
            {
              messageId: 'enableClockSkewCorrection',
              output: `
import AWS from 'aws-sdk/global';
AWS.config.update({
  region: 'eu-west-1',
  maxRetries: 5,
  correctClockSkew: true,
});
AWS.config.update({ httpOptions: { timeout: 5000 } });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 named import: explicit `false` on a service; a constant spread into the options is followed.
      code: `
import { S3 } from 'aws-sdk';
const base = { region: 'eu-west-1', correctClockSkew: false };
export const s3 = new S3({ ...base, signatureVersion: 'v4' });
      `,
      output: null,
      errors: [
        {
          messageId: 'clockSkewCorrectionDisabled',
          data: { target: 'AWS.S3' },
          line: 3, column: 37, endLine: 3, endColumn: 60,
          suggestions: [
            {
              messageId: 'enableClockSkewCorrection',
              output: `
import { S3 } from 'aws-sdk';
const base = { region: 'eu-west-1', correctClockSkew: true };
export const s3 = new S3({ ...base, signatureVersion: 'v4' });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 namespace import: a new global `AWS.Config` without the key; an empty literal gets it.
      code: `
import * as AWS from 'aws-sdk';
AWS.config = new AWS.Config({});
      `,
      output: null,
      errors: [
        {
          messageId: 'clockSkewCorrectionMissing',
          data: { target: 'AWS.Config' },
          line: 3, column: 18, endLine: 3, endColumn: 28,
          suggestions: [
            {
              messageId: 'enableClockSkewCorrection',
              output: `
import * as AWS from 'aws-sdk';
AWS.config = new AWS.Config({ correctClockSkew: true });
      `,
            },
          ],
        },
      ],
    },
    {
      // require declared (CommonJS): `false` and a fixed offset in the same update, each reported on its property.
      code: `
const AWS = require('aws-sdk');
AWS.config.update({ region: 'eu-west-1', correctClockSkew: false, systemClockOffset: 120000 });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'clockSkewCorrectionDisabled',
          data: { target: 'AWS.config' },
          line: 3, column: 42, endLine: 3, endColumn: 65,
          suggestions: [
            {
              messageId: 'enableClockSkewCorrection',
              output: `
const AWS = require('aws-sdk');
AWS.config.update({ region: 'eu-west-1', correctClockSkew: true, systemClockOffset: 120000 });
      `,
            },
          ],
        },
        {
          messageId: 'fixedClockOffset',
          data: { target: 'AWS.config', offset: '120000' },
          line: 3, column: 67, endLine: 3, endColumn: 92,
          suggestions: [
            {
              messageId: 'removeClockOffset',
              output: `
const AWS = require('aws-sdk');
AWS.config.update({ region: 'eu-west-1', correctClockSkew: false });
      `,
            },
          ],
        },
      ],
    },
    {
      // require undeclared, per-service module, a constant `false`.
      code: `
const S3 = require('aws-sdk/clients/s3');
const SKEW_CORRECTION = false;
const s3 = new S3({ correctClockSkew: SKEW_CORRECTION });
      `,
      output: null,
      errors: [
        {
          messageId: 'clockSkewCorrectionDisabled',
          data: { target: 'aws-sdk/clients/s3' },
          line: 4, column: 21, endLine: 4, endColumn: 54,
          suggestions: [
            {
              messageId: 'enableClockSkewCorrection',
              output: `
const S3 = require('aws-sdk/clients/s3');
const SKEW_CORRECTION = false;
const s3 = new S3({ correctClockSkew: true });
      `,
            },
          ],
        },
      ],
    },
    {
      // require declared as a global, v3 destructuring: a constant-folded offset.
      code: `
const { S3Client } = require('@aws-sdk/client-s3');
const s3 = new S3Client({ region: 'eu-west-1', systemClockOffset: 5 * 60_000 });
      `,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'fixedClockOffset',
          data: { target: 'S3Client', offset: '300000' },
          line: 3, column: 48, endLine: 3, endColumn: 77,
          suggestions: [
            {
              messageId: 'removeClockOffset',
              output: `
const { S3Client } = require('@aws-sdk/client-s3');
const s3 = new S3Client({ region: 'eu-west-1' });
      `,
            },
          ],
        },
      ],
    },
    {
      // Aliased destructuring; a shared config object given to two clients is reported once, where it is written.
      code: `
const { DynamoDBClient: Dynamo } = require('@aws-sdk/client-dynamodb');
const { SQSClient } = require('@aws-sdk/client-sqs');
const awsConfig = {
  region: 'eu-west-1',
  systemClockOffset: -90_000,
};
const dynamo = new Dynamo(awsConfig);
const sqs = new SQSClient({ ...awsConfig });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'fixedClockOffset',
          data: { target: 'DynamoDBClient', offset: '-90000' },
          line: 6, column: 3, endLine: 6, endColumn: 29,
          suggestions: [
            {
              messageId: 'removeClockOffset',
              output: `
const { DynamoDBClient: Dynamo } = require('@aws-sdk/client-dynamodb');
const { SQSClient } = require('@aws-sdk/client-sqs');
const awsConfig = {
  region: 'eu-west-1',
};
const dynamo = new Dynamo(awsConfig);
const sqs = new SQSClient({ ...awsConfig });
      `,
            },
          ],
        },
      ],
    },
    {
      // `await import()` destructuring.
      code: `
const { S3Client } = await import('@aws-sdk/client-s3');
export const s3 = new S3Client({ systemClockOffset: 3600 * 1000, region: 'us-east-1' });
      `,
      output: null,
      errors: [
        {
          messageId: 'fixedClockOffset',
          data: { target: 'S3Client', offset: '3600000' },
          line: 3, column: 34, endLine: 3, endColumn: 64,
          suggestions: [
            {
              messageId: 'removeClockOffset',
              output: `
const { S3Client } = await import('@aws-sdk/client-s3');
export const s3 = new S3Client({ region: 'us-east-1' });
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM aliased and namespace imports of v3 clients, with a module constant.
      code: `
import { S3Client as Storage } from '@aws-sdk/client-s3';
import * as sqs from '@aws-sdk/client-sqs';
const OFFSET_MS = 7000;
new Storage({ systemClockOffset: OFFSET_MS });
new sqs.SQSClient({ systemClockOffset: OFFSET_MS });
      `,
      output: null,
      errors: [
        {
          messageId: 'fixedClockOffset',
          data: { target: 'S3Client', offset: '7000' },
          line: 5, column: 15, endLine: 5, endColumn: 43,
          suggestions: [
            {
              messageId: 'removeClockOffset',
              output: `
import { S3Client as Storage } from '@aws-sdk/client-s3';
import * as sqs from '@aws-sdk/client-sqs';
const OFFSET_MS = 7000;
new Storage({});
new sqs.SQSClient({ systemClockOffset: OFFSET_MS });
      `,
            },
          ],
        },
        {
          messageId: 'fixedClockOffset',
          data: { target: 'SQSClient', offset: '7000' },
          line: 6, column: 21, endLine: 6, endColumn: 49,
          suggestions: [
            {
              messageId: 'removeClockOffset',
              output: `
import { S3Client as Storage } from '@aws-sdk/client-s3';
import * as sqs from '@aws-sdk/client-sqs';
const OFFSET_MS = 7000;
new Storage({ systemClockOffset: OFFSET_MS });
new sqs.SQSClient({});
      `,
            },
          ],
        },
      ],
    },
    {
      // Assignments to the global config: the offset statement can be removed, `false` turned into `true`.
      code: `
const AWS = require('aws-sdk');
AWS.config.systemClockOffset = 5000;
AWS.config.correctClockSkew = false;
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'fixedClockOffset',
          data: { target: 'AWS.config', offset: '5000' },
          line: 3, column: 1, endLine: 3, endColumn: 36,
          suggestions: [
            {
              messageId: 'removeClockOffset',
              output: `
const AWS = require('aws-sdk');
AWS.config.correctClockSkew = false;
      `,
            },
          ],
        },
        {
          messageId: 'clockSkewCorrectionDisabled',
          data: { target: 'AWS.config' },
          line: 4, column: 1, endLine: 4, endColumn: 36,
          suggestions: [
            {
              messageId: 'enableClockSkewCorrection',
              output: `
const AWS = require('aws-sdk');
AWS.config.systemClockOffset = 5000;
AWS.config.correctClockSkew = true;
      `,
            },
          ],
        },
      ],
    },
    {
      // The same options object given to the global config and a service: one report for the object.
      code: `
import AWS from 'aws-sdk';
const options = { region: 'eu-west-1', correctClockSkew: false };
AWS.config.update(options);
export const sqs = new AWS.SQS(options);
      `,
      output: null,
      errors: [
        {
          messageId: 'clockSkewCorrectionDisabled',
          data: { target: 'AWS.config' },
          line: 3, column: 40, endLine: 3, endColumn: 63,
          suggestions: [
            {
              messageId: 'enableClockSkewCorrection',
              output: `
import AWS from 'aws-sdk';
const options = { region: 'eu-west-1', correctClockSkew: true };
AWS.config.update(options);
export const sqs = new AWS.SQS(options);
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
    // A type-only import binds nothing, and a typed settings object is not given to a client.
    `
import type { S3ClientConfig } from '@aws-sdk/client-s3';
export const config: S3ClientConfig = { systemClockOffset: 5000 };
    `,
  ],
  invalid: [
    {
      // TS \`import x = require()\` and an \`as\` cast around the options.
      code: `
import AWS = require('aws-sdk');
AWS.config.update({ region: 'eu-west-1' } as AWS.ConfigurationOptions);
      `,
      output: null,
      errors: [
        {
          messageId: 'clockSkewCorrectionMissing',
          data: { target: 'AWS.config' },
          line: 3, column: 1, endLine: 3, endColumn: 18,
          suggestions: [
            {
              messageId: 'enableClockSkewCorrection',
              output: `
import AWS = require('aws-sdk');
AWS.config.update({ region: 'eu-west-1', correctClockSkew: true } as AWS.ConfigurationOptions);
      `,
            },
          ],
        },
      ],
    },
  ],
});
