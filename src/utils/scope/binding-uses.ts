/** Where the variable a declaration binds is used: the calls made on it later in the file. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isMemberNamed } from '../ast/nodes.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * The `x.method(…)` calls on the variable that `const x = init` binds, when `init` is the declarator's whole
 * initializer. E.g. `const chain = createCredentialChain(…); chain.expireAfter(ms);` → the `expireAfter` call.
 */
export function findMethodCallsOnBinding(
  sourceCode: SourceCode,
  init: TSESTree.Node,
  method: string,
): TSESTree.CallExpression[] {
  const declarator = init.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== init) {
    return [];
  }
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of sourceCode.getDeclaredVariables(declarator)) {
    for (const { identifier } of variable.references) {
      const member = identifier.parent;
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === identifier &&
        isMemberNamed(member, method) &&
        member.parent.type === AST_NODE_TYPES.CallExpression &&
        member.parent.callee === member
      ) {
        calls.push(member.parent);
      }
    }
  }
  return calls;
}
