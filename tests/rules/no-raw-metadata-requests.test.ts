import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-raw-metadata-requests.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

const commonjs = { sourceType: 'commonjs' } as TestLanguageOptions;
const requireDeclared = { globals: { require: 'readonly' } } as const;

ruleTester.run(rule.name, rule, {
  valid: [
    // An SSRF guard: the address is only compared, and the URL fetched is a parameter the file does not define.
    `
const BLOCKED_HOSTS = new Set(['169.254.169.254', '169.254.170.2', '[fd00:ec2::254]']);
export async function proxy(url) {
  if (BLOCKED_HOSTS.has(new URL(url).hostname)) throw new Error('blocked');
  return fetch(url);
}
    `,
    // An SSRF block-list only mentions the addresses.
    `
const BLOCKED = ['169.254.169.254', '10.0.0.0/8', 'fd00:ec2::254', '169.254.170.2'];
const BLOCKED_URLS = new Set(['http://169.254.169.254/latest/meta-data/iam/security-credentials/']);
export const isBlocked = (host) => BLOCKED.includes(host) || BLOCKED_URLS.has(host);
`,
    // Comparisons and prefix checks in a URL filter, also through a constant used only that way.
    `
const IMDS_CREDENTIALS = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';
export function assertAllowed(url) {
  if (url.hostname === '169.254.169.254' || url.hostname === '[fd00:ec2::254]') throw new Error('blocked');
  if (url.href.startsWith(IMDS_CREDENTIALS)) throw new Error('blocked');
  if (url.href === \`http://169.254.170.2/v2/credentials\`) throw new Error('blocked');
  switch (url.host) {
    case '169.254.170.23':
      throw new Error('blocked');
  }
}
`,
    // Prose that cites the URL is not a request, nor is a comment.
    `
// curl http://169.254.169.254/latest/meta-data/iam/security-credentials/
throw new Error('Could not reach http://169.254.169.254/latest/meta-data/iam/security-credentials/ (is IMDS enabled?)');
`,
    // An address without a credential path, never given to an HTTP client.
    `
import { MetadataService } from '@aws-sdk/ec2-metadata-service';
const IMDS_DOCS = 'The instance metadata service answers on 169.254.169.254 and [fd00:ec2::254].';
const metadata = new MetadataService({ endpoint: 'http://[fd00:ec2::254]' });
export const region = await metadata.request('/latest/meta-data/placement/region', {});
`,
    // The SDK's own providers and metadata client.
    `
import { fromContainerMetadata, fromInstanceMetadata } from '@aws-sdk/credential-providers';
import { MetadataService } from '@aws-sdk/ec2-metadata-service';
export const instance = fromInstanceMetadata({ timeout: 1000, maxRetries: 3 });
export const task = fromContainerMetadata({ timeout: 1000, maxRetries: 3 });
const metadata = new MetadataService({ endpoint: 'http://169.254.169.254' });
export const credentials = await metadata.request('/latest/meta-data/iam/security-credentials/', {});
`,
    // Other link-local addresses: Amazon DNS, Time Sync, a device on the link, and a longer address.
    `
await fetch('http://169.254.169.253/');
await fetch('http://169.254.1.1/status');
await fetch('http://169.254.169.2540/latest/api/token');
export const ntp = '169.254.169.123';
`,
    // Metadata URLs without a credential or token path, given to no HTTP client.
    `
export const REGION_URL = 'http://169.254.169.254/latest/meta-data/placement/region';
export const TASK_METADATA_URL = 'http://169.254.170.2/v2/metadata';
`,
    // The metadata address in the query of another host.
    `
await fetch('https://proxy.example.com/check?target=http://169.254.169.254/latest/meta-data/');
`,
    // The ECS agent also serves task metadata, which no SDK provider reads.
    `
import axios from 'axios';
const { data } = await axios.get('http://169.254.170.2/v2/metadata');
`,
    // A `fetch` the file defines, and a `get` from an unrelated module.
    `
import { get } from './http-helpers.js';
export function probe(fetch) {
  return fetch('http://169.254.169.254/latest/meta-data/instance-id');
}
get('http://169.254.169.254/latest/meta-data/instance-id');
`,
    // A test double for IMDS: nock is not a client.
    `
import nock from 'nock';
nock('http://169.254.169.254').put('/latest/api/token').reply(200, 'token');
`,
    // Test files spell these URLs on purpose (fixtures, SSRF tests).
    {
      code: `
const role = await (await fetch('http://169.254.169.254/latest/meta-data/iam/security-credentials/')).text();
`,
      filename: 'src/__tests__/imds.test.js',
    },
    // SSRF tests and assertions in a file whose name does not say test.
    `
it('refuses the metadata service', async () => {
  await expect(fetchPreview('http://169.254.169.254/latest/meta-data/iam/security-credentials/')).rejects.toThrow();
  expect(isAllowed('http://[fd00:ec2::254]/latest/api/token')).toBe(false);
});
test.each(['http://169.254.170.2/v2/credentials/abc'])('blocks %s', (url) => {});
`,
    // URLs the file does not define.
    `
import axios from 'axios';
export const read = (endpoint, path) => axios.get(\`\${endpoint}\${path}\`);
export const token = (base) => fetch(new URL('/latest/api/token', base), { method: 'PUT' });
`,
  ],
  invalid: [
    // Global `fetch` (not declared) with the credentials path.
    {
      code: `
const role = await (await fetch('http://169.254.169.254/latest/meta-data/iam/security-credentials/')).text();
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 2, column: 33, endLine: 2, endColumn: 100,
        },
      ],
    },
    // Global `fetch` declared through `globals`, and `globalThis.fetch`; any IMDS path is a raw request.
    {
      code: `
await fetch('http://169.254.169.254/latest/meta-data/instance-id');
await globalThis.fetch('http://169.254.169.254/latest/meta-data/placement/region');
`,
      languageOptions: { globals: { fetch: 'readonly', globalThis: 'readonly' } },
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 2, column: 13, endLine: 2, endColumn: 66,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 3, column: 24, endLine: 3, endColumn: 82,
        },
      ],
    },
    // A module constant extended by a template: one report, where the credential URL is built.
    {
      code: `
const IMDS = 'http://169.254.169.254';
const credentialsUrl = \`\${IMDS}/latest/meta-data/iam/security-credentials/\`;
export async function loadCredentials() {
  const role = await (await fetch(credentialsUrl)).text();
  return (await fetch(\`\${credentialsUrl}\${role}\`)).json();
}
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 3, column: 24, endLine: 3, endColumn: 76,
        },
      ],
    },
    // The IMDSv2 token request, written inline.
    {
      code: `
const token = await fetch('http://169.254.169.254/latest/api/token', {
  method: 'PUT',
  headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '21600' },
});
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 2, column: 27, endLine: 2, endColumn: 68,
        },
      ],
    },
    // A host constant inside a template, and a credential URL given to no known client.
    {
      code: `
import { httpGet } from './http.js';
const IMDS_HOST = '169.254.169.254';
export const credentials = (role) => httpGet(\`http://\${IMDS_HOST}/latest/meta-data/iam/security-credentials/\${role}\`);
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 4, column: 46, endLine: 4, endColumn: 117,
        },
      ],
    },
    // axios (ESM default import): concatenation, `create({ baseURL })`, config object with `baseURL`.
    {
      code: `
import axios from 'axios';
const IMDS = 'http://169.254.169.254';
const { data: region } = await axios.get(IMDS + '/latest/meta-data/placement/region');
const imds = axios.create({ baseURL: 'http://[fd00:ec2::254]', timeout: 1000 });
await axios.request({ baseURL: IMDS, url: '/latest/meta-data/instance-id' });
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 4, column: 42, endLine: 4, endColumn: 85,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '[fd00:ec2::254]', provider: 'fromInstanceMetadata()' },
          line: 5, column: 38, endLine: 5, endColumn: 62,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 6, column: 32, endLine: 6, endColumn: 36,
        },
      ],
    },
    // axios through require (CommonJS): the config object form.
    {
      code: `
const axios = require('axios');
axios({ method: 'put', url: 'http://169.254.169.254/latest/api/token', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '300' } });
axios.post('http://169.254.169.254/latest/api/token');
`,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 3, column: 29, endLine: 3, endColumn: 70,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 4, column: 12, endLine: 4, endColumn: 53,
        },
      ],
    },
    // got: IPv6 endpoint, `extend({ prefixUrl })`.
    {
      code: `
import got from 'got';
const id = await got('http://[fd00:ec2::254]/latest/meta-data/instance-id').text();
const imds = got.extend({ prefixUrl: 'http://169.254.169.254/latest/meta-data', timeout: { request: 1000 } });
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '[fd00:ec2::254]', provider: 'fromInstanceMetadata()' },
          line: 3, column: 22, endLine: 3, endColumn: 75,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 4, column: 38, endLine: 4, endColumn: 79,
        },
      ],
    },
    // node:http options: a credential path is reported on the host, other paths too when given to the client.
    {
      code: `
import http from 'node:http';
import * as https from 'node:https';
http.get({ hostname: '169.254.169.254', path: '/latest/meta-data/iam/security-credentials/' }, (res) => {});
http.get({ hostname: '169.254.169.254', path: '/latest/meta-data/placement/region' }, (res) => {});
https.request({ host: 'fd00:ec2::254', path: '/latest/meta-data/instance-id', method: 'GET' }).end();
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 4, column: 22, endLine: 4, endColumn: 39,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 5, column: 22, endLine: 5, endColumn: 39,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '[fd00:ec2::254]', provider: 'fromInstanceMetadata()' },
          line: 6, column: 23, endLine: 6, endColumn: 38,
        },
      ],
    },
    // Request options given to a function the file does not know, with a template path.
    {
      code: `
import { send } from './transport.js';
export const load = (role) => send({ host: '169.254.169.254', path: \`/latest/meta-data/iam/security-credentials/\${role}\` });
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 3, column: 44, endLine: 3, endColumn: 61,
        },
      ],
    },
    // http through require not declared: destructuring.
    {
      code: `
const { get } = require('http');
get('http://169.254.169.254/latest/meta-data/instance-id', (response) => response.resume());
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 3, column: 5, endLine: 3, endColumn: 58,
        },
      ],
    },
    // undici: `request` with `new URL`, `fetch` aliased, `new Client(origin)`.
    {
      code: `
import { request, fetch as undiciFetch, Client } from 'undici';
const IMDS = 'http://169.254.169.254';
const { body } = await request(new URL('/latest/meta-data/instance-id', IMDS));
await undiciFetch(\`\${IMDS}/latest/meta-data/placement/region\`);
const client = new Client(IMDS);
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 4, column: 32, endLine: 4, endColumn: 78,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 5, column: 19, endLine: 5, endColumn: 62,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 6, column: 27, endLine: 6, endColumn: 31,
        },
      ],
    },
    // `new URL(...).href` through a constant.
    {
      code: `
const tokenUrl = new URL('latest/api/token', 'http://169.254.169.254/');
await fetch(tokenUrl.href, { method: 'PUT' });
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 3, column: 13, endLine: 3, endColumn: 26,
        },
      ],
    },
    // node-fetch and the ECS relative URI from the environment.
    {
      code: `
import fetch from 'node-fetch';
const response = await fetch(\`http://169.254.170.2\${process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}\`);
`,
      output: null,
      errors: [
        {
          messageId: 'rawContainerCredentialsRequest',
          data: { host: '169.254.170.2', provider: 'fromContainerMetadata()' },
          line: 3, column: 30, endLine: 3, endColumn: 105,
        },
      ],
    },
    // request (CommonJS, require declared as a global), concatenation with the relative URI.
    {
      code: `
const request = require('request');
request({ uri: 'http://169.254.170.2' + process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, json: true }, callback);
request.get('http://169.254.170.2/v2/credentials/' + id, callback);
`,
      languageOptions: requireDeclared,
      output: null,
      errors: [
        {
          messageId: 'rawContainerCredentialsRequest',
          data: { host: '169.254.170.2', provider: 'fromContainerMetadata()' },
          line: 3, column: 16, endLine: 3, endColumn: 91,
        },
        {
          messageId: 'rawContainerCredentialsRequest',
          data: { host: '169.254.170.2', provider: 'fromContainerMetadata()' },
          line: 4, column: 13, endLine: 4, endColumn: 56,
        },
      ],
    },
    // EKS Pod Identity agent, IPv4 and IPv6.
    {
      code: `
const token = await readFile(process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, 'utf8');
await fetch('http://169.254.170.23/v1/credentials', { headers: { Authorization: token } });
await fetch('http://[fd00:ec2::23]/v1/credentials', { headers: { Authorization: token } });
`,
      output: null,
      errors: [
        {
          messageId: 'rawContainerCredentialsRequest',
          data: { host: '169.254.170.23', provider: 'fromHttp()' },
          line: 3, column: 13, endLine: 3, endColumn: 51,
        },
        {
          messageId: 'rawContainerCredentialsRequest',
          data: { host: '[fd00:ec2::23]', provider: 'fromHttp()' },
          line: 4, column: 13, endLine: 4, endColumn: 51,
        },
      ],
    },
    // A curl command line is a request too.
    {
      code: `
import { execSync } from 'node:child_process';
const role = execSync('curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/').toString();
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 3, column: 23, endLine: 3, endColumn: 98,
        },
      ],
    },
    // Dynamic `await import()` of ky, and superagent.
    {
      code: `
const { default: ky } = await import('ky');
import superagent from 'superagent';
await ky.get('http://169.254.169.254/latest/meta-data/instance-id').text();
await superagent.put('http://169.254.169.254/latest/api/token').set('X-aws-ec2-metadata-token-ttl-seconds', '300');
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 4, column: 14, endLine: 4, endColumn: 67,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 5, column: 22, endLine: 5, endColumn: 63,
        },
      ],
    },
    // Credential and token URLs exported for another file: reported where they are written.
    {
      code: `
export const IMDS_ROLE_URL = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';
export const IMDS_TOKEN_URL = 'http://[fd00:ec2::254]/latest/api/token';
export const IDENTITY_URL = 'http://169.254.169.254/latest/meta-data/identity-credentials/ec2/security-credentials/ec2-instance';
export const ECS_URL = \`http://169.254.170.2/v2/credentials/\${id}\`;
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 2, column: 30, endLine: 2, endColumn: 97,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '[fd00:ec2::254]', provider: 'fromInstanceMetadata()' },
          line: 3, column: 31, endLine: 3, endColumn: 72,
        },
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 4, column: 29, endLine: 4, endColumn: 129,
        },
        {
          messageId: 'rawContainerCredentialsRequest',
          data: { host: '169.254.170.2', provider: 'fromContainerMetadata()' },
          line: 5, column: 24, endLine: 5, endColumn: 67,
        },
      ],
    },
    // ECS task metadata is exempt, but not a path the file does not define.
    {
      code: `
import axios from 'axios';
export const read = (path) => axios.get(\`http://169.254.170.2\${path}\`);
`,
      output: null,
      errors: [
        {
          messageId: 'rawContainerCredentialsRequest',
          data: { host: '169.254.170.2', provider: 'fromContainerMetadata()' },
          line: 3, column: 41, endLine: 3, endColumn: 70,
        },
      ],
    },
    // The relative URI read from an environment object or a destructured variable names credentials too.
    {
      code: `
export function containerCredentials(env = process.env, fetchFn = fetch) {
  const endpoint = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI
    ? \`http://169.254.170.2\${env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}\`
    : env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  return fetchFn(endpoint);
}
const { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI } = process.env;
export const url = 'http://169.254.170.2' + AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
`,
      output: null,
      errors: [
        {
          messageId: 'rawContainerCredentialsRequest',
          data: { host: '169.254.170.2', provider: 'fromContainerMetadata()' },
          line: 4, column: 7, endLine: 4, endColumn: 74,
        },
        {
          messageId: 'rawContainerCredentialsRequest',
          data: { host: '169.254.170.2', provider: 'fromContainerMetadata()' },
          line: 9, column: 20, endLine: 9, endColumn: 83,
        },
      ],
    },
  ],
});

tsRuleTester.run(`${rule.name} (TypeScript)`, rule, {
  valid: [
    // Type-only imports and a typed block-list.
    `
import type { AxiosInstance } from 'axios';
const METADATA_HOSTS: readonly string[] = ['169.254.169.254', '169.254.170.2'] as const;
export const isMetadataHost = (client: AxiosInstance, host: string): boolean => METADATA_HOSTS.includes(host);
`,
  ],
  invalid: [
    // TS `import x = require()`, and TS wrappers around the URL.
    {
      code: `
import got = require('got');
const IMDS = 'http://169.254.169.254' as const;
const role = await got.get(\`\${IMDS}/latest/meta-data/instance-id\` as string).text();
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 4, column: 28, endLine: 4, endColumn: 76,
        },
      ],
    },
    // A constant with `as const`: one report, where it is written.
    {
      code: `
const TOKEN_URL = 'http://169.254.169.254/latest/api/token' as const;
export const token = await fetch(TOKEN_URL, { method: 'PUT' });
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 2, column: 19, endLine: 2, endColumn: 69,
        },
      ],
    },
    // Typed constants in a TypeScript module.
    {
      code: `
import axios, { type AxiosRequestConfig } from 'axios';
const config: AxiosRequestConfig = { baseURL: 'http://169.254.169.254', timeout: 1000 };
export const identity = () => axios.get<string>('/latest/dynamic/instance-identity/document', config);
`,
      output: null,
      errors: [
        {
          messageId: 'rawInstanceMetadataRequest',
          data: { host: '169.254.169.254', provider: 'fromInstanceMetadata()' },
          line: 3, column: 47, endLine: 3, endColumn: 71,
        },
      ],
    },
  ],
});
