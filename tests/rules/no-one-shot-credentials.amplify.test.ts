/**
 * `no-one-shot-credentials` on Amplify and Cognito sessions: v6 `fetchAuthSession()` and v5
 * `Auth.currentCredentials()` / `Auth.essentialCredentials(…)` resolve an identity pool's keys once; copied into a
 * client they expire after an hour (aws-amplify/amplify-js#2122, #3310; aws/aws-sdk-js-v3#1805).
 */
import rule from '../../src/rules/no-one-shot-credentials.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const GUARD = "if (!credentials) throw new Error('No AWS credentials: the Amplify session is signed out'); return credentials;";
/** The v6 suggestion: a provider that fetches the session again, for the call spelled `call`. */
const v6Provider = (call = 'fetchAuthSession()'): string => `async () => { const { credentials } = await ${call}; ${GUARD} }`;

ruleTester.run('no-one-shot-credentials (Amplify sessions)', rule, {
  valid: [
    // A provider: the client calls it again before `expiration`, and Amplify refreshes the session.
    `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ credentials: async () => (await fetchAuthSession()).credentials });
    `,
    // The provider the suggestion writes.
    `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({
  credentials: async () => {
    const { credentials } = await fetchAuthSession();
    if (!credentials) throw new Error('signed out');
    return credentials;
  },
});
    `,
    // v5: `Auth.currentCredentials` as a provider, called or passed (Amplify binds it), and a helper that fetches.
    `
import { Auth } from 'aws-amplify';
import { S3Client } from '@aws-sdk/client-s3';
new S3Client({ credentials: () => Auth.currentCredentials() });
new S3Client({ credentials: Auth.currentCredentials });
async function fresh() {
  return Auth.essentialCredentials(await Auth.currentCredentials());
}
new S3Client({ credentials: fresh });
    `,
    // A session read once for its tokens only, never given to a consumer.
    `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
const { tokens, identityId } = await fetchAuthSession();
await fetch('/api/me', { headers: { Authorization: \`Bearer \${tokens?.idToken}\`, 'x-identity': identityId } });
export const s3 = new S3Client({ region: 'eu-west-1' });
    `,
    // The session's tokens, even under a `credentials` key of another library.
    `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
const session = await fetchAuthSession();
new S3Client({ credentials: session.tokens });
    `,
    // Look-alike: a local `fetchAuthSession`, and one from another package.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fetchAuthSession as fetchOther } from './session.js';
async function fetchAuthSession() {
  return { credentials: { accessKeyId: 'id', secretAccessKey: 'secret' } };
}
new S3Client({ credentials: (await fetchOther()).credentials });
new S3Client({ credentials: (await fetchAuthSession()).credentials.accessKeyId && undefined });
    `,
    // The server variants take the request's context and serve that one request: not covered.
    `
import { fetchAuthSession } from 'aws-amplify/auth/server';
import { S3Client } from '@aws-sdk/client-s3';
export async function handler(contextSpec) {
  const { credentials } = await fetchAuthSession(contextSpec);
  return new S3Client({ credentials });
}
    `,
  ],
  invalid: [
    {
      // v6 `aws-amplify/auth`, destructured, given as a shorthand property.
      code: `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
const { credentials } = await fetchAuthSession();
export const s3 = new S3Client({ region: 'eu-west-1', credentials });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'fetchAuthSession()' },
          line: 5, column: 55, endLine: 5, endColumn: 66,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'fetchAuthSession()' },
              output: `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
const { credentials } = await fetchAuthSession();
export const s3 = new S3Client({ region: 'eu-west-1', credentials: ${v6Provider()} });
      `,
            },
          ],
        },
      ],
    },
    {
      // The session kept whole: its `credentials`, and its keys copied one by one.
      code: `
import { fetchAuthSession } from '@aws-amplify/auth';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const session = await fetchAuthSession();
new DynamoDBClient({ credentials: session.credentials });
new DynamoDBClient({
  credentials: {
    accessKeyId: session.credentials.accessKeyId,
    secretAccessKey: session.credentials.secretAccessKey,
    sessionToken: session.credentials.sessionToken,
  },
});
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'DynamoDBClient', source: 'fetchAuthSession()' },
          line: 5, column: 22, endLine: 5, endColumn: 54,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'fetchAuthSession()' },
              output: `
import { fetchAuthSession } from '@aws-amplify/auth';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const session = await fetchAuthSession();
new DynamoDBClient({ credentials: ${v6Provider()} });
new DynamoDBClient({
  credentials: {
    accessKeyId: session.credentials.accessKeyId,
    secretAccessKey: session.credentials.secretAccessKey,
    sessionToken: session.credentials.sessionToken,
  },
});
      `,
            },
          ],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'DynamoDBClient', source: 'fetchAuthSession()' },
          line: 7, column: 3, endLine: 11, endColumn: 4,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'fetchAuthSession()' },
              output: `
import { fetchAuthSession } from '@aws-amplify/auth';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const session = await fetchAuthSession();
new DynamoDBClient({ credentials: session.credentials });
new DynamoDBClient({
  credentials: ${v6Provider()},
});
      `,
            },
          ],
        },
      ],
    },
    {
      // `.then(cb)`, a namespace import of `@aws-amplify/core`, and options kept in the provider's call.
      code: `
import * as core from '@aws-amplify/core';
import { S3Client } from '@aws-sdk/client-s3';
core.fetchAuthSession({ forceRefresh: true }).then((session) => new S3Client({ credentials: session.credentials }));
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'fetchAuthSession()' },
          line: 4, column: 80, endLine: 4, endColumn: 112,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'fetchAuthSession()' },
              output: `
import * as core from '@aws-amplify/core';
import { S3Client } from '@aws-sdk/client-s3';
core.fetchAuthSession({ forceRefresh: true }).then((session) => new S3Client({ credentials: ${v6Provider('core.fetchAuthSession({ forceRefresh: true })')} }));
      `,
            },
          ],
        },
      ],
    },
    {
      // An aliased import; the credentials stored on \`this\` by one method and given to a client by another.
      code: `
import { fetchAuthSession as getSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
export class Uploader {
  async signIn() {
    this.credentials = (await getSession()).credentials;
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
          data: { target: 'S3Client', source: 'fetchAuthSession()' },
          line: 9, column: 27, endLine: 9, endColumn: 56,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'fetchAuthSession()' },
              output: `
import { fetchAuthSession as getSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
export class Uploader {
  async signIn() {
    this.credentials = (await getSession()).credentials;
  }
  client() {
    return new S3Client({ credentials: ${v6Provider('getSession()')} });
  }
}
      `,
            },
          ],
        },
      ],
    },
    {
      // Through a helper's return, awaited once where the client is built.
      code: `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
async function getCredentials() {
  const { credentials } = await fetchAuthSession();
  return credentials;
}
export async function connect() {
  return new S3Client({ credentials: await getCredentials() });
}
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'fetchAuthSession()' },
          line: 9, column: 25, endLine: 9, endColumn: 60,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'fetchAuthSession()' },
              output: `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
async function getCredentials() {
  const { credentials } = await fetchAuthSession();
  return credentials;
}
export async function connect() {
  return new S3Client({ credentials: ${v6Provider()} });
}
      `,
            },
          ],
        },
      ],
    },
    {
      // Signers outside the clients are consumers too.
      code: `
import { fetchAuthSession } from 'aws-amplify/auth';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
const { credentials } = await fetchAuthSession();
export const signer = new SignatureV4({ credentials, service: 'execute-api', region: 'eu-west-1', sha256: Sha256 });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'SignatureV4', source: 'fetchAuthSession()' },
          line: 6, column: 41, endLine: 6, endColumn: 52,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'fetchAuthSession()' },
              output: `
import { fetchAuthSession } from 'aws-amplify/auth';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
const { credentials } = await fetchAuthSession();
export const signer = new SignatureV4({ credentials: ${v6Provider()}, service: 'execute-api', region: 'eu-west-1', sha256: Sha256 });
      `,
            },
          ],
        },
      ],
    },
    {
      // Dynamic `await import()`.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
export async function connect() {
  const auth = await import('aws-amplify/auth');
  const session = await auth.fetchAuthSession();
  return new S3Client({ credentials: session.credentials });
}
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'fetchAuthSession()' },
          line: 6, column: 25, endLine: 6, endColumn: 57,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'fetchAuthSession()' },
              output: `
import { S3Client } from '@aws-sdk/client-s3';
export async function connect() {
  const auth = await import('aws-amplify/auth');
  const session = await auth.fetchAuthSession();
  return new S3Client({ credentials: ${v6Provider('auth.fetchAuthSession()')} });
}
      `,
            },
          ],
        },
      ],
    },
    {
      // v5 `Auth` of `aws-amplify`: `currentCredentials()` awaited and `essentialCredentials(…)` of its result.
      code: `
import { Auth } from 'aws-amplify';
import { S3Client } from '@aws-sdk/client-s3';
const current = await Auth.currentCredentials();
new S3Client({ credentials: current });
new S3Client({ credentials: Auth.essentialCredentials(current) });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'Auth.currentCredentials()' },
          line: 5, column: 16, endLine: 5, endColumn: 36,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'Auth.currentCredentials()' },
              output: `
import { Auth } from 'aws-amplify';
import { S3Client } from '@aws-sdk/client-s3';
const current = await Auth.currentCredentials();
new S3Client({ credentials: () => Auth.currentCredentials() });
new S3Client({ credentials: Auth.essentialCredentials(current) });
      `,
            },
          ],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'Auth.essentialCredentials()' },
          line: 6, column: 16, endLine: 6, endColumn: 63,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'Auth.essentialCredentials()' },
              output: `
import { Auth } from 'aws-amplify';
import { S3Client } from '@aws-sdk/client-s3';
const current = await Auth.currentCredentials();
new S3Client({ credentials: current });
new S3Client({ credentials: () => Auth.currentCredentials() });
      `,
            },
          ],
        },
      ],
    },
    {
      // v5 default export of `@aws-amplify/auth`, `Amplify.Auth`, and `.then(cb)`.
      code: `
import AmplifyAuth from '@aws-amplify/auth';
import { Amplify } from 'aws-amplify';
import { S3Client } from '@aws-sdk/client-s3';
AmplifyAuth.currentCredentials().then((c) => new S3Client({ credentials: c }));
Amplify.Auth.currentCredentials().then((c) => new S3Client({ credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey } }));
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'Auth.currentCredentials()' },
          line: 5, column: 61, endLine: 5, endColumn: 75,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'Auth.currentCredentials()' },
              output: `
import AmplifyAuth from '@aws-amplify/auth';
import { Amplify } from 'aws-amplify';
import { S3Client } from '@aws-sdk/client-s3';
AmplifyAuth.currentCredentials().then((c) => new S3Client({ credentials: () => AmplifyAuth.currentCredentials() }));
Amplify.Auth.currentCredentials().then((c) => new S3Client({ credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey } }));
      `,
            },
          ],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'Auth.currentCredentials()' },
          line: 6, column: 62, endLine: 6, endColumn: 141,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'Auth.currentCredentials()' },
              output: `
import AmplifyAuth from '@aws-amplify/auth';
import { Amplify } from 'aws-amplify';
import { S3Client } from '@aws-sdk/client-s3';
AmplifyAuth.currentCredentials().then((c) => new S3Client({ credentials: c }));
Amplify.Auth.currentCredentials().then((c) => new S3Client({ credentials: () => Amplify.Auth.currentCredentials() }));
      `,
            },
          ],
        },
      ],
    },
    {
      // A v2 consumer: its `credentials` takes no function, so no suggestion.
      code: `
import AWS from 'aws-sdk';
import { fetchAuthSession } from 'aws-amplify/auth';
const { credentials } = await fetchAuthSession();
export const s3 = new AWS.S3({ credentials });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'AWS.S3', source: 'fetchAuthSession()' },
          line: 5, column: 32, endLine: 5, endColumn: 43,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-one-shot-credentials (Amplify sessions, CommonJS)', rule, {
  valid: [
    `
const { fetchAuthSession } = require('aws-amplify/auth');
const { S3Client } = require('@aws-sdk/client-s3');
module.exports = new S3Client({ credentials: async () => (await fetchAuthSession()).credentials });
    `,
  ],
  invalid: [
    {
      // `require` destructured, and the module's member called directly.
      code: `
const { fetchAuthSession } = require('@aws-amplify/auth');
const { S3Client } = require('@aws-sdk/client-s3');
async function connect() {
  const session = await fetchAuthSession();
  const v5 = await require('aws-amplify').Auth.currentCredentials();
  return [new S3Client({ credentials: session.credentials }), new S3Client({ credentials: v5 })];
}
module.exports = { connect };
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'fetchAuthSession()' },
          line: 7, column: 26, endLine: 7, endColumn: 58,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'fetchAuthSession()' },
              output: `
const { fetchAuthSession } = require('@aws-amplify/auth');
const { S3Client } = require('@aws-sdk/client-s3');
async function connect() {
  const session = await fetchAuthSession();
  const v5 = await require('aws-amplify').Auth.currentCredentials();
  return [new S3Client({ credentials: ${v6Provider()} }), new S3Client({ credentials: v5 })];
}
module.exports = { connect };
      `,
            },
          ],
        },
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'Auth.currentCredentials()' },
          line: 7, column: 78, endLine: 7, endColumn: 93,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'Auth.currentCredentials()' },
              output: `
const { fetchAuthSession } = require('@aws-amplify/auth');
const { S3Client } = require('@aws-sdk/client-s3');
async function connect() {
  const session = await fetchAuthSession();
  const v5 = await require('aws-amplify').Auth.currentCredentials();
  return [new S3Client({ credentials: session.credentials }), new S3Client({ credentials: () => require('aws-amplify').Auth.currentCredentials() })];
}
module.exports = { connect };
      `,
            },
          ],
        },
      ],
    },
  ],
});

tsRuleTester.run('no-one-shot-credentials (Amplify sessions, TypeScript)', rule, {
  valid: [
    `
import { fetchAuthSession, type AuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ credentials: async () => (await fetchAuthSession()).credentials! });
export function describe(session: AuthSession): string {
  return session.identityId ?? 'guest';
}
    `,
  ],
  invalid: [
    {
      // Non-null assertions and `as`.
      code: `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentity } from '@smithy/types';
const session = await fetchAuthSession();
export const s3 = new S3Client({ credentials: session.credentials! as AwsCredentialIdentity });
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'fetchAuthSession()' },
          line: 6, column: 34, endLine: 6, endColumn: 92,
          suggestions: [
            {
              messageId: 'useSessionProvider',
              data: { source: 'fetchAuthSession()' },
              output: `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentity } from '@smithy/types';
const session = await fetchAuthSession();
export const s3 = new S3Client({ credentials: ${v6Provider()} });
      `,
            },
          ],
        },
      ],
    },
  ],
});
