/**
 * `no-one-shot-credentials` on an Amplify session used within one operation: `fetchAuthSession()` returns the
 * session Amplify caches and refreshes, so an operation that fetches it, builds a client and lets the client die
 * with the call starts from current keys every time (the shape of `@aws-amplify/predictions` and `@aws-amplify/geo`).
 * The client or the snapshot kept beyond the call, and STS responses however short-lived, are still reported.
 */
import rule from '../../src/rules/no-one-shot-credentials.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const GUARD = "if (!credentials) throw new Error('No AWS credentials: the Amplify session is signed out'); return credentials;";
const PROVIDER = `async () => { const { credentials } = await fetchAuthSession(); ${GUARD} }`;

/** One `oneShotCredentials` report on `property` at `line`, with the suggestion that replaces it by the provider. */
function reported(code: string, line: number, property: string, target = 'S3Client') {
  const lines = code.split('\n');
  const column = lines[line - 1]!.indexOf(property) + 1;
  const output = lines.map((text, index) => (index === line - 1 ? text.replace(property, `credentials: ${PROVIDER}`) : text)).join('\n');
  return {
    messageId: 'oneShotCredentials' as const,
    data: { target, source: 'fetchAuthSession()' },
    line, column, endLine: line, endColumn: column + property.length,
    suggestions: [{ messageId: 'useSessionProvider' as const, data: { source: 'fetchAuthSession()' }, output }],
  };
}

const STORED_ON_THIS = `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
export class Uploader {
  async upload(command) {
    const { credentials } = await fetchAuthSession();
    this.s3 = new S3Client({ credentials });
    await this.s3.send(command);
  }
  async list(command) {
    return this.s3.send(command);
  }
}
`;

const MODULE_CLIENT = `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
let s3;
export async function upload(command) {
  const { credentials } = await fetchAuthSession();
  s3 = new S3Client({ credentials });
  await s3.send(command);
}
`;

const ESCAPES = `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
const clients = new Map();
export async function connect() {
  const { credentials } = await fetchAuthSession();
  const s3 = new S3Client({ credentials });
  await s3.send(new ListBucketsCommand({}));
  return s3;
}
export async function register(id) {
  const { credentials } = await fetchAuthSession();
  const s3 = new S3Client({ credentials });
  clients.set(id, s3);
}
export async function handOff(file) {
  const { credentials } = await fetchAuthSession();
  const s3 = new S3Client({ credentials });
  await uploadWith(s3, file);
}
export async function later(command) {
  const { credentials } = await fetchAuthSession();
  const s3 = new S3Client({ credentials });
  return () => s3.send(command);
}
`;

const KEPT_SNAPSHOT = `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
let kept;
export async function signIn() {
  kept = (await fetchAuthSession()).credentials;
}
export async function upload(command) {
  const s3 = new S3Client({ credentials: kept });
  await s3.send(command);
}
let cached;
export async function download(command) {
  if (!cached) cached = (await fetchAuthSession()).credentials;
  await new S3Client({ credentials: cached }).send(command);
}
`;

const CACHED_FIELD = `
import { fetchAuthSession } from 'aws-amplify/auth';
import { LocationClient } from '@aws-sdk/client-location';
export class Places {
  async ensureCredentials() {
    if (this.credentials) return;
    const { credentials } = await fetchAuthSession();
    this.credentials = credentials;
  }
  async search(command) {
    await this.ensureCredentials();
    const client = new LocationClient({ credentials: this.credentials });
    return client.send(command);
  }
}
`;

const STS_PER_CALL = `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { S3Client } from '@aws-sdk/client-s3';
const sts = new STSClient({});
export async function handler(command) {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/reader', RoleSessionName: 'reader' }));
  const s3 = new S3Client({
    credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken },
  });
  await s3.send(command);
}
`;

ruleTester.run('no-one-shot-credentials (a session used within one operation)', rule, {
  valid: [
    // The shape: fetched, built and used in one call; the client dies with it.
    `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client } from '@aws-sdk/client-s3';
export async function upload(command) {
  const { credentials } = await fetchAuthSession();
  const s3 = new S3Client({ region: 'eu-west-1', credentials });
  await s3.send(command);
}
    `,
    // The session kept whole and tested; the client read in an array callback; the result of `send` returned.
    `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
export async function fetchAll(keys) {
  const session = await fetchAuthSession();
  if (!session.credentials) throw new Error('signed out');
  const s3 = new S3Client({ credentials: session.credentials });
  return Promise.all(keys.map((Key) => s3.send(new GetObjectCommand({ Bucket: 'photos', Key }))));
}
export async function head(command) {
  const { credentials } = await fetchAuthSession();
  return new S3Client({ credentials }).send(command);
}
    `,
    // `.then(cb)` inside the operation.
    `
import { fetchAuthSession } from 'aws-amplify/auth';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
export function put(body) {
  return fetchAuthSession().then(({ credentials }) => new S3Client({ credentials }).send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: body })));
}
    `,
    // @aws-amplify/predictions: the client on \`this\`, written again by every operation before it is read, and read
    // by helpers that only those operations call.
    `
import { fetchAuthSession } from '@aws-amplify/core';
import { ComprehendClient, DetectSentimentCommand, DetectSyntaxCommand } from '@aws-sdk/client-comprehend';
export class Interpret {
  async interpretText(text) {
    const { credentials } = await fetchAuthSession();
    this.comprehendClient = new ComprehendClient({ credentials, region: 'eu-west-1' });
    const [sentiment, syntax] = await Promise.all([this.detectSentiment(text), this.detectSyntax(text)]);
    return { sentiment, syntax };
  }
  async detectSentiment(text) {
    return this.comprehendClient.send(new DetectSentimentCommand({ Text: text, LanguageCode: 'en' }));
  }
  async detectSyntax(text) {
    const data = await this.comprehendClient.send(new DetectSyntaxCommand({ Text: text, LanguageCode: 'en' }));
    return data.SyntaxTokens;
  }
}
    `,
    // @aws-amplify/geo: the session fetched into \`this\` again at the start of every operation (never read there),
    // and a helper that builds its client after the operation that calls it fetched the session.
    `
import { fetchAuthSession } from '@aws-amplify/core';
import { LocationClient, SearchPlaceIndexForTextCommand, BatchPutGeofenceCommand } from '@aws-sdk/client-location';
export class Places {
  async ensureCredentials() {
    try {
      const { credentials } = await fetchAuthSession();
      if (!credentials) return false;
      this.credentials = credentials;
      return true;
    } catch {
      return false;
    }
  }
  async searchByText(text) {
    const ok = await this.ensureCredentials();
    if (!ok) throw new Error('No credentials');
    const client = new LocationClient({ credentials: this.credentials, region: 'eu-west-1' });
    const response = await client.send(new SearchPlaceIndexForTextCommand({ Text: text, IndexName: 'places' }));
    return response.Results;
  }
  async saveGeofences(entries) {
    await this.ensureCredentials();
    return this.batchPut(entries);
  }
  async batchPut(entries) {
    const client = new LocationClient({ credentials: this.credentials, region: 'eu-west-1' });
    return client.send(new BatchPutGeofenceCommand({ CollectionName: 'fences', Entries: entries }));
  }
}
    `,
    // v5 \`Auth.currentCredentials()\` the same way.
    `
import { Auth } from 'aws-amplify';
import { S3Client } from '@aws-sdk/client-s3';
export async function upload(command) {
  const credentials = await Auth.currentCredentials();
  await new S3Client({ credentials: Auth.essentialCredentials(credentials) }).send(command);
}
    `,
  ],
  invalid: [
    {
      // The client on \`this\`, read by a method that does not build it first: it can outlive the session.
      code: STORED_ON_THIS,
      output: null,
      errors: [reported(STORED_ON_THIS, 7, 'credentials')],
    },
    {
      // A module variable outlives the call.
      code: MODULE_CLIENT,
      output: null,
      errors: [reported(MODULE_CLIENT, 7, 'credentials')],
    },
    {
      // Returned, kept in a Map, handed to another function, captured by a closure that outlives the call.
      code: ESCAPES,
      output: null,
      errors: [reported(ESCAPES, 7, 'credentials'), reported(ESCAPES, 13, 'credentials'), reported(ESCAPES, 18, 'credentials'), reported(ESCAPES, 23, 'credentials')],
    },
    {
      // The snapshot kept at module level and given to a client later; one cached by the operation itself.
      code: KEPT_SNAPSHOT,
      output: null,
      errors: [reported(KEPT_SNAPSHOT, 9, 'credentials: kept'), reported(KEPT_SNAPSHOT, 15, 'credentials: cached')],
    },
    {
      // A field the "ensure" method fills once and keeps: later operations get the first session's keys.
      code: CACHED_FIELD,
      output: null,
      errors: [reported(CACHED_FIELD, 12, 'credentials: this.credentials', 'LocationClient')],
    },
    {
      // An STS response is reported however short-lived the client: a copy of its keys never refreshes.
      code: STS_PER_CALL,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'S3Client', source: 'AssumeRole' },
          line: 8, column: 5, endLine: 8, endColumn: 144,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: STS_PER_CALL.replace(
                "import { S3Client } from '@aws-sdk/client-s3';\n",
                "import { S3Client } from '@aws-sdk/client-s3';\nimport { fromTemporaryCredentials } from '@aws-sdk/credential-providers';\n",
              ).replace(
                /credentials: \{ accessKeyId.*\},\n/,
                "credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/reader', RoleSessionName: 'reader' } }),\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});

const REQUIRED = `
const { fetchAuthSession } = require('aws-amplify/auth');
const { S3Client } = require('@aws-sdk/client-s3');
let last;
async function upload(command) {
  const { credentials } = await fetchAuthSession();
  last = new S3Client({ credentials });
  return last.send(command);
}
module.exports = { upload };
`;

ruleTester.run('no-one-shot-credentials (a session used within one operation, CommonJS)', rule, {
  valid: [
    {
      code: `
const { fetchAuthSession } = require('aws-amplify/auth');
const { S3Client } = require('@aws-sdk/client-s3');
async function upload(command) {
  const { credentials } = await fetchAuthSession();
  const s3 = new S3Client({ credentials });
  return s3.send(command);
}
module.exports = { upload };
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      code: REQUIRED,
      languageOptions: commonjs,
      output: null,
      errors: [reported(REQUIRED, 7, 'credentials')],
    },
  ],
});

const TS_ESCAPE = `
import { fetchAuthSession } from 'aws-amplify/auth';
import { TranslateClient } from '@aws-sdk/client-translate';
export class Convert {
  private translateClient?: TranslateClient;
  async translate(command: any) {
    const { credentials } = await fetchAuthSession();
    this.translateClient = new TranslateClient({ credentials });
    return this.translateClient!.send(command);
  }
  get client(): TranslateClient | undefined {
    return this.translateClient;
  }
}
`;

tsRuleTester.run('no-one-shot-credentials (a session used within one operation, TypeScript)', rule, {
  valid: [
    // @aws-amplify/predictions in TypeScript: a declared field, `!` and `as`.
    `
import { fetchAuthSession } from 'aws-amplify/auth';
import { TranslateClient, TranslateTextCommand } from '@aws-sdk/client-translate';
export class Convert {
  private translateClient?: TranslateClient;
  async translate(text: string): Promise<string | undefined> {
    const { credentials } = await fetchAuthSession();
    this.translateClient = new TranslateClient({ region: 'eu-west-1', credentials: credentials! });
    const data = await (this.translateClient as TranslateClient).send(new TranslateTextCommand({ Text: text, SourceLanguageCode: 'en', TargetLanguageCode: 'fr' }));
    return data.TranslatedText;
  }
}
    `,
  ],
  invalid: [
    {
      // A getter hands the client out.
      code: TS_ESCAPE,
      output: null,
      errors: [reported(TS_ESCAPE, 8, 'credentials', 'TranslateClient')],
    },
  ],
});
