/**
 * Amplify session credentials fetched by an operation and given to a client that dies with it: `fetchAuthSession()`
 * returns the session Amplify caches and refreshes, so each call of the operation builds its client from keys that
 * were current when it began.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, getEnclosingFunction, skipTransparent, type FunctionNode } from '../ast/nodes.js';
import { runsAfter, staysInOperation } from '../scope/operation.js';
import type { CredentialConsumer, CredentialModel, CredentialValue } from './credentials.js';

/**
 * Whether every snapshot `node` may give the client `consumer` builds is an Amplify session fetched in the operation
 * that builds it, held only in that operation's bindings (or a field the same operation fetches it into again, as
 * `await this.ensureCredentials()` does), and the client itself does not outlive the operation (`staysInOperation`).
 * STS and Cognito responses and awaited providers are not: the catalogue reports their copies however short-lived.
 */
export function isOperationSession(model: CredentialModel, consumer: CredentialConsumer, node: TSESTree.Node): boolean {
  if (consumer.reference.info.kind !== 'client' || consumer.node.type !== AST_NODE_TYPES.NewExpression) return false;
  const snapshots = model.classify(node).filter((value) => value.kind === 'oneShot');
  return (
    snapshots.length > 0 &&
    snapshots.every((value) => isFetchedBefore(model, consumer.node, value)) &&
    staysInOperation(model.flow, consumer.node)
  );
}

function isFetchedBefore(model: CredentialModel, at: TSESTree.Node, value: CredentialValue): boolean {
  if (value.kind !== 'oneShot' || value.source.kind !== 'authSession') return false;
  const { call } = value.source;
  const fetcher = getEnclosingFunction(call);
  if (!fetcher || !value.value.via.every((via) => isOperationHolder(model, via))) return false;
  const { flow } = model;
  const isReady = (fn: FunctionNode, position: number): boolean =>
    (fetcher === fn && (call.range[1] <= position || containsNode(at, call))) ||
    flow.callsOf(fetcher).some((fetch) => getEnclosingFunction(fetch) === fn && fetch.range[1] <= position);
  return runsAfter(flow, at, isReady);
}

/**
 * A step of the snapshot's way that lives no longer than one call: a binding of a function (not of the module, nor
 * of an outer function's closure), or `this.k = …` in a function that never reads `this.k` (it fetches again each
 * time instead of keeping the first session).
 */
function isOperationHolder(model: CredentialModel, via: TSESTree.Node): boolean {
  const { flow } = model;
  if (via.type === AST_NODE_TYPES.VariableDeclarator) return getEnclosingFunction(via) !== undefined;
  const assignment = via.type === AST_NODE_TYPES.AssignmentExpression ? via : via.parent?.type === AST_NODE_TYPES.AssignmentExpression && via.parent.right === via ? via.parent : undefined;
  if (!assignment) return true;
  const target = skipTransparent(assignment.left);
  const fn = getEnclosingFunction(assignment);
  if (!fn) return false;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const declared = flow.variableOf(target)?.defs[0]?.name;
    return declared !== undefined && getEnclosingFunction(declared) === fn;
  }
  return (
    target.type === AST_NODE_TYPES.MemberExpression &&
    target.object.type === AST_NODE_TYPES.ThisExpression &&
    !flow.readsOf(target).some((read) => read !== target && getEnclosingFunction(read) === fn)
  );
}
