/**
 * `no-unrefreshed-profile-credentials` on the signers outside the SDK clients, found through the credential model's
 * consumers: `new SignatureV4({ credentials })` (`@smithy/signature-v4`, `@aws-sdk/signature-v4`), `@aws-sdk/rds-signer`
 * `Signer`, `@aws-sdk/dsql-signer` `DsqlSigner`, opensearch `AwsSigv4Signer({ getCredentials })`. `SignatureV4` and the
 * token signers ask their provider at every signature, so `fromIni({ ignoreCache: true })` re-reads the profile
 * there; opensearch calls `getCredentials` again only once the cached object carries an expiry, so it never does.
 */
import rule from '../../src/rules/no-unrefreshed-profile-credentials.js';
import { commonjs, ruleTester, tsRuleTester } from '../rule-tester.js';

ruleTester.run('no-unrefreshed-profile-credentials (signers)', rule, {
  valid: [
    // Every signature re-reads the profile file: the signer asks again and the file cache is off.
    `
import { SignatureV4 } from '@smithy/signature-v4';
import { Signer } from '@aws-sdk/rds-signer';
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromIni } from '@aws-sdk/credential-providers';
export const signer = new SignatureV4({ credentials: fromIni({ ignoreCache: true }), service: 'execute-api', region: 'eu-west-1', sha256: Sha256 });
export const rds = new Signer({ credentials: fromIni({ profile: 'db', ignoreCache: true }), hostname: 'db.example.com', port: 5432, username: 'app' });
    `,
    // A chain that expires, and the default chain.
    `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { DsqlSigner } from '@aws-sdk/dsql-signer';
import { createCredentialChain, fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
const provider = createCredentialChain(fromIni({ profile: 'search', ignoreCache: true })).expireAfter(15 * 60_000);
export const search = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() });
export const dsql = new DsqlSigner({ credentials: fromNodeProviderChain(), hostname: 'abc.dsql.eu-west-1.on.aws' });
    `,
    // A run-and-exit script.
    `#!/usr/bin/env node
import { Signer } from '@aws-sdk/rds-signer';
import { fromIni } from '@aws-sdk/credential-providers';
const signer = new Signer({ credentials: fromIni({ profile: 'db' }), hostname: 'db.example.com', port: 5432, username: 'app' });
console.log(await signer.getAuthToken());
    `,
  ],
  invalid: [
    {
      // `@smithy/signature-v4` asks its provider at every signature, but `fromIni()` reads the cached profile file.
      code: `
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromIni } from '@aws-sdk/credential-providers';
export const signer = new SignatureV4({ credentials: fromIni(), service: 'execute-api', region: 'eu-west-1', sha256: Sha256 });
`,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'SignatureV4' },
          line: 5, column: 54, endLine: 5, endColumn: 63,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: { expireAfter: '15 * 60_000' },
              output: `
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
export const signer = new SignatureV4({ credentials: createCredentialChain(fromIni({ ignoreCache: true })).expireAfter(15 * 60_000), service: 'execute-api', region: 'eu-west-1', sha256: Sha256 });
`,
            }
          ],
        }
      ],
    },
    {
      // `@aws-sdk/rds-signer` through a namespace import and a binding, in a server.
      code: `
import * as rds from '@aws-sdk/rds-signer';
import { fromIni } from '@aws-sdk/credential-providers';
import express from 'express';
const profile = fromIni({ profile: 'db' });
const signer = new rds.Signer({ credentials: profile, hostname: 'db.example.com', port: 5432, username: 'app' });
const app = express();
app.get('/token', async (req, res) => res.send(await signer.getAuthToken()));
app.listen(3000);
`,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'Signer' },
          line: 5, column: 17, endLine: 5, endColumn: 43,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: { expireAfter: '15 * 60_000' },
              output: `
import * as rds from '@aws-sdk/rds-signer';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
import express from 'express';
const profile = createCredentialChain(fromIni({ profile: 'db', ignoreCache: true })).expireAfter(15 * 60_000);
const signer = new rds.Signer({ credentials: profile, hostname: 'db.example.com', port: 5432, username: 'app' });
const app = express();
app.get('/token', async (req, res) => res.send(await signer.getAuthToken()));
app.listen(3000);
`,
            }
          ],
        }
      ],
    },
    {
      // opensearch: `getCredentials` as the provider, called in a function, and awaited (with `ignoreCache`: it is
      // called again only once the cached object carries an expiry, which a profile's keys do not).
      code: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromIni } from '@aws-sdk/credential-providers';
export const plain = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: fromIni({ profile: 'search' }) });
export const called = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => fromIni({ profile: 'search' })() });
export const awaited = AwsSigv4Signer({
  region: 'eu-west-1',
  service: 'es',
  getCredentials: async () => await fromIni({ profile: 'search', ignoreCache: true })(),
});
`,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'AwsSigv4Signer' },
          line: 4, column: 91, endLine: 4, endColumn: 121,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: { expireAfter: '15 * 60_000' },
              output: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
export const plain = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: createCredentialChain(fromIni({ profile: 'search', ignoreCache: true })).expireAfter(15 * 60_000) });
export const called = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => fromIni({ profile: 'search' })() });
export const awaited = AwsSigv4Signer({
  region: 'eu-west-1',
  service: 'es',
  getCredentials: async () => await fromIni({ profile: 'search', ignoreCache: true })(),
});
`,
            }
          ],
        },
        {
          messageId: 'profileNeverReread',
          data: { client: 'AwsSigv4Signer' },
          line: 5, column: 98, endLine: 5, endColumn: 128,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: { expireAfter: '15 * 60_000' },
              output: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
export const plain = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: fromIni({ profile: 'search' }) });
export const called = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => createCredentialChain(fromIni({ profile: 'search', ignoreCache: true })).expireAfter(15 * 60_000)() });
export const awaited = AwsSigv4Signer({
  region: 'eu-west-1',
  service: 'es',
  getCredentials: async () => await fromIni({ profile: 'search', ignoreCache: true })(),
});
`,
            }
          ],
        },
        {
          messageId: 'profileNotRefreshed',
          data: { client: 'AwsSigv4Signer' },
          line: 9, column: 37, endLine: 9, endColumn: 86,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: { expireAfter: '15 * 60_000' },
              output: `
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
export const plain = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: fromIni({ profile: 'search' }) });
export const called = AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => fromIni({ profile: 'search' })() });
export const awaited = AwsSigv4Signer({
  region: 'eu-west-1',
  service: 'es',
  getCredentials: async () => await createCredentialChain(fromIni({ profile: 'search', ignoreCache: true })).expireAfter(15 * 60_000)(),
});
`,
            }
          ],
        }
      ],
    }
  ],
});

ruleTester.run('no-unrefreshed-profile-credentials (signers, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      // CommonJS: `@aws-sdk/dsql-signer` and `@aws-sdk/signature-v4` destructured, the provider module as a member.
      code: `
const { DsqlSigner } = require('@aws-sdk/dsql-signer');
const { SignatureV4 } = require('@aws-sdk/signature-v4');
const { Sha256 } = require('@aws-crypto/sha256-js');
const dsql = new DsqlSigner({ credentials: require('@aws-sdk/credential-providers').fromIni(), hostname: 'abc.dsql.eu-west-1.on.aws' });
const v4 = new SignatureV4({ credentials: require('@aws-sdk/credential-providers').fromIni({ profile: 'api' }), service: 'execute-api', region: 'eu-west-1', sha256: Sha256 });
module.exports = { dsql, v4 };
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'DsqlSigner' },
          line: 5, column: 44, endLine: 5, endColumn: 94,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: { expireAfter: '15 * 60_000' },
              output: `
const { DsqlSigner } = require('@aws-sdk/dsql-signer');
const { SignatureV4 } = require('@aws-sdk/signature-v4');
const { Sha256 } = require('@aws-crypto/sha256-js');
const { createCredentialChain } = require('@aws-sdk/credential-providers');
const dsql = new DsqlSigner({ credentials: createCredentialChain(require('@aws-sdk/credential-providers').fromIni({ ignoreCache: true })).expireAfter(15 * 60_000), hostname: 'abc.dsql.eu-west-1.on.aws' });
const v4 = new SignatureV4({ credentials: require('@aws-sdk/credential-providers').fromIni({ profile: 'api' }), service: 'execute-api', region: 'eu-west-1', sha256: Sha256 });
module.exports = { dsql, v4 };
`,
            }
          ],
        },
        {
          messageId: 'profileNeverReread',
          data: { client: 'SignatureV4' },
          line: 6, column: 43, endLine: 6, endColumn: 111,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: { expireAfter: '15 * 60_000' },
              output: `
const { DsqlSigner } = require('@aws-sdk/dsql-signer');
const { SignatureV4 } = require('@aws-sdk/signature-v4');
const { Sha256 } = require('@aws-crypto/sha256-js');
const { createCredentialChain } = require('@aws-sdk/credential-providers');
const dsql = new DsqlSigner({ credentials: require('@aws-sdk/credential-providers').fromIni(), hostname: 'abc.dsql.eu-west-1.on.aws' });
const v4 = new SignatureV4({ credentials: createCredentialChain(require('@aws-sdk/credential-providers').fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000), service: 'execute-api', region: 'eu-west-1', sha256: Sha256 });
module.exports = { dsql, v4 };
`,
            }
          ],
        }
      ],
    }
  ],
});

tsRuleTester.run('no-unrefreshed-profile-credentials (signers, TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      // TypeScript `as`.
      code: `
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromIni } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
export const signer = new SignatureV4({ credentials: fromIni({ profile: 'api' }) as AwsCredentialIdentityProvider, service: 'execute-api', region: 'eu-west-1', sha256: Sha256 });
`,
      errors: [
        {
          messageId: 'profileNeverReread',
          data: { client: 'SignatureV4' },
          line: 6, column: 54, endLine: 6, endColumn: 81,
          suggestions: [
            {
              messageId: 'wrapInCredentialChain',
              data: { expireAfter: '15 * 60_000' },
              output: `
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromIni, createCredentialChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
export const signer = new SignatureV4({ credentials: createCredentialChain(fromIni({ profile: 'api', ignoreCache: true })).expireAfter(15 * 60_000) as AwsCredentialIdentityProvider, service: 'execute-api', region: 'eu-west-1', sha256: Sha256 });
`,
            }
          ],
        }
      ],
    }
  ],
});
