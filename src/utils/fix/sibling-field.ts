/** Names another field of the object a credential was read from: `Credentials.AccessKeyId` → `Credentials.Token`. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isPlainReference, skipTransparent } from '../ast/nodes.js';
import { getBindingSource } from '../scope/values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * The expression that reads `toKey` from the object that `value` read `fromKey` from, when the file can name that
 * object again at the place of `value`. E.g. with `AccessKeyId` → `Expiration`: `Credentials.AccessKeyId` →
 * `Credentials.Expiration`, `resp.Credentials?.AccessKeyId ?? ''` → `resp.Credentials?.Expiration`, a destructured
 * `AccessKeyId` of `const { AccessKeyId } = resp.Credentials` → `resp.Credentials.Expiration`.
 * `undefined` when the object is only reachable through a call or an `await` (it would run again).
 */
export function getSiblingFieldText(
  sourceCode: SourceCode,
  value: TSESTree.Node,
  fromKey: string,
  toKey: string,
): string | undefined {
  let current = skipTransparent(value);
  if (current.type === AST_NODE_TYPES.LogicalExpression) {
    // E.g. `Credentials?.AccessKeyId ?? ''`.
    current = skipTransparent(current.left);
  }
  if (current.type === AST_NODE_TYPES.MemberExpression && getPropertyName(current) === fromKey) {
    return isPlainReference(current.object)
      ? `${sourceCode.getText(current.object)}${current.optional ? '?.' : '.'}${toKey}`
      : undefined;
  }
  if (current.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const binding = getBindingSource(sourceCode, current);
  if (!binding || binding.path.at(-1) !== fromKey || !isPlainReference(binding.init)) {
    return undefined;
  }
  const keys = binding.path.slice(0, -1);
  return keys.every(isIdentifierName) ? [sourceCode.getText(binding.init), ...keys, toKey].join('.') : undefined;
}

function isIdentifierName(key: string): boolean {
  return /^[A-Z_$][\w$]*$/i.test(key);
}
