import rule from '../../src/rules/no-static-credentials.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const requireDeclared = { globals: { require: 'readonly' } } as const;
const providerChain = { provider: 'fromNodeProviderChain()' };
const v2ProviderChain = { provider: 'new AWS.CredentialProviderChain()' };

ruleTester.run('no-static-credentials', rule, {
  valid: [
    // An exported helper: a caller in another module may pass a provider.
    `
import { S3Client } from '@aws-sdk/client-s3';
export function makeClient(credentials) {
  return new S3Client({ credentials });
}
makeClient({ accessKeyId: id, secretAccessKey: secret });
    `,
    // A helper handed out as a callback: its callers are not in the file.
    `
import { S3Client } from '@aws-sdk/client-s3';
function makeClient(credentials) {
  return new S3Client({ credentials });
}
registry.register(makeClient);
makeClient({ accessKeyId: id, secretAccessKey: secret });
    `,
    // Test files are skipped by default: their dummy keys for mocks and emulators never expire.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
new S3Client({ credentials: { accessKeyId: id, secretAccessKey: secret } });
      `,
      filename: 'src/__tests__/upload.test.ts',
    },
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
new S3Client({ credentials: { accessKeyId: id, secretAccessKey: secret } });
      `,
      filename: 'tests/setup.ts',
    },
    // A local object named `AWS` is not the browser global of the SDK.
    `
const AWS = { S3: class {} };
export const s3 = new AWS.S3({ accessKeyId: settings.keyId, secretAccessKey: settings.secret });
    `,
    // Nor is `window.AWS` when a local `window` shadows the global object.
    `
export function build(window) {
  return new window.AWS.S3({ accessKeyId: settings.keyId, secretAccessKey: settings.secret });
}
    `,
    // GetFederationToken needs an IAM user's long-term keys: the STS client holds them on purpose (@uppy/companion).
    `
import { STSClient, GetFederationTokenCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({ region, credentials: { accessKeyId: config.key, secretAccessKey: config.secret } });
export const federate = (name) => sts.send(new GetFederationTokenCommand({ Name: name, DurationSeconds: 3600 }));
    `,
    // Keys read off a refreshing v2 credentials object are no-one-shot-credentials' report: one object, one report.
    `
import AWS from 'aws-sdk';
AWS.config.getCredentials((err, credentials) => {
  new AWS.S3({ accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey });
});
    `,
    // A cache filled once from an STS response is no-one-shot-credentials' report too.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
let assumed = null;
export async function refresh() {
  assumed = (await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn', RoleSessionName: 's' }))).Credentials;
}
export const s3 = () => new S3Client({ credentials: { accessKeyId: assumed.AccessKeyId, secretAccessKey: assumed.SecretAccessKey } });
    `,
    // SDK providers refresh by themselves.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';

const reports = new S3Client({ credentials: fromIni({ profile: 'reports' }) });
const chain = fromNodeProviderChain();
const uploads = new S3Client({ credentials: chain });
`,
    // A function value is a provider: require-credential-expiration checks what it returns.
    `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({
  credentials: async () => ({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET }),
});
function loadCredentials() {
  return { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
}
new S3Client({ credentials: loadCredentials });
`,
    // No `credentials`: the default provider chain.
    `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ region: 'eu-west-1' });
new S3Client();
`,
    // Unknown values: a parameter, an import, a member of \`this\`, a config the file does not define.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { credentials, s3Config } from './aws-config.js';

export function createClient(creds) {
  return new S3Client({ credentials: creds });
}
export const fromImport = new S3Client({ credentials });
export const fromImportedConfig = new S3Client(s3Config);
export class Store {
  constructor() {
    this.client = new S3Client({ credentials: this.credentials });
  }
}
`,
    // Values copied from an STS response belong to no-one-shot-credentials: one object, one report.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'upload' }));
new S3Client({
  credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey },
});
`,
    // Values from a provider called once: no-one-shot-credentials as well.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';

const resolved = await fromIni({ profile: 'reports' })();
new S3Client({ credentials: { accessKeyId: resolved.accessKeyId, secretAccessKey: resolved.secretAccessKey } });
`,
    // Local emulators need dummy static keys: loopback hosts, Docker's host alias, LocalStack.
    `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';

const dummy = { accessKeyId: 'test', secretAccessKey: 'test' };
const LOCALSTACK_URL = 'http://localstack:4566';
new S3Client({ endpoint: 'http://localhost:4566', credentials: dummy });
new S3Client({ endpoint: LOCALSTACK_URL, credentials: dummy });
new S3Client({ endpoint: 'https://s3.localhost.localstack.cloud:4566', credentials: dummy });
new S3Client({ endpoint: new URL('http://[::1]:4566'), credentials: dummy });
new S3Client({ endpoint: { url: new URL('http://0.0.0.0:9000') }, credentials: dummy });
new DynamoDBClient({ endpoint: \`http://127.0.0.1:\${process.env.DYNAMO_PORT}\`, credentials: dummy });
new DynamoDBClient({ endpoint: 'host.docker.internal:8000', credentials: dummy });
`,
    // An environment override with a local fallback is an emulator setup.
    `
import { SQSClient } from '@aws-sdk/client-sqs';

const endpoint = process.env.SQS_ENDPOINT ?? 'http://localhost:9324';
new SQSClient({ endpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
`,
    // v2 provider classes, and the v2 endpoint rule.
    {
      code: `
const AWS = require('aws-sdk');

AWS.config.credentials = new AWS.EC2MetadataCredentials({ maxRetries: 3 });
new AWS.S3({ credentials: new AWS.SharedIniFileCredentials({ profile: 'reports' }) });
new AWS.Config({ credentialProvider: new AWS.CredentialProviderChain() });
new AWS.DynamoDB({ endpoint: 'http://localhost:8000', accessKeyId: 'local', secretAccessKey: 'local' });
new AWS.SQS({ endpoint: new AWS.Endpoint('http://localhost:9324'), credentials: new AWS.Credentials('x', 'x') });
`,
      languageOptions: commonjs,
    },
    // S3-compatible storage takes only static keys: Cloudflare R2, whose host a template builds around the account.
    `
import { S3Client } from '@aws-sdk/client-s3';

export const r2 = new S3Client({
  region: 'auto',
  endpoint: \`https://\${process.env.CF_ACCOUNT_ID}.r2.cloudflarestorage.com\`,
  credentials: { accessKeyId: process.env.R2_ACCESS_KEY_ID, secretAccessKey: process.env.R2_SECRET_ACCESS_KEY },
});
`,
    // MinIO as a docker-compose service, and Backblaze B2: hosts that are not AWS.
    `
import { S3Client } from '@aws-sdk/client-s3';

export const minio = new S3Client({
  endpoint: 'http://minio:9000',
  forcePathStyle: true,
  credentials: { accessKeyId: 'minioadmin', secretAccessKey: 'minioadmin' },
});
export const b2 = new S3Client({
  endpoint: 'https://s3.us-west-004.backblazeb2.com',
  credentials: { accessKeyId: process.env.B2_KEY_ID, secretAccessKey: process.env.B2_KEY },
});
`,
    // DigitalOcean Spaces through v2 \`new AWS.Endpoint(host)\`, with top-level keys.
    {
      code: `
const AWS = require('aws-sdk');

const spaces = new AWS.S3({
  endpoint: new AWS.Endpoint('fra1.digitaloceanspaces.com'),
  accessKeyId: process.env.SPACES_KEY,
  secretAccessKey: process.env.SPACES_SECRET,
});
`,
      languageOptions: commonjs,
    },
    // An endpoint the file does not define: an environment variable, a parameter, \`new URL()\` of either.
    `
import { S3Client } from '@aws-sdk/client-s3';

const endpoint = process.env.OBJECT_STORE_ENDPOINT;
if (!endpoint) throw new Error('OBJECT_STORE_ENDPOINT is required');
export const store = new S3Client({
  endpoint,
  credentials: { accessKeyId: process.env.STORE_KEY, secretAccessKey: process.env.STORE_SECRET },
});
export function createStore(url, keyId, secret) {
  return new S3Client({ endpoint: new URL(url), credentials: { accessKeyId: keyId, secretAccessKey: secret } });
}
`,
    // v3 endpoint objects on other hosts, and a choice between two non-AWS endpoints.
    `
import { S3Client } from '@aws-sdk/client-s3';

const keys = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
new S3Client({ endpoint: { hostname: 'storage.example.com', protocol: 'https:', path: '/' }, credentials: keys });
new S3Client({ endpoint: { url: new URL('https://s3.wasabisys.com') }, credentials: keys });
new S3Client({ endpoint: isProd ? 'https://s3.wasabisys.com' : 'http://localhost:9000', credentials: keys });
`,
    // Without allowLocalEndpoints, non-AWS hosts and endpoints the file does not define stay quiet.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ endpoint: 'http://minio:9000', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
new S3Client({ endpoint: process.env.S3_ENDPOINT, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
`,
      options: [{ allowLocalEndpoints: false }],
    },
    // v2 wraps top-level keys into credentials only when both are set (sdk-facts B2).
    `
import AWS from 'aws-sdk';

new AWS.S3({ accessKeyId: process.env.KEY_ID, region: 'eu-west-1' });
`,
    // v2 one-shot values: an STS response (promise and callback) and a snapshot of the global credentials.
    `
import AWS from 'aws-sdk';

const sts = new AWS.STS();
const data = await sts.assumeRole({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'job' }).promise();
AWS.config.credentials = new AWS.Credentials(data.Credentials.AccessKeyId, data.Credentials.SecretAccessKey);
sts.getSessionToken({}, (err, result) => {
  AWS.config.update({
    accessKeyId: result.Credentials.AccessKeyId,
    secretAccessKey: result.Credentials.SecretAccessKey,
  });
});
new AWS.S3({
  accessKeyId: AWS.config.credentials.accessKeyId,
  secretAccessKey: AWS.config.credentials.secretAccessKey,
});
`,
    // Look-alikes: a non-SDK constructor with a \`credentials\` option, and an S3Client from a local module.
    `
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { StorageClient } from '@acme/storage';
import { S3Client } from './testing/fake-s3.js';

new StorageClient({ credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
new S3Client({ credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }).send(new GetObjectCommand({}));
`,
    // A shadowed \`require\` is not the module loader.
    `
function load(require) {
  const { S3Client } = require('@aws-sdk/client-s3');
  return new S3Client({ credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
}
`,
  ],
  invalid: [
    {
      // A local helper the file only calls: its parameter holds what the calls pass.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
function makeClient(credentials) {
  return new S3Client({ credentials });
}
export const client = makeClient({ accessKeyId: id, secretAccessKey: secret });
      `,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 4, column: 25, endLine: 4, endColumn: 36,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
function makeClient(credentials) {
  return new S3Client({});
}
export const client = makeClient({ accessKeyId: id, secretAccessKey: secret });
      `,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
function makeClient(credentials) {
  return new S3Client({ credentials: fromNodeProviderChain() });
}
export const client = makeClient({ accessKeyId: id, secretAccessKey: secret });
      `,
            },
          ],
        },
      ],
    },
    {
      // `checkTestFiles` turns the rule on in test files.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
new S3Client({ credentials: { accessKeyId: id, secretAccessKey: secret } });
      `,
      filename: 'src/__tests__/upload.test.ts',
      options: [{ checkTestFiles: true }],
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 3, column: 16, endLine: 3, endColumn: 73,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
new S3Client({});
      `,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
new S3Client({ credentials: fromNodeProviderChain() });
      `,
            },
          ],
        },
      ],
    },
    {
      // A CommonJS file with no top-level require: the provider is added with `require`, after 'use strict'.
      code: `
'use strict';
function makeClient() {
  const { S3Client } = require('@aws-sdk/client-s3');
  return new S3Client({ credentials: { accessKeyId: id, secretAccessKey: secret } });
}
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
'use strict';
function makeClient() {
  const { S3Client } = require('@aws-sdk/client-s3');
  return new S3Client({});
}
      `,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
'use strict';
const { fromNodeProviderChain } = require('@aws-sdk/credential-providers');
function makeClient() {
  const { S3Client } = require('@aws-sdk/client-s3');
  return new S3Client({ credentials: fromNodeProviderChain() });
}
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 `config` destructured from the module: its `update` call is the global config's.
      code: `
const { config } = require('aws-sdk');
config.update({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.config' },
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const { config } = require('aws-sdk');
config.update({});
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM named import: the import is added after the last one.
      code: `
import { S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: {
    accessKeyId: process.env.UPLOAD_KEY_ID,
    secretAccessKey: process.env.UPLOAD_SECRET,
  },
});
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 6,
          column: 3,
          endLine: 9,
          endColumn: 4,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({
  region: 'eu-west-1',
});
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: fromNodeProviderChain(),
});
`,
            },
          ],
        },
      ],
    },
    {
      // ESM aliased import; the existing \`@aws-sdk/credential-providers\` import is extended.
      code: `
import { S3Client as Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';

export const reports = new Client({ credentials: fromIni({ profile: 'reports' }) });
export const uploads = new Client({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET }, region: 'eu-west-1' });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 6,
          column: 37,
          endLine: 6,
          endColumn: 122,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { S3Client as Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';

export const reports = new Client({ credentials: fromIni({ profile: 'reports' }) });
export const uploads = new Client({ region: 'eu-west-1' });
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { S3Client as Client } from '@aws-sdk/client-s3';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';

export const reports = new Client({ credentials: fromIni({ profile: 'reports' }) });
export const uploads = new Client({ credentials: fromNodeProviderChain(), region: 'eu-west-1' });
`,
            },
          ],
        },
      ],
    },
    {
      // ESM namespace import; an aliased \`fromNodeProviderChain\` import is reused as is.
      code: `
import * as s3 from '@aws-sdk/client-s3';
import { fromNodeProviderChain as defaultChain } from '@aws-sdk/credential-providers';

const client = new s3.S3Client({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 5,
          column: 34,
          endLine: 5,
          endColumn: 119,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import * as s3 from '@aws-sdk/client-s3';
import { fromNodeProviderChain as defaultChain } from '@aws-sdk/credential-providers';

const client = new s3.S3Client({});
`,
            },
            {
              messageId: 'useProviderChain',
              data: { provider: 'defaultChain()' },
              output: `
import * as s3 from '@aws-sdk/client-s3';
import { fromNodeProviderChain as defaultChain } from '@aws-sdk/credential-providers';

const client = new s3.S3Client({ credentials: defaultChain() });
`,
            },
          ],
        },
      ],
    },
    {
      // The aggregated v3 client; a namespace import of the providers is used through its namespace.
      code: `
import { S3 } from '@aws-sdk/client-s3';
import * as providers from '@aws-sdk/credential-providers';

const s3 = new S3({ region: 'eu-west-1', credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3' },
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 127,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { S3 } from '@aws-sdk/client-s3';
import * as providers from '@aws-sdk/credential-providers';

const s3 = new S3({ region: 'eu-west-1' });
`,
            },
            {
              messageId: 'useProviderChain',
              data: { provider: 'providers.fromNodeProviderChain()' },
              output: `
import { S3 } from '@aws-sdk/client-s3';
import * as providers from '@aws-sdk/credential-providers';

const s3 = new S3({ region: 'eu-west-1', credentials: providers.fromNodeProviderChain() });
`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS with \`require\` declared: the require is added after the last top-level one.
      code: `
'use strict';

const { S3Client } = require('@aws-sdk/client-s3');
const path = require('node:path');

const credentials = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
module.exports.client = new S3Client({ credentials, region: 'eu-west-1' });
`,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 8,
          column: 40,
          endLine: 8,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
'use strict';

const { S3Client } = require('@aws-sdk/client-s3');
const path = require('node:path');

const credentials = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
module.exports.client = new S3Client({ region: 'eu-west-1' });
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
'use strict';

const { S3Client } = require('@aws-sdk/client-s3');
const path = require('node:path');
const { fromNodeProviderChain } = require('@aws-sdk/credential-providers');

const credentials = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
module.exports.client = new S3Client({ credentials: fromNodeProviderChain(), region: 'eu-west-1' });
`,
            },
          ],
        },
      ],
    },
    {
      // \`require\` not declared, aliased destructuring; the providers require is extended.
      code: `
const { DynamoDBClient: Dynamo } = require('@aws-sdk/client-dynamodb');
const { fromIni } = require('@aws-sdk/credential-providers');

const db = new Dynamo({
  credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET },
  region: 'eu-west-1',
});
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'DynamoDBClient' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 88,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const { DynamoDBClient: Dynamo } = require('@aws-sdk/client-dynamodb');
const { fromIni } = require('@aws-sdk/credential-providers');

const db = new Dynamo({
  region: 'eu-west-1',
});
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
const { DynamoDBClient: Dynamo } = require('@aws-sdk/client-dynamodb');
const { fromIni, fromNodeProviderChain } = require('@aws-sdk/credential-providers');

const db = new Dynamo({
  credentials: fromNodeProviderChain(),
  region: 'eu-west-1',
});
`,
            },
          ],
        },
      ],
    },
    {
      // \`require\` declared as a global, member access on the module.
      code: `
const sqs = require("@aws-sdk/client-sqs")

const queue = new sqs.SQSClient({ credentials: { secretAccessKey: process.env.SECRET } })
`,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'SQSClient' },
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const sqs = require("@aws-sdk/client-sqs")

const queue = new sqs.SQSClient({})
`,
            },
            {
              // The file's quotes and missing semicolons are kept.
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
const sqs = require("@aws-sdk/client-sqs")
const { fromNodeProviderChain } = require("@aws-sdk/credential-providers")

const queue = new sqs.SQSClient({ credentials: fromNodeProviderChain() })
`,
            },
          ],
        },
      ],
    },
    {
      // \`await import()\` in a module with no static import: an \`import\` declaration is added on top.
      code: `
const { SNSClient } = await import('@aws-sdk/client-sns');

export const sns = new SNSClient({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'SNSClient' },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 121,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const { SNSClient } = await import('@aws-sdk/client-sns');

export const sns = new SNSClient({});
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const { SNSClient } = await import('@aws-sdk/client-sns');

export const sns = new SNSClient({ credentials: fromNodeProviderChain() });
`,
            },
          ],
        },
      ],
    },
    {
      // A config object shared by two clients is reported once, where it holds the credentials.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';

const awsConfig = {
  region: process.env.AWS_REGION,
  credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET },
  maxAttempts: 5,
};
export const s3 = new S3Client(awsConfig);
export const sqs = new SQSClient(awsConfig);
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 88,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';

const awsConfig = {
  region: process.env.AWS_REGION,
  maxAttempts: 5,
};
export const s3 = new S3Client(awsConfig);
export const sqs = new SQSClient(awsConfig);
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const awsConfig = {
  region: process.env.AWS_REGION,
  credentials: fromNodeProviderChain(),
  maxAttempts: 5,
};
export const s3 = new S3Client(awsConfig);
export const sqs = new SQSClient(awsConfig);
`,
            },
          ],
        },
      ],
    },
    {
      // A spread of a base config; the values are config fields, not literals.
      code: `
import { KinesisClient } from '@aws-sdk/client-kinesis';
import settings from './settings.js';

const base = { credentials: { accessKeyId: settings.aws.keyId, secretAccessKey: settings.aws.secret } };
export const kinesis = new KinesisClient({ ...base, region: settings.aws.region });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'KinesisClient' },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 102,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { KinesisClient } from '@aws-sdk/client-kinesis';
import settings from './settings.js';

const base = {};
export const kinesis = new KinesisClient({ ...base, region: settings.aws.region });
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { KinesisClient } from '@aws-sdk/client-kinesis';
import settings from './settings.js';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const base = { credentials: fromNodeProviderChain() };
export const kinesis = new KinesisClient({ ...base, region: settings.aws.region });
`,
            },
          ],
        },
      ],
    },
    {
      // A local function whose returned object is the literal; the values are parameters, still static.
      code: `
import { LambdaClient } from '@aws-sdk/client-lambda';

function toCredentials(keyId, secret) {
  return { accessKeyId: keyId, secretAccessKey: secret };
}
export const createLambda = (keyId, secret) => new LambdaClient({ credentials: toCredentials(keyId, secret) });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'LambdaClient' },
          line: 7,
          column: 67,
          endLine: 7,
          endColumn: 108,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { LambdaClient } from '@aws-sdk/client-lambda';

function toCredentials(keyId, secret) {
  return { accessKeyId: keyId, secretAccessKey: secret };
}
export const createLambda = (keyId, secret) => new LambdaClient({});
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { LambdaClient } from '@aws-sdk/client-lambda';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

function toCredentials(keyId, secret) {
  return { accessKeyId: keyId, secretAccessKey: secret };
}
export const createLambda = (keyId, secret) => new LambdaClient({ credentials: fromNodeProviderChain() });
`,
            },
          ],
        },
      ],
    },
    {
      // With allowLocalEndpoints off, an emulator endpoint does not excuse static keys.
      code: `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ endpoint: 'http://localhost:4566', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
`,
      options: [{ allowLocalEndpoints: false }],
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 4,
          column: 51,
          endLine: 4,
          endColumn: 112,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { S3Client } from '@aws-sdk/client-s3';

new S3Client({ endpoint: 'http://localhost:4566' });
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

new S3Client({ endpoint: 'http://localhost:4566', credentials: fromNodeProviderChain() });
`,
            },
          ],
        },
      ],
    },
    {
      // An AWS endpoint is reported; a host the file does not spell out (line 6) is a custom endpoint: quiet.
      code: `
import { S3Client } from '@aws-sdk/client-s3';

const credentials = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
new S3Client({ endpoint: 'https://s3.eu-west-1.amazonaws.com', credentials: credentials });
new S3Client({ endpoint: \`http://\${process.env.S3_HOST}:4566\`, credentials: credentials });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 5,
          column: 64,
          endLine: 5,
          endColumn: 88,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { S3Client } from '@aws-sdk/client-s3';

const credentials = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
new S3Client({ endpoint: 'https://s3.eu-west-1.amazonaws.com' });
new S3Client({ endpoint: \`http://\${process.env.S3_HOST}:4566\`, credentials: credentials });
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const credentials = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
new S3Client({ endpoint: 'https://s3.eu-west-1.amazonaws.com', credentials: fromNodeProviderChain() });
new S3Client({ endpoint: \`http://\${process.env.S3_HOST}:4566\`, credentials: credentials });
`,
            },
          ],
        },
      ],
    },
    {
      // An AWS host a template builds around the region; \`forcePathStyle\` alone says nothing about the host.
      code: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const keys = { accessKeyId: 'a', secretAccessKey: 'b' };
new DynamoDBClient({ endpoint: \`https://dynamodb.\${region}.amazonaws.com\`, forcePathStyle: true, credentials: keys });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'DynamoDBClient' },
          line: 5,
          column: 98,
          endLine: 5,
          endColumn: 115,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const keys = { accessKeyId: 'a', secretAccessKey: 'b' };
new DynamoDBClient({ endpoint: \`https://dynamodb.\${region}.amazonaws.com\`, forcePathStyle: true });
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const keys = { accessKeyId: 'a', secretAccessKey: 'b' };
new DynamoDBClient({ endpoint: \`https://dynamodb.\${region}.amazonaws.com\`, forcePathStyle: true, credentials: fromNodeProviderChain() });
`,
            },
          ],
        },
      ],
    },
    {
      // AWS China and \`*.api.aws\` hosts, one through a v3 \`{ url }\` object.
      code: `
import { SQSClient } from '@aws-sdk/client-sqs';

const keys = { accessKeyId: 'a', secretAccessKey: 'b' };
new SQSClient({ endpoint: { url: new URL('https://sqs.cn-north-1.amazonaws.com.cn') }, credentials: keys });
new SQSClient({ endpoint: 'https://sqs.us-east-1.api.aws', credentials: keys });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'SQSClient' },
          line: 5,
          column: 88,
          endLine: 5,
          endColumn: 105,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { SQSClient } from '@aws-sdk/client-sqs';

const keys = { accessKeyId: 'a', secretAccessKey: 'b' };
new SQSClient({ endpoint: { url: new URL('https://sqs.cn-north-1.amazonaws.com.cn') } });
new SQSClient({ endpoint: 'https://sqs.us-east-1.api.aws', credentials: keys });
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { SQSClient } from '@aws-sdk/client-sqs';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const keys = { accessKeyId: 'a', secretAccessKey: 'b' };
new SQSClient({ endpoint: { url: new URL('https://sqs.cn-north-1.amazonaws.com.cn') }, credentials: fromNodeProviderChain() });
new SQSClient({ endpoint: 'https://sqs.us-east-1.api.aws', credentials: keys });
`,
            },
          ],
        },
        {
          messageId: 'staticCredentials',
          data: { client: 'SQSClient' },
          line: 6,
          column: 60,
          endLine: 6,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { SQSClient } from '@aws-sdk/client-sqs';

const keys = { accessKeyId: 'a', secretAccessKey: 'b' };
new SQSClient({ endpoint: { url: new URL('https://sqs.cn-north-1.amazonaws.com.cn') }, credentials: keys });
new SQSClient({ endpoint: 'https://sqs.us-east-1.api.aws' });
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { SQSClient } from '@aws-sdk/client-sqs';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const keys = { accessKeyId: 'a', secretAccessKey: 'b' };
new SQSClient({ endpoint: { url: new URL('https://sqs.cn-north-1.amazonaws.com.cn') }, credentials: keys });
new SQSClient({ endpoint: 'https://sqs.us-east-1.api.aws', credentials: fromNodeProviderChain() });
`,
            },
          ],
        },
      ],
    },
    {
      // v2 \`new AWS.Endpoint()\` of an AWS host.
      code: `
const AWS = require('aws-sdk');

const s3 = new AWS.S3({
  endpoint: new AWS.Endpoint('s3.eu-west-1.amazonaws.com'),
  accessKeyId: process.env.KEY_ID,
  secretAccessKey: process.env.SECRET,
});
`,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.S3' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const AWS = require('aws-sdk');

const s3 = new AWS.S3({
  endpoint: new AWS.Endpoint('s3.eu-west-1.amazonaws.com'),
});
`,
            },
            {
              messageId: 'useProviderChain',
              data: v2ProviderChain,
              output: `
const AWS = require('aws-sdk');

const s3 = new AWS.S3({
  endpoint: new AWS.Endpoint('s3.eu-west-1.amazonaws.com'),
  credentialProvider: new AWS.CredentialProviderChain(),
});
`,
            },
          ],
        },
      ],
    },
    {
      // A local name \`fromNodeProviderChain\` that is not the SDK's: only removal is offered.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from './providers.js';

new S3Client({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 101,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from './providers.js';

new S3Client({});
`,
            },
          ],
        },
      ],
    },
    {
      // v2 default import, top-level keys: reported at \`accessKeyId\`; all three keys go.
      code: `
import AWS from 'aws-sdk';

export const s3 = new AWS.S3({
  accessKeyId: process.env.KEY_ID,
  secretAccessKey: process.env.SECRET,
  sessionToken: process.env.SESSION_TOKEN,
  region: 'eu-west-1',
});
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.S3' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import AWS from 'aws-sdk';

export const s3 = new AWS.S3({
  region: 'eu-west-1',
});
`,
            },
            {
              messageId: 'useProviderChain',
              data: v2ProviderChain,
              output: `
import AWS from 'aws-sdk';

export const s3 = new AWS.S3({
  credentialProvider: new AWS.CredentialProviderChain(),
  region: 'eu-west-1',
});
`,
            },
          ],
        },
      ],
    },
    {
      // v2 \`AWS.config.update\` in CommonJS, keys last in the object.
      code: `
const AWS = require('aws-sdk');

AWS.config.update({
  region: 'eu-west-1',
  accessKeyId: process.env.KEY_ID,
  secretAccessKey: process.env.SECRET
});
`,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.config' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const AWS = require('aws-sdk');

AWS.config.update({
  region: 'eu-west-1'
});
`,
            },
            {
              messageId: 'useProviderChain',
              data: v2ProviderChain,
              output: `
const AWS = require('aws-sdk');

AWS.config.update({
  region: 'eu-west-1',
  credentialProvider: new AWS.CredentialProviderChain()
});
`,
            },
          ],
        },
      ],
    },
    {
      // v2 \`new AWS.Config\` with a \`credentials\` object.
      code: `
import * as AWS from 'aws-sdk';

const config = new AWS.Config({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET }, region: 'eu-west-1' });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.Config' },
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 118,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import * as AWS from 'aws-sdk';

const config = new AWS.Config({ region: 'eu-west-1' });
`,
            },
            {
              messageId: 'useProviderChain',
              data: v2ProviderChain,
              output: `
import * as AWS from 'aws-sdk';

const config = new AWS.Config({ credentialProvider: new AWS.CredentialProviderChain(), region: 'eu-west-1' });
`,
            },
          ],
        },
      ],
    },
    {
      // v2 assignment to the global credentials: the statement is removed with its line.
      code: `
const AWS = require('aws-sdk');

AWS.config.credentials = new AWS.Credentials(process.env.KEY_ID, process.env.SECRET);
const s3 = new AWS.S3();
`,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.config' },
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const AWS = require('aws-sdk');

const s3 = new AWS.S3();
`,
            },
          ],
        },
      ],
    },
    {
      // An assignment that is not a statement of its own cannot be removed: no suggestion.
      code: `
import AWS from 'aws-sdk/global';

if (process.env.LEGACY_KEYS) AWS.config.credentials = new AWS.Credentials({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.config' },
          line: 4,
          column: 55,
          endLine: 4,
          endColumn: 148,
          suggestions: [],
        },
      ],
    },
    {
      // v2 per-service module, undeclared \`require\`: no namespace to name the chain, so only removal.
      code: `
const S3 = require('aws-sdk/clients/s3');

const s3 = new S3({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'aws-sdk/clients/s3' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const S3 = require('aws-sdk/clients/s3');

const s3 = new S3({});
`,
            },
          ],
        },
      ],
    },
    {
      // v2 named imports: \`new Credentials(...)\` given as \`credentials\`.
      code: `
import { Credentials, SQS } from 'aws-sdk';

const sqs = new SQS({ region: 'eu-west-1', credentials: new Credentials(process.env.KEY_ID, process.env.SECRET) });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.SQS' },
          line: 4,
          column: 44,
          endLine: 4,
          endColumn: 112,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { Credentials, SQS } from 'aws-sdk';

const sqs = new SQS({ region: 'eu-west-1' });
`,
            },
          ],
        },
      ],
    },
    {
      // v2 \`AWS.Credentials\` held in a constant, passed as shorthand \`credentials\`.
      code: `
const AWS = require('aws-sdk');

const credentials = new AWS.Credentials({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
const dynamo = new AWS.DynamoDB({ credentials });
`,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.DynamoDB' },
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const AWS = require('aws-sdk');

const credentials = new AWS.Credentials({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
const dynamo = new AWS.DynamoDB({});
`,
            },
            {
              messageId: 'useProviderChain',
              data: v2ProviderChain,
              output: `
const AWS = require('aws-sdk');

const credentials = new AWS.Credentials({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
const dynamo = new AWS.DynamoDB({ credentialProvider: new AWS.CredentialProviderChain() });
`,
            },
          ],
        },
      ],
    },
    {
      // The v2 browser global declared by a comment. The browser build has no default provider chain to suggest.
      code: `
/* global AWS */
AWS.config.update({
  region: 'us-west-2',
  accessKeyId: settings.keyId,
  secretAccessKey: settings.secret,
});
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.config' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
/* global AWS */
AWS.config.update({
  region: 'us-west-2',
});
`,
            },
          ],
        },
      ],
    },
    {
      // The browser global through `window`.
      code: `
export const translate = new window.AWS.Translate({ accessKeyId: settings.keyId, secretAccessKey: settings.secret });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.Translate' },
          line: 2,
          column: 53,
          endLine: 2,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
export const translate = new window.AWS.Translate({});
`,
            },
          ],
        },
      ],
    },
    {
      // An undeclared `AWS` used as the SDK namespace, with `new AWS.Credentials` given to the global config.
      code: `
AWS.config.credentials = new AWS.Credentials(settings.keyId, settings.secret);
export const s3 = new AWS.S3();
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.config' },
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
export const s3 = new AWS.S3();
`,
            },
          ],
        },
      ],
    },
    {
      // A v2 nested client: `DocumentClient` builds an `AWS.DynamoDB` from the same options.
      code: `
import AWS from 'aws-sdk';

const docClient = new AWS.DynamoDB.DocumentClient({
  region: 'us-east-1',
  accessKeyId: settings.keyId,
  secretAccessKey: settings.secret,
});
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.DynamoDB.DocumentClient' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import AWS from 'aws-sdk';

const docClient = new AWS.DynamoDB.DocumentClient({
  region: 'us-east-1',
});
`,
            },
            {
              messageId: 'useProviderChain',
              data: v2ProviderChain,
              output: `
import AWS from 'aws-sdk';

const docClient = new AWS.DynamoDB.DocumentClient({
  region: 'us-east-1',
  credentialProvider: new AWS.CredentialProviderChain(),
});
`,
            },
          ],
        },
      ],
    },
    {
      // `DocumentClient` of the per-service module, with the options in a variable.
      code: `
const DocumentClient = require('aws-sdk/clients/dynamodb').DocumentClient;

const options = { region: 'us-east-1', accessKeyId: settings.keyId, secretAccessKey: settings.secret };
module.exports = new DocumentClient(options);
`,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'AWS.DynamoDB.DocumentClient' },
          line: 4,
          column: 40,
          endLine: 4,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const DocumentClient = require('aws-sdk/clients/dynamodb').DocumentClient;

const options = { region: 'us-east-1' };
module.exports = new DocumentClient(options);
`,
            },
          ],
        },
      ],
    },
    {
      // `DynamoDBDocumentClient.from` takes a client: the report is the inner client's, once.
      code: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const docs = DynamoDBDocumentClient.from(
  new DynamoDBClient({ credentials: { accessKeyId: settings.keyId, secretAccessKey: settings.secret } }),
);
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'DynamoDBClient' },
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 102,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const docs = DynamoDBDocumentClient.from(
  new DynamoDBClient({}),
);
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

export const docs = DynamoDBDocumentClient.from(
  new DynamoDBClient({ credentials: fromNodeProviderChain() }),
);
`,
            },
          ],
        },
      ],
    },
  ],
});

tsRuleTester.run('no-static-credentials (TypeScript)', rule, {
  valid: [
    // A type-only import binds no client.
    `
import type { S3ClientConfig } from '@aws-sdk/client-s3';

export const config: S3ClientConfig = {
  credentials: { accessKeyId: process.env.KEY_ID!, secretAccessKey: process.env.SECRET! },
};
`,
  ],
  invalid: [
    {
      // TS \`import x = require()\`, a local function, \`as const\` and \`satisfies\`.
      code: `
import s3 = require('@aws-sdk/client-s3');

function loadCredentials() {
  return { accessKeyId: process.env.KEY_ID!, secretAccessKey: process.env.SECRET! } as const;
}
export const client = new s3.S3Client({ region: 'eu-west-1', credentials: loadCredentials() satisfies object });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 7,
          column: 62,
          endLine: 7,
          endColumn: 109,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import s3 = require('@aws-sdk/client-s3');

function loadCredentials() {
  return { accessKeyId: process.env.KEY_ID!, secretAccessKey: process.env.SECRET! } as const;
}
export const client = new s3.S3Client({ region: 'eu-west-1' });
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import s3 = require('@aws-sdk/client-s3');
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

function loadCredentials() {
  return { accessKeyId: process.env.KEY_ID!, secretAccessKey: process.env.SECRET! } as const;
}
export const client = new s3.S3Client({ region: 'eu-west-1', credentials: fromNodeProviderChain() });
`,
            },
          ],
        },
      ],
    },
    {
      // A typed constant; the import goes after the type import, the last import of the file.
      code: `
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { AwsCredentialIdentity } from '@aws-sdk/types';

const staticKeys = {
  accessKeyId: process.env.KEY_ID!,
  secretAccessKey: process.env.SECRET!,
} satisfies AwsCredentialIdentity;

export const secrets = new SecretsManagerClient({ credentials: staticKeys as AwsCredentialIdentity });
`,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'SecretsManagerClient' },
          line: 10,
          column: 51,
          endLine: 10,
          endColumn: 99,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { AwsCredentialIdentity } from '@aws-sdk/types';

const staticKeys = {
  accessKeyId: process.env.KEY_ID!,
  secretAccessKey: process.env.SECRET!,
} satisfies AwsCredentialIdentity;

export const secrets = new SecretsManagerClient({});
`,
            },
            {
              messageId: 'useProviderChain',
              data: providerChain,
              output: `
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const staticKeys = {
  accessKeyId: process.env.KEY_ID!,
  secretAccessKey: process.env.SECRET!,
} satisfies AwsCredentialIdentity;

export const secrets = new SecretsManagerClient({ credentials: fromNodeProviderChain() });
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-static-credentials (flow and credential model)', rule, {
  valid: [
    // Providers in every branch: `try`/`catch` and `?:`.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, fromEnv } from '@aws-sdk/credential-providers';
let credentials;
try {
  credentials = fromIni({ profile: 'deploy' });
} catch {
  credentials = fromEnv();
}
export const s3 = new S3Client({ credentials: useEnv ? fromEnv() : credentials });
    `,
    // A provider kept on `this` and given in another method.
    `
import { SQSClient } from '@aws-sdk/client-sqs';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
export class Queue {
  constructor() {
    this.keys = fromNodeProviderChain();
  }
  client() {
    return new SQSClient({ region: 'eu-west-1', credentials: this.keys });
  }
}
    `,
  ],
  invalid: [
    {
      // Static keys chosen in the `catch` of a `try { provider }`: every write to the binding counts.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
let credentials;
try {
  credentials = fromIni({ profile: 'deploy' });
} catch {
  credentials = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
}
export const s3 = new S3Client({ region: 'eu-west-1', credentials });
      `,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 10,
          column: 55,
          endLine: 10,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
let credentials;
try {
  credentials = fromIni({ profile: 'deploy' });
} catch {
  credentials = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
}
export const s3 = new S3Client({ region: 'eu-west-1' });
      `,
            },
            {
              messageId: 'useProviderChain',
              data: { provider: 'fromNodeProviderChain()' },
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
let credentials;
try {
  credentials = fromIni({ profile: 'deploy' });
} catch {
  credentials = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
}
export const s3 = new S3Client({ region: 'eu-west-1', credentials: fromNodeProviderChain() });
      `,
            },
          ],
        },
      ],
    },
    {
      // Static keys in one branch of `?:`: only that branch is replaced, and the property is not removed (the other
      // branch would go too).
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({
  credentials: useProfile ? fromIni() : { accessKeyId: settings.keyId, secretAccessKey: settings.secret },
});
      `,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 106,
          suggestions: [
            {
              messageId: 'useProviderChain',
              data: { provider: 'fromNodeProviderChain()' },
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({
  credentials: useProfile ? fromIni() : fromNodeProviderChain(),
});
      `,
            },
          ],
        },
      ],
    },
    {
      // Static keys behind `options.credentials || {…}`: the chain replaces the fallback, the caller's credentials stay.
      code: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export function createClient(options) {
  return new DynamoDBClient({
    region: options.region,
    credentials: options.credentials || { accessKeyId: settings.keyId, secretAccessKey: settings.secret },
  });
}
      `,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'DynamoDBClient' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 106,
          suggestions: [
            {
              messageId: 'useProviderChain',
              data: { provider: 'fromNodeProviderChain()' },
              output: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
export function createClient(options) {
  return new DynamoDBClient({
    region: options.region,
    credentials: options.credentials || fromNodeProviderChain(),
  });
}
      `,
            },
          ],
        },
      ],
    },
    {
      // Keys stored on `this.keys` in the constructor and given in another method.
      code: `
import { SQSClient } from '@aws-sdk/client-sqs';
export class Queue {
  constructor(settings) {
    this.keys = { accessKeyId: settings.keyId, secretAccessKey: settings.secret };
  }
  client() {
    return new SQSClient({ region: 'eu-west-1', credentials: this.keys });
  }
}
      `,
      output: null,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'SQSClient' },
          line: 8,
          column: 49,
          endLine: 8,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
import { SQSClient } from '@aws-sdk/client-sqs';
export class Queue {
  constructor(settings) {
    this.keys = { accessKeyId: settings.keyId, secretAccessKey: settings.secret };
  }
  client() {
    return new SQSClient({ region: 'eu-west-1' });
  }
}
      `,
            },
            {
              messageId: 'useProviderChain',
              data: { provider: 'fromNodeProviderChain()' },
              output: `
import { SQSClient } from '@aws-sdk/client-sqs';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
export class Queue {
  constructor(settings) {
    this.keys = { accessKeyId: settings.keyId, secretAccessKey: settings.secret };
  }
  client() {
    return new SQSClient({ region: 'eu-west-1', credentials: fromNodeProviderChain() });
  }
}
      `,
            },
          ],
        },
      ],
    },
    {
      // The RDS IAM auth signer presigns every token with the keys it was built with.
      code: `
import { Signer } from '@aws-sdk/rds-signer';
const signer = new Signer({
  hostname: 'db.example.internal',
  port: 5432,
  username: 'app',
  credentials: { accessKeyId: env.DB_KEY_ID, secretAccessKey: env.DB_SECRET },
});
      `,
      output: null,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: { client: 'Signer' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'useProviderChain',
              data: { provider: 'fromNodeProviderChain()' },
              output: `
import { Signer } from '@aws-sdk/rds-signer';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const signer = new Signer({
  hostname: 'db.example.internal',
  port: 5432,
  username: 'app',
  credentials: fromNodeProviderChain(),
});
      `,
            },
          ],
        },
      ],
    },
    {
      // The Aurora DSQL signer, required in CommonJS.
      code: `
const { DsqlSigner } = require('@aws-sdk/dsql-signer');
const signer = new DsqlSigner({ hostname, credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET } });
      `,
      languageOptions: { globals: { require: 'readonly' } },
      output: null,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: { client: 'DsqlSigner' },
          line: 3,
          column: 43,
          endLine: 3,
          endColumn: 104,
          suggestions: [
            {
              messageId: 'useProviderChain',
              data: { provider: 'fromNodeProviderChain()' },
              output: `
const { DsqlSigner } = require('@aws-sdk/dsql-signer');
const { fromNodeProviderChain } = require('@aws-sdk/credential-providers');
const signer = new DsqlSigner({ hostname, credentials: fromNodeProviderChain() });
      `,
            },
          ],
        },
      ],
    },
    {
      // Static keys given to `SignatureV4`: no removal, a signer has no provider chain to fall back on.
      code: `
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
export const signer = new SignatureV4({
  credentials: { accessKeyId: settings.keyId, secretAccessKey: settings.secret },
  service: 'es',
  region: 'eu-west-1',
  sha256: Sha256,
});
      `,
      output: null,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: { client: 'SignatureV4' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'useProviderChain',
              data: { provider: 'fromNodeProviderChain()' },
              output: `
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
export const signer = new SignatureV4({
  credentials: fromNodeProviderChain(),
  service: 'es',
  region: 'eu-west-1',
  sha256: Sha256,
});
      `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-static-credentials (opensearch getCredentials)', rule, {
  valid: [
    // A provider created once; a provider called at each `getCredentials`; a fresh STS session at each call.
    `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
const provider = fromNodeProviderChain();
export const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() });
export const other = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => fromNodeProviderChain()() });
const sts = new STSClient({});
export const assumed = AwsSigv4Signer({
  region: 'eu-west-1',
  service: 'es',
  getCredentials: async () => {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/search', RoleSessionName: 'search' }));
    return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken, expiration: Credentials.Expiration };
  },
});
    `,
  ],
  invalid: [
    {
      // Static keys returned by \`getCredentials\`: the signer caches them and never asks again.
      code: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => Promise.resolve({ accessKeyId: process.env.OS_KEY_ID, secretAccessKey: process.env.OS_SECRET }) });
      `,
      output: null,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: { client: 'AwsSigv4Signer' },
          line: 3,
          column: 69,
          endLine: 3,
          endColumn: 186,
          suggestions: [
            {
              messageId: 'useProviderGetter',
              data: { getter: '() => provider()' },
              output: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const provider = fromNodeProviderChain();
const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() });
      `,
            },
          ],
        },
      ],
    },
    {
      // A module-level object returned by an \`async\` getter; the existing import is extended.
      code: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromIni } from '@aws-sdk/credential-providers';
const credentials = { accessKeyId: process.env.OS_KEY_ID, secretAccessKey: process.env.OS_SECRET };
const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: async () => credentials });
      `,
      output: null,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: { client: 'AwsSigv4Signer' },
          line: 5,
          column: 69,
          endLine: 5,
          endColumn: 108,
          suggestions: [
            {
              messageId: 'useProviderGetter',
              data: { getter: '() => provider()' },
              output: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
const provider = fromNodeProviderChain();
const credentials = { accessKeyId: process.env.OS_KEY_ID, secretAccessKey: process.env.OS_SECRET };
const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() });
      `,
            },
          ],
        },
      ],
    },
    {
      // \`fromNodeProviderChain\` already imported (and given inline to a client): the import is reused.
      code: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ credentials: fromNodeProviderChain() });
export const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => Promise.resolve({ accessKeyId: KEY_ID, secretAccessKey: SECRET }) });
      `,
      output: null,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: { client: 'AwsSigv4Signer' },
          line: 6,
          column: 76,
          endLine: 6,
          endColumn: 163,
          suggestions: [
            {
              messageId: 'useProviderGetter',
              data: { getter: '() => provider()' },
              output: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';
const provider = fromNodeProviderChain();
export const s3 = new S3Client({ credentials: fromNodeProviderChain() });
export const signer = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() });
      `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, a method: the module-level provider the file already has is reused.
      code: `
const { AwsSigv4Signer } = require('@opensearch-project/opensearch/aws');
const { fromNodeProviderChain } = require('@aws-sdk/credential-providers');
const chain = fromNodeProviderChain();
module.exports = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials() { return Promise.resolve({ accessKeyId: process.env.OS_KEY_ID, secretAccessKey: process.env.OS_SECRET }); } });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: { client: 'AwsSigv4Signer' },
          line: 5,
          column: 71,
          endLine: 5,
          endColumn: 195,
          suggestions: [
            {
              messageId: 'useProviderGetter',
              data: { getter: '() => chain()' },
              output: `
const { AwsSigv4Signer } = require('@opensearch-project/opensearch/aws');
const { fromNodeProviderChain } = require('@aws-sdk/credential-providers');
const chain = fromNodeProviderChain();
module.exports = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => chain() });
      `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS with no provider import: the \`require\` and the provider go after the last require.
      code: `
'use strict';
const { AwsSigv4Signer } = require('@opensearch-project/opensearch/aws');
const { Client } = require('@opensearch-project/opensearch');
const keys = { accessKeyId: process.env.OS_KEY_ID, secretAccessKey: process.env.OS_SECRET };
module.exports = new Client({
  ...AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => Promise.resolve(keys) }),
  node: 'https://search.example.com',
});
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: { client: 'AwsSigv4Signer' },
          line: 7,
          column: 59,
          endLine: 7,
          endColumn: 102,
          suggestions: [
            {
              messageId: 'useProviderGetter',
              data: { getter: '() => provider()' },
              output: `
'use strict';
const { AwsSigv4Signer } = require('@opensearch-project/opensearch/aws');
const { Client } = require('@opensearch-project/opensearch');
const { fromNodeProviderChain } = require('@aws-sdk/credential-providers');
const provider = fromNodeProviderChain();
const keys = { accessKeyId: process.env.OS_KEY_ID, secretAccessKey: process.env.OS_SECRET };
module.exports = new Client({
  ...AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() }),
  node: 'https://search.example.com',
});
      `,
            },
          ],
        },
      ],
    },
  ],
});

tsRuleTester.run('no-static-credentials (opensearch getCredentials, TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      // A typed getter; \`provider\` is taken at module level, so the new provider gets another name.
      code: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import type { AwsCredentialIdentity } from '@smithy/types';
const provider = 'es';
const keys: AwsCredentialIdentity = { accessKeyId: process.env.OS_KEY_ID!, secretAccessKey: process.env.OS_SECRET! };
export const signer = AwsSigv4Signer({ region: 'eu-west-1', service: provider, getCredentials: async (): Promise<AwsCredentialIdentity> => keys });
      `,
      output: null,
      errors: [
        {
          messageId: 'staticSignerCredentials',
          data: { client: 'AwsSigv4Signer' },
          line: 6,
          column: 80,
          endLine: 6,
          endColumn: 144,
          suggestions: [
            {
              messageId: 'useProviderGetter',
              data: { getter: '() => credentialProvider()' },
              output: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import type { AwsCredentialIdentity } from '@smithy/types';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const credentialProvider = fromNodeProviderChain();
const provider = 'es';
const keys: AwsCredentialIdentity = { accessKeyId: process.env.OS_KEY_ID!, secretAccessKey: process.env.OS_SECRET! };
export const signer = AwsSigv4Signer({ region: 'eu-west-1', service: provider, getCredentials: () => credentialProvider() });
      `,
            },
          ],
        },
      ],
    },
  ],
});
