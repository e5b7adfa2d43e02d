/**
 * Retries after an expired-credentials error: a `catch` that tests the error for `ExpiredToken` (by `name`, `code`,
 * `Code`, `instanceof ExpiredTokenException`, `.includes(…)`, a `switch`) and then sends again through an SDK client,
 * directly, through a local function, or by letting its retry loop run the `try` block again.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, getEndName, isFunction, skipTransparent } from '../ast/nodes.js';
import { collectNodes } from '../ast/walk.js';
import { EXPIRED_TOKEN_CODES } from './catalog.js';
import type { CredentialModel } from './credentials.js';
import type { SdkReference } from './references.js';

/** One request the file sends again after recognising an expired token. */
export interface ExpiredTokenResend {
  /** The call that sends again: `client.send(cmd)`, `s3.getObject(params)`. */
  call: TSESTree.CallExpression;
  /** The construction of the client it sends through (built outside the `catch`). */
  client: SdkReference;
  /** The test that recognised the expired token. */
  test: TSESTree.Node;
}

const STRING_SEARCHES: ReadonlySet<string> = new Set(['includes', 'startsWith', 'endsWith', 'indexOf', 'match', 'test']);
const EXPIRED_EXCEPTION_CLASS = 'ExpiredTokenException';

const cache = new WeakMap<CredentialModel, readonly ExpiredTokenResend[]>();

/** Every send the file repeats after an expired-token test, through a client built before the `catch` (once per file). */
export function findExpiredTokenResends(model: CredentialModel): readonly ExpiredTokenResend[] {
  let found = cache.get(model);
  if (!found) {
    found = collectNodes(model.sourceCode.ast, (node) => node.type === AST_NODE_TYPES.CatchClause).flatMap((node) =>
      findInCatch(model, node as TSESTree.CatchClause),
    );
    cache.set(model, found);
  }
  return found;
}

function findInCatch(model: CredentialModel, clause: TSESTree.CatchClause): ExpiredTokenResend[] {
  const param = clause.param;
  if (param?.type !== AST_NODE_TYPES.Identifier || refreshes(model, clause)) {
    return [];
  }
  const tests = collectNodes(clause.body, (node) => isExpiredTest(model, node, param));
  const found: ExpiredTokenResend[] = [];
  const seen = new Set<TSESTree.Node>();
  for (const test of tests) {
    const region = getMatchedRegion(test);
    if (!region) continue;
    const calls = region.nodes.flatMap((node) => collectCalls(node));
    const sends = [...calls, ...calls.flatMap((call) => model.flow.calleesOf(call).flatMap((fn) => collectCalls(fn.body)))];
    if (fallsThrough(region, clause)) sends.push(...getLoopedSends(clause));
    for (const call of sends) {
      const client = clientOf(model, call);
      if (!client || seen.has(call) || containsNode(clause, client.node)) continue;
      seen.add(call);
      found.push({ call, client, test });
    }
  }
  return found;
}

/** Whether `node` reads the caught error: `err`, `err.name`, `String(err)`, a `code` copied from `err.code`. */
function readsError(model: CredentialModel, node: TSESTree.Node, param: TSESTree.Identifier): boolean {
  const mentions = collectNodes(node, (inner) => inner.type === AST_NODE_TYPES.Identifier && inner.name === param.name);
  if (mentions.length > 0) return true;
  const caught = model.flow.variableOf(param);
  return model.flow
    .valuesOf(node)
    .some(({ node: end }) => end.type === AST_NODE_TYPES.Identifier && end.name === param.name && model.flow.variableOf(end) === caught);
}

/** An expired code, or a text that contains one (`'ExpiredToken'` also matches `ExpiredTokenException`). */
function namesExpiredCode(node: TSESTree.Node, exact: boolean): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.Literal && 'regex' in value && value.regex) {
    return !exact && EXPIRED_TOKEN_CODES.some((code) => value.regex.pattern.includes(code));
  }
  if (value.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'string') return false;
  const text = value.value;
  return exact ? EXPIRED_TOKEN_CODES.includes(text) : EXPIRED_TOKEN_CODES.some((code) => text.includes(code));
}

/** A list of codes that holds an expired one: `['ExpiredToken', 'ExpiredTokenException']`, or a constant bound to it. */
function listsExpiredCode(model: CredentialModel, node: TSESTree.Node): boolean {
  return model.flow
    .valuesOf(node)
    .some(
      ({ node: value, path }) =>
        path.length === 0 &&
        value.type === AST_NODE_TYPES.ArrayExpression &&
        value.elements.some((element) => element !== null && namesExpiredCode(element, true)),
    );
}

function isExpiredTest(model: CredentialModel, node: TSESTree.Node, param: TSESTree.Identifier): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator === 'instanceof') {
        return getEndName(node.right) === EXPIRED_EXCEPTION_CLASS && readsError(model, node.left, param);
      }
      if (!['===', '==', '!==', '!='].includes(node.operator)) return false;
      const { left, right } = node;
      return (
        (namesExpiredCode(right, true) && readsError(model, left, param)) ||
        (left.type !== AST_NODE_TYPES.PrivateIdentifier && namesExpiredCode(left, true) && readsError(model, right, param))
      );
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(node.callee);
      const [argument] = node.arguments;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !argument || !STRING_SEARCHES.has(getEndName(callee) ?? '')) {
        return false;
      }
      // `err.message.includes('ExpiredToken')`, `/ExpiredToken/.test(String(err))`, `CODES.includes(err.name)`.
      return (
        (namesExpiredCode(argument, false) && readsError(model, callee.object, param)) ||
        (namesExpiredCode(callee.object, false) && readsError(model, argument, param)) ||
        (listsExpiredCode(model, callee.object) && readsError(model, argument, param))
      );
    }
    case AST_NODE_TYPES.SwitchCase: {
      const { discriminant } = node.parent;
      return node.test !== null && namesExpiredCode(node.test, true) && readsError(model, discriminant, param);
    }
    default:
      return false;
  }
}

/** What runs once the test matched, and whether that path may end at the end of the `catch`. */
interface MatchedRegion {
  nodes: TSESTree.Node[];
  /** Where the matched path continues from once `nodes` ran: what follows it runs too, unless something exits. */
  statement: TSESTree.Node;
}

/**
 * The code that runs when the expired test holds: the consequent of `if (test)`, `test ? a : b`, `test && a`, a
 * `case` and the cases it falls into; for a negated test (`!==`, `!x.includes()`), the `else` and what follows the
 * `if`. `undefined` when the test decides nothing the file shows.
 */
function getMatchedRegion(test: TSESTree.Node): MatchedRegion | undefined {
  if (test.type === AST_NODE_TYPES.SwitchCase) {
    const cases = test.parent.cases;
    const nodes: TSESTree.Node[] = [];
    for (let index = cases.indexOf(test); index < cases.length; index++) {
      const consequent = (cases[index] as TSESTree.SwitchCase).consequent;
      nodes.push(...consequent);
      if (consequent.length > 0) break;
    }
    return { nodes, statement: test };
  }
  let negated = test.type === AST_NODE_TYPES.BinaryExpression && (test.operator === '!==' || test.operator === '!=');
  let current: TSESTree.Node = test;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') {
      negated = !negated;
    } else if (parent.type === AST_NODE_TYPES.IfStatement && parent.test === current) {
      if (!negated) return { nodes: [parent.consequent], statement: parent };
      // `if (err.name !== 'ExpiredToken') throw err;`: the expired path is the `else` and what follows the `if`.
      const rest = exits(parent.consequent) ? followingStatements(parent) : [];
      return { nodes: [...(parent.alternate ? [parent.alternate] : []), ...rest], statement: parent };
    } else if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === current) {
      return { nodes: [negated ? parent.alternate : parent.consequent], statement: parent };
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.left === current) {
      if (parent.operator === (negated ? '||' : '&&')) return { nodes: [parent.right], statement: parent };
      return undefined;
    } else if (
      parent.type !== AST_NODE_TYPES.LogicalExpression &&
      parent.type !== AST_NODE_TYPES.ChainExpression &&
      skipTransparent(parent) === parent
    ) {
      return undefined;
    }
    current = parent;
  }
}

/** Statements that leave the `catch` other than by running on (`continue` runs the loop again). */
function exits(node: TSESTree.Node): boolean {
  return (
    collectNodes(
      node,
      (inner) =>
        (inner.type === AST_NODE_TYPES.ThrowStatement ||
          inner.type === AST_NODE_TYPES.ReturnStatement ||
          inner.type === AST_NODE_TYPES.BreakStatement) &&
        !isInNestedFunction(inner, node),
    ).length > 0
  );
}

function isInNestedFunction(node: TSESTree.Node, root: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== root; current = current.parent) {
    if (isFunction(current)) return true;
  }
  return false;
}

/**
 * Whether the matched path reaches the end of the `catch` (so that a loop around the `try` runs it again): nothing on
 * it throws, returns or breaks, and, for an `if` whose consequent is the matched path, neither does what follows it.
 * A negated `if` (`if (err.name !== 'ExpiredToken') throw err;`) leaves the expired path to what follows it.
 */
function fallsThrough(region: MatchedRegion, clause: TSESTree.CatchClause): boolean {
  if (region.nodes.some(exits)) return false;
  if (region.nodes.some((node) => collectNodes(node, (inner) => inner.type === AST_NODE_TYPES.ContinueStatement).length > 0)) {
    return true;
  }
  for (let current: TSESTree.Node = region.statement; current !== clause.body; current = current.parent as TSESTree.Node) {
    if (region.nodes.includes(current)) continue;
    if (followingStatements(current).some(exits)) return false;
  }
  return true;
}

/** The statements after `node` in its block or `case`. */
function followingStatements(node: TSESTree.Node): TSESTree.Node[] {
  const parent = node.parent;
  const list: readonly TSESTree.Node[] =
    parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program
      ? parent.body
      : parent?.type === AST_NODE_TYPES.SwitchCase
        ? parent.consequent
        : [];
  const index = list.indexOf(node);
  return index === -1 ? [] : list.slice(index + 1);
}

/** The sends in the `try` block when a loop around it, in the same function, runs it again. */
function getLoopedSends(clause: TSESTree.CatchClause): TSESTree.CallExpression[] {
  const tryStatement = clause.parent;
  for (let current: TSESTree.Node | undefined = tryStatement.parent; current && !isFunction(current); current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return collectCalls(tryStatement.block);
    }
  }
  return [];
}

function collectCalls(node: TSESTree.Node): TSESTree.CallExpression[] {
  return collectNodes(node, (inner) => inner.type === AST_NODE_TYPES.CallExpression) as TSESTree.CallExpression[];
}

/** The SDK client construction a call's receiver holds: `new S3Client(…)` for `client.send(cmd)`. */
function clientOf(model: CredentialModel, call: TSESTree.CallExpression): SdkReference | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  for (const value of model.flow.valuesOf(callee.object)) {
    const reference = value.path.length === 0 ? model.referenceOf(value) : undefined;
    if (reference?.info.kind === 'client' && reference.node.type === AST_NODE_TYPES.NewExpression) return reference;
  }
  return undefined;
}

/**
 * The `catch` builds something fresh before it retries: an SDK client or provider, a call for new temporary
 * credentials, or a binding assigned the result of a call (`client = makeClient()`, `creds = await refresh()`).
 */
function refreshes(model: CredentialModel, clause: TSESTree.CatchClause): boolean {
  const built = model.sdk.all.some(
    ({ node, info }) =>
      containsNode(clause.body, node) &&
      (info.kind === 'client' || info.kind === 'provider' || info.kind === 'v2Credentials' || info.kind === 'memoize'),
  );
  if (built) return true;
  return (
    collectNodes(
      clause.body,
      (node) =>
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        (node.operator === '=' || node.operator === '??=' || node.operator === '||=') &&
        collectNodes(node.right, (inner) => inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression).length > 0,
    ).length > 0
  );
}
