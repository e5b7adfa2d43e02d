/**
 * What text a string expression holds, as far as the file defines it, and where a string constant is used. The
 * parts the file does not define become `UNKNOWN_TEXT`, so that `parseUrl` can still read the parts it does.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isMemberNamed, skipTransparent } from '../ast/nodes.js';
import { getStringExpression, isLookupSite } from '../ast/string-expressions.js';
import { UNKNOWN_TEXT, parseUrl, trimTrailingSlashes } from '../ast/urls.js';
import { resolveValue } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** How far a string is followed through constants, templates and concatenations. */
const MAX_STRING_DEPTH = 8;

export interface RenderOptions {
  /** Receives every node visited. */
  trail?: Set<TSESTree.Node>;
  /** The text of a node the caller knows better than the file does (E.g. an environment variable's shape). */
  known?: (node: TSESTree.Node) => string | undefined;
}

/**
 * The text `node` holds, as far as the file defines it; the parts it does not define become `UNKNOWN_TEXT`.
 * Follows constants, object members, templates, `+`, `new URL(path, base)`, `new Request(url)`, `.href`,
 * `.toString()` and `String(x)`.
 */
export function renderString(sourceCode: SourceCode, node: TSESTree.Node, options: RenderOptions = {}): string {
  return render(sourceCode, node, options, 0);
}

function render(sourceCode: SourceCode, node: TSESTree.Node, options: RenderOptions, depth: number): string {
  const current = skipTransparent(node);
  options.trail?.add(current);
  if (depth > MAX_STRING_DEPTH) {
    return UNKNOWN_TEXT;
  }
  const known = options.known?.(current);
  if (known !== undefined) {
    return known;
  }
  const next = (inner: TSESTree.Node): string => render(sourceCode, inner, options, depth + 1);
  switch (current.type) {
    case AST_NODE_TYPES.Literal:
      return typeof current.value === 'string' || typeof current.value === 'number' ? String(current.value) : UNKNOWN_TEXT;
    case AST_NODE_TYPES.TemplateLiteral:
      return current.quasis
        .map((quasi, index) => {
          const expression = current.expressions[index];
          return (quasi.value.cooked ?? UNKNOWN_TEXT) + (expression ? next(expression) : '');
        })
        .join('');
    case AST_NODE_TYPES.BinaryExpression:
      return current.operator === '+' ? next(current.left) + next(current.right) : UNKNOWN_TEXT;
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const resolved = resolveValue(sourceCode, current);
      if (resolved && resolved !== current) {
        return next(resolved);
      }
      // E.g. `new URL(path, base).href`.
      return isMemberNamed(current, 'href') ? next(current.object) : UNKNOWN_TEXT;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(current.callee);
      if (isMemberNamed(callee, 'toString') && current.arguments.length === 0) {
        return next(callee.object);
      }
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && current.arguments[0]) {
        return next(current.arguments[0]);
      }
      const resolved = resolveValue(sourceCode, current);
      return resolved && resolved !== current ? next(resolved) : UNKNOWN_TEXT;
    }
    case AST_NODE_TYPES.NewExpression:
      return renderConstructedUrl(current, next);
    default:
      return UNKNOWN_TEXT;
  }
}

/** `new URL(path, base)`, `new URL(url)`, `new Request(url, init)`. */
function renderConstructedUrl(node: TSESTree.NewExpression, next: (node: TSESTree.Node) => string): string {
  const [input, base] = node.arguments;
  if (node.callee.type !== AST_NODE_TYPES.Identifier || !input) {
    return UNKNOWN_TEXT;
  }
  if (node.callee.name === 'Request') {
    return next(input);
  }
  if (node.callee.name !== 'URL') {
    return UNKNOWN_TEXT;
  }
  const path = next(input);
  if (!base || parseUrl(path)?.scheme) {
    return path;
  }
  const root = trimTrailingSlashes(next(base));
  return path.startsWith('/') ? root + path : `${root}/${path}`;
}

/** `const X = <expression>` → the string expressions around each read of `X`; empty when it is no such constant. */
export function getConstantUses(sourceCode: SourceCode, expression: TSESTree.Node): TSESTree.Node[] {
  const declarator = expression.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== expression ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  ) {
    return [];
  }
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  return (variable?.references ?? [])
    .filter((reference) => reference.isRead())
    .map((reference) => getStringExpression(reference.identifier as TSESTree.Node));
}

/**
 * The string is only compared or searched for, not used: an SSRF block-list entry, a `host === '…'` check,
 * `url.startsWith(PREFIX)`, also through a constant that is used only that way.
 */
export function isLookup(sourceCode: SourceCode, expression: TSESTree.Node): boolean {
  const uses = getConstantUses(sourceCode, expression);
  return uses.length > 0 ? uses.every((use) => isLookupSite(use)) : isLookupSite(expression);
}
