/**
 * `no-static-credentials` on aws4fetch `AwsClient` for a host that is not AWS: the host is only known at
 * `client.fetch(url)` / `client.sign(url)`, so the client is followed to those calls. S3-compatible storage
 * (Cloudflare R2, MinIO) takes only static keys; an unknown URL, or one call for AWS, is still reported.
 */
import noStaticCredentials from '../../src/rules/no-static-credentials.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const KEYS = '{ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET }';

/** The report on `accessKeyId` of the `AwsClient` built on `line` (aws4fetch keeps the keys: no suggestion). */
function fixedKeys(code: string, line: number) {
  const column = code.split('\n')[line - 1]!.indexOf('accessKeyId: process.env.KEY_ID') + 1;
  return {
    messageId: 'staticFixedSignerCredentials' as const,
    data: { client: 'AwsClient' },
    line, column, endLine: line, endColumn: column + 'accessKeyId: process.env.KEY_ID'.length,
    suggestions: [],
  };
}

/** An SDK client beside an R2 `AwsClient`: the client signs for AWS, the `AwsClient` for R2. */
const BESIDE_S3 = `
import { AwsClient } from 'aws4fetch';
import { S3Client } from '@aws-sdk/client-s3';
const r2 = new AwsClient({ accessKeyId: process.env.R2_KEY_ID, secretAccessKey: process.env.R2_SECRET });
export const fromR2 = (key) => r2.fetch(\`https://account.r2.cloudflarestorage.com/bucket/\${key}\`);
export const s3 = new S3Client({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
`;

/** The report on the S3 client of \`BESIDE_S3\`, with its two suggestions. */
const besideS3 = {
  messageId: 'staticCredentials' as const,
  data: { client: 'S3Client' },
  line: 6, column: 34, endLine: 6, endColumn: 119,
  suggestions: [
    { messageId: 'removeCredentials' as const, output: BESIDE_S3.replace(/\{ credentials: .* \} \}\);/, '{});') },
    {
      messageId: 'useProviderChain' as const,
      output: BESIDE_S3.replace(
        "import { S3Client } from '@aws-sdk/client-s3';\n",
        "import { S3Client } from '@aws-sdk/client-s3';\nimport { fromNodeProviderChain } from '@aws-sdk/credential-providers';\n",
      ).replace(/\{ credentials: .* \} \}\);/, '{ credentials: fromNodeProviderChain() });'),
    },
  ],
};

const UNKNOWN_URL = `
import { AwsClient } from 'aws4fetch';
const aws = new AwsClient(${KEYS});
export const call = (url) => aws.fetch(url);
`;

const MIXED = `
import { AwsClient } from 'aws4fetch';
const aws = new AwsClient(${KEYS});
export const fromR2 = (key) => aws.fetch(\`https://account.r2.cloudflarestorage.com/bucket/\${key}\`);
export const fromS3 = (key) => aws.fetch(\`https://bucket.s3.eu-west-1.amazonaws.com/\${key}\`);
`;

const ESCAPES = `
import { AwsClient } from 'aws4fetch';
export const shared = new AwsClient(${KEYS});
shared.fetch('https://account.r2.cloudflarestorage.com/bucket/key');
const unused = new AwsClient(${KEYS});
const handed = new AwsClient(${KEYS});
await handed.fetch('https://account.r2.cloudflarestorage.com/bucket/key');
register(handed);
`;

const LOCAL = `
import { AwsClient } from 'aws4fetch';
const minio = new AwsClient(${KEYS});
export const get = (key) => minio.fetch(\`http://localhost:9000/bucket/\${key}\`);
`;

ruleTester.run('no-static-credentials (aws4fetch AwsClient hosts)', noStaticCredentials, {
  valid: [
    // Cloudflare R2: a template literal whose host is known at its end, for `fetch` and `sign`.
    `
import { AwsClient } from 'aws4fetch';
const r2 = new AwsClient({ accessKeyId: process.env.R2_ACCESS_KEY_ID, secretAccessKey: process.env.R2_SECRET_ACCESS_KEY });
export async function put(account, key, body) {
  return r2.fetch(\`https://\${account}.r2.cloudflarestorage.com/uploads/\${key}\`, { method: 'PUT', body });
}
export async function presign(key) {
  return r2.sign(\`https://account.r2.cloudflarestorage.com/uploads/\${key}?X-Amz-Expires=3600\`, { aws: { signQuery: true } });
}
    `,
    // MinIO on a host of its own, through a constant and `new URL(…)`, the client in a local binding.
    `
import { AwsClient } from 'aws4fetch';
const MINIO = 'https://minio.example.com';
export async function get(key) {
  const minio = new AwsClient({ accessKeyId: 'minio', secretAccessKey: 'minio-secret-key' });
  const response = await minio.fetch(new URL(\`\${MINIO}/bucket/\${key}\`));
  return response.text();
}
    `,
    // A local MinIO with \`allowLocalEndpoints\` (the default).
    LOCAL,
  ],
  invalid: [
    {
      // The SDK client is reported, the R2 `AwsClient` beside it is not.
      code: BESIDE_S3,
      errors: [besideS3],
    },
    {
      // A URL the file does not define: aws4fetch is mostly used for AWS services.
      code: UNKNOWN_URL,
      errors: [fixedKeys(UNKNOWN_URL, 3)],
    },
    {
      // One call for AWS among calls for R2.
      code: MIXED,
      errors: [fixedKeys(MIXED, 3)],
    },
    {
      // Exported, never called, handed to another function: calls the file does not show.
      code: ESCAPES,
      errors: [fixedKeys(ESCAPES, 3), fixedKeys(ESCAPES, 5), fixedKeys(ESCAPES, 6)],
    },
    {
      // A local host with `allowLocalEndpoints: false`.
      code: LOCAL,
      options: [{ allowLocalEndpoints: false }],
      errors: [fixedKeys(LOCAL, 3)],
    },
  ],
});

const REQUIRED = `
const { AwsClient } = require('aws4fetch');
const aws = new AwsClient(${KEYS});
module.exports = { aws };
`;

ruleTester.run('no-static-credentials (aws4fetch AwsClient hosts, CommonJS)', noStaticCredentials, {
  valid: [
    {
      code: `
const aws4fetch = require('aws4fetch');
const r2 = new aws4fetch.AwsClient(${KEYS});
async function put(key, body) {
  return r2.fetch('https://account.r2.cloudflarestorage.com/bucket/' + key, { method: 'PUT', body });
}
module.exports = { put };
      `,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      // The SDK client is reported, the R2 `AwsClient` beside it is not.
      code: `
const { AwsClient } = require('aws4fetch');
const { S3Client } = require('@aws-sdk/client-s3');
const r2 = new AwsClient({ accessKeyId: process.env.R2_KEY_ID, secretAccessKey: process.env.R2_SECRET });
const fromR2 = (key) => r2.fetch(\`https://account.r2.cloudflarestorage.com/bucket/\${key}\`);
module.exports = { fromR2, s3: new S3Client({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } }) };
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'staticCredentials',
          data: { client: 'S3Client' },
          line: 6, column: 47, endLine: 6, endColumn: 132,
          suggestions: [
            {
              messageId: 'removeCredentials',
              output: `
const { AwsClient } = require('aws4fetch');
const { S3Client } = require('@aws-sdk/client-s3');
const r2 = new AwsClient({ accessKeyId: process.env.R2_KEY_ID, secretAccessKey: process.env.R2_SECRET });
const fromR2 = (key) => r2.fetch(\`https://account.r2.cloudflarestorage.com/bucket/\${key}\`);
module.exports = { fromR2, s3: new S3Client({}) };
`,
            },
            {
              messageId: 'useProviderChain',
              output: `
const { AwsClient } = require('aws4fetch');
const { S3Client } = require('@aws-sdk/client-s3');
const { fromNodeProviderChain } = require('@aws-sdk/credential-providers');
const r2 = new AwsClient({ accessKeyId: process.env.R2_KEY_ID, secretAccessKey: process.env.R2_SECRET });
const fromR2 = (key) => r2.fetch(\`https://account.r2.cloudflarestorage.com/bucket/\${key}\`);
module.exports = { fromR2, s3: new S3Client({ credentials: fromNodeProviderChain() }) };
`,
            },
          ],
        },
      ],
    },
    {
      // The client itself exported through an object.
      code: REQUIRED,
      languageOptions: commonjs,
      errors: [fixedKeys(REQUIRED, 3)],
    },
  ],
});

const TS_UNKNOWN = `
import { AwsClient } from 'aws4fetch';
export class Storage {
  private client = new AwsClient(${KEYS});
  get(url: string): Promise<Response> {
    return this.client.fetch(url);
  }
}
`;

tsRuleTester.run('no-static-credentials (aws4fetch AwsClient hosts, TypeScript)', noStaticCredentials, {
  valid: [
    // A class field, `as`, and a client read through \`this\`.
    `
import { AwsClient } from 'aws4fetch';
export class Storage {
  private client: AwsClient;
  constructor() {
    this.client = new AwsClient(${KEYS}) as AwsClient;
  }
  get(key: string): Promise<Response> {
    return this.client.fetch(\`https://account.r2.cloudflarestorage.com/bucket/\${key}\`);
  }
}
    `,
  ],
  invalid: [
    {
      code: BESIDE_S3,
      errors: [besideS3],
    },
    {
      code: TS_UNKNOWN,
      errors: [fixedKeys(TS_UNKNOWN, 4)],
    },
  ],
});
