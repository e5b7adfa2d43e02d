import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isFunction } from '../../src/utils/ast/nodes.js';
import { createRule } from '../../src/utils/create-rule.js';
import {
  getCredentialModel,
  type CredentialInput,
  type CredentialModel,
  type CredentialValue,
} from '../../src/utils/sdk/credentials.js';
import { onSdkReferences } from '../../src/utils/sdk/references.js';
import { ruleTester } from '../rule-tester.js';

/** `static`, `oneShot <source>`, `provider`, `sdkProvider <name>[ profileFile]` or `unknown`. */
function describeValue(model: CredentialModel, value: CredentialValue): string {
  const text = (node: TSESTree.Node): string => model.sourceCode.getText(node);
  switch (value.kind) {
    case 'oneShot': {
      const { source } = value;
      const from =
        source.kind === 'response'
          ? `${source.service}.${source.operation}`
          : source.kind === 'resolvedProvider' || source.kind === 'authSession'
            ? text(source.call)
            : text(source.node);
      return `oneShot ${source.kind} ${from}`;
    }
    case 'sdkProvider':
      return `sdkProvider ${value.name}${value.profileFile ? ' profileFile' : ''}`;
    default:
      return value.kind;
  }
}

/**
 * In files that reach the SDK, reports for every `probe(x)` the kinds `classify(x)` gives, and for every
 * `probeCached(f)` the snapshots `cachedSnapshotsOf(fn)` finds for the functions `f` holds (`none` if none), each
 * as `describeValue` spells it, joined by ` | `.
 */
const probe = createRule<[], 'kinds'>({
  name: 'probe-credentials',
  meta: {
    type: 'problem',
    docs: { description: 'Report what the credential model answers' },
    messages: { kinds: '{{ kinds }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const { sourceCode } = context;
    const probes: TSESTree.CallExpression[] = [];
    return {
      ...onSdkReferences(context, (references) => {
        const model = getCredentialModel(sourceCode, references);
        for (const call of probes) {
          const [argument] = call.arguments;
          if (!argument) continue;
          const isCached = call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'probeCached';
          const values = isCached
            ? model.flow
                .valuesOf(argument)
                .flatMap((value) => (isFunction(value.node) ? model.cachedSnapshotsOf(value.node) : []))
            : model.classify(argument);
          const kinds = values.map((value) => describeValue(model, value)).join(' | ');
          context.report({ node: argument, messageId: 'kinds', data: { kinds: kinds || 'none' } });
        }
      }),
      CallExpression(node) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && ['probe', 'probeCached'].includes(node.callee.name)) {
          probes.push(node);
        }
      },
    };
  },
});

function describeInput(model: CredentialModel, input: CredentialInput): string {
  const text = (node: TSESTree.Node): string => model.sourceCode.getText(node);
  switch (input.kind) {
    case 'property':
      return `${text(input.property.key)}: ${text(input.property.value)}`;
    case 'keys':
      return `keys ${text(input.accessKeyId.value)}, ${text(input.secretAccessKey.value)}${input.sessionToken ? `, ${text(input.sessionToken.value)}` : ''}`;
    case 'assignment':
      return `= ${text(input.assignment.right)}`;
    case 'argument':
      return `argument ${text(input.argument)}`;
    case 'imported':
      return `imported ${text(input.at)} from ${input.origin}`;
  }
}

/** Reports every credential consumer of the file at its node: `<name> <sdk>: <inputs>`, inputs joined by ` | `. */
const consumers = createRule<[], 'consumer'>({
  name: 'probe-consumers',
  meta: {
    type: 'problem',
    docs: { description: 'Report the credential consumers' },
    messages: { consumer: '{{ consumer }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return onSdkReferences(context, (references) => {
      const model = getCredentialModel(context.sourceCode, references);
      for (const consumer of model.consumers) {
        const inputs = consumer.inputs.map((input) => describeInput(model, input)).join(' | ');
        context.report({
          node: consumer.node,
          messageId: 'consumer',
          data: { consumer: `${consumer.name} ${consumer.sdk}: ${inputs}` },
        });
      }
    });
  },
});

const kinds = (value: string, line: number, column: number, endColumn: number) => ({
  messageId: 'kinds' as const,
  data: { kinds: value },
  line,
  column,
  endLine: line,
  endColumn,
});

const consumer = (value: string, line: number, column: number, endColumn: number) => ({
  messageId: 'consumer' as const,
  data: { consumer: value },
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run('classify and cachedSnapshotsOf', probe, {
  valid: [
    // A file that reaches no SDK module asks nothing.
    `
const keys = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' };
probe(keys);
    `,
  ],
  invalid: [
    // An object literal with keys from no one-shot source.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
const keys = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' };
probe(keys);
      `,
      errors: [kinds('static', 4, 7, 11)],
    },
    // STS AssumeRole through a v3 `send`: the object that copies the keys, and a key itself.
    {
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({});
const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn', RoleSessionName: 's' }));
probe({ accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey });
probe(Credentials.AccessKeyId);
      `,
      errors: [
        kinds('oneShot response sts.AssumeRole', 5, 7, 93),
        kinds('oneShot response sts.AssumeRole', 6, 7, 30),
      ],
    },
    // STS AssumeRole through the v3 aggregated client's method.
    {
      code: `
import { STS } from '@aws-sdk/client-sts';
const sts = new STS({});
const response = await sts.assumeRole({ RoleArn: 'arn', RoleSessionName: 's' });
probe({ accessKeyId: response.Credentials.AccessKeyId, secretAccessKey: response.Credentials.SecretAccessKey });
      `,
      errors: [kinds('oneShot response sts.AssumeRole', 5, 7, 111)],
    },
    // STS AssumeRole through v2 `.promise()`.
    {
      code: `
import AWS from 'aws-sdk';
const sts = new AWS.STS();
const data = await sts.assumeRole({ RoleArn: 'arn', RoleSessionName: 's' }).promise();
probe({ accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey });
      `,
      errors: [kinds('oneShot response sts.AssumeRole', 5, 7, 103)],
    },
    // STS AssumeRole through a v2 Node-style callback.
    {
      code: `
import AWS from 'aws-sdk';
const sts = new AWS.STS();
sts.assumeRole({ RoleArn: 'arn', RoleSessionName: 's' }, (err, data) => {
  probe({ accessKeyId: data.Credentials.AccessKeyId, secretAccessKey: data.Credentials.SecretAccessKey });
});
      `,
      errors: [kinds('oneShot response sts.AssumeRole', 5, 9, 105)],
    },
    // Cognito `GetCredentialsForIdentity`, whose secret is `SecretKey`.
    {
      code: `
import { CognitoIdentityClient, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
const cognito = new CognitoIdentityClient({});
const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: id }));
probe({ accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretKey });
      `,
      errors: [kinds('oneShot response cognitoidentity.GetCredentialsForIdentity', 5, 7, 87)],
    },
    // IAM Identity Center `GetRoleCredentials`.
    {
      code: `
import { SSOClient, GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
const sso = new SSOClient({});
const { roleCredentials } = await sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
probe({ accessKeyId: roleCredentials.accessKeyId, secretAccessKey: roleCredentials.secretAccessKey });
      `,
      errors: [kinds('oneShot response sso.GetRoleCredentials', 5, 7, 101)],
    },
    // A provider called once and its result kept.
    {
      code: `
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
const resolved = await fromNodeProviderChain()();
probe(resolved);
      `,
      errors: [kinds('oneShot resolvedProvider fromNodeProviderChain()()', 4, 7, 15)],
    },
    // The keys a refreshing v2 credentials object held at one moment.
    {
      code: `
import AWS from 'aws-sdk';
probe({ accessKeyId: AWS.config.credentials.accessKeyId, secretAccessKey: AWS.config.credentials.secretAccessKey });
      `,
      errors: [kinds('oneShot v2Snapshot AWS.config.credentials', 3, 7, 115)],
    },
    // A function the file defines, called by the consumer.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
async function provide() { return { accessKeyId: 'a', secretAccessKey: 'b', expiration: new Date() }; }
probe(provide);
probe(async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }));
      `,
      errors: [
        kinds('provider', 4, 7, 14),
        kinds('provider', 5, 7, 63),
      ],
    },
    // SDK providers; `fromIni()` and `SharedIniFileCredentials` read the profile file.
    {
      code: `
import AWS from 'aws-sdk';
import { fromIni, fromEnv } from '@aws-sdk/credential-providers';
probe(fromIni({ profile: 'dev' }));
probe(fromEnv());
probe(new AWS.SharedIniFileCredentials({ profile: 'dev' }));
probe(new AWS.EC2MetadataCredentials());
      `,
      errors: [
        kinds('sdkProvider fromIni profileFile', 4, 7, 34),
        kinds('sdkProvider fromEnv', 5, 7, 16),
        kinds('sdkProvider SharedIniFileCredentials profileFile', 6, 7, 59),
        kinds('sdkProvider EC2MetadataCredentials', 7, 7, 39),
      ],
    },
    // A parameter: unknown.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
export function build(credentials) { probe(credentials); }
      `,
      errors: [kinds('unknown', 3, 44, 55)],
    },
    // A provider that hands out a module-level cache of STS credentials with no expiry check: one snapshot,
    // however many `return cached` there are.
    {
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({});
let cached;
async function provider() {
  if (cached) return cached;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn', RoleSessionName: 's' }));
  cached = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration };
  return cached;
}
probeCached(provider);
      `,
      errors: [kinds('oneShot response sts.AssumeRole', 11, 13, 21)],
    },
    // The same cache checked against the clock: none.
    {
      code: `
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sts = new STSClient({});
let cached;
async function provider() {
  if (cached && cached.expiration.getTime() - Date.now() > 300_000) return cached;
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn', RoleSessionName: 's' }));
  cached = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, expiration: Credentials.Expiration };
  return cached;
}
probeCached(provider);
      `,
      errors: [kinds('none', 11, 13, 21)],
    },
  ],
});

ruleTester.run('consumers', consumers, {
  valid: [
    // Commands and providers take no credentials.
    `
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
new AssumeRoleCommand({ RoleArn: 'arn' });
fromIni({ profile: 'dev' });
    `,
  ],
  invalid: [
    // A v3 client, with and without `credentials`.
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
new S3Client({ region: 'eu-west-1', credentials: provider });
new S3Client({ region: 'eu-west-1' });
      `,
      errors: [
        consumer('S3Client v3: credentials: provider', 3, 1, 61),
        consumer('S3Client v3: ', 4, 1, 38),
      ],
    },
    // v2 service options: flattened keys (both needed), and `credentials`.
    {
      code: `
import AWS from 'aws-sdk';
new AWS.S3({ accessKeyId: id, secretAccessKey: secret, sessionToken: token });
new AWS.SQS({ credentials: creds });
new AWS.SNS({ accessKeyId: id });
      `,
      errors: [
        consumer('AWS.S3 v2: keys id, secret, token', 3, 1, 78),
        consumer('AWS.SQS v2: credentials: creds', 4, 1, 36),
        consumer('AWS.SNS v2: ', 5, 1, 33),
      ],
    },
    // `AWS.config.update(…)` and `AWS.config.credentials = …`.
    {
      code: `
import AWS from 'aws-sdk';
AWS.config.update({ credentials: creds });
AWS.config.credentials = creds;
      `,
      errors: [
        consumer('AWS.config v2: credentials: creds', 3, 1, 42),
        consumer('AWS.config v2: = creds', 4, 1, 31),
      ],
    },
    // `fromTemporaryCredentials({ masterCredentials })`.
    {
      code: `
import { fromTemporaryCredentials, fromIni } from '@aws-sdk/credential-providers';
fromTemporaryCredentials({ masterCredentials: fromIni(), params: { RoleArn: 'arn' } });
      `,
      errors: [consumer('fromTemporaryCredentials v3: masterCredentials: fromIni()', 3, 1, 87)],
    },
    // Signers outside the clients: `SignatureV4`, opensearch `AwsSigv4Signer` and `aws-opensearch-connector`.
    {
      code: `
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import createAwsOpensearchConnector from 'aws-opensearch-connector';
new SignatureV4({ credentials: provider, service: 'es', region: 'eu-west-1', sha256: Sha256 });
AwsSigv4Signer({ region: 'eu-west-1', getCredentials: () => provider() });
createAwsOpensearchConnector({ credentials: creds, region: 'eu-west-1' });
      `,
      errors: [
        consumer('SignatureV4 v3: credentials: provider', 5, 1, 95),
        consumer('AwsSigv4Signer v3: getCredentials: () => provider()', 6, 1, 74),
        consumer('aws-opensearch-connector v3: credentials: creds', 7, 1, 74),
      ],
    },
  ],
});
