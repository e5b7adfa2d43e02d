/** Questions about object literals the file builds: nested option objects and what their spreads may bring. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findProperty, resolveObject } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * How deep spreads of spreads are followed (looking for a key, an option, or every key of an object) before the
 * object counts as unknown.
 */
export const MAX_SPREAD_DEPTH = 4;

/** The object literal the property `name` of `object` holds: `params` of `fromTemporaryCredentials({ params })`. */
export function resolvePropertyObject(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  name: string,
): TSESTree.ObjectExpression | undefined {
  const property = findProperty(sourceCode, object, name);
  return property && resolveObject(sourceCode, property.value);
}

/** A spread in `object` (or in the object literals it spreads) whose value the file does not define. */
export function hasUnknownSpread(sourceCode: SourceCode, object: TSESTree.ObjectExpression, depth = 0): boolean {
  return object.properties.some((member) => {
    if (member.type !== AST_NODE_TYPES.SpreadElement) return false;
    const spread = depth < MAX_SPREAD_DEPTH ? resolveObject(sourceCode, member.argument) : undefined;
    return !spread || hasUnknownSpread(sourceCode, spread, depth + 1);
  });
}
