import rule from '../../src/rules/valid-presign-expiry.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const requireDeclared = { globals: { require: 'readonly' } } as const;
const oneHour = { key: 'expiresIn', seconds: '3600', duration: '1 hour' };
const oneHourExpires = { key: 'Expires', seconds: '3600', duration: '1 hour' };

ruleTester.run(rule.name, rule, {
  valid: [
    // Expiries within an hour, the default (900 seconds), and values the file does not define.
    `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { linkTtl } from './settings.js';
const s3 = new S3Client({});
const command = new GetObjectCommand({ Bucket: 'reports', Key: 'daily.csv' });
await getSignedUrl(s3, command, { expiresIn: 3600 });
await getSignedUrl(s3, command, { expiresIn: 15 * 60 });
await getSignedUrl(s3, command);
await getSignedUrl(s3, command, { expiresIn: linkTtl });
export const sign = (seconds) => getSignedUrl(s3, command, { expiresIn: seconds });
    `,
    // A client with long-term keys (no session token): its URLs may last up to 7 days.
    `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({
  credentials: { accessKeyId: process.env.LINKS_KEY_ID, secretAccessKey: process.env.LINKS_SECRET },
});
await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 7 * 24 * 3600 });
    `,
    // v2: the callback and promise forms refresh credentials first; an `Expires` within 7 days.
    `
import AWS from 'aws-sdk';
const s3 = new AWS.S3();
s3.getSignedUrl('getObject', { Bucket: 'b', Key: 'k' }, (error, url) => console.log(error ?? url));
export const link = (key) => s3.getSignedUrlPromise('getObject', { Bucket: 'b', Key: key, Expires: 86400 });
    `,
    // v2 synchronous signing with long-term static keys is what the SDK documents it for.
    {
      code: `
const S3 = require('aws-sdk/clients/s3');
const s3 = new S3({ accessKeyId: process.env.LINKS_KEY_ID, secretAccessKey: process.env.LINKS_SECRET });
module.exports.link = (key) => s3.getSignedUrl('getObject', { Bucket: 'b', Key: key });
      `,
      languageOptions: commonjs,
    },
    // Receivers the file does not define: a parameter, an import, a variable written twice.
    `
import AWS from 'aws-sdk';
import { s3 as shared } from './clients.js';
export function link(s3, key) {
  return s3.getSignedUrl('getObject', { Bucket: 'b', Key: key });
}
shared.getSignedUrl('getObject', { Bucket: 'b', Key: 'k' });
let current = new AWS.S3();
current = shared;
current.getSignedUrl('getObject', { Bucket: 'b', Key: 'k' });
    `,
    // Look-alikes: the CloudFront signer (v2 and v3), a v3 aggregated S3 client, a local getSignedUrl.
    `
import AWS from 'aws-sdk';
import { S3 } from '@aws-sdk/client-s3';
import { getSignedUrl as cloudFrontUrl } from '@aws-sdk/cloudfront-signer';
const signer = new AWS.CloudFront.Signer(process.env.KEY_PAIR_ID, process.env.PRIVATE_KEY);
signer.getSignedUrl({ url: 'https://cdn.example.com/a.png', expires: 1_900_000_000 }, (error, url) => url);
cloudFrontUrl({ url: 'https://cdn.example.com/a.png', dateLessThan: '2030-01-01', expiresIn: 864000 });
new S3({}).getSignedUrl('getObject', { Bucket: 'b', Key: 'k' });
function getSignedUrl(client, command, options) {
  return \`\${client}/\${command}?ttl=\${options.expiresIn}\`;
}
getSignedUrl('s3', 'get', { expiresIn: 864000 });
    `,
    // A shadowed \`require\` is not the module loader.
    {
      code: `
function link(require, s3, command) {
  const { getSignedUrl } = require('@aws-sdk/s3-request-presigner');
  return getSignedUrl(s3, command, { expiresIn: 864000 });
}
      `,
      languageOptions: commonjs,
    },
    // createPresignedPost: the default `Expires` (3600 seconds), a short one, an hour through a variable, values the
    // file does not define.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { uploadWindow } from './settings.js';
const s3 = new S3Client({});
await createPresignedPost(s3, { Bucket: 'uploads', Key: 'a.png' });
await createPresignedPost(s3, { Bucket: 'uploads', Key: 'b.png', Expires: 900 });
await createPresignedPost(s3, { Bucket: 'uploads', Key: 'c.png', Expires: uploadWindow });
const options = { Bucket: 'uploads', Key: 'd.png', Expires: 60 * 60 };
await createPresignedPost(s3, options);
export const post = (Key, Expires) => createPresignedPost(s3, { Bucket: 'uploads', Key, Expires });
    `,
    // createPresignedPost with long-term keys: a policy of up to 7 days.
    `
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
const s3 = new S3Client({
  credentials: { accessKeyId: process.env.UPLOAD_KEY_ID, secretAccessKey: process.env.UPLOAD_SECRET },
});
await createPresignedPost(s3, { Bucket: 'uploads', Key: 'a.png', Expires: 7 * 24 * 3600 });
    `,
    // v2 createPresignedPost: the default, the synchronous form with 10 minutes, long-term keys with 2 days.
    `
import AWS from 'aws-sdk';
const s3 = new AWS.S3();
s3.createPresignedPost({ Bucket: 'uploads', Fields: { key: 'a.png' } }, (error, data) => console.log(error ?? data));
export const form = () => s3.createPresignedPost({ Bucket: 'uploads', Fields: { key: 'b.png' }, Expires: 600 });
const keyed = new AWS.S3({ accessKeyId: process.env.UPLOAD_KEY_ID, secretAccessKey: process.env.UPLOAD_SECRET });
keyed.createPresignedPost({ Bucket: 'uploads', Expires: 2 * 86400 }, (error, data) => data);
    `,
    // A local createPresignedPost is not the SDK's.
    `
import { S3Client } from '@aws-sdk/client-s3';
function createPresignedPost(client, options) {
  return { client, options };
}
createPresignedPost(new S3Client({}), { Bucket: 'b', Key: 'k', Expires: 864000 });
    `,
  ],
  invalid: [
    {
      // Long-term keys may sign for the full 7 days, so both bounds are offered past it.
      code: `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({ credentials: { accessKeyId: id, secretAccessKey: secret } });
getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 691200 });
      `,
      output: null,
      errors: [
        {
          messageId: 'expiryTooLong',
          data: { key: 'expiresIn', seconds: '691200', duration: '8 days' },
          line: 5, column: 69, endLine: 5, endColumn: 86,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHour,
              output: `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({ credentials: { accessKeyId: id, secretAccessKey: secret } });
getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 3600 });
      `,
            },
            {
              messageId: 'clampExpiry',
              data: { key: 'expiresIn', seconds: '604800', duration: '7 days' },
              output: `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({ credentials: { accessKeyId: id, secretAccessKey: secret } });
getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 604800 });
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM named import: more than 7 days, the signer throws. Only 1 hour is offered: 7 days would still outlive
      // the temporary credentials, and the rule would report it again.
      code: `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({ region: 'eu-west-1' });
export const share = (key) =>
  getSignedUrl(s3, new GetObjectCommand({ Bucket: 'shares', Key: key }), { expiresIn: 8 * 24 * 3600 });
      `,
      output: null,
      errors: [
        {
          messageId: 'expiryTooLong',
          data: { key: 'expiresIn', seconds: '691200', duration: '8 days' },
          line: 6, column: 76, endLine: 6, endColumn: 100,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHour,
              output: `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({ region: 'eu-west-1' });
export const share = (key) =>
  getSignedUrl(s3, new GetObjectCommand({ Bucket: 'shares', Key: key }), { expiresIn: 3600 });
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM aliased import: a day outlives temporary credentials.
      code: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl as presign } from '@aws-sdk/s3-request-presigner';
const url = await presign(new S3Client({}), new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 86400 });
      `,
      output: null,
      errors: [
        {
          messageId: 'expiryOutlivesCredentials',
          data: { key: 'expiresIn', seconds: '86400', duration: '1 day' },
          line: 4, column: 96, endLine: 4, endColumn: 112,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHour,
              output: `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl as presign } from '@aws-sdk/s3-request-presigner';
const url = await presign(new S3Client({}), new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 3600 });
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM namespace import; options shared by two calls are reported once, where they are written.
      code: `
import * as presigner from '@aws-sdk/s3-request-presigner';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
const LINK_OPTIONS = { expiresIn: 2 * 60 * 60 };
export const download = (Key) => presigner.getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key }), LINK_OPTIONS);
export const upload = (Key) => presigner.getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key }), LINK_OPTIONS);
      `,
      output: null,
      errors: [
        {
          messageId: 'expiryOutlivesCredentials',
          data: { key: 'expiresIn', seconds: '7200', duration: '2 hours' },
          line: 5, column: 24, endLine: 5, endColumn: 46,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHour,
              output: `
import * as presigner from '@aws-sdk/s3-request-presigner';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
const LINK_OPTIONS = { expiresIn: 3600 };
export const download = (Key) => presigner.getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key }), LINK_OPTIONS);
export const upload = (Key) => presigner.getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key }), LINK_OPTIONS);
      `,
            },
          ],
        },
      ],
    },
    {
      // require declared (CommonJS), destructuring; a shorthand property is expanded by the suggestion.
      code: `
const { getSignedUrl } = require('@aws-sdk/s3-request-presigner');
const { GetObjectCommand, S3Client } = require('@aws-sdk/client-s3');
const expiresIn = 12 * 60 * 60;
exports.link = (Key) => getSignedUrl(new S3Client({}), new GetObjectCommand({ Bucket: 'b', Key }), { expiresIn });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'expiryOutlivesCredentials',
          data: { key: 'expiresIn', seconds: '43200', duration: '12 hours' },
          line: 5, column: 102, endLine: 5, endColumn: 111,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHour,
              output: `
const { getSignedUrl } = require('@aws-sdk/s3-request-presigner');
const { GetObjectCommand, S3Client } = require('@aws-sdk/client-s3');
const expiresIn = 12 * 60 * 60;
exports.link = (Key) => getSignedUrl(new S3Client({}), new GetObjectCommand({ Bucket: 'b', Key }), { expiresIn: 3600 });
      `,
            },
          ],
        },
      ],
    },
    {
      // require declared as a global, aliased destructuring: one second past the limit.
      code: `
const { getSignedUrl: presign } = require('@aws-sdk/s3-request-presigner');
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
presign(new S3Client({}), new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 604801 });
      `,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'expiryTooLong',
          data: { key: 'expiresIn', seconds: '604801', duration: '604801 seconds' },
          line: 4, column: 78, endLine: 4, endColumn: 95,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHour,
              output: `
const { getSignedUrl: presign } = require('@aws-sdk/s3-request-presigner');
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
presign(new S3Client({}), new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 3600 });
      `,
            },
          ],
        },
      ],
    },
    {
      // require not declared, member access; \`await import()\` destructuring.
      code: `
const presigner = require('@aws-sdk/s3-request-presigner');
const { S3Client, GetObjectCommand } = await import('@aws-sdk/client-s3');
const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
const s3 = new S3Client({});
await presigner.getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'a' }), { expiresIn: 5400 });
await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'b' }), { expiresIn: 21600 });
      `,
      output: null,
      errors: [
        {
          messageId: 'expiryOutlivesCredentials',
          data: { key: 'expiresIn', seconds: '5400', duration: '90 minutes' },
          line: 6, column: 85, endLine: 6, endColumn: 100,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHour,
              output: `
const presigner = require('@aws-sdk/s3-request-presigner');
const { S3Client, GetObjectCommand } = await import('@aws-sdk/client-s3');
const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
const s3 = new S3Client({});
await presigner.getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'a' }), { expiresIn: 3600 });
await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'b' }), { expiresIn: 21600 });
      `,
            },
          ],
        },
        {
          messageId: 'expiryOutlivesCredentials',
          data: { key: 'expiresIn', seconds: '21600', duration: '6 hours' },
          line: 7, column: 75, endLine: 7, endColumn: 91,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHour,
              output: `
const presigner = require('@aws-sdk/s3-request-presigner');
const { S3Client, GetObjectCommand } = await import('@aws-sdk/client-s3');
const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
const s3 = new S3Client({});
await presigner.getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'a' }), { expiresIn: 5400 });
await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'b' }), { expiresIn: 3600 });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 default import: synchronous signing inside an async function; the suggestion awaits the promise form.
      code: `
import AWS from 'aws-sdk';
const s3 = new AWS.S3({ signatureVersion: 'v4' });
export async function downloadLink(key) {
  const url = s3.getSignedUrl('getObject', { Bucket: 'reports', Key: key, Expires: 300 });
  return { url };
}
      `,
      output: null,
      errors: [
        {
          messageId: 'syncGetSignedUrl',
          data: { method: 's3.getSignedUrl' },
          line: 5, column: 15, endLine: 5, endColumn: 30,
          suggestions: [
            {
              messageId: 'useGetSignedUrlPromise',
              data: { object: 's3' },
              output: `
import AWS from 'aws-sdk';
const s3 = new AWS.S3({ signatureVersion: 'v4' });
export async function downloadLink(key) {
  const url = await s3.getSignedUrlPromise('getObject', { Bucket: 'reports', Key: key, Expires: 300 });
  return { url };
}
      `,
            },
          ],
        },
      ],
    },
    {
      // Not in an async function: no suggestion, since \`await\` would not parse there.
      code: `
import AWS from 'aws-sdk';
const s3 = new AWS.S3();
export function downloadLink(key) {
  return s3.getSignedUrl('getObject', { Bucket: 'reports', Key: key });
}
      `,
      output: null,
      errors: [
        {
          messageId: 'syncGetSignedUrl',
          data: { method: 's3.getSignedUrl' },
          line: 5, column: 10, endLine: 5, endColumn: 25,
          suggestions: [],
        },
      ],
    },
    {
      // v2 named import, called on the construction; the chained call needs parentheses around the await.
      code: `
import { S3 } from 'aws-sdk';
export const uploadLink = async (key) => new S3().getSignedUrl('putObject', { Bucket: 'b', Key: key }).replace('http:', 'https:');
      `,
      output: null,
      errors: [
        {
          messageId: 'syncGetSignedUrl',
          data: { method: 'new S3().getSignedUrl' },
          line: 3, column: 42, endLine: 3, endColumn: 63,
          suggestions: [
            {
              messageId: 'useGetSignedUrlPromise',
              data: { object: 'new S3()' },
              output: `
import { S3 } from 'aws-sdk';
export const uploadLink = async (key) => (await new S3().getSignedUrlPromise('putObject', { Bucket: 'b', Key: key })).replace('http:', 'https:');
      `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS per-service module: the synchronous form with an \`Expires\` past 7 days, reported twice.
      code: `
const S3 = require('aws-sdk/clients/s3');
const s3 = new S3();
const WEEK_AND_A_DAY = 8 * 86400;
module.exports.handler = async (event) => ({
  url: s3.getSignedUrl('getObject', { Bucket: 'b', Key: event.key, Expires: WEEK_AND_A_DAY }),
});
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'syncGetSignedUrl',
          data: { method: 's3.getSignedUrl' },
          line: 6, column: 8, endLine: 6, endColumn: 23,
          suggestions: [
            {
              messageId: 'useGetSignedUrlPromise',
              data: { object: 's3' },
              output: `
const S3 = require('aws-sdk/clients/s3');
const s3 = new S3();
const WEEK_AND_A_DAY = 8 * 86400;
module.exports.handler = async (event) => ({
  url: await s3.getSignedUrlPromise('getObject', { Bucket: 'b', Key: event.key, Expires: WEEK_AND_A_DAY }),
});
      `,
            },
          ],
        },
        {
          messageId: 'expiryTooLong',
          data: { key: 'Expires', seconds: '691200', duration: '8 days' },
          line: 6, column: 68, endLine: 6, endColumn: 91,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHourExpires,
              output: `
const S3 = require('aws-sdk/clients/s3');
const s3 = new S3();
const WEEK_AND_A_DAY = 8 * 86400;
module.exports.handler = async (event) => ({
  url: s3.getSignedUrl('getObject', { Bucket: 'b', Key: event.key, Expires: 3600 }),
});
      `,
            },
            {
              messageId: 'clampExpiry',
              data: { key: 'Expires', seconds: '604800', duration: '7 days' },
              output: `
const S3 = require('aws-sdk/clients/s3');
const s3 = new S3();
const WEEK_AND_A_DAY = 8 * 86400;
module.exports.handler = async (event) => ({
  url: s3.getSignedUrl('getObject', { Bucket: 'b', Key: event.key, Expires: 604800 }),
});
      `,
            },
          ],
        },
      ],
    },
    {
      // The promise form with an \`Expires\` past 7 days, through a declared require.
      code: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3();
async function archiveLink(Key) {
  return s3.getSignedUrlPromise('getObject', { Bucket: 'archive', Key, Expires: 30 * 86400 });
}
      `,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'expiryTooLong',
          data: { key: 'Expires', seconds: '2592000', duration: '30 days' },
          line: 5, column: 72, endLine: 5, endColumn: 91,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHourExpires,
              output: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3();
async function archiveLink(Key) {
  return s3.getSignedUrlPromise('getObject', { Bucket: 'archive', Key, Expires: 3600 });
}
      `,
            },
            {
              messageId: 'clampExpiry',
              data: { key: 'Expires', seconds: '604800', duration: '7 days' },
              output: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3();
async function archiveLink(Key) {
  return s3.getSignedUrlPromise('getObject', { Bucket: 'archive', Key, Expires: 604800 });
}
      `,
            },
          ],
        },
      ],
    },
    {
      // createPresignedPost, ESM named import: a day outlives the temporary credentials whose token the fields carry.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
export const uploadForm = (Key) =>
  createPresignedPost(new S3Client({}), { Bucket: 'uploads', Key, Expires: 86400 });
      `,
      output: null,
      errors: [
        {
          messageId: 'postExpiryOutlivesCredentials',
          data: { key: 'Expires', seconds: '86400', duration: '1 day' },
          line: 5, column: 67, endLine: 5, endColumn: 81,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHourExpires,
              output: `
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
export const uploadForm = (Key) =>
  createPresignedPost(new S3Client({}), { Bucket: 'uploads', Key, Expires: 3600 });
      `,
            },
          ],
        },
      ],
    },
    {
      // Namespace import; the options through a variable, `Expires` from a constant, shared by two calls: one report.
      code: `
import * as presignedPost from '@aws-sdk/s3-presigned-post';
import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({ region: 'eu-west-1' });
const UPLOAD_WINDOW = 6 * 60 * 60;
const formOptions = {
  Bucket: 'uploads',
  Key: 'avatars/\${filename}',
  Conditions: [['content-length-range', 0, 10_485_760]],
  Expires: UPLOAD_WINDOW,
};
export const avatarForm = () => presignedPost.createPresignedPost(s3, formOptions);
export const avatarFormAgain = () => presignedPost.createPresignedPost(s3, formOptions);
      `,
      output: null,
      errors: [
        {
          messageId: 'postExpiryOutlivesCredentials',
          data: { key: 'Expires', seconds: '21600', duration: '6 hours' },
          line: 10, column: 3, endLine: 10, endColumn: 25,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHourExpires,
              output: `
import * as presignedPost from '@aws-sdk/s3-presigned-post';
import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({ region: 'eu-west-1' });
const UPLOAD_WINDOW = 6 * 60 * 60;
const formOptions = {
  Bucket: 'uploads',
  Key: 'avatars/\${filename}',
  Conditions: [['content-length-range', 0, 10_485_760]],
  Expires: 3600,
};
export const avatarForm = () => presignedPost.createPresignedPost(s3, formOptions);
export const avatarFormAgain = () => presignedPost.createPresignedPost(s3, formOptions);
      `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, aliased destructuring; long-term keys past 7 days: the SDK signs, S3 stops accepting it at 7 days.
      code: `
const { createPresignedPost: presignPost } = require('@aws-sdk/s3-presigned-post');
const { S3Client } = require('@aws-sdk/client-s3');
const s3 = new S3Client({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
exports.form = (Key) => presignPost(s3, { Bucket: 'uploads', Key, Expires: 8 * 86400 });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'postExpiryPastSignatureAge',
          data: { key: 'Expires', seconds: '691200', duration: '8 days' },
          line: 5, column: 67, endLine: 5, endColumn: 85,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHourExpires,
              output: `
const { createPresignedPost: presignPost } = require('@aws-sdk/s3-presigned-post');
const { S3Client } = require('@aws-sdk/client-s3');
const s3 = new S3Client({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
exports.form = (Key) => presignPost(s3, { Bucket: 'uploads', Key, Expires: 3600 });
      `,
            },
            {
              messageId: 'clampExpiry',
              data: { key: 'Expires', seconds: '604800', duration: '7 days' },
              output: `
const { createPresignedPost: presignPost } = require('@aws-sdk/s3-presigned-post');
const { S3Client } = require('@aws-sdk/client-s3');
const s3 = new S3Client({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
exports.form = (Key) => presignPost(s3, { Bucket: 'uploads', Key, Expires: 604800 });
      `,
            },
          ],
        },
      ],
    },
    {
      // require not declared, member access; \`await import()\` destructuring.
      code: `
const presignedPost = require('@aws-sdk/s3-presigned-post');
const { S3Client } = await import('@aws-sdk/client-s3');
const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
const s3 = new S3Client({});
await presignedPost.createPresignedPost(s3, { Bucket: 'b', Key: 'a', Expires: 5400 });
await createPresignedPost(s3, { Bucket: 'b', Key: 'b', Expires: 12 * 3600 });
      `,
      output: null,
      errors: [
        {
          messageId: 'postExpiryOutlivesCredentials',
          data: { key: 'Expires', seconds: '5400', duration: '90 minutes' },
          line: 6, column: 70, endLine: 6, endColumn: 83,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHourExpires,
              output: `
const presignedPost = require('@aws-sdk/s3-presigned-post');
const { S3Client } = await import('@aws-sdk/client-s3');
const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
const s3 = new S3Client({});
await presignedPost.createPresignedPost(s3, { Bucket: 'b', Key: 'a', Expires: 3600 });
await createPresignedPost(s3, { Bucket: 'b', Key: 'b', Expires: 12 * 3600 });
      `,
            },
          ],
        },
        {
          messageId: 'postExpiryOutlivesCredentials',
          data: { key: 'Expires', seconds: '43200', duration: '12 hours' },
          line: 7, column: 56, endLine: 7, endColumn: 74,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHourExpires,
              output: `
const presignedPost = require('@aws-sdk/s3-presigned-post');
const { S3Client } = await import('@aws-sdk/client-s3');
const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
const s3 = new S3Client({});
await presignedPost.createPresignedPost(s3, { Bucket: 'b', Key: 'a', Expires: 5400 });
await createPresignedPost(s3, { Bucket: 'b', Key: 'b', Expires: 3600 });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 createPresignedPost, the callback form: two hours outlive temporary credentials.
      code: `
import AWS from 'aws-sdk';
const s3 = new AWS.S3();
export function uploadForm(key, done) {
  s3.createPresignedPost({ Bucket: 'uploads', Fields: { key }, Expires: 7200 }, done);
}
      `,
      output: null,
      errors: [
        {
          messageId: 'postExpiryOutlivesCredentials',
          data: { key: 'Expires', seconds: '7200', duration: '2 hours' },
          line: 5, column: 64, endLine: 5, endColumn: 77,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHourExpires,
              output: `
import AWS from 'aws-sdk';
const s3 = new AWS.S3();
export function uploadForm(key, done) {
  s3.createPresignedPost({ Bucket: 'uploads', Fields: { key }, Expires: 3600 }, done);
}
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 per-service module, the synchronous form; params through a variable, \`Expires\` from a constant.
      code: `
const S3 = require('aws-sdk/clients/s3');
const s3 = new S3();
const THIRTY_DAYS = 30 * 86400;
const params = { Bucket: 'uploads', Fields: { key: 'report.csv' }, Expires: THIRTY_DAYS };
module.exports.form = () => s3.createPresignedPost(params);
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'postExpiryOutlivesCredentials',
          data: { key: 'Expires', seconds: '2592000', duration: '30 days' },
          line: 5, column: 68, endLine: 5, endColumn: 88,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHourExpires,
              output: `
const S3 = require('aws-sdk/clients/s3');
const s3 = new S3();
const THIRTY_DAYS = 30 * 86400;
const params = { Bucket: 'uploads', Fields: { key: 'report.csv' }, Expires: 3600 };
module.exports.form = () => s3.createPresignedPost(params);
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 client with long-term keys past 7 days, through a declared require.
      code: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
s3.createPresignedPost({ Bucket: 'uploads', Expires: 10 * 86400 }, (error, data) => data);
      `,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'postExpiryPastSignatureAge',
          data: { key: 'Expires', seconds: '864000', duration: '10 days' },
          line: 4, column: 45, endLine: 4, endColumn: 64,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHourExpires,
              output: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
s3.createPresignedPost({ Bucket: 'uploads', Expires: 3600 }, (error, data) => data);
      `,
            },
            {
              messageId: 'clampExpiry',
              data: { key: 'Expires', seconds: '604800', duration: '7 days' },
              output: `
const AWS = require('aws-sdk');
const s3 = new AWS.S3({ accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET });
s3.createPresignedPost({ Bucket: 'uploads', Expires: 604800 }, (error, data) => data);
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
    // A type-only import binds nothing.
    `
import type { getSignedUrl } from '@aws-sdk/s3-request-presigner';
type Presign = typeof getSignedUrl;
declare const presign: Presign;
presign({} as never, {} as never, { expiresIn: 864000 });
    `,
  ],
  invalid: [
    {
      // TS \`import x = require()\`, with casts around the client and the options.
      code: `
import presigner = require('@aws-sdk/s3-request-presigner');
import AWS = require('aws-sdk');
const s3 = new AWS.S3() as AWS.S3;
export async function link(key: string): Promise<string> {
  await presigner.getSignedUrl(client!, command, { expiresIn: 10 * 86400 } as const);
  return s3.getSignedUrl('getObject', { Bucket: 'b', Key: key });
}
declare const client: never;
declare const command: never;
      `,
      output: null,
      errors: [
        {
          messageId: 'expiryTooLong',
          data: { key: 'expiresIn', seconds: '864000', duration: '10 days' },
          line: 6, column: 52, endLine: 6, endColumn: 73,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHour,
              output: `
import presigner = require('@aws-sdk/s3-request-presigner');
import AWS = require('aws-sdk');
const s3 = new AWS.S3() as AWS.S3;
export async function link(key: string): Promise<string> {
  await presigner.getSignedUrl(client!, command, { expiresIn: 3600 } as const);
  return s3.getSignedUrl('getObject', { Bucket: 'b', Key: key });
}
declare const client: never;
declare const command: never;
      `,
            },
          ],
        },
        {
          messageId: 'syncGetSignedUrl',
          data: { method: 's3.getSignedUrl' },
          line: 7, column: 10, endLine: 7, endColumn: 25,
          suggestions: [
            {
              messageId: 'useGetSignedUrlPromise',
              data: { object: 's3' },
              output: `
import presigner = require('@aws-sdk/s3-request-presigner');
import AWS = require('aws-sdk');
const s3 = new AWS.S3() as AWS.S3;
export async function link(key: string): Promise<string> {
  await presigner.getSignedUrl(client!, command, { expiresIn: 10 * 86400 } as const);
  return await s3.getSignedUrlPromise('getObject', { Bucket: 'b', Key: key });
}
declare const client: never;
declare const command: never;
      `,
            },
          ],
        },
      ],
    },
    {
      // TS \`import x = require()\`, the options checked with \`satisfies\`.
      code: `
import presignedPost = require('@aws-sdk/s3-presigned-post');
import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const form = (Key: string) =>
  presignedPost.createPresignedPost(s3, { Bucket: 'b', Key, Expires: 2 * 3600 } satisfies presignedPost.PresignedPostOptions);
      `,
      output: null,
      errors: [
        {
          messageId: 'postExpiryOutlivesCredentials',
          data: { key: 'Expires', seconds: '7200', duration: '2 hours' },
          line: 6, column: 61, endLine: 6, endColumn: 78,
          suggestions: [
            {
              messageId: 'clampExpiry',
              data: oneHourExpires,
              output: `
import presignedPost = require('@aws-sdk/s3-presigned-post');
import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const form = (Key: string) =>
  presignedPost.createPresignedPost(s3, { Bucket: 'b', Key, Expires: 3600 } satisfies presignedPost.PresignedPostOptions);
      `,
            },
          ],
        },
      ],
    },
  ],
});
