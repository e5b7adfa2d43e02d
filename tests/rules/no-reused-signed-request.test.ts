import rule from '../../src/rules/no-reused-signed-request.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const moduleLevel = { name: 'aws4.sign', place: 'once at module level' };
const copyOf = (text: string) => ({ copy: `{ ...${text}, headers: { ...${text}.headers } }` });

ruleTester.run('no-reused-signed-request', rule, {
  valid: [
    // Built inside the function: a new object at each call.
    `
import aws4 from 'aws4';
export async function handler(body) {
  const options = { host: 'sqs.us-east-1.amazonaws.com', path: '/', body, headers: { 'Content-Type': 'application/json' } };
  return aws4.sign(options);
}
    `,
    // A copy per call: aws4 copies the headers it is given into the copy (aws4.js \`RequestSigner\`).
    `
import aws4 from 'aws4';
const options = { host: 'sqs.us-east-1.amazonaws.com', path: '/' };
export const handler = () => aws4.sign({ ...options });
    `,
    // A fresh headers object per call.
    `
import { sign } from 'aws4';
const base = { host: 'sqs.us-east-1.amazonaws.com', path: '/' };
export const handler = (body) => sign({ ...base, body, headers: { 'Content-Type': 'application/json' } });
    `,
    // Built by a helper that returns a new literal at each call.
    `
import aws4 from 'aws4';
function buildRequest(path) {
  return { host: 'es.us-east-1.amazonaws.com', path };
}
export const handler = (path) => aws4.sign(buildRequest(path));
    `,
    // Signed once, at module level.
    `
import aws4 from 'aws4';
const options = { host: 'sqs.us-east-1.amazonaws.com', path: '/' };
export const signed = aws4.sign(options);
    `,
    // Not aws4: a local \`sign\`.
    `
const options = { host: 'sqs.us-east-1.amazonaws.com', path: '/' };
const sign = (request) => request;
export const handler = () => sign(options);
    `,
    // A request the file does not build.
    `
import aws4 from 'aws4';
export const handler = (request) => aws4.sign(request);
    `,
  ],
  invalid: [
    {
      // ESM default import, a module-level object.
      code: `
import aws4 from 'aws4';
const options = { host: 'sqs.us-east-1.amazonaws.com', path: '/?Action=ListQueues', headers: {} };
export async function listQueues() {
  return fetch('https://sqs.us-east-1.amazonaws.com/?Action=ListQueues', aws4.sign(options));
}
      `,
      errors: [
        {
          messageId: 'reusedSignedRequest',
          data: moduleLevel,
          line: 5,
          column: 84,
          endLine: 5,
          endColumn: 91,
          suggestions: [
            {
              messageId: 'copyRequest',
              data: copyOf('options'),
              output: `
import aws4 from 'aws4';
const options = { host: 'sqs.us-east-1.amazonaws.com', path: '/?Action=ListQueues', headers: {} };
export async function listQueues() {
  return fetch('https://sqs.us-east-1.amazonaws.com/?Action=ListQueues', aws4.sign({ ...options, headers: { ...options.headers } }));
}
      `,
            },
          ],
        },
      ],
    },
    {
      // ESM named import, with credentials.
      code: `
import { sign } from 'aws4';
const request = { service: 'execute-api', region: 'eu-west-1', host: 'api.example.com', path: '/items' };
export const call = (credentials) => sign(request, credentials);
      `,
      errors: [
        {
          messageId: 'reusedSignedRequest',
          data: moduleLevel,
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'copyRequest',
              data: copyOf('request'),
              output: `
import { sign } from 'aws4';
const request = { service: 'execute-api', region: 'eu-west-1', host: 'api.example.com', path: '/items' };
export const call = (credentials) => sign({ ...request, headers: { ...request.headers } }, credentials);
      `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, as a member, a closure's outer const.
      code: `
const aws4 = require('aws4');
function makeClient(host) {
  const opts = { host, path: '/' };
  return async () => aws4.sign(opts);
}
module.exports = { makeClient };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'reusedSignedRequest',
          data: { name: 'aws4.sign', place: 'in an enclosing function' },
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'copyRequest',
              data: copyOf('opts'),
              output: `
const aws4 = require('aws4');
function makeClient(host) {
  const opts = { host, path: '/' };
  return async () => aws4.sign({ ...opts, headers: { ...opts.headers } });
}
module.exports = { makeClient };
      `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, destructured; a class field read through \`this\`.
      code: `
const { sign } = require('aws4');
class Client {
  request = { host: 'sts.amazonaws.com', path: '/?Action=GetCallerIdentity&Version=2011-06-15' };
  identity() {
    return sign(this.request);
  }
}
module.exports = Client;
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'reusedSignedRequest',
          data: moduleLevel,
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'copyRequest',
              data: copyOf('this.request'),
              output: `
const { sign } = require('aws4');
class Client {
  request = { host: 'sts.amazonaws.com', path: '/?Action=GetCallerIdentity&Version=2011-06-15' };
  identity() {
    return sign({ ...this.request, headers: { ...this.request.headers } });
  }
}
module.exports = Client;
      `,
            },
          ],
        },
      ],
    },
    {
      // \`await import()\`; an argument that cannot be spelled twice: no suggestion.
      code: `
const aws4 = await import('aws4');
const primary = { host: 'sqs.us-east-1.amazonaws.com', path: '/' };
const fallback = { host: 'sqs.us-west-2.amazonaws.com', path: '/' };
export const handler = (west) => aws4.sign(west ? fallback : primary);
      `,
      errors: [
        {
          messageId: 'reusedSignedRequest',
          data: moduleLevel,
          line: 5,
          column: 44,
          endLine: 5,
          endColumn: 69,
          suggestions: [],
        },
      ],
    },
  ],
});

tsRuleTester.run('no-reused-signed-request (TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      code: `
import aws4 = require('aws4');
const options: aws4.Request = { host: 'sqs.us-east-1.amazonaws.com', path: '/' };
export const handler = (): aws4.Request => aws4.sign(options as aws4.Request);
      `,
      errors: [
        {
          messageId: 'reusedSignedRequest',
          data: moduleLevel,
          line: 4,
          column: 54,
          endLine: 4,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'copyRequest',
              data: copyOf('options'),
              output: `
import aws4 = require('aws4');
const options: aws4.Request = { host: 'sqs.us-east-1.amazonaws.com', path: '/' };
export const handler = (): aws4.Request => aws4.sign({ ...options, headers: { ...options.headers } });
      `,
            },
          ],
        },
      ],
    },
  ],
});
