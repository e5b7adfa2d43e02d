import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../../src/utils/create-rule.js';
import { getCredentialModel } from '../../src/utils/sdk/credentials.js';
import { onSdkReferences } from '../../src/utils/sdk/references.js';
import { findTemporaryKeys } from '../../src/utils/sdk/temporary-keys.js';
import { commonjs, ruleTester } from '../rule-tester.js';

/** Reports every `providerHandoffs` entry of the credential model, on the value handed over, with its slot. */
const handoffProbe = createRule<[], 'handoff'>({
  name: 'probe-provider-handoffs',
  meta: {
    type: 'problem',
    docs: { description: 'Report provider handoffs' },
    messages: { handoff: '{{ slot }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return onSdkReferences(context, (references) => {
      for (const { slot, node } of getCredentialModel(context.sourceCode, references).providerHandoffs) {
        context.report({ node, messageId: 'handoff', data: { slot } });
      }
    });
  },
});

/** Reports, for every `probe(accessKeyId, secretAccessKey)`, why `findTemporaryKeys` finds the pair temporary. */
const temporaryProbe = createRule<[], 'temporary'>({
  name: 'probe-temporary-keys',
  meta: {
    type: 'problem',
    docs: { description: 'Report temporary keys' },
    messages: { temporary: '{{ kind }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const probes: TSESTree.CallExpression[] = [];
    return {
      CallExpression(node) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe') probes.push(node);
      },
      ...onSdkReferences(context, (references) => {
        const model = getCredentialModel(context.sourceCode, references);
        for (const node of probes) {
          const [accessKeyId, secretAccessKey] = node.arguments;
          const found = accessKeyId && secretAccessKey && findTemporaryKeys(model, accessKeyId, secretAccessKey);
          const kind = !found ? 'none' : found.kind === 'source' ? `${found.source.kind}` : found.kind;
          context.report({ node, messageId: 'temporary', data: { kind } });
        }
      }),
    };
  },
});

const at = <Id extends string>(messageId: Id, data: Record<string, string>, line: number, column: number, endColumn: number) => ({
  messageId,
  data,
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run('providerHandoffs', handoffProbe, {
  valid: [
    // An exported function under another name is no role assumer; a file with no SDK reference has no model.
    `
import { STSClient } from '@aws-sdk/client-sts';
export const assume = async () => ({ accessKeyId: 'a', secretAccessKey: 'b' });
    `,
  ],
  invalid: [
    {
      code: `
import { createCredentialChain, fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { memoize } from '@smithy/property-provider';
createCredentialChain(first, second);
fromIni({ roleAssumer: assume });
fromTemporaryCredentials({ params, clientConfig: { credentials: master } });
memoize(load, isExpired);
      `,
      errors: [
        at('handoff', { slot: 'createCredentialChain' }, 4, 23, 28),
        at('handoff', { slot: 'createCredentialChain' }, 4, 30, 36),
        at('handoff', { slot: 'roleAssumer' }, 5, 24, 30),
        at('handoff', { slot: 'clientConfig.credentials' }, 6, 65, 71),
        at('handoff', { slot: 'memoize' }, 7, 9, 13),
      ],
    },
    {
      // ESM exports: a named `const` and a function declaration.
      code: `
import { STSClient } from '@aws-sdk/client-sts';
export const roleAssumerWithWebIdentity = assumeWithSts;
export function roleAssumer() {}
      `,
      errors: [
        at('handoff', { slot: 'roleAssumerWithWebIdentity' }, 3, 43, 56),
        at('handoff', { slot: 'roleAssumer' }, 4, 8, 33),
      ],
    },
    {
      // ESM exports: a specifier and a default object.
      code: `
import { STSClient } from '@aws-sdk/client-sts';
const local = assume;
export { local as roleAssumer };
export default { roleAssumerWithWebIdentity: other };
      `,
      errors: [
        at('handoff', { slot: 'roleAssumer' }, 4, 10, 15),
        at('handoff', { slot: 'roleAssumerWithWebIdentity' }, 5, 46, 51),
      ],
    },
    {
      // CommonJS exports.
      code: `
const { STS } = require('aws-sdk');
module.exports = { roleAssumer };
module.exports.roleAssumer = assume;
exports.roleAssumerWithWebIdentity = assumeWeb;
      `,
      languageOptions: commonjs,
      errors: [
        at('handoff', { slot: 'roleAssumer' }, 3, 20, 31),
        at('handoff', { slot: 'roleAssumer' }, 4, 30, 36),
        at('handoff', { slot: 'roleAssumerWithWebIdentity' }, 5, 38, 47),
      ],
    },
  ],
});

ruleTester.run('findTemporaryKeys', temporaryProbe, {
  valid: [],
  invalid: [
    {
      code: `
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { GetCredentialsForIdentityCommand, CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { fromIni } from '@aws-sdk/credential-providers';
const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand(input));
const cognito = await new CognitoIdentityClient({}).send(new GetCredentialsForIdentityCommand(input));
const resolved = await fromIni()();
const keyId = 'ASIAY34FZKBOKMUTVV7A';
probe(Credentials.AccessKeyId, Credentials.SecretAccessKey);
probe(cognito.Credentials.AccessKeyId, cognito.Credentials.SecretKey);
probe(resolved.accessKeyId, resolved.secretAccessKey);
probe(keyId, secret);
probe('AKIAIOSFODNN7EXAMPLE', secret);
probe(process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY);
      `,
      errors: [
        at('temporary', { kind: 'response' }, 9, 1, 60),
        at('temporary', { kind: 'response' }, 10, 1, 70),
        at('temporary', { kind: 'resolvedProvider' }, 11, 1, 54),
        at('temporary', { kind: 'keyId' }, 12, 1, 21),
        at('temporary', { kind: 'none' }, 13, 1, 38),
        at('temporary', { kind: 'none' }, 14, 1, 72),
      ],
    },
    {
      // The environment pair counts once the file reads `AWS_SESSION_TOKEN` (here destructured, from `node:process`).
      code: `
import { env } from 'node:process';
import { S3Client } from '@aws-sdk/client-s3';
const { AWS_SESSION_TOKEN } = env;
const { AWS_SECRET_ACCESS_KEY: secret } = process.env;
probe(env.AWS_ACCESS_KEY_ID ?? '', secret);
probe(env.AWS_ACCESS_KEY_ID, env.OTHER_SECRET);
      `,
      errors: [at('temporary', { kind: 'environment' }, 6, 1, 43), at('temporary', { kind: 'none' }, 7, 1, 47)],
    },
    {
      // The metadata service's credential JSON, through `await res.json()`; a JSON from another host is unknown.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
const base = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';
const res = await fetch(base + role);
const body = await res.json();
const other = await (await fetch('https://broker.example.com/creds')).json();
probe(body.AccessKeyId, body.SecretAccessKey);
probe(other.AccessKeyId, other.SecretAccessKey);
      `,
      errors: [at('temporary', { kind: 'metadata' }, 7, 1, 46), at('temporary', { kind: 'none' }, 8, 1, 48)],
    },
  ],
});
