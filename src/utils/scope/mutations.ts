/** Whether an object the file builds is changed afterwards, so that its literal tells only part of it. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isMemberNamed, skipTransparent } from '../ast/nodes.js';
import { getFirstDeclaredReads, getReads } from './reads.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * True when `node` is (or is held by) a variable that the file changes after building it: `opts.key = …`,
 * `Object.assign(opts, …)`, or a call of one of `mutators` on it (`config.update(…)` for `['update']`).
 */
export function isChangedLater(sourceCode: SourceCode, node: TSESTree.Node, mutators: ReadonlySet<string>): boolean {
  return getHoldingReads(sourceCode, node).some((identifier) => {
    const parent = identifier.parent;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
      const use = parent.parent;
      return (
        (use.type === AST_NODE_TYPES.AssignmentExpression && use.left === parent) ||
        (use.type === AST_NODE_TYPES.CallExpression &&
          use.callee === parent &&
          [...mutators].some((name) => isMemberNamed(parent, name)))
      );
    }
    return (
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === identifier &&
      isMemberNamed(skipTransparent(parent.callee), 'assign')
    );
  });
}

/** The reads of the variable `node` names, or of the one it initializes (`const config = new AWS.Config(...)`). */
function getHoldingReads(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Identifier[] {
  const inner = skipTransparent(node);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    return getReads(sourceCode, inner);
  }
  const declarator = node.parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === node
    ? getFirstDeclaredReads(sourceCode, declarator)
    : [];
}
