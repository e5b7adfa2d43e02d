/** Whether an expression can move to module scope unchanged, and where it may go there. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { collectNodes } from '../ast/walk.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/**
 * The top-level statements `node` depends on, when every name it reads is a module-level constant (an import, a
 * `const`, a function or class declaration) or a name bound inside `node` itself, so that the expression means
 * the same at module scope: `undefined` when it reads anything else (a parameter, a local, a `let`, a global such as
 * `process`). Literals need nothing. E.g. `new S3Client({ region: REGION })` → `[const REGION = …]`.
 */
export function getModuleConstantDependencies(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] | undefined {
  const [start, end] = node.range;
  const statements = new Set<TSESTree.Node>();
  const visit = (scope: TSESLint.Scope.Scope): boolean =>
    scope.references.every((reference) => {
      const { identifier, resolved } = reference;
      if (identifier.range[0] < start || identifier.range[1] > end) return true;
      if (identifier.type === AST_NODE_TYPES.Identifier && identifier.name === 'undefined' && !resolved) return true;
      if (!resolved || resolved.defs.length === 0) return false;
      if (resolved.defs.every((def) => start <= def.name.range[0] && def.name.range[1] <= end)) return true;
      const statement = getModuleConstantStatement(resolved);
      if (statement) statements.add(statement);
      return statement !== undefined && !reference.isWrite();
    }) && scope.childScopes.every(visit);
  return visit(sourceCode.getScope(node)) ? [...statements] : undefined;
}

/** The top-level statement that declares `variable` as a constant, if it does. */
function getModuleConstantStatement(variable: Variable): TSESTree.Node | undefined {
  const [def, ...others] = variable.defs;
  if (!def || others.length > 0) return undefined;
  const isConstant =
    def.type === 'ImportBinding' ||
    def.type === 'FunctionName' ||
    def.type === 'ClassName' ||
    (def.type === 'Variable' && def.parent.kind === 'const');
  if (!isConstant) return undefined;
  let statement: TSESTree.Node = def.node;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.Program) {
    statement = statement.parent;
    if (statement.type === AST_NODE_TYPES.BlockStatement || isFunctionLike(statement)) return undefined;
  }
  return statement.parent ? statement : undefined;
}

function isFunctionLike(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    (node.type === AST_NODE_TYPES.FunctionDeclaration && node.parent?.type !== AST_NODE_TYPES.Program)
  );
}

/**
 * The first of `candidates` that no identifier of the file spells (a binding, a property, a global): a name a new
 * module-level `const` can take without shadowing or being shadowed.
 */
export function findFreeName(sourceCode: SourceCode, candidates: readonly string[]): string | undefined {
  const spelled = new Set(
    collectNodes(sourceCode.ast, (node) => node.type === AST_NODE_TYPES.Identifier).map((node) => (node as TSESTree.Identifier).name),
  );
  return candidates.find((name) => !spelled.has(name));
}
