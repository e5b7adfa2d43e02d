/** Moving an expression to a module-level `const`: the declaration goes after the imports and what it depends on. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { collectNodes } from '../ast/walk.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Declares `const name = <node>` at module scope, after the last import (or top-level `require`) and after each of
 * `dependencies` (the top-level statements declaring what `node` reads), and puts `name` in the place of `node`.
 * The declaration ends with a semicolon when the statement before it does.
 */
export function hoistToModuleScope(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  node: TSESTree.Node,
  name: string,
  dependencies: readonly TSESTree.Node[],
): TSESLint.RuleFix[] {
  const program = sourceCode.ast;
  const anchors = [...program.body.filter(isImportStatement), ...dependencies];
  const anchor = anchors.reduce<TSESTree.Node | undefined>(
    (last, statement) => (!last || statement.range[1] > last.range[1] ? statement : last),
    undefined,
  );
  const replace = fixer.replaceText(node, name);
  if (!anchor) {
    const first = program.body.find((statement) => !isDirective(statement));
    const declaration = `const ${name} = ${sourceCode.getText(node)};`;
    return [first ? fixer.insertTextBefore(first, `${declaration}\n`) : fixer.insertTextAfterRange([0, 0], declaration), replace];
  }
  const semicolon = sourceCode.getLastToken(anchor)?.value === ';' ? ';' : '';
  return [fixer.insertTextAfter(anchor, `\nconst ${name} = ${sourceCode.getText(node)}${semicolon}`), replace];
}

/** `import …`, TS `import x = require(…)`, or a top-level declaration that calls `require(…)`. */
function isImportStatement(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    return true;
  }
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.some(
      ({ init }) =>
        init !== null &&
        collectNodes(
          init,
          (inner) =>
            inner.type === AST_NODE_TYPES.CallExpression &&
            inner.callee.type === AST_NODE_TYPES.Identifier &&
            inner.callee.name === 'require',
        ).length > 0,
    )
  );
}

function isDirective(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
}
