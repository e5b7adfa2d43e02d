/**
 * Whether an object whose expiry a file reads holds AWS credentials, decided from evidence in the file: the object
 * (or a value that flows to or from it) has credential keys, is read for them, is an STS response or a resolved
 * provider, or is named for credentials.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, skipTransparent } from '../ast/nodes.js';
import {
  CREDENTIAL_EXPIRY_NAMES,
  CREDENTIAL_KEY_NAMES,
  isCredentialObjectName,
  isSessionObjectName,
} from './credential-keys.js';
import { getCredentialModel } from './credentials.js';
import type { SdkReferences } from './references.js';
import { collectFlowPeers, getMembersRead } from '../scope/flows.js';
import type { InstantRead } from '../scope/time-terms.js';
import { findProperty, getBindingSource, resolveObject } from '../scope/values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Whether `read` (E.g. `hit.Expiration`, `const { Expiration } = response.Credentials`) is the expiry of credentials.
 * `references` is `undefined` in a file that uses no AWS SDK module: names then count only for the credential
 * expiry names (`Expiration`, `expiration`, `expireTime`), and `session` never does.
 * With a cache's expiry name (`expiresAt`, `expiry`, …) a credential name counts only in a file that uses the SDK.
 */
export function isCredentialExpiry(
  sourceCode: SourceCode,
  references: SdkReferences | undefined,
  read: InstantRead,
): boolean {
  const strong = CREDENTIAL_EXPIRY_NAMES.has(read.name);
  const isCredentialName = (name: string): boolean =>
    strong
      ? isCredentialObjectName(name) || (references !== undefined && isSessionObjectName(name))
      : references !== undefined && isCredentialObjectName(name);
  const holder = read.path.at(-1);
  if (holder !== undefined) {
    // E.g. `const { Credentials: { Expiration } } = response`: the object is `response.Credentials`.
    return (
      isCredentialName(holder) ||
      hasCredentialKeys(sourceCode, resolveObjectAt(sourceCode, read.base, read.path)) ||
      (references !== undefined && getCredentialModel(sourceCode, references).sourceOf(read.base) !== undefined)
    );
  }
  return collectFlowPeers(sourceCode, read.base).some(
    (peer) =>
      getPeerNames(sourceCode, peer).some(isCredentialName) ||
      hasCredentialKeys(sourceCode, resolveObject(sourceCode, peer)) ||
      (peer.type === AST_NODE_TYPES.Identifier && hasAny(getMembersRead(sourceCode, peer), CREDENTIAL_KEY_NAMES)) ||
      (references !== undefined && getCredentialModel(sourceCode, references).sourceOf(peer) !== undefined),
  );
}

/** The object literal at `base.<path…>`, as far as the file shows. */
function resolveObjectAt(
  sourceCode: SourceCode,
  base: TSESTree.Node,
  path: readonly string[],
): TSESTree.ObjectExpression | undefined {
  let object = resolveObject(sourceCode, base);
  for (const key of path) {
    const property = object && findProperty(sourceCode, object, key);
    object = property && resolveObject(sourceCode, property.value);
  }
  return object;
}

function hasCredentialKeys(sourceCode: SourceCode, object: TSESTree.ObjectExpression | undefined): boolean {
  return object !== undefined && [...CREDENTIAL_KEY_NAMES].some((key) => findProperty(sourceCode, object, key));
}

/**
 * The names a value goes by: a variable's name (and the key it was destructured from), a member's name, the name of
 * the function whose result it is (`roleCredentials()`, `this.loadCreds()`).
 */
function getPeerNames(sourceCode: SourceCode, peer: TSESTree.Node): string[] {
  switch (peer.type) {
    case AST_NODE_TYPES.Identifier: {
      const key = getBindingSource(sourceCode, peer)?.path.at(-1);
      return key === undefined ? [peer.name] : [peer.name, key];
    }
    case AST_NODE_TYPES.MemberExpression:
      return [getPropertyName(peer) ?? ''];
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(peer.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return [callee.name];
      return callee.type === AST_NODE_TYPES.MemberExpression ? [getPropertyName(callee) ?? ''] : [];
    }
    default:
      return [];
  }
}

function hasAny(names: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
  return [...names].some((name) => wanted.has(name));
}
