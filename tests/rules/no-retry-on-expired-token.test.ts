import rule from '../../src/rules/no-retry-on-expired-token.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const STATIC = `credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }`;

const retried = (client: string, kind: string) => ({ messageId: 'retryWithSameCredentials' as const, data: { client, kind } });

ruleTester.run('no-retry-on-expired-token', rule, {
  valid: [
    // No `credentials`: the default chain refreshes, and a retry picks up the new keys.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({});
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.name === 'ExpiredToken') return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    throw err;
  }
}
    `,
    // A client built with an SDK provider: it resolves new keys once the old ones expire.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const client = new S3Client({ credentials: fromNodeProviderChain() });
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.name === 'ExpiredTokenException') return client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    throw err;
  }
}
    `,
    // A provider function the file defines: the client calls it again for new keys.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({});
const client = new S3Client({
  credentials: async () => {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
    return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken, expiration: Credentials.Expiration };
  },
});
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.name === 'ExpiredToken') return client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    throw err;
  }
}
    `,
    // The retry builds a new client from a provider: it does not send through the old credentials.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.name === 'ExpiredToken') {
      const fresh = new S3Client({ credentials: fromIni({ profile: 'app' }) });
      return fresh.send(new GetObjectCommand({ Bucket: 'b', Key }));
    }
    throw err;
  }
}
    `,
    // The retry builds a fresh provider and a client around it, then sends through the rebuilt binding.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
let client = new S3Client({ ${STATIC} });
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.name === 'ExpiredToken') {
      client = new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/r' } }) });
      return client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    }
    throw err;
  }
}
    `,
    // New temporary keys fetched in the \`catch\` before the retry: the file refreshes them by hand.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({});
let { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
let client = makeClient();
function makeClient() {
  return new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken } });
}
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.name !== 'ExpiredToken') throw err;
    ({ Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' })));
    client = makeClient();
    return client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  }
}
    `,
    // A catch that logs and rethrows: nothing is sent again.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.name === 'ExpiredToken') {
      console.error('credentials expired', err);
    }
    throw err;
  }
}
    `,
    // Only other errors are retried: the expired path throws.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.name === 'ExpiredToken') throw new Error('credentials expired', { cause: err });
    return client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  }
}
    `,
    // A retry loop whose expired path leaves the loop.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    } catch (err) {
      if (err.name === 'ExpiredToken') break;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  return undefined;
}
    `,
    // A loop whose \`catch\` tests for the code and still throws at its end: the loop never runs again on it.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  while (true) {
    try {
      return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    } catch (err) {
      if (err.name === 'ExpiredToken') console.warn('expired');
      throw err;
    }
  }
}
    `,
    // Another code: throttling is worth retrying.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.name === 'ThrottlingException') return client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    throw err;
  }
}
    `,
    // \`RequestExpired\` is clock skew to v3: the SDK corrects its offset, and a retry can succeed.
    `
import { EC2Client, DescribeInstancesCommand } from '@aws-sdk/client-ec2';
const ec2 = new EC2Client({ ${STATIC} });
export async function list() {
  try {
    return await ec2.send(new DescribeInstancesCommand({}));
  } catch (err) {
    if (err.name === 'RequestExpired') return ec2.send(new DescribeInstancesCommand({}));
    throw err;
  }
}
    `,
    // The test does not read the caught error.
    `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
let lastFailure = '';
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (lastFailure === 'ExpiredToken') return client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    lastFailure = String(err.name);
    throw err;
  }
}
    `,
    // A client the file does not build (a parameter): its credentials are unknown.
    `
import { GetObjectCommand } from '@aws-sdk/client-s3';
export async function get(client, Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.name === 'ExpiredToken') return client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    throw err;
  }
}
    `,
    // Test files are skipped by default.
    {
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
try {
  await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
} catch (err) {
  if (err.name === 'ExpiredToken') await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
}
      `,
      filename: 'src/__tests__/get.test.js',
    },
  ],
  invalid: [
    {
      // ESM named imports, a static object, the retry in the \`if\`.
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.name === 'ExpiredToken') {
      return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    }
    throw err;
  }
}
      `,
      errors: [{ ...retried('S3Client', 'static'), line: 9, column: 20, endLine: 9, endColumn: 75 }],
    },
    {
      // A namespace import, credentials copied from an STS response, `ExpiredTokenException` through `err.Code`.
      code: `
import * as s3 from '@aws-sdk/client-s3';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
const client = new s3.S3Client({
  credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken },
});
export async function get(Key) {
  try {
    return await client.send(new s3.GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.Code === 'ExpiredTokenException') return client.send(new s3.GetObjectCommand({ Bucket: 'b', Key }));
    throw err;
  }
}
      `,
      errors: [{ ...retried('S3Client', 'resolved once'), line: 12, column: 54, endLine: 12, endColumn: 112 }],
    },
    {
      // A retry loop: the expired path falls off the end of the \`catch\`, and the loop sends again.
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    } catch (err) {
      if (err.name !== 'ExpiredToken') throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  throw new Error('gave up');
}
      `,
      errors: [{ ...retried('S3Client', 'static'), line: 7, column: 20, endLine: 7, endColumn: 75 }],
    },
    {
      // \`while (true)\` with \`continue\` on the expired path.
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  while (true) {
    try {
      return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    } catch (err) {
      if (String(err).includes('ExpiredToken')) continue;
      throw err;
    }
  }
}
      `,
      errors: [{ ...retried('S3Client', 'static'), line: 7, column: 20, endLine: 7, endColumn: 75 }],
    },
    {
      // The function calls itself again: its own send runs through the same client.
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    if (err.message.includes('ExpiredToken')) return get(Key);
    throw err;
  }
}
      `,
      errors: [{ ...retried('S3Client', 'static'), line: 6, column: 18, endLine: 6, endColumn: 73 }],
    },
    {
      // A \`switch\` on the code, grouped cases, a client kept in a class field, a retry helper.
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
async function withBackoff(fn) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  return fn();
}
export class Store {
  constructor() {
    this.client = new S3Client({ ${STATIC} });
  }
  async get(Key) {
    try {
      return await this.client.send(new GetObjectCommand({ Bucket: 'b', Key }));
    } catch (err) {
      switch (err.name) {
        case 'ExpiredToken':
        case 'ExpiredTokenException':
          return withBackoff(() => this.client.send(new GetObjectCommand({ Bucket: 'b', Key })));
        default:
          throw err;
      }
    }
  }
}
      `,
      errors: [{ ...retried('S3Client', 'static'), line: 18, column: 36, endLine: 18, endColumn: 96 }],
    },
    {
      // The code copied into a variable, a list of codes, a ternary.
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const EXPIRED = ['ExpiredToken', 'ExpiredTokenException'];
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    const code = err.name;
    return EXPIRED.includes(code) ? client.send(new GetObjectCommand({ Bucket: 'b', Key })) : Promise.reject(err);
  }
}
      `,
      errors: [{ ...retried('S3Client', 'static'), line: 10, column: 37, endLine: 10, endColumn: 92 }],
    },
    {
      // `instanceof ExpiredTokenException`, CommonJS `require` destructured, a provider awaited once.
      code: `
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const { ExpiredTokenException } = require('@aws-sdk/client-sts');
const { fromIni } = require('@aws-sdk/credential-providers');
async function main() {
  const client = new S3Client({ credentials: await fromIni({ profile: 'app' })() });
  try {
    return await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
  } catch (err) {
    if (err instanceof ExpiredTokenException) return client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    throw err;
  }
}
main();
      `,
      languageOptions: commonjs,
      errors: [{ ...retried('S3Client', 'resolved once'), line: 10, column: 54, endLine: 10, endColumn: 114 }],
    },
    {
      // CommonJS `require` kept as a member, `&&` on the expired path.
      code: `
const s3 = require('@aws-sdk/client-s3');
const client = new s3.S3Client({ ${STATIC} });
exports.get = async (Key) => {
  try {
    return await client.send(new s3.GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err) {
    return err.name === 'ExpiredToken' && client.send(new s3.GetObjectCommand({ Bucket: 'b', Key }));
  }
};
      `,
      languageOptions: commonjs,
      errors: [{ ...retried('S3Client', 'static'), line: 8, column: 43, endLine: 8, endColumn: 101 }],
    },
    {
      // Dynamic `await import()`, a regular expression.
      code: `
const { S3Client, GetObjectCommand } = await import('@aws-sdk/client-s3');
const client = new S3Client({ ${STATIC} });
try {
  await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
} catch (err) {
  if (/ExpiredToken/.test(err.name)) await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
}
      `,
      errors: [{ ...retried('S3Client', 'static'), line: 7, column: 44, endLine: 7, endColumn: 104 }],
    },
    {
      // v2: top-level keys, `err.code`, `.promise()`.
      code: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
async function get(Key) {
  try {
    return await s3.getObject({ Bucket: 'b', Key }).promise();
  } catch (err) {
    if (err.code === 'ExpiredToken') return s3.getObject({ Bucket: 'b', Key }).promise();
    throw err;
  }
}
module.exports = { get };
      `,
      languageOptions: commonjs,
      errors: [{ ...retried('AWS.S3', 'static'), line: 8, column: 45, endLine: 8, endColumn: 79 }],
    },
    {
      // v2 per-service module, `new AWS.Credentials(…)`.
      code: `
const AWS = require('aws-sdk');
const S3 = require('aws-sdk/clients/s3');
const s3 = new S3({ credentials: new AWS.Credentials('AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY') });
async function get(Key) {
  try {
    return await s3.getObject({ Bucket: 'b', Key }).promise();
  } catch (err) {
    if (err.code === 'ExpiredTokenException') return s3.getObject({ Bucket: 'b', Key }).promise();
    throw err;
  }
}
module.exports = { get };
      `,
      languageOptions: commonjs,
      errors: [{ ...retried('aws-sdk/clients/s3', 'static'), line: 9, column: 54, endLine: 9, endColumn: 88 }],
    },
    {
      // Nested \`catch\` clauses that both let the loop send the same request again: one report.
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
export async function get(Key) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      try {
        return await client.send(new GetObjectCommand({ Bucket: 'b', Key }));
      } catch (err) {
        if (err.name !== 'ExpiredToken') throw err;
      }
    } catch (outer) {
      if (outer.name === 'ExpiredTokenException') continue;
      throw outer;
    }
  }
  return undefined;
}
      `,
      errors: [{ ...retried('S3Client', 'static'), line: 8, column: 22, endLine: 8, endColumn: 77 }],
    },
    {
      // `checkTestFiles` turns the rule on in test files.
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client({ ${STATIC} });
try {
  await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
} catch (err) {
  if (err.name === 'ExpiredToken') await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
}
      `,
      filename: 'src/__tests__/get.test.js',
      options: [{ checkTestFiles: true }],
      errors: [{ ...retried('S3Client', 'static'), line: 7, column: 42, endLine: 7, endColumn: 102 }],
    },
  ],
});

tsRuleTester.run('no-retry-on-expired-token (TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      // `import x = require()`, a cast around the error and the client.
      code: `
import s3 = require('@aws-sdk/client-s3');
const client = new s3.S3Client({ ${STATIC} });
export async function get(Key: string): Promise<unknown> {
  try {
    return await client.send(new s3.GetObjectCommand({ Bucket: 'b', Key }));
  } catch (err: unknown) {
    if ((err as Error).name === 'ExpiredToken') return (client as s3.S3Client).send(new s3.GetObjectCommand({ Bucket: 'b', Key }));
    throw err;
  }
}
      `,
      errors: [{ ...retried('S3Client', 'static'), line: 8, column: 56, endLine: 8, endColumn: 131 }],
    },
  ],
});
