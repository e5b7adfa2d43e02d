/**
 * Where one value travels within the file, both ways, as the flow model (`flow.ts`) answers it: the expressions it
 * may come from (`valuesOf`: bindings and every write of a `let`, a `Map`'s `set` for its `get`, what a local
 * function returns, and the writes, returns and arguments on the way) and the places it goes (`usesOf`: the reads of
 * a binding or field it is written to, the callers of the function returning it), plus the two steps across a call
 * the model leaves to its callers: a parameter holds what every call site passes (`callsOf`), and an argument goes to
 * the parameter of the function the call runs (`calleesOf`).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction, getOutermostWrapper, getPropertyName, isFunction, isMemberNamed, skipTransparent, type FunctionNode } from '../ast/nodes.js';
import { getFlow, type Flow, type FlowValue } from './flow.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** How many expressions one question may visit: enough for a cache, a helper and its callers. */
const MAX_PEERS = 40;

/**
 * The expressions that may hold the same value as `node` (`node` first), found by following the value both ways.
 * E.g. for `hit` in `const hit = cache.get(k)`: `Credentials` of `cache.set(k, Credentials)`.
 */
export function collectFlowPeers(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] {
  const flow = getFlow(sourceCode);
  const seen = new Set<TSESTree.Node>();
  // One identifier stands for its variable: its other occurrences add nothing.
  const variables = new Set<TSESLint.Scope.Variable>();
  const queue: TSESTree.Node[] = [node];
  for (let next = queue.shift(); next && seen.size < MAX_PEERS; next = queue.shift()) {
    const current = skipTransparent(next);
    const variable = current.type === AST_NODE_TYPES.Identifier ? flow.variableOf(current) : null;
    if (seen.has(current) || (variable && variables.has(variable))) continue;
    if (variable) variables.add(variable);
    seen.add(current);
    // Every read of a variable carries its value on.
    const reads = variable ? flow.readsOf(current) : [current];
    queue.push(
      ...getSources(flow, current),
      ...getPassedArguments(flow, current),
      ...reads.flatMap((read) => getDestinations(flow, read)),
    );
  }
  return [...seen];
}

/**
 * The member names read off the variable `identifier` names, anywhere in the file: `c.AccessKeyId`,
 * `const { SessionToken } = c`. Empty when the variable is not the file's.
 */
export function getMembersRead(sourceCode: SourceCode, identifier: TSESTree.Identifier): Set<string> {
  const names = new Set<string>();
  for (const read of getFlow(sourceCode).readsOf(identifier)) {
    const parent = read.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === read) {
      const name = getPropertyName(parent);
      if (name !== undefined) names.add(name);
    } else if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === read &&
      parent.id.type === AST_NODE_TYPES.ObjectPattern
    ) {
      for (const property of parent.id.properties) {
        const name = property.type === AST_NODE_TYPES.Property ? getPropertyName(property) : undefined;
        if (name !== undefined) names.add(name);
      }
    }
  }
  return names;
}

/** Where the value of `node` may come from: the values the flow model ends at, and the expressions on the way. */
function getSources(flow: Flow, node: TSESTree.Node): TSESTree.Node[] {
  return flow.valuesOf(node).flatMap(getTrail).filter((source) => source !== node);
}

/**
 * The expressions that held `value` on its way: the names it was written to, the expressions returned or passed,
 * and the value itself. A destructuring (`const { Credentials } = resp`) holds a part of what it reads: the trail
 * stops there, and a value read off a part of another (`resp` with the path `Credentials`) is not the same value.
 */
function getTrail(value: FlowValue): TSESTree.Node[] {
  const trail: TSESTree.Node[] = [];
  for (const via of value.via) {
    if (via.type === AST_NODE_TYPES.VariableDeclarator || via.type === AST_NODE_TYPES.AssignmentExpression) {
      const target = via.type === AST_NODE_TYPES.VariableDeclarator ? via.id : via.left;
      if (target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression) return trail;
      trail.push(target);
    } else if (!isMemberNamed(via.type === AST_NODE_TYPES.CallExpression ? skipTransparent(via.callee) : via, 'set')) {
      trail.push(via);
    }
  }
  if (value.path.length === 0) trail.push(value.node);
  return trail;
}

/**
 * Where the value of `node` goes: the flow model's uses, the parameter it is passed to, and (returned) every other
 * value the function returns, a cache hit and a fresh fetch alike.
 */
function getDestinations(flow: Flow, node: TSESTree.Node): TSESTree.Node[] {
  const places = [node, ...flow.usesOf(node).map((use) => use.node)];
  return [
    ...places.slice(1),
    ...places.flatMap((place) => getReceivingParameters(flow, place)),
    ...places.flatMap((place) => {
      const fn = getReturningFunction(place);
      return fn ? flow.returnsOf(fn).flatMap(getTrail) : [];
    }),
  ];
}

/** The function whose result `node` is: `return node`, `() => node`. */
function getReturningFunction(node: TSESTree.Node): FunctionNode | undefined {
  const holder = getOutermostWrapper(node);
  const parent = holder.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return getEnclosingFunction(parent);
  return parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === holder ? parent : undefined;
}

/** A parameter of a function the file calls: the arguments its call sites pass at that position. */
function getPassedArguments(flow: Flow, node: TSESTree.Node): TSESTree.Node[] {
  const def = node.type === AST_NODE_TYPES.Identifier ? flow.variableOf(node)?.defs[0] : undefined;
  if (def?.type !== 'Parameter' || !isFunction(def.node)) {
    return [];
  }
  const fn = def.node;
  const index = fn.params.findIndex(
    (param) => param === def.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name),
  );
  return index < 0 ? [] : flow.callsOf(fn).flatMap((call) => call.arguments.slice(index, index + 1));
}

/** An argument of a call into a function the file defines: the parameter it is bound to. */
function getReceivingParameters(flow: Flow, node: TSESTree.Node): TSESTree.Node[] {
  const holder = getOutermostWrapper(node);
  const call = holder.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) {
    return [];
  }
  const index = call.arguments.indexOf(holder as TSESTree.CallExpressionArgument);
  if (index < 0) {
    return [];
  }
  return flow.calleesOf(call).flatMap((fn) => {
    const param = fn.params[index];
    const name = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return name?.type === AST_NODE_TYPES.Identifier ? [name] : [];
  });
}
