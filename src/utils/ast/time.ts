/** Pure shapes of time arithmetic: the current time, and the conversions that keep an instant. No scope. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getReturnedExpressions, isFunction, isMemberNamed, skipTransparent } from './nodes.js';

/** How deep `mentionsNow` looks into one expression. */
const MAX_NOW_DEPTH = 6;

/** The global `Date` (by name: a file that shadows it is not worth a scope lookup here). */
export function isDateCallee(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'Date';
}

/** `Date.now`, the function itself (`Date.now()` calls it, `const now = Date.now` keeps it). */
export function isDateNowMember(node: TSESTree.Node): boolean {
  return isMemberNamed(node, 'now') && isDateCallee(node.object);
}

/** `new Date()`: the current time as a `Date`. */
export function isNewDate(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.NewExpression && isDateCallee(node.callee) && node.arguments.length === 0;
}

/**
 * One conversion around an instant, and what it converts: `x.getTime()`, `x.valueOf()`, `+x`, `Number(x)`,
 * `Date.parse(x)` (numeric), `new Date(x)` (a `Date`).
 */
export function unwrapTimeConversion(node: TSESTree.Node): { inner: TSESTree.Node; numeric: boolean } | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(node.callee);
      const [argument] = node.arguments;
      if (node.arguments.length === 0 && (isMemberNamed(callee, 'getTime') || isMemberNamed(callee, 'valueOf'))) {
        return { inner: callee.object, numeric: true };
      }
      const isNumber = callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Number';
      const isDateParse = isMemberNamed(callee, 'parse') && isDateCallee(callee.object);
      return argument && node.arguments.length === 1 && (isNumber || isDateParse)
        ? { inner: argument, numeric: true }
        : undefined;
    }
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '+' ? { inner: node.argument, numeric: true } : undefined;
    case AST_NODE_TYPES.NewExpression: {
      const [argument] = node.arguments;
      return argument && node.arguments.length === 1 && isDateCallee(node.callee)
        ? { inner: argument, numeric: false }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** `Math.max(a, b)` / `Math.min(a, b)`: the two operands of a clamp. */
export function getClampOperands(node: TSESTree.Node): [TSESTree.Node, TSESTree.Node] | undefined {
  const current = skipTransparent(node);
  if (
    current.type !== AST_NODE_TYPES.CallExpression ||
    current.arguments.length !== 2 ||
    !(isMemberNamed(current.callee, 'max') || isMemberNamed(current.callee, 'min')) ||
    current.callee.object.type !== AST_NODE_TYPES.Identifier ||
    current.callee.object.name !== 'Math'
  ) {
    return undefined;
  }
  return current.arguments as [TSESTree.Node, TSESTree.Node];
}

/**
 * A cheap, syntactic test: does the expression read the current time? `Date.now()`, `new Date()`, `Date.now`
 * passed around, or a name in `aliases` (variables and functions declared from one of them).
 */
export function mentionsNow(node: TSESTree.Node, aliases: ReadonlySet<string>, depth = 0): boolean {
  const current = skipTransparent(node);
  if (depth > MAX_NOW_DEPTH) {
    return false;
  }
  switch (current.type) {
    case AST_NODE_TYPES.Identifier:
      return aliases.has(current.name);
    case AST_NODE_TYPES.MemberExpression:
      return isDateNowMember(current) || mentionsNow(current.object, aliases, depth + 1);
    case AST_NODE_TYPES.NewExpression:
      return (
        isNewDate(current) || current.arguments.some((argument) => mentionsNow(argument, aliases, depth + 1))
      );
    case AST_NODE_TYPES.CallExpression:
      return (
        mentionsNow(current.callee, aliases, depth + 1) ||
        current.arguments.some((argument) => mentionsNow(argument, aliases, depth + 1))
      );
    case AST_NODE_TYPES.BinaryExpression:
      return mentionsNow(current.left, aliases, depth + 1) || mentionsNow(current.right, aliases, depth + 1);
    case AST_NODE_TYPES.UnaryExpression:
      return mentionsNow(current.argument, aliases, depth + 1);
    default:
      return false;
  }
}

/** `mentionsNow`, or a function returning such a value: `() => Date.now()`, `function now() { return … }`. */
export function readsNow(node: TSESTree.Node, aliases: ReadonlySet<string>): boolean {
  return isFunction(node)
    ? getReturnedExpressions(node).some((returned) => mentionsNow(returned, aliases))
    : mentionsNow(node, aliases);
}

/** 604800 → `7 days`, 7200 → `2 hours`, 5400 → `90 minutes`, 100 → `100 seconds`. */
export function formatDuration(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    const count = seconds / size;
    if (Number.isInteger(count) && Math.abs(count) >= 1) {
      return `${count} ${unit}${Math.abs(count) === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}
