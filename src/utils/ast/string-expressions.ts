/** Pure questions about the expressions that build strings: what whole string a part belongs to, how it is used. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, skipTransparent } from './nodes.js';

/** Calls that compare or search with a string rather than use it, e.g. an SSRF filter's `url.startsWith(x)`. */
const LOOKUP_METHODS: ReadonlySet<string> = new Set([
  'endsWith',
  'has',
  'includes',
  'indexOf',
  'lastIndexOf',
  'match',
  'matchAll',
  'replace',
  'replaceAll',
  'search',
  'split',
  'startsWith',
  'test',
]);
const COMPARISONS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=']);

/** The whole string `node` is part of: E.g. `'http://169.254.169.254' + path`, `` `${'…'}/latest/api/token` ``. */
export function getStringExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (
      parent?.type === AST_NODE_TYPES.TemplateLiteral ||
      (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+') ||
      (parent !== undefined && skipTransparent(parent) !== parent)
    ) {
      current = parent;
    } else {
      return current;
    }
  }
}

/**
 * The string is only compared or searched for where it stands: a block-list entry, a `host === '…'` check, a
 * `switch` case, an object key, `url.startsWith(PREFIX)`, `new RegExp(…)`.
 */
export function isLookupSite(expression: TSESTree.Node): boolean {
  const parent = expression.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.BinaryExpression:
      return COMPARISONS.has(parent.operator);
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.SwitchCase:
      return true;
    case AST_NODE_TYPES.Property:
      return parent.key === expression;
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(parent.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
      return (
        parent.arguments.includes(expression as TSESTree.CallExpressionArgument) &&
        method !== undefined &&
        LOOKUP_METHODS.has(method)
      );
    }
    case AST_NODE_TYPES.NewExpression:
      return parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'RegExp';
    default:
      return false;
  }
}
