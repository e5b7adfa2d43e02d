import { createRule } from '../../src/utils/create-rule.js';
import { getCredentialModel } from '../../src/utils/sdk/credentials.js';
import { onSdkReferences } from '../../src/utils/sdk/references.js';
import { commonjs, ruleTester } from '../rule-tester.js';

/**
 * Reports every provider handoff of the credential model on the value handed over:
 * `<kind> <name>[ forever][ expireAfter]`.
 */
const probe = createRule<[], 'slot'>({
  name: 'probe-provider-handoffs',
  meta: {
    type: 'problem',
    docs: { description: 'Report provider handoffs' },
    messages: { slot: '{{ slot }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return onSdkReferences(context, (references) => {
      for (const slot of getCredentialModel(context.sourceCode, references).providerHandoffs) {
        const slotText = `${slot.kind} ${slot.name}${slot.cachesForever ? ' forever' : ''}${slot.expireAfter ? ' expireAfter' : ''}`;
        context.report({ node: slot.node, messageId: 'slot', data: { slot: slotText } });
      }
    });
  },
});

const slot = (text: string, line: number, column: number, endLine: number, endColumn: number) => ({
  messageId: 'slot' as const,
  data: { slot: text },
  line,
  column,
  endLine,
  endColumn,
});

ruleTester.run('credentials.providerHandoffs', probe, {
  valid: [
    // Not a provider handoff: `credentialDefaultProvider`, a getter, a v2 client.
    `
import { S3Client } from '@aws-sdk/client-s3';
import AWS from 'aws-sdk';

new S3Client({ credentialDefaultProvider: () => provider });
new S3Client({ get credentials() { return keys; } });
new AWS.S3({ credentials: provider });
    `,
    // Exported under other names, or a role-assumer name that is not exported.
    `
import { S3Client } from '@aws-sdk/client-s3';

export const getCredentials = async () => keys;
const roleAssumer = async () => keys;
    `,
  ],
  invalid: [
    {
      // A chain with `.expireAfter(…)` later on: the client calls its functions again whatever they return.
      code: `
import { createCredentialChain } from '@aws-sdk/credential-providers';

const chain = createCredentialChain(provider);
chain.expireAfter(60_000);
      `,
      errors: [slot('chain createCredentialChain expireAfter', 4, 37, 4, 45)],
    },
    {
      // Client `credentials` (through a shared config), `createCredentialChain` arguments, role assumers, `memoize`.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain, fromIni, fromTokenFile } from '@aws-sdk/credential-providers';
import { memoize } from '@smithy/property-provider';

const config = { credentials: vaultProvider };
new S3Client(config);
createCredentialChain(first, second);
fromIni({ roleAssumer });
fromTokenFile({ roleAssumerWithWebIdentity: assume });
memoize(once);
memoize(refreshing, isExpired);
      `,
      errors: [
        slot('credentials S3Client', 6, 31, 6, 44),
        slot('chain createCredentialChain', 8, 23, 8, 28),
        slot('chain createCredentialChain', 8, 30, 8, 36),
        slot('roleAssumer fromIni', 9, 11, 9, 22),
        slot('roleAssumer fromTokenFile', 10, 45, 10, 51),
        slot('memoize memoize forever', 11, 9, 11, 13),
        slot('memoize memoize', 12, 9, 12, 19),
      ],
    },
    {
      // ESM exports under a role-assumer name: a declaration, a renamed specifier (a string name).
      code: `
import { STSClient } from '@aws-sdk/client-sts';

export const roleAssumer = async (source, params) => assume(source, params);
function assume(params) {}
export { assume as 'roleAssumerWithWebIdentity' };
      `,
      errors: [
        slot('export roleAssumer', 4, 28, 4, 76),
        slot('export roleAssumerWithWebIdentity', 6, 10, 6, 16),
      ],
    },
    {
      // CommonJS: `exports.x = …`, `module.exports.x = …`.
      code: `
const { STSClient } = require('@aws-sdk/client-sts');

exports.roleAssumer = assume;
module.exports.roleAssumerWithWebIdentity = assumeWithToken;
      `,
      languageOptions: commonjs,
      errors: [
        slot('export roleAssumer', 4, 23, 4, 29),
        slot('export roleAssumerWithWebIdentity', 5, 45, 5, 60),
      ],
    },
  ],
});

ruleTester.run('credentials.providerHandoffs (function declaration)', probe, {
  valid: [],
  invalid: [
    {
      code: `
import { STSClient } from '@aws-sdk/client-sts';

export async function roleAssumerWithWebIdentity(params) {}
      `,
      errors: [slot('export roleAssumerWithWebIdentity', 4, 8, 4, 60)],
    },
  ],
});
