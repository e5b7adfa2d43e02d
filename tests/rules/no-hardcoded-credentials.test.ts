import tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase, TestLanguageOptions } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-hardcoded-credentials.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

type MessageId =
  | 'hardcodedAccessKeyId'
  | 'hardcodedSecretAccessKey'
  | 'hardcodedSessionToken'
  | 'removeCredentials'
  | 'readFromEnvironment';
type Options = [{ allowedValues?: string[] }];

// Random values in the real formats; none is a live key.
// The tester forces `parserOptions.sourceType: 'module'`, so a CommonJS parse needs it in `parserOptions` too;
// `TestLanguageOptions` omits the top-level `sourceType`, which the tester passes on to ESLint all the same.
const commonjs = { sourceType: 'commonjs', parserOptions: { sourceType: 'commonjs' } } as TestLanguageOptions;
const longTerm = 'long-term access key ID';
const temporary = 'temporary (STS) access key ID';

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `
import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({
  credentials: {
    accessKeyId: 'AKIAICSHCC4NDVFUGI6C',
    secretAccessKey: '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',
  },
});
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: longTerm, value: 'AKIA…GI6C' },
        line: 5, column: 19, endLine: 5, endColumn: 39,
        suggestions: [
          {
            messageId: 'removeCredentials',
            output: `
import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
    `,
          },
        ],
      },
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'secretAccessKey', value: '0iVC…N0nG' },
        line: 6, column: 22, endLine: 6, endColumn: 64,
        suggestions: [
          {
            messageId: 'removeCredentials',
            output: `
import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
import AWS from 'aws-sdk';
AWS.config.update({
  accessKeyId: 'ASIACSRLJ3XQ7XCJAFRN',
  sessionToken: 'IQoJb3JpZ2luX2Vj5F18P8XC6QapgH1Rqpjufslwdr7lIsxcdbuYKINoS7w9wSF8S4UeCftWB5Eg+IjdN1oR3pt2tYjPQsQzy+mK5oRIXES2GpMDAwny82ijQhaHNjGeyAOvNq1cxq56',
});
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: temporary, value: 'ASIA…AFRN' },
        line: 4, column: 17, endLine: 4, endColumn: 37,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'accessKeyId', variable: 'AWS_ACCESS_KEY_ID' },
            output: `
import AWS from 'aws-sdk';
AWS.config.update({
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
  sessionToken: 'IQoJb3JpZ2luX2Vj5F18P8XC6QapgH1Rqpjufslwdr7lIsxcdbuYKINoS7w9wSF8S4UeCftWB5Eg+IjdN1oR3pt2tYjPQsQzy+mK5oRIXES2GpMDAwny82ijQhaHNjGeyAOvNq1cxq56',
});
    `,
          },
        ],
      },
      {
        messageId: 'hardcodedSessionToken',
        data: { name: 'sessionToken', value: 'IQoJ…xq56' },
        line: 5, column: 17, endLine: 5, endColumn: 159,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'sessionToken', variable: 'AWS_SESSION_TOKEN' },
            output: `
import AWS from 'aws-sdk';
AWS.config.update({
  accessKeyId: 'ASIACSRLJ3XQ7XCJAFRN',
  sessionToken: process.env.AWS_SESSION_TOKEN,
});
    `,
          },
        ],
      },
    ],
  },
  // A key inside a longer string is reported where it is written.
  {
    code: `
const headers = { Authorization: 'Bearer ABIA7JBJJYEA6ZWK52MO' };
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: 'STS service bearer token ID', value: 'ABIA…52MO' },
        line: 2, column: 42, endLine: 2, endColumn: 62,
        suggestions: [],
      },
    ],
  },
  // `example.com` elsewhere in the string does not make the key a placeholder: only the key itself is checked.
  {
    code: `
await fetch('https://example.com/upload?AWSAccessKeyId=ACCAFEPLGKNKMM3VB2XU&Expires=1700000000');
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: 'context-specific credential ID', value: 'ACCA…B2XU' },
        line: 2, column: 56, endLine: 2, endColumn: 76,
        suggestions: [],
      },
    ],
  },
  {
    code: `
const url = \`https://\${bucket}.s3.amazonaws.com/\${key}?AWSAccessKeyId=A3TXPOSZO2SKYOM6GXJQ&Signature=\${signature}\`;
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: 'access key ID', value: 'A3TX…GXJQ' },
        line: 2, column: 71, endLine: 2, endColumn: 91,
        suggestions: [],
      },
    ],
  },
  // A shared credentials file embedded in a template literal.
  {
    code: `
const credentialsFile = \`
[default]
aws_access_key_id = AKIAD72CSMHHKAH55C6T
aws_secret_access_key = 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
\`;
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: longTerm, value: 'AKIA…5C6T' },
        line: 4, column: 21, endLine: 4, endColumn: 41,
        suggestions: [],
      },
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'aws_secret_access_key', value: 'jnf4…X9Q6' },
        line: 5, column: 25, endLine: 5, endColumn: 65,
        suggestions: [],
      },
    ],
  },
  // A .env text with escape sequences and expressions: positions still point at the value itself.
  {
    code: `
const env = \`AWS_REGION=\${region}\\nAWS_SECRET_ACCESS_KEY=/iGBn/nPvvpTUknmnvgrNSzuO+uG8oQjyDJ2BEZH\\n\`;
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'AWS_SECRET_ACCESS_KEY', value: '/iGB…BEZH' },
        line: 2, column: 58, endLine: 2, endColumn: 98,
        suggestions: [],
      },
    ],
  },
  // JSON in a string literal names all three values.
  {
    code: `
const body = '{"AccessKeyId":"ASIACSRLJ3XQ7XCJAFRN","SecretAccessKey":"jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6","SessionToken":"FwoGZXIvYXdzY/A9mmj0Vclt7CX1T2EoQEvi4GRPWByJkLdA2BbY2zsGGkur+iLW3SuRicbppRVH6YXWBwxebFqYbJobd7sSryDf0u4JzWFj/8nQFlXXIbJi"}';
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: temporary, value: 'ASIA…AFRN' },
        line: 2, column: 31, endLine: 2, endColumn: 51,
        suggestions: [],
      },
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'SecretAccessKey', value: 'jnf4…X9Q6' },
        line: 2, column: 72, endLine: 2, endColumn: 112,
        suggestions: [],
      },
      {
        messageId: 'hardcodedSessionToken',
        data: { name: 'SessionToken', value: 'FwoG…IbJi' },
        line: 2, column: 130, endLine: 2, endColumn: 250,
        suggestions: [],
      },
    ],
  },
  // A key spelled with an escape sequence cannot be located inside the string: the whole literal is reported.
  {
    code: `
const keyId = '\\u0041KIAICSHCC4NDVFUGI6C';
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: longTerm, value: 'AKIA…GI6C' },
        line: 2, column: 15, endLine: 2, endColumn: 42,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'keyId', variable: 'AWS_ACCESS_KEY_ID' },
            output: `
const keyId = process.env.AWS_ACCESS_KEY_ID;
    `,
          },
        ],
      },
    ],
  },
  // Two keys in one string, each at its own position.
  {
    code: `
const keys = 'primary=AKIAICSHCC4NDVFUGI6C,secondary=AKIAD72CSMHHKAH55C6T';
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: longTerm, value: 'AKIA…GI6C' },
        line: 2, column: 23, endLine: 2, endColumn: 43,
        suggestions: [],
      },
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: longTerm, value: 'AKIA…5C6T' },
        line: 2, column: 54, endLine: 2, endColumn: 74,
        suggestions: [],
      },
    ],
  },
  {
    code: `
const AWS = require('aws-sdk');
process.env.AWS_ACCESS_KEY_ID = 'AKIAD72CSMHHKAH55C6T';
process.env['AWS_SECRET_ACCESS_KEY'] = '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';
module.exports = new AWS.S3();
    `,
    languageOptions: commonjs,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: longTerm, value: 'AKIA…5C6T' },
        line: 3, column: 34, endLine: 3, endColumn: 54,
        suggestions: [],
      },
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'AWS_SECRET_ACCESS_KEY', value: 'jnf4…X9Q6' },
        line: 4, column: 40, endLine: 4, endColumn: 82,
        suggestions: [],
      },
    ],
  },
  // v2's positional constructor: the second and third arguments are the secret and the token.
  {
    code: `
const { Credentials } = require('aws-sdk');
const credentials = new Credentials(
  'AKIAICSHCC4NDVFUGI6C',
  '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG',
  'FwoGZXIvYXdzY/A9mmj0Vclt7CX1T2EoQEvi4GRPWByJkLdA2BbY2zsGGkur+iLW3SuRicbppRVH6YXWBwxebFqYbJobd7sSryDf0u4JzWFj/8nQFlXXIbJi',
);
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: longTerm, value: 'AKIA…GI6C' },
        line: 4, column: 4, endLine: 4, endColumn: 24,
        suggestions: [],
      },
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'secretAccessKey', value: '0iVC…N0nG' },
        line: 5, column: 3, endLine: 5, endColumn: 45,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'secretAccessKey', variable: 'AWS_SECRET_ACCESS_KEY' },
            output: `
const { Credentials } = require('aws-sdk');
const credentials = new Credentials(
  'AKIAICSHCC4NDVFUGI6C',
  process.env.AWS_SECRET_ACCESS_KEY,
  'FwoGZXIvYXdzY/A9mmj0Vclt7CX1T2EoQEvi4GRPWByJkLdA2BbY2zsGGkur+iLW3SuRicbppRVH6YXWBwxebFqYbJobd7sSryDf0u4JzWFj/8nQFlXXIbJi',
);
    `,
          },
        ],
      },
      {
        messageId: 'hardcodedSessionToken',
        data: { name: 'sessionToken', value: 'FwoG…IbJi' },
        line: 6, column: 3, endLine: 6, endColumn: 125,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'sessionToken', variable: 'AWS_SESSION_TOKEN' },
            output: `
const { Credentials } = require('aws-sdk');
const credentials = new Credentials(
  'AKIAICSHCC4NDVFUGI6C',
  '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG',
  process.env.AWS_SESSION_TOKEN,
);
    `,
          },
        ],
      },
    ],
  },
  // Names from variables, a fallback after `??`, a ternary, destructuring defaults and a class field.
  {
    code: `
const AWS_SECRET_KEY = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG';
const awsSecretKey = process.env.AWS_SECRET_KEY ?? 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
const sessionToken = isProduction ? undefined : 'FwoGZXIvYXdzY/A9mmj0Vclt7CX1T2EoQEvi4GRPWByJkLdA2BbY2zsGGkur+iLW3SuRicbppRVH6YXWBwxebFqYbJobd7sSryDf0u4JzWFj/8nQFlXXIbJi';
const { secretKey = '/iGBn/nPvvpTUknmnvgrNSzuO+uG8oQjyDJ2BEZH' } = options;
function sign({ secretAccessKey: secret = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG' }) {}
class Signer {
  secretAccessKey = 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
}
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'AWS_SECRET_KEY', value: '0iVC…N0nG' },
        line: 2, column: 24, endLine: 2, endColumn: 66,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'AWS_SECRET_KEY', variable: 'AWS_SECRET_ACCESS_KEY' },
            output: `
const AWS_SECRET_KEY = process.env.AWS_SECRET_ACCESS_KEY;
const awsSecretKey = process.env.AWS_SECRET_KEY ?? 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
const sessionToken = isProduction ? undefined : 'FwoGZXIvYXdzY/A9mmj0Vclt7CX1T2EoQEvi4GRPWByJkLdA2BbY2zsGGkur+iLW3SuRicbppRVH6YXWBwxebFqYbJobd7sSryDf0u4JzWFj/8nQFlXXIbJi';
const { secretKey = '/iGBn/nPvvpTUknmnvgrNSzuO+uG8oQjyDJ2BEZH' } = options;
function sign({ secretAccessKey: secret = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG' }) {}
class Signer {
  secretAccessKey = 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
}
    `,
          },
        ],
      },
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'awsSecretKey', value: 'jnf4…X9Q6' },
        line: 3, column: 52, endLine: 3, endColumn: 94,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'awsSecretKey', variable: 'AWS_SECRET_ACCESS_KEY' },
            output: `
const AWS_SECRET_KEY = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG';
const awsSecretKey = process.env.AWS_SECRET_KEY ?? process.env.AWS_SECRET_ACCESS_KEY;
const sessionToken = isProduction ? undefined : 'FwoGZXIvYXdzY/A9mmj0Vclt7CX1T2EoQEvi4GRPWByJkLdA2BbY2zsGGkur+iLW3SuRicbppRVH6YXWBwxebFqYbJobd7sSryDf0u4JzWFj/8nQFlXXIbJi';
const { secretKey = '/iGBn/nPvvpTUknmnvgrNSzuO+uG8oQjyDJ2BEZH' } = options;
function sign({ secretAccessKey: secret = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG' }) {}
class Signer {
  secretAccessKey = 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
}
    `,
          },
        ],
      },
      {
        messageId: 'hardcodedSessionToken',
        data: { name: 'sessionToken', value: 'FwoG…IbJi' },
        line: 4, column: 49, endLine: 4, endColumn: 171,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'sessionToken', variable: 'AWS_SESSION_TOKEN' },
            output: `
const AWS_SECRET_KEY = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG';
const awsSecretKey = process.env.AWS_SECRET_KEY ?? 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
const sessionToken = isProduction ? undefined : process.env.AWS_SESSION_TOKEN;
const { secretKey = '/iGBn/nPvvpTUknmnvgrNSzuO+uG8oQjyDJ2BEZH' } = options;
function sign({ secretAccessKey: secret = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG' }) {}
class Signer {
  secretAccessKey = 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
}
    `,
          },
        ],
      },
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'secretKey', value: '/iGB…BEZH' },
        line: 5, column: 21, endLine: 5, endColumn: 63,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'secretKey', variable: 'AWS_SECRET_ACCESS_KEY' },
            output: `
const AWS_SECRET_KEY = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG';
const awsSecretKey = process.env.AWS_SECRET_KEY ?? 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
const sessionToken = isProduction ? undefined : 'FwoGZXIvYXdzY/A9mmj0Vclt7CX1T2EoQEvi4GRPWByJkLdA2BbY2zsGGkur+iLW3SuRicbppRVH6YXWBwxebFqYbJobd7sSryDf0u4JzWFj/8nQFlXXIbJi';
const { secretKey = process.env.AWS_SECRET_ACCESS_KEY } = options;
function sign({ secretAccessKey: secret = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG' }) {}
class Signer {
  secretAccessKey = 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
}
    `,
          },
        ],
      },
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'secretAccessKey', value: '0iVC…N0nG' },
        line: 6, column: 43, endLine: 6, endColumn: 85,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'secretAccessKey', variable: 'AWS_SECRET_ACCESS_KEY' },
            output: `
const AWS_SECRET_KEY = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG';
const awsSecretKey = process.env.AWS_SECRET_KEY ?? 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
const sessionToken = isProduction ? undefined : 'FwoGZXIvYXdzY/A9mmj0Vclt7CX1T2EoQEvi4GRPWByJkLdA2BbY2zsGGkur+iLW3SuRicbppRVH6YXWBwxebFqYbJobd7sSryDf0u4JzWFj/8nQFlXXIbJi';
const { secretKey = '/iGBn/nPvvpTUknmnvgrNSzuO+uG8oQjyDJ2BEZH' } = options;
function sign({ secretAccessKey: secret = process.env.AWS_SECRET_ACCESS_KEY }) {}
class Signer {
  secretAccessKey = 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
}
    `,
          },
        ],
      },
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'secretAccessKey', value: 'jnf4…X9Q6' },
        line: 8, column: 21, endLine: 8, endColumn: 63,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'secretAccessKey', variable: 'AWS_SECRET_ACCESS_KEY' },
            output: `
const AWS_SECRET_KEY = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG';
const awsSecretKey = process.env.AWS_SECRET_KEY ?? 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
const sessionToken = isProduction ? undefined : 'FwoGZXIvYXdzY/A9mmj0Vclt7CX1T2EoQEvi4GRPWByJkLdA2BbY2zsGGkur+iLW3SuRicbppRVH6YXWBwxebFqYbJobd7sSryDf0u4JzWFj/8nQFlXXIbJi';
const { secretKey = '/iGBn/nPvvpTUknmnvgrNSzuO+uG8oQjyDJ2BEZH' } = options;
function sign({ secretAccessKey: secret = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG' }) {}
class Signer {
  secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
}
    `,
          },
        ],
      },
    ],
  },
  // A header name as a quoted property key, and a key ID that is the whole template.
  {
    code: `
const headers = {
  'X-Amz-Security-Token': 'IQoJb3JpZ2luX2Vj5F18P8XC6QapgH1Rqpjufslwdr7lIsxcdbuYKINoS7w9wSF8S4UeCftWB5Eg+IjdN1oR3pt2tYjPQsQzy+mK5oRIXES2GpMDAwny82ijQhaHNjGeyAOvNq1cxq56',
  'X-Amz-Access-Key': \`ASIACSRLJ3XQ7XCJAFRN\`,
};
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedSessionToken',
        data: { name: 'X-Amz-Security-Token', value: 'IQoJ…xq56' },
        line: 3, column: 27, endLine: 3, endColumn: 169,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'X-Amz-Security-Token', variable: 'AWS_SESSION_TOKEN' },
            output: `
const headers = {
  'X-Amz-Security-Token': process.env.AWS_SESSION_TOKEN,
  'X-Amz-Access-Key': \`ASIACSRLJ3XQ7XCJAFRN\`,
};
    `,
          },
        ],
      },
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: temporary, value: 'ASIA…AFRN' },
        line: 4, column: 24, endLine: 4, endColumn: 44,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'X-Amz-Access-Key', variable: 'AWS_ACCESS_KEY_ID' },
            output: `
const headers = {
  'X-Amz-Security-Token': 'IQoJb3JpZ2luX2Vj5F18P8XC6QapgH1Rqpjufslwdr7lIsxcdbuYKINoS7w9wSF8S4UeCftWB5Eg+IjdN1oR3pt2tYjPQsQzy+mK5oRIXES2GpMDAwny82ijQhaHNjGeyAOvNq1cxq56',
  'X-Amz-Access-Key': process.env.AWS_ACCESS_KEY_ID,
};
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
const upload = <Uploader bucket="reports" secretAccessKey="/iGBn/nPvvpTUknmnvgrNSzuO+uG8oQjyDJ2BEZH" />;
    `,
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    output: null,
    errors: [
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'secretAccessKey', value: '/iGB…BEZH' },
        line: 2, column: 59, endLine: 2, endColumn: 101,
        suggestions: [],
      },
    ],
  },
  // `allowedValues` spares only the listed value.
  {
    code: `
const keys = ['AKIAICSHCC4NDVFUGI6C', 'AKIAD72CSMHHKAH55C6T'];
    `,
    options: [{ allowedValues: ['AKIAICSHCC4NDVFUGI6C'] }],
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: longTerm, value: 'AKIA…5C6T' },
        line: 2, column: 40, endLine: 2, endColumn: 60,
        suggestions: [],
      },
    ],
  },
];

const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `
import sts = require('@aws-sdk/client-sts');
const client = new sts.STSClient({
  credentials: {
    accessKeyId: 'ASIACSRLJ3XQ7XCJAFRN' as string,
    secretAccessKey: '/iGBn/nPvvpTUknmnvgrNSzuO+uG8oQjyDJ2BEZH' satisfies string,
    sessionToken: 'FwoGZXIvYXdzY/A9mmj0Vclt7CX1T2EoQEvi4GRPWByJkLdA2BbY2zsGGkur+iLW3SuRicbppRVH6YXWBwxebFqYbJobd7sSryDf0u4JzWFj/8nQFlXXIbJi'!,
  },
});
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedAccessKeyId',
        data: { kind: temporary, value: 'ASIA…AFRN' },
        line: 5, column: 19, endLine: 5, endColumn: 39,
        suggestions: [
          {
            messageId: 'removeCredentials',
            output: `
import sts = require('@aws-sdk/client-sts');
const client = new sts.STSClient({});
    `,
          },
        ],
      },
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'secretAccessKey', value: '/iGB…BEZH' },
        line: 6, column: 22, endLine: 6, endColumn: 64,
        suggestions: [
          {
            messageId: 'removeCredentials',
            output: `
import sts = require('@aws-sdk/client-sts');
const client = new sts.STSClient({});
    `,
          },
        ],
      },
      {
        messageId: 'hardcodedSessionToken',
        data: { name: 'sessionToken', value: 'FwoG…IbJi' },
        line: 7, column: 19, endLine: 7, endColumn: 141,
        suggestions: [
          {
            messageId: 'removeCredentials',
            output: `
import sts = require('@aws-sdk/client-sts');
const client = new sts.STSClient({});
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
enum Credentials {
  SecretAccessKey = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG',
}
class Config {
  private readonly secretKey: string = 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
}
    `,
    output: null,
    errors: [
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'SecretAccessKey', value: '0iVC…N0nG' },
        line: 3, column: 21, endLine: 3, endColumn: 63,
        suggestions: [],
      },
      {
        messageId: 'hardcodedSecretAccessKey',
        data: { name: 'secretKey', value: 'jnf4…X9Q6' },
        line: 6, column: 40, endLine: 6, endColumn: 82,
        suggestions: [
          {
            messageId: 'readFromEnvironment',
            data: { name: 'secretKey', variable: 'AWS_SECRET_ACCESS_KEY' },
            output: `
enum Credentials {
  SecretAccessKey = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG',
}
class Config {
  private readonly secretKey: string = process.env.AWS_SECRET_ACCESS_KEY;
}
    `,
          },
        ],
      },
    ],
  },
];

ruleTester.run(rule.name, rule, {
  valid: [
    // The AWS documentation examples.
    `
import { S3Client } from '@aws-sdk/client-s3';
new S3Client({
  credentials: {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
});
    `,
    `
const credentialsFile = \`
[default]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
\`;
    `,
    // Placeholders: EXAMPLE (upper case) anywhere, fake/dummy/test in any case.
    `
const fixtures = {
  accessKeyId: 'ASIAZ7EXAMPLE2345ABC',
  otherKeyId: 'AKIAFAKEKEY234567ABC',
  thirdKeyId: 'AKIATESTKEYZ2345ABCD',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYDUMMYKEY00',
  secretKey: 'Test/Secret+Key0123456789abcdefABCDEFghi',
  sessionToken: 'FwoGZXIvYXdzFakeY/A9mmj0Vclt7CX1T2EoQEvi4GRPWByJkLdA2BbY2zsGGkur+iLW3SuRicbppRVH6YXWBwxebFqYbJobd7sSryDf0u4JzWF',
};
    `,
    // One character short, one too long, inside a longer run, lower case, a digit outside base32.
    `
const candidates = [
  'AKIAICSHCC4NDVFUGI6',
  'AKIAICSHCC4NDVFUGI6CX',
  'XAKIAICSHCC4NDVFUGI6C',
  'akiaicshcc4ndvfugi6c',
  'AKIAICSHCC4NDVFUGI1C',
];
    `,
    // IAM unique IDs of roles and users are not access keys.
    `
const roleId = 'AROAICSHCC4NDVFUGI6C';
const userId = 'AIDAICSHCC4NDVFUGI6C';
    `,
    // Filler with too little entropy.
    `
const keyId = 'AKIAXXXXXXXXXXXXXXXX';
    `,
    // 40-character values under names that do not say secret key.
    `
const commitSha = '3f786850e387550fdab836ed7e6dc881de23001b';
const uploadId = '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG';
const clientSecret = 'jnf4r4qlrwzN4ymyUKbU8N55yQ35BPLtzEhDX9Q6';
const secretKeyPath = '/iGBn/nPvvpTUknmnvgrNSzuO+uG8oQjyDJ2BEZH';
    `,
    // Secret-key names whose values are not shaped like a secret key.
    `
const config = {
  secretAccessKey: 'this-is-not-a-secret-key-just-a-placeholder',
  secretKey: '3f786850e387550fdab836ed7e6dc881de23001b',
  awsSecretKey: 'abcdefghijabcdefghijabcdefghijabcdefghij',
  AWS_SECRET_ACCESS_KEY: '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nGx',
  sessionToken: 'abc',
};
    `,
    // A base64 blob under an unrelated name.
    `
const logoPng = 'IQoJb3JpZ2luX2Vj5F18P8XC6QapgH1Rqpjufslwdr7lIsxcdbuYKINoS7w9wSF8S4UeCftWB5Eg+IjdN1oR3pt2tYjPQsQzy+mK5oRIXES2GpMDAwny82ijQhaHNjGeyAOvNq1cxq56';
    `,
    // The secret is the first argument here, not the second: only v2's `Credentials` has known positions.
    `
hmac('0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG', payload);
new Signer(keyId, '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG');
    `,
    // Values read at run time, and keys in comments.
    `
import { S3Client } from '@aws-sdk/client-s3';
// Rotated 2024-05-01: AKIAICSHCC4NDVFUGI6C
/* aws_secret_access_key = 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 */
new S3Client({
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  },
});
    `,
    // Inline names whose value is an expression, too long, or under a longer name.
    `
const env = \`AWS_SECRET_ACCESS_KEY=\${secret}\\nAWS_SESSION_TOKEN=\${token}\\n\`;
const ini = 'aws_secret_access_key = 0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nGxyz';
const vars = 'AWS_SECRET_ACCESS_KEY_PATH=0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG';
    `,
    {
      code: `
const localstack = { accessKeyId: 'AKIAICSHCC4NDVFUGI6C', secretAccessKey: '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' };
      `,
      options: [{ allowedValues: ['AKIAICSHCC4NDVFUGI6C', '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG'] }],
    },
  ],
  invalid,
});

tsRuleTester.run(`${rule.name} (TypeScript)`, rule, {
  valid: [
    // Types and non-string literals.
    `
type KeyId = \`AKIA\${string}\`;
const limit: number = 12345678901234567890123;
declare const secretAccessKey: string;
    `,
  ],
  invalid: tsInvalid,
});

/** Every run of 20+ base64 characters in a sample: a superset of the secrets it holds. */
const SECRET_RUN = /[A-Z0-9/+=]{20,}/gi;

describe(`${rule.name} messages`, () => {
  it('never contain a whole key, secret or token of the invalid samples', () => {
    const linter = new Linter();
    const plugin = { rules: { [rule.name]: rule } } as unknown as NonNullable<Linter.Config['plugins']>[string];
    const lint = (code: string, parser: Linter.Parser, options: Options | undefined): Linter.LintMessage[] =>
      linter.verify(
        code,
        [
          {
            files: ['**/*.tsx'],
            plugins: { 'aws-credentials': plugin },
            languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
            rules: { [`aws-credentials/${rule.name}`]: ['error', ...(options ?? [])] },
          },
        ],
        'sample.tsx',
      );
    const samples = [
      ...invalid.map((test) => ({ test, parser: espree as Linter.Parser })),
      ...tsInvalid.map((test) => ({ test, parser: tsParser as Linter.Parser })),
    ];
    for (const { test, parser } of samples) {
      const messages = lint(test.code, parser, test.options as Options | undefined);
      expect(messages.map((message) => message.ruleId), test.code).toEqual(test.errors.map(() => `aws-credentials/${rule.name}`));
      const secrets = test.code.match(SECRET_RUN) ?? [];
      expect(secrets.length).toBeGreaterThan(0);
      for (const message of messages) {
        for (const secret of secrets) {
          expect(message.message).not.toContain(secret);
        }
      }
    }
  });
});

// The suggestions: the default chain inside an SDK client's credentials, an environment variable elsewhere.
ruleTester.run('no-hardcoded-credentials (suggestions)', rule, {
  valid: [],
  invalid: [
    {
      // A key under a name of the application's own: the variable is named after it.
      code: `
const vendor = { apiSecret: 'AKIAICSHCC4NDVFUGI6C' };
      `,
      errors: [
        {
          messageId: 'hardcodedAccessKeyId',
          data: { kind: longTerm, value: 'AKIA…GI6C' },
          line: 2, column: 30, endLine: 2, endColumn: 50,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { name: 'apiSecret', variable: 'API_SECRET' },
              output: `
const vendor = { apiSecret: process.env.API_SECRET };
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 top-level keys of a client: both go, the client falls back to the default chain.
      code: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3({ region: 'eu-west-1', accessKeyId: 'AKIAICSHCC4NDVFUGI6C', secretAccessKey: '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' });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'hardcodedAccessKeyId',
          data: { kind: longTerm, value: 'AKIA…GI6C' },
          line: 3, column: 60, endLine: 3, endColumn: 80,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3({ region: 'eu-west-1' });
      `,
            },
          ],
        },
        {
          messageId: 'hardcodedSecretAccessKey',
          data: { name: 'secretAccessKey', value: '0iVC…N0nG' },
          line: 3, column: 100, endLine: 3, endColumn: 142,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3({ region: 'eu-west-1' });
      `,
            },
          ],
        },
      ],
    },
    {
      // S3-compatible storage takes only static keys: no default chain there, the keys move to the environment.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
const storage = new S3Client({
  endpoint: 'https://minio.internal:9000',
  credentials: { accessKeyId: 'AKIAICSHCC4NDVFUGI6C', secretAccessKey: '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' },
});
      `,
      errors: [
        {
          messageId: 'hardcodedAccessKeyId',
          data: { kind: longTerm, value: 'AKIA…GI6C' },
          line: 5, column: 32, endLine: 5, endColumn: 52,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { name: 'accessKeyId', variable: 'AWS_ACCESS_KEY_ID' },
              output: `
import { S3Client } from '@aws-sdk/client-s3';
const storage = new S3Client({
  endpoint: 'https://minio.internal:9000',
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG' },
});
      `,
            },
          ],
        },
        {
          messageId: 'hardcodedSecretAccessKey',
          data: { name: 'secretAccessKey', value: '0iVC…N0nG' },
          line: 5, column: 72, endLine: 5, endColumn: 114,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { name: 'secretAccessKey', variable: 'AWS_SECRET_ACCESS_KEY' },
              output: `
import { S3Client } from '@aws-sdk/client-s3';
const storage = new S3Client({
  endpoint: 'https://minio.internal:9000',
  credentials: { accessKeyId: 'AKIAICSHCC4NDVFUGI6C', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
});
      `,
            },
          ],
        },
      ],
    },
    {
      // A signer has no chain of its own: the keys move to the environment.
      code: `
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
const signer = new SignatureV4({
  service: 'es',
  region: 'eu-west-1',
  sha256: Sha256,
  credentials: { accessKeyId: 'AKIAICSHCC4NDVFUGI6C', secretAccessKey: '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' },
});
      `,
      errors: [
        {
          messageId: 'hardcodedAccessKeyId',
          data: { kind: longTerm, value: 'AKIA…GI6C' },
          line: 8, column: 32, endLine: 8, endColumn: 52,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { name: 'accessKeyId', variable: 'AWS_ACCESS_KEY_ID' },
              output: `
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
const signer = new SignatureV4({
  service: 'es',
  region: 'eu-west-1',
  sha256: Sha256,
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: '0iVCSCqQNKGAP6PslMj3jyYL15UU2HjhQbUBN0nG' },
});
      `,
            },
          ],
        },
        {
          messageId: 'hardcodedSecretAccessKey',
          data: { name: 'secretAccessKey', value: '0iVC…N0nG' },
          line: 8, column: 72, endLine: 8, endColumn: 114,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { name: 'secretAccessKey', variable: 'AWS_SECRET_ACCESS_KEY' },
              output: `
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
const signer = new SignatureV4({
  service: 'es',
  region: 'eu-west-1',
  sha256: Sha256,
  credentials: { accessKeyId: 'AKIAICSHCC4NDVFUGI6C', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
});
      `,
            },
          ],
        },
      ],
    },
  ],
});
