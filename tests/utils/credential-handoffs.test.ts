import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../../src/utils/create-rule.js';
import { getCredentialModel } from '../../src/utils/sdk/credentials.js';
import { onSdkReferences } from '../../src/utils/sdk/references.js';
import { findTemporaryKeys } from '../../src/utils/sdk/temporary-keys.js';
import { commonjs, ruleTester } from '../rule-tester.js';

/**
 * Reports every `providerHandoffs` entry of the credential model on the value handed over:
 * `<kind> <name> <slot>[ forever][ expireAfter]`.
 */
const handoffProbe = createRule<[], 'handoff'>({
  name: 'probe-provider-handoffs',
  meta: {
    type: 'problem',
    docs: { description: 'Report provider handoffs' },
    messages: { handoff: '{{ handoff }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return onSdkReferences(context, (references) => {
      for (const { kind, name, slot, node, cachesForever, expireAfter } of getCredentialModel(context.sourceCode, references).providerHandoffs) {
        const handoff = `${kind} ${name} ${slot}${cachesForever ? ' forever' : ''}${expireAfter ? ' expireAfter' : ''}`;
        context.report({ node, messageId: 'handoff', data: { handoff } });
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

const handoff = (text: string, line: number, column: number, endLine: number, endColumn: number) => ({
  messageId: 'handoff' as const,
  data: { handoff: text },
  line,
  column,
  endLine,
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
      // ESM exports: a named `const` and a function declaration.
      code: `
import { STSClient } from '@aws-sdk/client-sts';
export const roleAssumerWithWebIdentity = assumeWithSts;
export function roleAssumer() {}
      `,
      errors: [
        handoff('export roleAssumerWithWebIdentity roleAssumerWithWebIdentity', 3, 43, 3, 56),
        handoff('export roleAssumer roleAssumer', 4, 8, 4, 33),
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
        handoff('export roleAssumer roleAssumer', 4, 10, 4, 15),
        handoff('export roleAssumerWithWebIdentity roleAssumerWithWebIdentity', 5, 46, 5, 51),
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
        handoff('export roleAssumer roleAssumer', 3, 20, 3, 31),
        handoff('export roleAssumer roleAssumer', 4, 30, 4, 36),
        handoff('export roleAssumerWithWebIdentity roleAssumerWithWebIdentity', 5, 38, 5, 47),
      ],
    },
  ],
});

ruleTester.run('providerHandoffs (kinds, memoizing places)', handoffProbe, {
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
      errors: [handoff('chain createCredentialChain createCredentialChain expireAfter', 4, 37, 4, 45)],
    },
    {
      // Client `credentials` (through a shared config), `createCredentialChain` arguments, role assumers, a
      // provider's `clientConfig.credentials`, `memoize` with and without `isExpired`.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
import { createCredentialChain, fromIni, fromTemporaryCredentials, fromTokenFile } from '@aws-sdk/credential-providers';
import { memoize } from '@smithy/property-provider';

const config = { credentials: vaultProvider };
new S3Client(config);
createCredentialChain(first, second);
fromIni({ roleAssumer });
fromTokenFile({ roleAssumerWithWebIdentity: assume });
fromTemporaryCredentials({ params, clientConfig: { credentials: master } });
memoize(once);
memoize(refreshing, isExpired);
      `,
      errors: [
        handoff('credentials S3Client credentials', 6, 31, 6, 44),
        handoff('chain createCredentialChain createCredentialChain', 8, 23, 8, 28),
        handoff('chain createCredentialChain createCredentialChain', 8, 30, 8, 36),
        handoff('roleAssumer fromIni roleAssumer', 9, 11, 9, 22),
        handoff('roleAssumer fromTokenFile roleAssumerWithWebIdentity', 10, 45, 10, 51),
        handoff('clientConfig fromTemporaryCredentials clientConfig.credentials', 11, 65, 11, 71),
        handoff('memoize memoize memoize forever', 12, 9, 12, 13),
        handoff('memoize memoize memoize', 13, 9, 13, 19),
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
        handoff('export roleAssumer roleAssumer', 4, 28, 4, 76),
        handoff('export roleAssumerWithWebIdentity roleAssumerWithWebIdentity', 6, 10, 6, 16),
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
        handoff('export roleAssumer roleAssumer', 4, 23, 4, 29),
        handoff('export roleAssumerWithWebIdentity roleAssumerWithWebIdentity', 5, 45, 5, 60),
      ],
    },
  ],
});

ruleTester.run('providerHandoffs (function declaration)', handoffProbe, {
  valid: [],
  invalid: [
    {
      code: `
import { STSClient } from '@aws-sdk/client-sts';

export async function roleAssumerWithWebIdentity(params) {}
      `,
      errors: [handoff('export roleAssumerWithWebIdentity roleAssumerWithWebIdentity', 4, 8, 4, 60)],
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
