/**
 * Whether code runs once per request, invocation or item: the innermost loop body, loop callback, Lambda handler
 * or route handler that holds a node, with the function names followed through the file's bindings.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  LAMBDA_HANDLER,
  classifyHandlerProperty,
  getExportedPlace,
  getLoopItems,
  isCommonJsExport,
  isLoop,
  isLoopCallbackCall,
  isRequestResponseHandler,
  isRouteRegistration,
  skipWrapperCalls,
  type Loop,
  type RepeatingPlace,
} from '../ast/handlers.js';
import { getKeyName, getOutermostWrapper, isFunction, isMemberNamed, skipTransparent, type FunctionNode } from '../ast/nodes.js';
import { getDeclaredReads } from './reads.js';
import { resolveValue } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type { RepeatingPlace };

/**
 * Walks up from `node` to the innermost loop body, loop callback, Lambda handler or route handler that holds it.
 * Plain functions are passed through (a helper nested in a handler runs per request too); module scope ends the
 * walk. A lazily initialized singleton or cache entry runs once per key: `undefined`. So does a node inside one of
 * `boundaries` (E.g. a provider given to a client built in the same place, which is reported itself).
 */
export function findRepeatingPlace(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  boundaries: ReadonlySet<TSESTree.Node>,
): RepeatingPlace | undefined {
  if (isLazilyInitialized(sourceCode, node)) {
    return undefined;
  }
  let current = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (boundaries.has(parent)) {
      return undefined;
    }
    if (isLoop(parent) && parent.body === current && isPerItemLoop(sourceCode, parent)) {
      return 'loop';
    }
    if (isFunction(parent)) {
      const place = classifyFunction(sourceCode, parent);
      if (place) return place;
    }
  }
  return undefined;
}

/**
 * False for a loop over a fixed list the file spells out (`for (const region of ['us-east-1', 'eu-west-1'])`,
 * `REGIONS.map(...)` with a constant array): one value per configured entry, built where the loop runs.
 */
function isPerItemLoop(sourceCode: SourceCode, loop: Loop | TSESTree.CallExpression): boolean {
  const items = getLoopItems(loop);
  const value = items && resolveValue(sourceCode, items);
  return value?.type !== AST_NODE_TYPES.ArrayExpression && value?.type !== AST_NODE_TYPES.ObjectExpression;
}

/** Whether `fn` runs per request or per item, from where it is written or where its name is used. */
function classifyFunction(sourceCode: SourceCode, fn: FunctionNode): RepeatingPlace | undefined {
  for (const value of [fn, ...getFunctionReferences(sourceCode, fn)]) {
    const place = classifyFunctionValue(sourceCode, fn, value);
    if (place) return place;
  }
  // E.g. `export async function handler(event)`, `export async function GET(request)`.
  const declaration = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    if (declaration.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      return getExportedPlace(fn.id.name);
    }
  }
  // Next.js pages API route: `export default function handler(req, res)`.
  if (declaration.type === AST_NODE_TYPES.ExportDefaultDeclaration && isRequestResponseHandler(fn)) {
    return 'route';
  }
  return undefined;
}

/** The reads of the variable that names `fn`: `function main() {}` or `const main = async () => {}`. */
function getFunctionReferences(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Node[] {
  const declarator = getOutermostWrapper(fn).parent;
  const owner =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn
      : declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier
        ? declarator
        : undefined;
  return owner ? getDeclaredReads(sourceCode, owner) : [];
}

/** What the place where a function (or its name) is written tells: a loop callback, a handler export, a route. */
function classifyFunctionValue(sourceCode: SourceCode, fn: FunctionNode, value: TSESTree.Node): RepeatingPlace | undefined {
  const direct = getOutermostWrapper(value);
  const call = direct.parent;
  // E.g. `records.forEach(async (record) => …)`, `ids.map(loadOne)`.
  if (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments[0] === direct &&
    isLoopCallbackCall(call) &&
    isPerItemLoop(sourceCode, call)
  ) {
    return 'loop';
  }
  // A wrapper such as `middy(fn)` or `asyncHandler(fn)` is looked through, for functions that take an event.
  const position = direct === value && fn.params.length === 0 ? direct : skipWrapperCalls(direct);
  const parent = position.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      // E.g. `export const handler = async (event) => …`, `export const POST = async (request) => …`.
      return parent.init === position &&
        parent.id.type === AST_NODE_TYPES.Identifier &&
        parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
        ? getExportedPlace(parent.id.name)
        : undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      // E.g. `exports.handler = async (event) => …`, `module.exports.handler = main`.
      return parent.right === position && isCommonJsExport(parent.left, LAMBDA_HANDLER) ? 'lambda' : undefined;
    case AST_NODE_TYPES.Property:
      return parent.value === position ? classifyHandlerProperty(parent) : undefined;
    case AST_NODE_TYPES.ExportSpecifier:
      // E.g. `export { main as handler }`.
      return getExportedPlace(getKeyName(parent.exported, false) ?? '');
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return isRequestResponseHandler(fn) ? 'route' : undefined;
    case AST_NODE_TYPES.CallExpression:
      // E.g. `app.get('/orders', async (req, res) => …)`, `router.post('/', auth, createOrder)`.
      return parent.arguments.includes(position as TSESTree.CallExpressionArgument) && isRouteRegistration(parent)
        ? 'route'
        : undefined;
    default:
      return undefined;
  }
}

/**
 * A lazily initialized singleton or cache entry: `client ??= new S3Client()`, `if (!client) client = new …`,
 * `cache[region] = cache[region] || new …`, `if (!clients.has(region)) clients.set(region, new …)`, also through a
 * local (`const c = new …; cache.set(key, c)`). The construction then runs once per key, not per request.
 */
function isLazilyInitialized(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const guards: string[] = [];
  // Up through `cached ?? new X()`, `cached ? cached : new X()`, TS wrappers.
  let value = getOutermostWrapper(node);
  for (let parent = value.parent; parent; parent = value.parent) {
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === value) {
      guards.push(sourceCode.getText(parent.left));
    } else if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== value) {
      guards.push(sourceCode.getText(parent.test));
    } else {
      break;
    }
    value = getOutermostWrapper(parent);
  }

  const targets = getStorageTargets(sourceCode, value);
  if (targets === 'logicalAssignment') {
    return true;
  }
  if (targets.length === 0) {
    return false;
  }
  // Conditions between the construction and its function: `if (!client)`, `!client && (client = …)`.
  let current = value;
  for (let parent = value.parent; parent && !isFunction(parent); current = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== current) {
      guards.push(sourceCode.getText(parent.test));
    } else if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current) {
      guards.push(sourceCode.getText(parent.test));
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === current) {
      guards.push(sourceCode.getText(parent.left));
    }
  }
  return targets.some((target) => guards.some((guard) => guard.includes(target)));
}

/**
 * Where the construction is kept: the left side of `x = value`, the map of `map.set(key, value)`, also for a local
 * holding it (`const client = value; cache[key] = client`). `'logicalAssignment'` for `x ??= value` / `x ||= value`.
 */
function getStorageTargets(sourceCode: SourceCode, value: TSESTree.Node): string[] | 'logicalAssignment' {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value) {
    const isLogical = parent.operator === '??=' || parent.operator === '||=';
    return isLogical ? 'logicalAssignment' : [sourceCode.getText(parent.left)];
  }
  const mapTarget = getMapSetTarget(sourceCode, value);
  if (mapTarget !== undefined) {
    return [mapTarget];
  }
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== value) {
    return [];
  }
  // Only reads can store the value elsewhere: a write names the variable on the left.
  const targets: string[] = [];
  for (const read of getDeclaredReads(sourceCode, parent)) {
    const use = getOutermostWrapper(read);
    if (use.parent?.type === AST_NODE_TYPES.AssignmentExpression && use.parent.right === use) {
      targets.push(sourceCode.getText(use.parent.left));
    }
    const target = getMapSetTarget(sourceCode, use);
    if (target !== undefined) targets.push(target);
  }
  return targets;
}

/** `clients` of `clients.set(key, value)`. */
function getMapSetTarget(sourceCode: SourceCode, value: TSESTree.Node): string | undefined {
  const call = value.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== value) {
    return undefined;
  }
  const callee = skipTransparent(call.callee);
  return isMemberNamed(callee, 'set') ? sourceCode.getText(callee.object) : undefined;
}
