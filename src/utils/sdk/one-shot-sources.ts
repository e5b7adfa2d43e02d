/**
 * `findCredentialSource` plus the one-shot shapes it does not follow yet: keys copied out of a refreshing v2
 * credentials object, and caches declared `let cached = null` that the file fills once.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isMemberNamed, skipTransparent } from '../ast/nodes.js';
import { findCredentialSource, getCallbackResultCall, type CredentialSource } from './credential-sources.js';
import type { SdkReferences } from './references.js';
import { getBindingSource, getVariable, resolveValue, type BindingSource } from '../scope/values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The keys a credentials object holds, in v3 identities and v2 `AWS.Credentials` alike. */
const CREDENTIAL_KEYS: ReadonlySet<string> = new Set(['accessKeyId', 'secretAccessKey', 'sessionToken']);

const MAX_STEPS = 12;

/**
 * Where a credential value came from, like `findCredentialSource`, also following:
 * - v2 snapshots of any refreshing credentials object: `creds.accessKeyId` where
 *   `const creds = new AWS.EC2MetadataCredentials()`, `const c = AWS.config.credentials; c.accessKeyId`,
 *   `const { accessKeyId } = AWS.config.credentials`, `s3.config.credentials.accessKeyId` (v2 client),
 *   `AWS.config.getCredentials((err, credentials) => … credentials.accessKeyId …)`;
 * - caches: `let cached = null; … cached = await sts.send(…)` (every other write is `null`/`undefined`).
 */
export function findOneShotSource(
  sourceCode: SourceCode,
  references: SdkReferences,
  node: TSESTree.Node,
): CredentialSource | undefined {
  let current: TSESTree.Node | undefined = node;
  for (let steps = 0; current && steps < MAX_STEPS; steps++) {
    current = skipTransparent(current);
    const found =
      findCredentialSource(sourceCode, references, current) ?? findV2Snapshot(sourceCode, references, current);
    if (found) {
      return found;
    }
    current = getNextNode(sourceCode, current);
  }
  return undefined;
}

/**
 * What a cache variable holds: `let cached = null; … cached = { accessKeyId: … };` → the object literal. Also the
 * plain `resolveValue` cases (`const`, a `let` written once).
 */
export function resolveCachedValue(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node | undefined {
  const value = skipTransparent(node);
  const resolved = resolveValue(sourceCode, value);
  if (resolved !== undefined || value.type !== AST_NODE_TYPES.Identifier) {
    return resolved;
  }
  const cache = getCacheSource(sourceCode, value);
  return cache && resolveValue(sourceCode, cache.init);
}

/** How a message names a source: `AssumeRole`, `fromIni()`, `client.config.credentials()`, `AWS.config.credentials`. */
export function describeCredentialSource(
  sourceCode: SourceCode,
  references: SdkReferences,
  source: CredentialSource,
): string {
  switch (source.kind) {
    case 'stsResponse':
      return source.operation;
    case 'resolvedProvider': {
      const callee = skipTransparent(source.call.callee);
      const provider = resolveValue(sourceCode, callee);
      const reference = provider && references.get(provider);
      return reference?.info.kind === 'provider'
        ? `${reference.info.name}()`
        : `${sourceCode.getText(callee)}()`;
    }
    case 'v2Snapshot': {
      const { node } = source;
      return sourceCode.getText(
        node.type === AST_NODE_TYPES.MemberExpression && isCredentialKey(node) ? node.object : node,
      );
    }
  }
}

/** One step back along the value: `a ?? b` → `a`, `a.b` → `a`, a binding → what it was given. */
function getNextNode(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.LogicalExpression:
      return node.left;
    case AST_NODE_TYPES.MemberExpression:
      return node.object;
    case AST_NODE_TYPES.Identifier:
      return (getBindingSource(sourceCode, node) ?? getCacheSource(sourceCode, node))?.init;
    default:
      return undefined;
  }
}

/** `holder.accessKeyId` or `const { accessKeyId } = holder`, where `holder` is a refreshing v2 credentials object. */
function findV2Snapshot(
  sourceCode: SourceCode,
  references: SdkReferences,
  node: TSESTree.Node,
): CredentialSource | undefined {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    return isCredentialKey(node) && isV2CredentialsHolder(sourceCode, references, node.object)
      ? { kind: 'v2Snapshot', node }
      : undefined;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const binding = getBindingSource(sourceCode, node);
  const [key] = binding?.path ?? [];
  return binding?.path.length === 1 &&
    CREDENTIAL_KEYS.has(key as string) &&
    isV2CredentialsHolder(sourceCode, references, binding.init)
    ? { kind: 'v2Snapshot', node: binding.init }
    : undefined;
}

function isCredentialKey(member: TSESTree.MemberExpression): boolean {
  const key = getPropertyName(member);
  return key !== undefined && CREDENTIAL_KEYS.has(key);
}

/**
 * A v2 credentials object that refreshes itself, read at one moment: `AWS.config.credentials`, a v2 client's
 * `config.credentials`, `new AWS.<X>Credentials(…)` (not the plain, static `AWS.Credentials`), or the `credentials`
 * argument of an `AWS.config.getCredentials` callback.
 */
function isV2CredentialsHolder(sourceCode: SourceCode, references: SdkReferences, node: TSESTree.Node): boolean {
  const holder = skipTransparent(node);
  if (holder.type === AST_NODE_TYPES.Identifier && isGetCredentialsResult(sourceCode, references, holder)) {
    return true;
  }
  const resolved = resolveValue(sourceCode, holder);
  const value = resolved && skipTransparent(resolved);
  if (value?.type === AST_NODE_TYPES.NewExpression) {
    const info = references.get(value)?.info;
    return info?.kind === 'v2Credentials' && info.name !== 'Credentials';
  }
  return value !== undefined && isMemberNamed(value, 'credentials') && isV2Config(sourceCode, references, value.object);
}

/** `AWS.config`, or `s3.config` of a v2 client the file constructs. */
function isV2Config(sourceCode: SourceCode, references: SdkReferences, node: TSESTree.Node): boolean {
  const config = skipTransparent(node);
  if (references.get(config)?.info.kind === 'v2GlobalConfig') {
    return true;
  }
  if (!isMemberNamed(config, 'config')) {
    return false;
  }
  const client = resolveValue(sourceCode, config.object);
  const info = client && references.get(client)?.info;
  return info?.kind === 'client' && info.sdk === 'v2';
}

/** `credentials` in `AWS.config.getCredentials((err, credentials) => …)`. */
function isGetCredentialsResult(
  sourceCode: SourceCode,
  references: SdkReferences,
  identifier: TSESTree.Identifier,
): boolean {
  const call = getCallbackResultCall(sourceCode, identifier);
  if (!call) {
    return false;
  }
  const callee = skipTransparent(call.callee);
  return isMemberNamed(callee, 'getCredentials') && isV2Config(sourceCode, references, callee.object);
}

/**
 * A `let`/`var` cache that holds one real value: `let cached = null;` (or no initializer) plus exactly one
 * `cached = value` whose value is not `null`/`undefined`; other writes may only reset it to `null`/`undefined`.
 */
function getCacheSource(sourceCode: SourceCode, identifier: TSESTree.Identifier): BindingSource | undefined {
  const variable = getVariable(sourceCode, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  if (def.node.init && !isNullish(def.node.init)) {
    return undefined;
  }
  let value: TSESTree.Expression | undefined;
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init) continue;
    const assignment = reference.identifier.parent;
    if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') {
      return undefined;
    }
    if (isNullish(assignment.right)) continue;
    if (value) {
      return undefined;
    }
    value = assignment.right;
  }
  return value && { init: value, path: [] };
}

function isNullish(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && value.raw === 'null') ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') ||
    (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void')
  );
}
