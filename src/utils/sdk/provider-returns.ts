/** What a provider function the file defines returns, as far as `expiration` goes. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, getEnclosingFunction, skipTransparent, type FunctionNode } from '../ast/nodes.js';
import type { FlowValue } from '../scope/flow.js';
import type { CredentialModel } from './credentials.js';

/** A returned credentials object without `expiration`, and the `accessKeyId` property it has. */
export interface Returned {
  value: FlowValue;
  object: TSESTree.ObjectExpression;
  accessKeyId: TSESTree.Property | undefined;
}

/**
 * The credential objects `fn` returns (through every return, helper, method, `.then(cb)` or `await` the flow model
 * follows), when none of them can carry `expiration`; `undefined` when the function is fine or the file cannot
 * tell: some returned object has `expiration` or may get it (an unknown spread: the lookup is unknown), none has
 * `accessKeyId`, the key is a literal (calling again would change nothing), or the keys were fetched once outside
 * the functions that run per call (a one-shot response, `no-one-shot-credentials`' case).
 */
export function findReturnedWithoutExpiration(model: CredentialModel, fn: FunctionNode): Returned[] | undefined {
  const { flow } = model;
  const objects = new Map<TSESTree.ObjectExpression, FlowValue>();
  for (const value of flow.returnsOf(fn)) {
    const node = skipTransparent(value.node);
    if (value.path.length === 0 && node.type === AST_NODE_TYPES.ObjectExpression && !objects.has(node)) {
      objects.set(node, value);
    }
  }
  const values = [...objects.values()];
  if (values.some((value) => flow.lookup(value, 'expiration').kind !== 'absent')) {
    return undefined;
  }
  const returned: Returned[] = [];
  for (const [object, value] of objects) {
    const accessKeyId = flow.lookup(value, 'accessKeyId');
    if (accessKeyId.kind !== 'found') continue;
    if (!isRefetchable(model, fn, object, value, accessKeyId.values, accessKeyId.properties[0])) return undefined;
    returned.push({ value, object, accessKeyId: accessKeyId.properties[0] });
  }
  return returned.length > 0 ? returned : undefined;
}

/** Whether calling the provider again may return other keys: not literals, not a snapshot taken outside it. */
function isRefetchable(
  model: CredentialModel,
  fn: FunctionNode,
  object: TSESTree.ObjectExpression,
  value: FlowValue,
  keys: readonly FlowValue[],
  property: TSESTree.Property | undefined,
): boolean {
  if (keys.length > 0 && keys.every((key) => key.path.length === 0 && isStringLiteral(key.node))) {
    return false;
  }
  const source = property && model.sourceOf(property.value, value);
  if (!source || source.kind === 'v2Snapshot') {
    return true;
  }
  const inner = getEnclosingFunction(object);
  return containsNode(fn, source.call) || (inner !== undefined && containsNode(inner, source.call));
}

function isStringLiteral(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') ||
    (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0)
  );
}
