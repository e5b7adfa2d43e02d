/**
 * Options objects with three outcomes: the property the object holds at run time, absent for sure, or not known
 * (a spread or a value the file does not define, a computed key).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName } from '../ast/nodes.js';
import { MAX_SPREAD_DEPTH } from './objects.js';
import { getStaticValue, resolveValue } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** An option as the object would hold it at run time: the property, absent for sure, or not known. */
export type Option = TSESTree.Property | 'absent' | 'unknown';


/**
 * The object literal the first argument holds; `undefined` when there is no argument, `'unknown'` when the file does
 * not show it (a parameter, an import, a call into another module).
 */
export function getOptionsObject(
  sourceCode: SourceCode,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
): TSESTree.ObjectExpression | 'unknown' | undefined {
  const [argument] = node.arguments;
  if (!argument) {
    return undefined;
  }
  const value = argument.type === AST_NODE_TYPES.SpreadElement ? undefined : resolveValue(sourceCode, argument);
  return value?.type === AST_NODE_TYPES.ObjectExpression ? value : 'unknown';
}

/**
 * The option `name` as the object holds it at run time: the last property or spread that can set it wins; a spread
 * the file cannot resolve, or a computed key, makes it unknown. E.g. `{ ...defaults, timeout: 0 }`.
 */
export function getOption(sourceCode: SourceCode, object: TSESTree.ObjectExpression, name: string, depth = 0): Option {
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const member = object.properties[index];
    if (member?.type === AST_NODE_TYPES.SpreadElement) {
      const spread = resolveValue(sourceCode, member.argument);
      if (spread?.type !== AST_NODE_TYPES.ObjectExpression || depth >= MAX_SPREAD_DEPTH) {
        return 'unknown';
      }
      const found = getOption(sourceCode, spread, name, depth + 1);
      if (found !== 'absent') return found;
    } else if (member?.type === AST_NODE_TYPES.Property) {
      const key = getPropertyName(member);
      if (key === name) return member;
      if (key === undefined) return 'unknown';
    }
  }
  return 'absent';
}

/** The property's value folds to a number no greater than `limit`: `0`, `-1`, `RETRIES` with `const RETRIES = 0`. */
export function isAtMost(sourceCode: SourceCode, property: TSESTree.Property, limit: number): boolean {
  const value = getStaticValue(sourceCode, property.value);
  return typeof value === 'number' && value <= limit;
}
