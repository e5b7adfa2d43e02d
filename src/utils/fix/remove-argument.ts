/** Fixers for call arguments. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Removes one argument of a call with the comma that separates it from its neighbour. */
export function removeArgument(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: TSESTree.Node,
): TSESLint.RuleFix {
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  const next = call.arguments[index + 1];
  if (next) {
    return fixer.removeRange([argument.range[0], next.range[0]]);
  }
  const previous = call.arguments[index - 1];
  const comma = previous && sourceCode.getTokenAfter(previous);
  return fixer.removeRange([comma?.range[0] ?? argument.range[0], argument.range[1]]);
}
