import rule from '../../src/rules/no-captured-identity-token.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

const v3 = { name: 'fromWebToken' };
const v2 = { name: 'AWS.WebIdentityCredentials' };

ruleTester.run('no-captured-identity-token', rule, {
  valid: [
    // The provider that reads the file again at each refresh.
    `
import { fromTokenFile } from '@aws-sdk/credential-providers';
export const provider = fromTokenFile();
    `,
    // A token that is not read from a file: an OIDC token from a browser login is the caller's business.
    `
import { fromWebToken } from '@aws-sdk/credential-providers';
export const provider = (idToken) => fromWebToken({ roleArn: 'arn:aws:iam::123456789012:role/web', webIdentityToken: idToken });
    `,
    `
import { fromWebToken } from '@aws-sdk/credential-providers';
const { id_token } = await fetch('https://issuer.example.com/token').then((response) => response.json());
export const provider = fromWebToken({ roleArn: 'arn:aws:iam::123456789012:role/web', webIdentityToken: id_token });
    `,
    // A local \`readFileSync\` is not Node's.
    `
import { fromWebToken } from '@aws-sdk/credential-providers';
const readFileSync = () => 'token';
export const provider = fromWebToken({ roleArn: 'arn', webIdentityToken: readFileSync('/t') });
    `,
    // Not the SDK's \`fromWebToken\`.
    `
import { readFileSync } from 'node:fs';
const fromWebToken = (options) => options;
export const provider = fromWebToken({ webIdentityToken: readFileSync('/t', 'utf8') });
    `,
    // v2: the class that reads the file itself.
    `
const AWS = require('aws-sdk');
AWS.config.credentials = new AWS.TokenFileWebIdentityCredentials();
    `,
  ],
  invalid: [
    {
      // ESM named imports, the default token file: the property goes, the role stays.
      code: `
import { readFileSync } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { fromWebToken } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({
  credentials: fromWebToken({
    roleArn: process.env.AWS_ROLE_ARN,
    webIdentityToken: readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8'),
  }),
});
      `,
      errors: [
        {
          messageId: 'capturedIdentityToken',
          data: v3,
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'useTokenFile',
              output: `
import { readFileSync } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { fromWebToken, fromTokenFile } from '@aws-sdk/credential-providers';
export const s3 = new S3Client({
  credentials: fromTokenFile({
    roleArn: process.env.AWS_ROLE_ARN,
  }),
});
      `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, the single-provider package, a module-level \`const token\`, string methods on the read.
      code: `
const fs = require('fs');
const { fromWebToken } = require('@aws-sdk/credential-provider-web-identity');
const token = fs.readFileSync('/var/run/secrets/eks.amazonaws.com/serviceaccount/token').toString().trim();
module.exports = fromWebToken({ roleArn: 'arn:aws:iam::123456789012:role/app', roleSessionName: 'app', webIdentityToken: token });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'capturedIdentityToken',
          data: v3,
          line: 5,
          column: 104,
          endLine: 5,
          endColumn: 127,
          suggestions: [
            {
              messageId: 'useTokenFile',
              output: `
const fs = require('fs');
const { fromWebToken, fromTokenFile } = require('@aws-sdk/credential-provider-web-identity');
const token = fs.readFileSync('/var/run/secrets/eks.amazonaws.com/serviceaccount/token').toString().trim();
module.exports = fromTokenFile({ roleArn: 'arn:aws:iam::123456789012:role/app', roleSessionName: 'app', webIdentityTokenFile: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' });
      `,
            },
          ],
        },
      ],
    },
    {
      // Namespace import, \`await readFile()\` of \`fs/promises\`, a shorthand property.
      code: `
import { readFile } from 'node:fs/promises';
import * as providers from '@aws-sdk/credential-providers';
const path = process.env.TOKEN_PATH;
export async function makeProvider() {
  const webIdentityToken = await readFile(path, 'utf8');
  return providers.fromWebToken({ roleArn: process.env.ROLE, webIdentityToken });
}
      `,
      errors: [
        {
          messageId: 'capturedIdentityToken',
          data: v3,
          line: 7,
          column: 62,
          endLine: 7,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'useTokenFile',
              output: `
import { readFile } from 'node:fs/promises';
import * as providers from '@aws-sdk/credential-providers';
const path = process.env.TOKEN_PATH;
export async function makeProvider() {
  const webIdentityToken = await readFile(path, 'utf8');
  return providers.fromTokenFile({ roleArn: process.env.ROLE, webIdentityTokenFile: path });
}
      `,
            },
          ],
        },
      ],
    },
    {
      // \`fs.promises.readFile\`, a default import of \`fs\`.
      code: `
import fs from 'node:fs';
import { fromWebToken } from '@aws-sdk/credential-providers';
export const provider = fromWebToken({ roleArn: 'arn', webIdentityToken: (await fs.promises.readFile('/t')).toString() });
      `,
      errors: [
        {
          messageId: 'capturedIdentityToken',
          data: v3,
          line: 4,
          column: 56,
          endLine: 4,
          endColumn: 119,
          suggestions: [
            {
              messageId: 'useTokenFile',
              output: `
import fs from 'node:fs';
import { fromWebToken, fromTokenFile } from '@aws-sdk/credential-providers';
export const provider = fromTokenFile({ roleArn: 'arn', webIdentityTokenFile: '/t' });
      `,
            },
          ],
        },
      ],
    },
    {
      // Options held in a binding: reported, no rewrite.
      code: `
import { readFileSync } from 'fs';
import { fromWebToken } from '@aws-sdk/credential-providers';
const options = { roleArn: 'arn', webIdentityToken: readFileSync('/t', 'utf8') };
export const provider = fromWebToken(options);
      `,
      errors: [{ messageId: 'capturedIdentityToken', data: v3, line: 4, column: 35, endLine: 4, endColumn: 79, suggestions: [] }],
    },
    {
      // v2: everything from the environment, the client configuration carried over.
      code: `
const AWS = require('aws-sdk');
const fs = require('fs');
AWS.config.credentials = new AWS.WebIdentityCredentials({
  RoleArn: process.env.AWS_ROLE_ARN,
  WebIdentityToken: fs.readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8'),
}, { region: 'eu-west-1' });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'capturedIdentityToken',
          data: v2,
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useTokenFileCredentials',
              data: { namespace: 'AWS' },
              output: `
const AWS = require('aws-sdk');
const fs = require('fs');
AWS.config.credentials = new AWS.TokenFileWebIdentityCredentials({ region: 'eu-west-1' });
      `,
            },
          ],
        },
      ],
    },
    {
      // v2 with a role of its own: \`TokenFileWebIdentityCredentials\` would read another one from the environment.
      code: `
const AWS = require('aws-sdk');
const fs = require('fs');
module.exports = new AWS.WebIdentityCredentials({ RoleArn: 'arn', WebIdentityToken: fs.readFileSync('/t', 'utf8') });
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'capturedIdentityToken', data: v2, line: 4, column: 67, endLine: 4, endColumn: 114, suggestions: [] }],
    },
  ],
});

tsRuleTester.run('no-captured-identity-token (TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      code: `
import fs = require('fs');
import { fromWebToken } from '@aws-sdk/credential-providers';
const token = fs.readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8') as string;
export const provider = fromWebToken({ roleArn: process.env.AWS_ROLE_ARN!, webIdentityToken: token });
      `,
      errors: [
        {
          messageId: 'capturedIdentityToken',
          data: v3,
          line: 5,
          column: 76,
          endLine: 5,
          endColumn: 99,
          suggestions: [
            {
              messageId: 'useTokenFile',
              output: `
import fs = require('fs');
import { fromWebToken, fromTokenFile } from '@aws-sdk/credential-providers';
const token = fs.readFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE!, 'utf8') as string;
export const provider = fromTokenFile({ roleArn: process.env.AWS_ROLE_ARN! });
      `,
            },
          ],
        },
      ],
    },
  ],
});
