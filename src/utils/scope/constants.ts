/** Constant folding: the value an expression always has, as far as the file spells it out. */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { resolveValue } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * What `node` evaluates to when the file spells it out, after following what `resolveValue` follows (destructured
 * constants, members of local object literals, local calls): `false`, `5 * 60_000`, `` `${PREFIX}-x` ``, `null`.
 * Any type, unlike `getStaticValue` of values.ts (strings and numbers only, bindings followed as ESLint does).
 * `undefined` when the value is not known (or is `undefined`).
 */
export function getConstantValue(sourceCode: SourceCode, node: TSESTree.Node): unknown {
  const value = resolveValue(sourceCode, node);
  const result = value && ASTUtils.getStaticValue(value, sourceCode.getScope(value));
  return result ? result.value : undefined;
}
