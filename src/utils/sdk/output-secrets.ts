/**
 * The secrets an expression outputs when it is logged or printed: credential values (see credential-values.ts)
 * found inside templates, `+` concatenations, object and array literals, spreads, `JSON.stringify`, `util.inspect`,
 * `String(x)`, `x.toString()`, `?:`, `||`/`??`/`&&`, and the bindings the file shows them in.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getEndName, getPropertyName, isIdentifierNamed, isMemberNamed, isProcessEnv, skipTransparent } from '../ast/nodes.js';
import { resolveValue } from '../scope/values.js';
import { findBearerArtifact } from './auth-tokens.js';
import {
  getCredentialObject,
  getDestructuredSecret,
  getSecretMember,
  isDestructuredProcessEnv,
  isSecretMemberName,
  type CredentialFile,
} from './credential-values.js';

/** What a suggestion can do about a leak. */
export type LeakFix =
  /** A secret value: drop it, or output the access key ID member `accessKeyId` of the same object instead. */
  | { kind: 'secret'; accessKeyId?: string }
  /** A whole credential object: output `fields` (an object literal of the non-secret members) instead. */
  | { kind: 'object'; fields?: string }
  | { kind: 'none' };

/** A secret that an expression outputs. */
export interface Leak {
  node: TSESTree.Node;
  /** The credential, for messages. E.g. `` `secretAccessKey` ``, `` STS `Credentials` ``. */
  what: string;
  fix: LeakFix;
}

/** How deep arguments, bindings and local object literals are followed; guards against cycles. */
const MAX_OUTPUT_DEPTH = 8;

/**
 * Every shape `findOutputSecrets` reports without the SDK spells one of these: `process.env` (whole, or its secret
 * keys), a `secretAccessKey`/`SecretAccessKey` member or key, a `sessionToken`/`SessionToken`/`Token` member.
 */
const MAY_HOLD_SECRETS = /env|[Tt]oken|ecretAccessKey/;

/** Whether a file that names no SDK module can output a secret at all: the cheap gate before any listener. */
export function mayOutputSecrets(text: string): boolean {
  return MAY_HOLD_SECRETS.test(text);
}

/** The secrets printing `node` outputs (a log call's argument, say), each reported once per node. */
export function findOutputSecrets(file: CredentialFile, node: TSESTree.Node): Leak[] {
  return findLeaks(file, node, false, 0);
}

/**
 * The secrets `node` outputs. `stringified` is true inside a template literal or a `+` concatenation, where an object
 * becomes `[object Object]`: only strings leak there, while `JSON.stringify(...)` serializes objects again.
 */
function findLeaks(file: CredentialFile, node: TSESTree.Node, stringified: boolean, depth: number): Leak[] {
  const value = skipTransparent(node);
  if (depth > MAX_OUTPUT_DEPTH) {
    return [];
  }
  switch (value.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.flatMap((expression) => findLeaks(file, expression, true, depth + 1));
    case AST_NODE_TYPES.BinaryExpression:
      return value.operator === '+'
        ? [value.left, value.right].flatMap((side) => findLeaks(file, side, true, depth + 1))
        : [];
    case AST_NODE_TYPES.LogicalExpression: {
      // `a && b` outputs `b` or a falsy `a`; `a || b` and `a ?? b` output either.
      const sides = value.operator === '&&' ? [value.right] : [value.left, value.right];
      return sides.flatMap((side) => findLeaks(file, side, stringified, depth + 1));
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return [value.consequent, value.alternate].flatMap((branch) =>
        findLeaks(file, branch, stringified, depth + 1),
      );
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.flatMap((element) => {
        const item = element?.type === AST_NODE_TYPES.SpreadElement ? element.argument : element;
        return item ? findLeaks(file, item, stringified, depth + 1) : [];
      });
    case AST_NODE_TYPES.ObjectExpression:
      return stringified ? [] : value.properties.flatMap((member) => findMemberLeaks(file, member, depth + 1));
    case AST_NODE_TYPES.CallExpression: {
      const artifact = findArtifactLeak(file, value);
      return artifact ? [artifact] : findLeaksInSerialization(file, value, depth + 1);
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.NewExpression:
      return findValueLeaks(file, value, stringified, depth);
    default:
      return [];
  }
}

/** E.g. `{ creds }`, `{ token: c.sessionToken }`, `{ ...process.env }`, `{ secretAccessKey: secret }`. */
function findMemberLeaks(file: CredentialFile, member: TSESTree.ObjectLiteralElement, depth: number): Leak[] {
  if (member.type === AST_NODE_TYPES.SpreadElement) {
    return findLeaks(file, member.argument, false, depth);
  }
  const leaks = findLeaks(file, member.value, false, depth);
  const key = getPropertyName(member);
  if (leaks.length > 0 || key === undefined || !isSecretMemberName(key) || !isUnknownValue(file, member.value)) {
    return leaks;
  }
  // The key says what the value is, even when the file does not show where it came from.
  return [{ node: member.value, what: `\`${key}\``, fix: { kind: 'secret' } }];
}

/** A variable or member the file does not resolve to a literal: `secret`, `config.key`; not `'***'` or `undefined`. */
function isUnknownValue(file: CredentialFile, node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') {
    return false;
  }
  if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const resolved = resolveValue(file.sourceCode, value);
  return resolved?.type !== AST_NODE_TYPES.Literal && resolved?.type !== AST_NODE_TYPES.TemplateLiteral;
}

/**
 * Calls that output their argument as text: `JSON.stringify(x)`, `util.inspect(x)`, `String(x)`, `x.toString()`.
 * Any other call (`secret.slice(-4)`, `maskSecret(secret)`, `hash(secret)`) is taken to transform the secret.
 */
function findLeaksInSerialization(
  file: CredentialFile,
  call: TSESTree.CallExpression,
  depth: number,
): Leak[] {
  const callee = skipTransparent(call.callee);
  const [argument] = call.arguments;
  const name = getEndName(callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && name === 'toString' && call.arguments.length === 0) {
    return findLeaks(file, callee.object, true, depth);
  }
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) {
    return [];
  }
  if (isMemberNamed(callee, 'stringify') && isIdentifierNamed(callee.object, 'JSON')) {
    return findLeaks(file, argument, false, depth);
  }
  // E.g. `util.inspect(creds)`, `format('%o', creds)`: objects are printed member by member.
  const isUtil =
    callee.type === AST_NODE_TYPES.Identifier ||
    (callee.type === AST_NODE_TYPES.MemberExpression && isIdentifierNamed(callee.object, 'util'));
  if ((name === 'inspect' || name === 'format') && isUtil) {
    return call.arguments.flatMap((each) => findLeaks(file, each, false, depth));
  }
  if (callee.type === AST_NODE_TYPES.Identifier && name === 'String') {
    return findLeaks(file, argument, true, depth);
  }
  return [];
}

/** A variable, member, `await` or `new` in an argument: what it is, or what the file shows it holds. */
function findValueLeaks(file: CredentialFile, node: TSESTree.Node, stringified: boolean, depth: number): Leak[] {
  const secret = getSecretMember(file, node);
  if (secret) {
    return [{ node, what: secret.what, fix: { kind: 'secret', accessKeyId: secret.accessKeyId } }];
  }
  const artifact = findArtifactLeak(file, node);
  if (artifact) {
    return [artifact];
  }
  if (stringified) {
    return findResolvedLeaks(file, node, stringified, depth);
  }
  if (isProcessEnv(node) || isDestructuredProcessEnv(file, node)) {
    return [{ node, what: '`process.env`', fix: { kind: 'none' } }];
  }
  const credentials = getCredentialObject(file, node);
  if (credentials) {
    return [{ node, what: credentials.what, fix: { kind: 'object', fields: credentials.fields } }];
  }
  return findResolvedLeaks(file, node, stringified, depth);
}

/**
 * `secret` where `const secret = creds.secretAccessKey`, `const { SessionToken } = Credentials`, or `config` where
 * `const config = { credentials: { secretAccessKey } }`: reported where it is logged, with the inner finding's name.
 */
function findResolvedLeaks(file: CredentialFile, node: TSESTree.Node, stringified: boolean, depth: number): Leak[] {
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) {
    return [];
  }
  const destructured = node.type === AST_NODE_TYPES.Identifier ? getDestructuredSecret(file, node) : undefined;
  if (destructured) {
    return [{ node, what: destructured, fix: { kind: 'secret' } }];
  }
  const resolved = resolveValue(file.sourceCode, node);
  if (!resolved || resolved === node) {
    return [];
  }
  const [inner] = findLeaks(file, resolved, stringified, depth + 1);
  if (!inner) {
    return [];
  }
  // The suggestion can still drop the argument, but it cannot name the access key ID of an object it does not see.
  return [{ node, what: inner.what, fix: inner.fix.kind === 'secret' ? { kind: 'secret' } : { kind: 'none' } }];
}

/**
 * An IAM database auth token or a presigned URL (see auth-tokens.ts), wherever the file shows it came from: both are
 * signed with the caller's credentials, session token included, and work for anyone who copies them from the log.
 */
function findArtifactLeak(file: CredentialFile, node: TSESTree.Node): Leak | undefined {
  const artifact = file.references && findBearerArtifact(file.sourceCode, file.references, node);
  if (!artifact) {
    return undefined;
  }
  const what =
    artifact.kind === 'authToken'
      ? `an IAM auth token from \`${artifact.source}\` (a presigned URL that carries the session token)`
      : `a presigned URL from \`${artifact.source}\` (it carries the session token)`;
  return { node, what, fix: { kind: 'secret' } };
}
