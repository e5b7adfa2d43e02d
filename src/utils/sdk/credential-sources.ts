/**
 * Where a credential value comes from, followed within the file: an STS response, a provider resolved once, or a
 * v2 credentials snapshot. Shared by the rules that must tell one-shot credentials from static ones.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isFunction, isMemberNamed, skipTransparent } from '../ast/nodes.js';
import { STS_OPERATIONS_BY_METHOD } from './sts.js';
import { isCredentialResponseOperation } from './catalog.js';
import type { SdkReferences } from './references.js';
import { getBindingSource, getVariable, resolveValue } from '../scope/values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type CredentialSource =
  /** `await sts.send(new AssumeRoleCommand(input))`, `await sts.assumeRole(input).promise()`, callback `data`. */
  | { kind: 'stsResponse'; operation: string; input: TSESTree.Node | undefined; call: TSESTree.CallExpression }
  /** `await fromIni()()`, `await client.config.credentials()`: a provider called once and its result kept. */
  | { kind: 'resolvedProvider'; call: TSESTree.CallExpression }
  /** v2 `AWS.config.credentials.accessKeyId`: the keys the global credentials held at that moment. */
  | { kind: 'v2Snapshot'; node: TSESTree.Node };

const MAX_STEPS = 12;

/**
 * Follows `node` (E.g. `Credentials.AccessKeyId`, `resp.Credentials?.SecretAccessKey ?? ''`, a destructured
 * `SessionToken`) back through members, bindings and `await` to the call that produced it.
 */
export function findCredentialSource(
  sourceCode: SourceCode,
  references: SdkReferences,
  node: TSESTree.Node,
): CredentialSource | undefined {
  let current: TSESTree.Node = node;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    current = skipTransparent(current);
    switch (current.type) {
      case AST_NODE_TYPES.LogicalExpression:
        // E.g. `Credentials?.AccessKeyId ?? ''`, `creds.sessionToken || undefined`.
        current = current.left;
        break;
      case AST_NODE_TYPES.MemberExpression: {
        const snapshot = getV2Snapshot(references, current);
        if (snapshot) return snapshot;
        current = current.object;
        break;
      }
      case AST_NODE_TYPES.Identifier: {
        const binding = getBindingSource(sourceCode, current);
        if (binding) {
          current = binding.init;
          break;
        }
        return getCallbackResponse(sourceCode, references, current);
      }
      case AST_NODE_TYPES.AwaitExpression:
        return classifyResolvedCall(sourceCode, references, current.argument);
      default:
        return undefined;
    }
  }
  return undefined;
}

/** What an awaited call resolves to, when it is an STS response or a provider's result. */
function classifyResolvedCall(
  sourceCode: SourceCode,
  references: SdkReferences,
  node: TSESTree.Node,
): CredentialSource | undefined {
  const call = skipTransparent(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) {
    return undefined;
  }
  const callee = skipTransparent(call.callee);
  // v2: `await sts.assumeRole(input).promise()`.
  if (isMemberNamed(callee, 'promise') && call.arguments.length === 0) {
    const inner = skipTransparent(callee.object);
    return inner.type === AST_NODE_TYPES.CallExpression ? getStsMethodCall(sourceCode, references, inner) : undefined;
  }
  return (
    getStsSendCall(sourceCode, references, call) ??
    getStsMethodCall(sourceCode, references, call) ??
    getProviderInvocation(sourceCode, references, call)
  );
}

/** `client.send(new AssumeRoleCommand(input))`, the command possibly held in a constant. */
function getStsSendCall(
  sourceCode: SourceCode,
  references: SdkReferences,
  call: TSESTree.CallExpression,
): CredentialSource | undefined {
  const [argument] = call.arguments;
  if (!isMemberNamed(skipTransparent(call.callee), 'send') || !argument) {
    return undefined;
  }
  const command = resolveValue(sourceCode, argument);
  const info = command && references.get(command)?.info;
  if (
    command?.type !== AST_NODE_TYPES.NewExpression ||
    info?.kind !== 'command' ||
    info.service !== 'sts' ||
    !isCredentialResponseOperation('sts', info.operation)
  ) {
    return undefined;
  }
  return { kind: 'stsResponse', operation: info.operation, input: command.arguments[0], call };
}

/** `sts.assumeRole(input)` on an STS client the file constructs (v3 aggregated `STS`, v2 `AWS.STS`). */
function getStsMethodCall(
  sourceCode: SourceCode,
  references: SdkReferences,
  call: TSESTree.CallExpression,
): CredentialSource | undefined {
  const callee = skipTransparent(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
  const operation = method === undefined ? undefined : STS_OPERATIONS_BY_METHOD.get(method);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || operation === undefined) {
    return undefined;
  }
  const client = resolveValue(sourceCode, callee.object);
  const info = client && references.get(client)?.info;
  return info?.kind === 'client' && info.service === 'sts'
    ? { kind: 'stsResponse', operation, input: call.arguments[0], call }
    : undefined;
}

/** `fromIni()()`, `provider()` where `const provider = fromNodeProviderChain()`, `client.config.credentials()`. */
function getProviderInvocation(
  sourceCode: SourceCode,
  references: SdkReferences,
  call: TSESTree.CallExpression,
): CredentialSource | undefined {
  const callee = skipTransparent(call.callee);
  if (isMemberNamed(callee, 'credentials') && isMemberNamed(skipTransparent(callee.object), 'config')) {
    return { kind: 'resolvedProvider', call };
  }
  const provider = resolveValue(sourceCode, callee);
  const info = provider && references.get(provider)?.info;
  return info?.kind === 'provider' ? { kind: 'resolvedProvider', call } : undefined;
}

/** `AWS.config.credentials.<member>`: the v2 global credentials object read as plain values. */
function getV2Snapshot(references: SdkReferences, member: TSESTree.MemberExpression): CredentialSource | undefined {
  const credentials = skipTransparent(member.object);
  return isMemberNamed(credentials, 'credentials') &&
    references.get(skipTransparent(credentials.object))?.info.kind === 'v2GlobalConfig'
    ? { kind: 'v2Snapshot', node: member }
    : undefined;
}

/**
 * v2 callback style: `sts.assumeRole(params, (err, data) => { … data.Credentials … })`: `data` is the second
 * parameter of the last argument of an STS call.
 */
function getCallbackResponse(
  sourceCode: SourceCode,
  references: SdkReferences,
  identifier: TSESTree.Identifier,
): CredentialSource | undefined {
  const call = getCallbackResultCall(sourceCode, identifier);
  return call && getStsMethodCall(sourceCode, references, call);
}

/**
 * The call that delivers `identifier` as its result: `identifier` is the second parameter of a Node-style callback
 * `(err, result) => …` given as the call's last argument. E.g. `data` in `sts.assumeRole(params, (err, data) => …)`.
 */
export function getCallbackResultCall(
  sourceCode: SourceCode,
  identifier: TSESTree.Identifier,
): TSESTree.CallExpression | undefined {
  const def = getVariable(sourceCode, identifier)?.defs[0];
  const callback = def?.type === 'Parameter' ? def.node : undefined;
  if (!isFunction(callback) || callback.params[1] !== def?.name) {
    return undefined;
  }
  const call = callback.parent;
  return call.type === AST_NODE_TYPES.CallExpression && call.arguments.at(-1) === callback ? call : undefined;
}
