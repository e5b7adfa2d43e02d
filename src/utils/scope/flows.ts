/**
 * Where one value travels within the file, both ways: the expressions it may come from (bindings and every write
 * of a `let`, a `Map`'s `set` for its `get`, the arguments callers pass to a parameter, what a local function
 * returns) and the places it goes (a variable it initializes, the callers of the function returning it, the
 * parameter it is passed to, the `get` of the `Map` it is `set` into). Local functions include class methods called
 * as `this.method(…)`; `Map`-like receivers are variables or `this.field`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction, getPropertyName, getReturnedExpressions, isFunction, isMemberNamed, skipTransparent, type FunctionNode } from '../ast/nodes.js';
import { isNode } from '../ast/walk.js';
import { getVariable, resolveValue } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** How many expressions one question may visit: enough for a cache, a helper and its callers. */
const MAX_PEERS = 40;

/** Per class body: `this.<name>` member expressions inside it, by name (built on first need). */
const thisMembersByClass = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.MemberExpression[]>>();

/**
 * The expressions that may hold the same value as `node` (`node` first), found by following the value both ways.
 * E.g. for `hit` in `const hit = cache.get(k)`: `cache.get(k)`, and `Credentials` of `cache.set(k, Credentials)`.
 */
export function collectFlowPeers(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] {
  const seen = new Set<TSESTree.Node>();
  // One identifier stands for its variable: its other occurrences add nothing.
  const variables = new Set<TSESLint.Scope.Variable>();
  const queue: TSESTree.Node[] = [node];
  for (let next = queue.shift(); next && seen.size < MAX_PEERS; next = queue.shift()) {
    const current = skipTransparent(next);
    const variable = current.type === AST_NODE_TYPES.Identifier ? getVariable(sourceCode, current) : null;
    if (seen.has(current) || (variable && variables.has(variable))) continue;
    if (variable) variables.add(variable);
    seen.add(current);
    queue.push(...getSources(sourceCode, current), ...getDestinations(sourceCode, current));
  }
  return [...seen];
}

/**
 * The member names read off the variable `identifier` names, anywhere in the file: `c.AccessKeyId`,
 * `const { SessionToken } = c`. Empty when the variable is not the file's.
 */
export function getMembersRead(sourceCode: SourceCode, identifier: TSESTree.Identifier): Set<string> {
  const names = new Set<string>();
  for (const reference of getVariable(sourceCode, identifier)?.references ?? []) {
    const parent = reference.identifier.parent;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) {
      const name = getPropertyName(parent);
      if (name !== undefined) names.add(name);
    } else if (
      parent.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === reference.identifier &&
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

/** Where the value of `node` may come from, one step back. */
function getSources(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] {
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return [node.argument];
    case AST_NODE_TYPES.LogicalExpression:
      return [node.left, node.right];
    case AST_NODE_TYPES.ConditionalExpression:
      return [node.consequent, node.alternate];
    case AST_NODE_TYPES.Identifier:
      return getWrittenValues(sourceCode, node);
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(node.callee);
      if (isMemberNamed(callee, 'get') && node.arguments.length === 1) {
        return findReceiverCalls(sourceCode, callee.object, 'set').flatMap((call) => call.arguments.slice(1, 2));
      }
      const fn = resolveCallee(sourceCode, callee);
      return fn ? getReturnedExpressions(fn) : [];
    }
    default:
      return [];
  }
}

/** What `identifier`'s variable is given: initializers, assignments (`let` caches), and callers' arguments. */
function getWrittenValues(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Node[] {
  const variable = getVariable(sourceCode, identifier);
  if (!variable) {
    return [];
  }
  const values: TSESTree.Node[] = [];
  for (const def of variable.defs) {
    if (def.type === 'Parameter' && isFunction(def.node)) {
      const index = def.node.params.findIndex(
        (param) => param === def.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name),
      );
      const calls = index >= 0 ? findCallSites(sourceCode, def.node) : [];
      values.push(...calls.flatMap((call) => call.arguments.slice(index, index + 1)));
    }
  }
  for (const reference of variable.references) {
    const parent = reference.identifier.parent;
    // Plain writes only: a destructured binding holds a part of the written value, not all of it.
    const plain =
      (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === reference.identifier) ||
      (parent.type === AST_NODE_TYPES.AssignmentExpression &&
        parent.operator === '=' &&
        parent.left === reference.identifier);
    if (reference.isWrite() && plain && reference.writeExpr) values.push(reference.writeExpr);
  }
  return values;
}

/** Where the value of `node` goes, one step forward. */
function getDestinations(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] {
  if (node.type === AST_NODE_TYPES.Identifier) {
    // Every read of the variable carries the value on (the declaration itself is not a read).
    const reads = getVariable(sourceCode, node)?.references.filter((reference) => reference.isRead()) ?? [];
    return reads.flatMap((reference) => getPlacesReceiving(sourceCode, reference.identifier));
  }
  return getPlacesReceiving(sourceCode, node);
}

/** The expressions that receive the value of `node` as written: `const x = node`, `return node`, `f(node)`. */
function getPlacesReceiving(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] {
  let current: TSESTree.Node = node;
  while (
    current.parent &&
    (skipTransparent(current.parent) !== current.parent ||
      current.parent.type === AST_NODE_TYPES.AwaitExpression ||
      current.parent.type === AST_NODE_TYPES.LogicalExpression ||
      (current.parent.type === AST_NODE_TYPES.ConditionalExpression && current.parent.test !== current))
  ) {
    current = current.parent;
  }
  const parent = current.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier ? [parent.id] : [];
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === current && parent.left.type === AST_NODE_TYPES.Identifier ? [parent.left] : [];
    case AST_NODE_TYPES.ReturnStatement: {
      // The callers receive it, and so does every other value the function returns (a cache hit or a fetch).
      const fn = getEnclosingFunction(parent);
      return fn ? [...findCallSites(sourceCode, fn), ...getReturnedExpressions(fn)] : [];
    }
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === current ? findCallSites(sourceCode, parent) : [];
    case AST_NODE_TYPES.CallExpression: {
      const index = parent.arguments.indexOf(current as TSESTree.CallExpressionArgument);
      const callee = skipTransparent(parent.callee);
      if (index < 0) return [];
      if (index === 1 && isMemberNamed(callee, 'set')) return findReceiverCalls(sourceCode, callee.object, 'get');
      const param = resolveCallee(sourceCode, callee)?.params[index];
      const name = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      return name?.type === AST_NODE_TYPES.Identifier ? [name] : [];
    }
    default:
      return [];
  }
}

/** The local function a callee names: `helper`, `const helper = () => …`, `this.method` inside its class. */
function resolveCallee(sourceCode: SourceCode, callee: TSESTree.Node): FunctionNode | undefined {
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const member = callee;
    const name = getMemberKey(member);
    const body = member.object.type === AST_NODE_TYPES.ThisExpression ? getEnclosingClass(member) : undefined;
    const definition = body?.body.find(
      (element) =>
        (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) &&
        !element.computed &&
        getKeyText(element.key) === name,
    );
    const value = definition && 'value' in definition ? definition.value : undefined;
    return isFunction(value) ? value : undefined;
  }
  const resolved = callee.type === AST_NODE_TYPES.Identifier ? resolveValue(sourceCode, callee) : undefined;
  return isFunction(resolved) ? resolved : undefined;
}

/** The calls of `fn` the file shows: by its name, or as `this.method(…)` in its class. */
function findCallSites(sourceCode: SourceCode, fn: FunctionNode): TSESTree.CallExpression[] {
  const parent = fn.parent;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.value === fn &&
    !parent.computed
  ) {
    const name = getKeyText(parent.key);
    const members = name === undefined ? [] : (getThisMembers(sourceCode, parent.parent).get(name) ?? []);
    return members.flatMap((member) =>
      member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? [member.parent] : [],
    );
  }
  const declared = parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn ? parent.id : undefined;
  const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : declared;
  const references = id?.type === AST_NODE_TYPES.Identifier ? (getVariable(sourceCode, id)?.references ?? []) : [];
  return references.flatMap((reference) => {
    const call = reference.identifier.parent;
    return call.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? [call] : [];
  });
}

/** `receiver.<method>(…)` calls on the same receiver: the same variable, or the same `this.field` of a class. */
function findReceiverCalls(sourceCode: SourceCode, receiver: TSESTree.Node, method: string): TSESTree.CallExpression[] {
  const object = skipTransparent(receiver);
  let receivers: TSESTree.Node[] = [];
  if (object.type === AST_NODE_TYPES.Identifier) {
    receivers = getVariable(sourceCode, object)?.references.map((reference) => reference.identifier) ?? [];
  } else if (object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.ThisExpression) {
    const body = getEnclosingClass(object);
    const name = getMemberKey(object);
    receivers = body && name !== undefined ? (getThisMembers(sourceCode, body).get(name) ?? []) : [];
  }
  return receivers.flatMap((node) => {
    const member = node.parent;
    const call = member?.parent;
    const isCall =
      member !== undefined &&
      isMemberNamed(member, method) &&
      member.object === node &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee === member;
    return isCall ? [call] : [];
  });
}

/** The class body whose `this` a node sees: the nearest non-arrow function must be one of its methods. */
function getEnclosingClass(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition) {
      return current.parent.type === AST_NODE_TYPES.ClassBody ? current.parent : undefined;
    }
    if (isFunction(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      const owner = current.parent;
      return owner.type === AST_NODE_TYPES.MethodDefinition ? owner.parent : undefined;
    }
  }
  return undefined;
}

/** `this.<name>` members of a class body, outside nested classes and non-arrow functions that rebind `this`. */
function getThisMembers(sourceCode: SourceCode, body: TSESTree.ClassBody): Map<string, TSESTree.MemberExpression[]> {
  let members = thisMembersByClass.get(body);
  if (members) {
    return members;
  }
  const found = new Map<string, TSESTree.MemberExpression[]>();
  members = found;
  thisMembersByClass.set(body, found);
  const visit = (node: TSESTree.Node, isMethod: boolean): void => {
    if (node.type === AST_NODE_TYPES.ClassBody && node !== body) return;
    if (isFunction(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression && !isMethod) return;
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = getMemberKey(node);
      if (name !== undefined) found.set(name, [...(found.get(name) ?? []), node]);
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (isNode(item)) visit(item, node.type === AST_NODE_TYPES.MethodDefinition);
      }
    }
  };
  visit(body, false);
  return members;
}

/** A class member's key as `this.<key>` reads it: `sessions`, `#sessions` (private), `'sessions'`. */
function getKeyText(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : undefined;
}

/** `this.sessions` → `sessions`, `this.#sessions` → `#sessions`, `this['sessions']` → `sessions`. */
function getMemberKey(member: TSESTree.MemberExpression): string | undefined {
  return member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : getPropertyName(member);
}
