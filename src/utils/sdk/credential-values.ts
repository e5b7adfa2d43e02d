/**
 * What a value is, credential-wise, as far as the file shows: a secret member (`x.secretAccessKey`,
 * `x.SessionToken`, `process.env.AWS_SECRET_ACCESS_KEY`), a binding destructured out of one, an object shaped like
 * credentials, or a whole credential object (an STS response, a resolved identity, a v2 credentials object).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getEndName, getPropertyName, isMemberNamed, isPlainReference, isProcessEnv, skipTransparent } from '../ast/nodes.js';
import { findProperty, getBindingSource, resolveValue } from '../scope/values.js';
import { getCredentialModel, type CredentialSource } from './credentials.js';
import { SECRET_ENV_VARIABLES } from './environment.js';
import type { SdkReferences } from './references.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** What every question needs: the file, and its SDK references when it imports the SDK. */
export interface CredentialFile {
  sourceCode: SourceCode;
  references: SdkReferences | undefined;
}

/** A secret found by name, with the expression that names the same credentials without revealing them. */
export interface SecretMember {
  /** E.g. `` `secretAccessKey` ``, `` `process.env.AWS_SESSION_TOKEN` ``. */
  what: string;
  /** E.g. `creds.accessKeyId`, `process.env.AWS_ACCESS_KEY_ID`. */
  accessKeyId: string | undefined;
}

/** A whole object that holds keys, and how to show only what identifies it. */
export interface CredentialObject {
  what: string;
  /** An object literal of its non-secret members (access key ID, expiration), when the object can be read again. */
  fields: string | undefined;
}

/** Credential members that hold a secret, each with the member that names the same key without revealing it. */
const SECRET_MEMBERS: ReadonlyMap<string, string> = new Map([
  ['secretAccessKey', 'accessKeyId'],
  ['sessionToken', 'accessKeyId'],
  ['SecretAccessKey', 'AccessKeyId'],
  ['SessionToken', 'AccessKeyId'],
]);

/** The v2 classes whose instances hold no keys of their own. */
const V2_KEYLESS_CLASSES: ReadonlySet<string> = new Set(['CredentialProviderChain']);

/** How many members and bindings a credential object is followed through; guards against cycles. */
const MAX_CREDENTIAL_OBJECT_STEPS = 8;

/** Whether a member or key name always holds a secret: `secretAccessKey`, `sessionToken`, `SecretAccessKey`, `SessionToken`. */
export function isSecretMemberName(name: string): boolean {
  return SECRET_MEMBERS.has(name);
}

/** `env` of `const { env } = process`. */
export function isDestructuredProcessEnv(file: CredentialFile, node: TSESTree.Node): boolean {
  const binding = node.type === AST_NODE_TYPES.Identifier ? getBindingSource(file.sourceCode, node) : undefined;
  return (
    binding?.path.length === 1 &&
    binding.path[0] === 'env' &&
    binding.init.type === AST_NODE_TYPES.Identifier &&
    binding.init.name === 'process'
  );
}

/**
 * A member that holds a secret whatever its object: `x.secretAccessKey`, `x.SessionToken`,
 * `process.env.AWS_SECRET_ACCESS_KEY`, and `x.Token` when `x` is credential-shaped (IMDS / container JSON).
 */
export function getSecretMember(file: CredentialFile, node: TSESTree.Node): SecretMember | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) {
    return undefined;
  }
  const name = getPropertyName(node);
  if (name === undefined) {
    return undefined;
  }
  if (isProcessEnv(node.object)) {
    return SECRET_ENV_VARIABLES.has(name)
      ? { what: `\`process.env.${name}\``, accessKeyId: 'process.env.AWS_ACCESS_KEY_ID' }
      : undefined;
  }
  const accessKeyId = SECRET_MEMBERS.get(name) ?? (name === 'Token' ? 'AccessKeyId' : undefined);
  if (accessKeyId === undefined || (name === 'Token' && !isCredentialShaped(file, node.object))) {
    return undefined;
  }
  return { what: `\`${name}\``, accessKeyId: `${getMemberObjectText(file.sourceCode, node)}${accessKeyId}` };
}

/** `creds.` or `creds?.` for `creds.secretAccessKey` / `creds?.['secretAccessKey']`. */
function getMemberObjectText(sourceCode: SourceCode, member: TSESTree.MemberExpression): string {
  return `${sourceCode.getText(member.object)}${member.optional ? '?.' : '.'}`;
}

/**
 * A binding destructured out of a secret member: `const { secretAccessKey } = creds`,
 * `const { SessionToken: token } = Credentials`, `const { AWS_SESSION_TOKEN } = process.env`.
 */
export function getDestructuredSecret(file: CredentialFile, identifier: TSESTree.Identifier): string | undefined {
  const binding = getBindingSource(file.sourceCode, identifier);
  const key = binding?.path.at(-1);
  if (!binding || key === undefined) {
    return undefined;
  }
  const init = skipTransparent(binding.init);
  if (binding.path.length === 1 && isProcessEnv(init) && SECRET_ENV_VARIABLES.has(key)) {
    return `\`process.env.${key}\``;
  }
  if (SECRET_MEMBERS.has(key)) {
    return `\`${key}\``;
  }
  const holder = binding.path.at(-2);
  const tokenOfCredentials =
    key === 'Token' && (holder === undefined ? isCredentialShaped(file, init) : isCredentialsName(holder));
  return tokenOfCredentials ? '`Token`' : undefined;
}

/**
 * An object that holds AWS credentials as far as the file shows: named so (`creds`, `data.Credentials`), built with
 * `AccessKeyId`/`SecretAccessKey`, or traced to an STS response or a resolved provider. Keeps `oauth.Token` quiet.
 */
export function isCredentialShaped(file: CredentialFile, node: TSESTree.Node): boolean {
  const object = skipTransparent(node);
  const name = getEndName(object);
  if (name !== undefined && isCredentialsName(name)) {
    return true;
  }
  const key =
    object.type === AST_NODE_TYPES.Identifier ? getBindingSource(file.sourceCode, object)?.path.at(-1) : undefined;
  if (key !== undefined && isCredentialsName(key)) {
    return true;
  }
  const { sourceCode, references } = file;
  const value = resolveValue(sourceCode, object);
  if (
    value?.type === AST_NODE_TYPES.ObjectExpression &&
    (findProperty(sourceCode, value, 'AccessKeyId') ?? findProperty(sourceCode, value, 'SecretAccessKey'))
  ) {
    return true;
  }
  return references !== undefined && getCredentialModel(sourceCode, references).sourceOf(object) !== undefined;
}

/** E.g. `credentials`, `Credentials`, `imdsCredentials`, `creds`, `awsCreds`, `aws_creds`; not `credit` or `sacred`. */
function isCredentialsName(name: string): boolean {
  return /credential/i.test(name) || /(?:^|_)creds?$/i.test(name) || /[a-z\d]Creds?$/.test(name);
}

/**
 * A whole credential object, found through the SDK references: an STS response or its `Credentials`
 * (`await sts.send(new AssumeRoleCommand(...))`), a resolved identity (`await provider()`,
 * `await client.config.credentials()`), v2 `AWS.config.credentials` / `AWS.config`, a v2 service's
 * `config.credentials`, a v2 credentials instance. `fields` is the replacement the suggestion logs instead.
 */
export function getCredentialObject(
  file: CredentialFile,
  node: TSESTree.Node,
): CredentialObject | undefined {
  const { sourceCode, references } = file;
  if (!references) {
    return undefined;
  }
  const text = isPlainReference(node) ? sourceCode.getText(node) : undefined;
  const path: string[] = [];
  let current: TSESTree.Node = node;
  for (let steps = 0; steps < MAX_CREDENTIAL_OBJECT_STEPS; steps++) {
    current = skipTransparent(current);
    const v2 = getV2CredentialObject(file, current, path, text);
    if (v2) {
      return v2;
    }
    switch (current.type) {
      case AST_NODE_TYPES.MemberExpression: {
        const key = getPropertyName(current);
        if (key === undefined) return undefined;
        path.unshift(key);
        current = current.object;
        break;
      }
      case AST_NODE_TYPES.Identifier: {
        const binding = getBindingSource(sourceCode, current);
        if (!binding) {
          // E.g. v2 callbacks: `sts.assumeRole(params, (err, data) => console.log(data))`.
          return classifySource(getCredentialModel(sourceCode, references).sourceOf(current), path, text);
        }
        path.unshift(...binding.path);
        current = binding.init;
        break;
      }
      case AST_NODE_TYPES.AwaitExpression:
        return classifySource(getCredentialModel(sourceCode, references).sourceOf(current), path, text);
      default:
        return undefined;
    }
  }
  return undefined;
}

/**
 * `AWS.config` and `AWS.config.credentials`, `s3.config.credentials` (a v2 service), `config.credentials`
 * (`new AWS.Config`), `new AWS.EC2MetadataCredentials()`: v2 objects that hold the keys once they are loaded.
 * v3 `client.config.credentials` is a provider function and holds none.
 */
function getV2CredentialObject(
  file: CredentialFile,
  node: TSESTree.Node,
  path: readonly string[],
  text: string | undefined,
): CredentialObject | undefined {
  const { sourceCode, references } = file;
  const info = references?.get(node)?.info;
  if (info?.kind === 'v2GlobalConfig') {
    if (path.length === 0) {
      return { what: '`AWS.config`', fields: text && `{ accessKeyId: ${text}.credentials?.accessKeyId }` };
    }
    return path.length === 1 && path[0] === 'credentials'
      ? { what: '`AWS.config.credentials`', fields: text && `{ accessKeyId: ${text}?.accessKeyId }` }
      : undefined;
  }
  if (path.length > 0) {
    return undefined;
  }
  if (info?.kind === 'v2Credentials' && node.type === AST_NODE_TYPES.NewExpression) {
    return V2_KEYLESS_CLASSES.has(info.name)
      ? undefined
      : {
          what: `an \`AWS.${info.name}\` object`,
          fields: text && `{ accessKeyId: ${text}.accessKeyId, expireTime: ${text}.expireTime }`,
        };
  }
  if (!isMemberNamed(node, 'credentials') || !references) {
    return undefined;
  }
  // `AWS.config.credentials` is left to the trace, which names it through `AWS.config`.
  const object = skipTransparent(node.object);
  const holder = references.get(resolveValue(sourceCode, object) ?? object)?.info;
  const client = isMemberNamed(object, 'config') ? resolveValue(sourceCode, object.object) : undefined;
  const clientInfo = client && references.get(client)?.info;
  const isV2Config = holder?.kind === 'v2Config' || (clientInfo?.kind === 'client' && clientInfo.sdk === 'v2');
  return isV2Config
    ? { what: '`config.credentials`', fields: text && `{ accessKeyId: ${text}?.accessKeyId }` }
    : undefined;
}

/** The whole STS response or its `Credentials`, or a whole resolved identity; not their other members. */
function classifySource(
  source: CredentialSource | undefined,
  path: readonly string[],
  text: string | undefined,
): CredentialObject | undefined {
  if (source?.kind === 'response' && source.service === 'sts' && (path.length === 0 || (path.length === 1 && path[0] === 'Credentials'))) {
    const credentials = text && (path.length === 0 ? `${text}.Credentials` : text);
    return {
      what: 'STS `Credentials`',
      fields: credentials && `{ AccessKeyId: ${credentials}?.AccessKeyId, Expiration: ${credentials}?.Expiration }`,
    };
  }
  if (source?.kind === 'resolvedProvider' && path.length === 0) {
    return {
      what: 'resolved credentials',
      fields: text && `{ accessKeyId: ${text}.accessKeyId, expiration: ${text}.expiration }`,
    };
  }
  return undefined;
}

