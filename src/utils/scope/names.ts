/** Whether an expression can be written again somewhere else and mean the same there: the question of every fixer. */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Every name `node` uses resolves, from `location`, to the same variable (or to none, for both). Names bound inside
 * `node` itself (an arrow function's parameters) do not count.
 */
export function isVisibleAt(sourceCode: SourceCode, node: TSESTree.Node, location: TSESTree.Node): boolean {
  const target = sourceCode.getScope(location);
  const [start, end] = node.range;
  const inside = (range: TSESTree.Range): boolean => start <= range[0] && range[1] <= end;
  const visit = (scope: TSESLint.Scope.Scope): boolean =>
    scope.references.every((reference) => {
      const { identifier, resolved } = reference;
      if (!inside(identifier.range)) return true;
      if (resolved && resolved.defs.length > 0 && resolved.defs.every((def) => inside(def.name.range))) return true;
      return ASTUtils.findVariable(target, identifier.name) === resolved;
    }) && scope.childScopes.every(visit);
  return visit(sourceCode.getScope(node));
}

/** `name` at `location` refers to the variable `identifier` refers to where it stands. */
export function isSameBindingAt(sourceCode: SourceCode, identifier: TSESTree.Identifier, location: TSESTree.Node): boolean {
  const expected = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  return expected !== null && ASTUtils.findVariable(sourceCode.getScope(location), identifier.name) === expected;
}
