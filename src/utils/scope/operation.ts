/**
 * Does a value live only as long as the operation (the function call) that made it? The forward question of the
 * flow model (`usesOf`), asked strictly: a value that goes anywhere the file cannot see the end of escapes.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, getEnclosingFunction, getPropertyName, skipTransparent, type FunctionNode } from '../ast/nodes.js';
import { collectNodes } from '../ast/walk.js';
import { getThisClass, type Flow } from './flow.js';

const MAX_OPERATION_DEPTH = 8;

/** Callbacks that run during the operation that passes them and keep nothing: array iteration, promise reactions. */
const INLINE_CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'reduce', 'some', 'every', 'flatMap', 'find', 'findIndex', 'then', 'catch', 'finally']);

/**
 * Whether what `node` produces stays within the function call that evaluates it: held only in that function's own
 * bindings (and read in inline callbacks of it), used as a method receiver (`s3.send(cmd)`) or tested, never
 * returned, passed to another function, put in an object, array, module variable or closure of an outer function.
 * A `this.k` field counts as the operation's own when every read of it in the class runs after a write of a new
 * value in the same operation (`this.client = new X(…); await this.client.send(…)`, helpers called only from there).
 */
export function staysInOperation(flow: Flow, node: TSESTree.Node): boolean {
  const fn = getEnclosingFunction(node);
  return fn !== undefined && holdsWithin(flow, fn, skipTransparent(node), 0);
}

/**
 * Whether `node` runs only after `isReady(fn, position)` holds in the operation that runs it: in its own function
 * before `position`, or, for a function the file calls (or an inline callback), at each of its call sites.
 */
export function runsAfter(flow: Flow, node: TSESTree.Node, isReady: (fn: FunctionNode, position: number) => boolean, depth = 0): boolean {
  const fn = getEnclosingFunction(node);
  if (!fn || depth > MAX_OPERATION_DEPTH) return false;
  if (isReady(fn, node.range[0])) return true;
  if (isInlineCallback(fn)) return runsAfter(flow, fn, isReady, depth + 1);
  const calls = flow.callsOf(fn);
  return calls.length > 0 && calls.every((call) => runsAfter(flow, call, isReady, depth + 1));
}

/** `items.map((item) => …)`, `promise.then(() => …)`, `new Promise((resolve) => …)`. */
function isInlineCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type === AST_NODE_TYPES.NewExpression) {
    return call.arguments[0] === fn && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'Promise';
  }
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = skipTransparent(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
  return method !== undefined && INLINE_CALLBACK_METHODS.has(method);
}

/** Whether `inner` runs within a call of `fn`: in it, or in inline callbacks nested in it. */
function runsWithin(fn: FunctionNode, inner: TSESTree.Node): boolean {
  for (let current = getEnclosingFunction(inner); current; current = getEnclosingFunction(current)) {
    if (current === fn) return true;
    if (!isInlineCallback(current)) return false;
  }
  return false;
}

/** The outermost expression that holds the value `node` produces: through `await`, TS wrappers, `?:` and `||`. */
function getValueHolder(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (let parent = current.parent; parent; parent = current.parent) {
    const passes =
      (parent.type === AST_NODE_TYPES.AwaitExpression ||
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.TSTypeAssertion ||
        parent.type === AST_NODE_TYPES.ChainExpression ||
        parent.type === AST_NODE_TYPES.LogicalExpression ||
        (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current)) &&
      skipTransparent(parent) !== parent.parent;
    if (!passes) break;
    current = parent;
  }
  return current;
}

function holdsWithin(flow: Flow, fn: FunctionNode, node: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_OPERATION_DEPTH) return false;
  const holder = getValueHolder(node);
  const parent = holder.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      // `s3.send(cmd)`, `s3.config`: what the member gives is not the value itself.
      return parent.object === holder;
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === holder;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === holder && parent.id.type === AST_NODE_TYPES.Identifier && readsStayWithin(flow, fn, parent.id, depth);
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== holder || parent.operator !== '=') return false;
      const target = skipTransparent(parent.left);
      if (target.type === AST_NODE_TYPES.Identifier) {
        const declared = flow.variableOf(target)?.defs[0]?.name;
        return declared !== undefined && containsNode(fn, declared) && readsStayWithin(flow, fn, target, depth);
      }
      return target.type === AST_NODE_TYPES.MemberExpression && isOperationField(flow, target, depth);
    }
    default:
      return false;
  }
}

/** Every read of a local binding runs within `fn` and keeps the value there. */
function readsStayWithin(flow: Flow, fn: FunctionNode, binding: TSESTree.Identifier, depth: number): boolean {
  return flow.readsOf(binding).every((read) => runsWithin(fn, read) && holdsWithin(flow, fn, read, depth + 1));
}

/**
 * `this.k` whose every read in the class runs after a new value is written to it in the same operation, and keeps
 * the value within its function. Every write must build a new value (`new X(…)`), so no read sees an older one
 * brought in from outside.
 */
function isOperationField(flow: Flow, target: TSESTree.MemberExpression, depth: number): boolean {
  const owner = target.object.type === AST_NODE_TYPES.ThisExpression ? getThisClass(target) : undefined;
  const key = getPropertyName(target);
  if (!owner || key === undefined || target.computed) return false;
  const writes = collectNodes(owner.body, (node) =>
    node.type === AST_NODE_TYPES.AssignmentExpression &&
    node.left.type === AST_NODE_TYPES.MemberExpression &&
    node.left.object.type === AST_NODE_TYPES.ThisExpression &&
    !node.left.computed &&
    getPropertyName(node.left) === key &&
    getThisClass(node.left) === owner,
  ) as TSESTree.AssignmentExpression[];
  const initialized = owner.body.body.some(
    (member) => member.type === AST_NODE_TYPES.PropertyDefinition && member.value && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === key,
  );
  if (initialized || writes.some((write) => write.operator !== '=' || skipTransparent(write.right).type !== AST_NODE_TYPES.NewExpression)) {
    return false;
  }
  const isReady = (fn: FunctionNode, position: number): boolean =>
    writes.some((write) => getEnclosingFunction(write) === fn && write.range[1] <= position);
  const reads = flow.readsOf(target).filter((read) => !writes.some((write) => write.left === read));
  return reads.every((read) => {
    const fn = getEnclosingFunction(read);
    return fn !== undefined && runsAfter(flow, read, isReady) && holdsWithin(flow, fn, read, depth + 1);
  });
}
