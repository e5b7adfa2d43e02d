/**
 * Whether an access key pair is temporary as far as the file shows, asked of the credential model: keys that STS,
 * Cognito or SSO returned, or an awaited provider resolved; an `ASIA` key ID; the metadata service's credential
 * JSON; the environment's pair in a file that also reads `AWS_SESSION_TOKEN`. Temporary keys are useless without
 * their session token (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, getStringLiteral, isMemberNamed, skipTransparent } from '../ast/nodes.js';
import { collectNodes } from '../ast/walk.js';
import { refersToProcessEnv } from '../modules/processes.js';
import type { FlowValue } from '../scope/flow.js';
import type { CredentialModel, CredentialSource } from './credentials.js';
import { containsMetadataHost, renderUrl } from './endpoints.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Why the keys are temporary. */
export type TemporaryKeys =
  /** An `ASIA…` key ID: STS issued it (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html). */
  | { kind: 'keyId'; keyId: string }
  /** Copied from an STS, Cognito or SSO response, or from what an awaited provider resolved. */
  | { kind: 'source'; source: Extract<CredentialSource, { kind: 'response' | 'resolvedProvider' }> }
  /** `AccessKeyId` of the JSON a `fetch` to a metadata credential endpoint returned (its token is `Token`). */
  | { kind: 'metadata' }
  /** `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` in a file that reads `AWS_SESSION_TOKEN`. */
  | { kind: 'environment' };

export const ENV_SESSION_TOKEN = 'AWS_SESSION_TOKEN';

/**
 * Why the pair `accessKeyId`/`secretAccessKey` (the value expressions) is temporary, if the file shows it. With
 * `within`, the values are read as in the call that `within` (the object holding them) was reached through.
 */
export function findTemporaryKeys(
  model: CredentialModel,
  accessKeyId: TSESTree.Node,
  secretAccessKey: TSESTree.Node,
  within?: FlowValue,
): TemporaryKeys | undefined {
  const { flow, sourceCode } = model;
  const keyIds = flow.valuesOf(accessKeyId, within);
  const keyId = keyIds.map((value) => (value.path.length === 0 ? getStringLiteral(skipTransparent(value.node)) : undefined)).find((text) => text?.startsWith('ASIA'));
  if (keyId !== undefined) {
    return { kind: 'keyId', keyId };
  }
  const source = model.sourceOf(accessKeyId, within) ?? model.sourceOf(secretAccessKey, within);
  if (source?.kind === 'response' || source?.kind === 'resolvedProvider') {
    return { kind: 'source', source };
  }
  if (keyIds.some((value) => isMetadataJsonField(model, value))) {
    return { kind: 'metadata' };
  }
  const isEnv = (node: TSESTree.Node, name: string): boolean =>
    flow.valuesOf(node, within).some((value) => isEnvVariable(sourceCode, value, name));
  return readsEnvSessionToken(sourceCode) &&
    isEnv(accessKeyId, 'AWS_ACCESS_KEY_ID') &&
    isEnv(secretAccessKey, 'AWS_SECRET_ACCESS_KEY')
    ? { kind: 'environment' }
    : undefined;
}

/** `process.env.NAME`, `env.NAME` of `node:process`, `const { NAME } = process.env`, as the flow model ends them. */
function isEnvVariable(sourceCode: SourceCode, value: FlowValue, name: string): boolean {
  const { node, path } = value;
  if (path.at(-1) !== name) return false;
  if (path.length === 1) return refersToProcessEnv(sourceCode, node);
  const base = skipTransparent(node);
  return path.length === 2 && path[0] === 'env' && base.type === AST_NODE_TYPES.Identifier && base.name === 'process';
}

/**
 * `AccessKeyId` of `await res.json()` where `res` is `await fetch(url)` on a metadata credential host. E.g.
 * `body.AccessKeyId` with `const body = await (await fetch('http://169.254.169.254/…/' + role)).json()`.
 */
function isMetadataJsonField(model: CredentialModel, value: FlowValue): boolean {
  const call = skipTransparent(value.node);
  if (!value.awaited || value.path.length !== 1 || value.path[0] !== 'AccessKeyId') return false;
  const callee = call.type === AST_NODE_TYPES.CallExpression ? skipTransparent(call.callee) : undefined;
  if (!callee || !isMemberNamed(callee, 'json')) return false;
  return model.flow.valuesOf(callee.object).some((response) => {
    const request = skipTransparent(response.node);
    if (!response.awaited || response.path.length > 0 || request.type !== AST_NODE_TYPES.CallExpression) return false;
    const [url] = request.arguments;
    return (
      request.callee.type === AST_NODE_TYPES.Identifier &&
      request.callee.name === 'fetch' &&
      url !== undefined &&
      containsMetadataHost(renderUrl(model.sourceCode, url))
    );
  });
}

const envReads = new WeakMap<TSESTree.Program, boolean>();

/**
 * Whether the file reads `process.env.AWS_SESSION_TOKEN` (dot, bracket, `const { AWS_SESSION_TOKEN } = process.env`):
 * then the environment holds a session. Writes and `delete` do not count.
 */
export function readsEnvSessionToken(sourceCode: SourceCode): boolean {
  let reads = envReads.get(sourceCode.ast);
  if (reads === undefined) {
    reads =
      sourceCode.text.includes(ENV_SESSION_TOKEN) &&
      collectNodes(sourceCode.ast, (node) => isEnvSessionTokenRead(sourceCode, node)).length > 0;
    envReads.set(sourceCode.ast, reads);
  }
  return reads;
}

function isEnvSessionTokenRead(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectPattern) {
    const declarator = node.parent.parent;
    return (
      getPropertyName(node) === ENV_SESSION_TOKEN &&
      declarator.type === AST_NODE_TYPES.VariableDeclarator &&
      !!declarator.init &&
      refersToProcessEnv(sourceCode, declarator.init)
    );
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(node) !== ENV_SESSION_TOKEN) {
    return false;
  }
  const { parent } = node;
  const isWrite =
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) ||
    (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete');
  return !isWrite && refersToProcessEnv(sourceCode, node.object);
}
