/** The text of an expression ready to be the left operand of a new `+`/`-`: `a ?? b` → `(a ?? b)`. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

const ADDITIVE_OR_TIGHTER: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '**']);

/** `node`'s text, parenthesized when `<text> - x` would otherwise parse differently. */
export function getAdditiveOperandText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  return needsParentheses(node) ? `(${text})` : text;
}

function needsParentheses(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
      return false;
    case AST_NODE_TYPES.BinaryExpression:
      return !ADDITIVE_OR_TIGHTER.has(node.operator);
    default:
      return true;
  }
}
