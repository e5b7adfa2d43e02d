/**
 * The RDS and DSQL auth-token signers take `credentials` like a client (catalog `SIGNER_PACKAGES`): a snapshot
 * given to them is `no-one-shot-credentials`' business. Each `getAuthToken()` builds a new `SignatureV4` from those
 * `credentials` (`packages/rds-signer/src/Signer.ts` of aws/aws-sdk-js-v3), so a provider is called again for every
 * token and needs no `expiration`: `require-credential-expiration` stays quiet.
 */
import noOneShotCredentials from '../../src/rules/no-one-shot-credentials.js';
import requireCredentialExpiration from '../../src/rules/require-credential-expiration.js';
import { commonjs, ruleTester } from '../rule-tester.js';

ruleTester.run('no-one-shot-credentials (RDS and DSQL signers)', noOneShotCredentials, {
  valid: [
    // No `credentials`: the default chain, resolved at each token.
    `
import { Signer } from '@aws-sdk/rds-signer';
export const signer = new Signer({ hostname: 'db.example.eu-west-1.rds.amazonaws.com', port: 5432, username: 'app' });
    `,
    // A provider, SDK or local.
    `
import { Signer } from '@aws-sdk/rds-signer';
import { DsqlSigner } from '@aws-sdk/dsql-signer';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
export const rds = new Signer({ hostname: 'db.example.eu-west-1.rds.amazonaws.com', port: 5432, username: 'app', credentials: fromNodeProviderChain() });
export const dsql = new DsqlSigner({
  hostname: 'abc.dsql.eu-west-1.on.aws',
  credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/db', RoleSessionName: 'db' } }),
});
const provider = fromNodeProviderChain();
export const local = new DsqlSigner({ hostname: 'abc.dsql.eu-west-1.on.aws', credentials: () => provider() });
    `,
  ],
  invalid: [
    {
      // An STS response copied into the RDS signer: every token after the hour is signed with expired keys.
      code: `
import { Signer } from '@aws-sdk/rds-signer';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/db', RoleSessionName: 'db' }));
export const signer = new Signer({
  hostname: 'db.example.eu-west-1.rds.amazonaws.com',
  port: 5432,
  username: 'app',
  credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken },
});
      `,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'Signer', source: 'AssumeRole' },
          line: 10, column: 3, endLine: 10, endColumn: 142,
          suggestions: [
            {
              messageId: 'useTemporaryCredentials',
              output: `
import { Signer } from '@aws-sdk/rds-signer';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/db', RoleSessionName: 'db' }));
export const signer = new Signer({
  hostname: 'db.example.eu-west-1.rds.amazonaws.com',
  port: 5432,
  username: 'app',
  credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/db', RoleSessionName: 'db' } }),
});
      `,
            },
          ],
        },
      ],
    },
    {
      // `await fromIni()()` given to the DSQL signer (CommonJS): no suggestion, pass the provider itself.
      code: `
const { DsqlSigner } = require('@aws-sdk/dsql-signer');
const { fromIni } = require('@aws-sdk/credential-providers');
async function createSigner() {
  const resolved = await fromIni({ profile: 'db' })();
  return new DsqlSigner({ hostname: 'abc.dsql.eu-west-1.on.aws', credentials: resolved });
}
module.exports = { createSigner };
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'oneShotCredentials',
          data: { target: 'DsqlSigner', source: 'fromIni()' },
          line: 6, column: 66, endLine: 6, endColumn: 87,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('require-credential-expiration (RDS and DSQL signers)', requireCredentialExpiration, {
  valid: [
    // A provider without `expiration` is called again for every token: nothing is cached to go stale.
    `
import { Signer } from '@aws-sdk/rds-signer';
import { DsqlSigner } from '@aws-sdk/dsql-signer';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({});
async function assume() {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/db', RoleSessionName: 'db' }));
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
}
export const rds = new Signer({ hostname: 'db.example.eu-west-1.rds.amazonaws.com', port: 5432, username: 'app', credentials: assume });
export const dsql = new DsqlSigner({ hostname: 'abc.dsql.eu-west-1.on.aws', credentials: async () => assume() });
    `,
    // No `credentials` at all.
    `
import { DsqlSigner } from '@aws-sdk/dsql-signer';
export const dsql = new DsqlSigner({ hostname: 'abc.dsql.eu-west-1.on.aws' });
    `,
  ],
  invalid: [],
});
