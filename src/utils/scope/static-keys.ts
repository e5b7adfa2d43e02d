/**
 * Names the file spells out for a key, whatever the form: `'X'`, `` `X` ``, a constant, a member of a `const`
 * object (`as const` or not), `'A' + 'B'`. Built on `getStaticValue` and `resolveValue` of values.ts.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getKeyName, skipTransparent } from '../ast/nodes.js';
import { MAX_SPREAD_DEPTH } from './objects.js';
import { getStaticValue, resolveObject, resolveValue } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;


/**
 * The string `node` holds when the file spells it out: `'AWS_SESSION_TOKEN'`, `KEY` with `const KEY = '…'`,
 * `NAMES.token` or `NAMES['token']` with `const NAMES = { token: '…' } as const`, `` `AWS_${KIND}` `` of constants.
 * `undefined` for anything the file does not define.
 */
export function getStaticString(sourceCode: SourceCode, node: TSESTree.Node): string | undefined {
  const value = getStaticValue(sourceCode, node);
  if (typeof value === 'string') {
    return value;
  }
  // `getStaticValue` refuses a member of an object the file writes into anywhere, and takes
  // `process.env[NAMES.token] = v` for such a write; `resolveValue` follows the `const` object itself.
  const inner = skipTransparent(node);
  if (inner.type !== AST_NODE_TYPES.MemberExpression && inner.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const resolved = resolveValue(sourceCode, inner);
  if (!resolved || resolved === inner) {
    return undefined;
  }
  const resolvedValue = getStaticValue(sourceCode, resolved);
  return typeof resolvedValue === 'string' ? resolvedValue : undefined;
}

/** The static name of a property key: `a`, `'a'`, `[KEY]`, `[NAMES.a]`; `undefined` when the file does not say. */
export function getStaticKeyName(sourceCode: SourceCode, property: TSESTree.Property): string | undefined {
  return (
    getKeyName(property.key, property.computed) ??
    (property.computed ? getStaticString(sourceCode, property.key) : undefined)
  );
}

/** A property of an object literal with the name the file gives its key. */
export interface StaticProperty {
  property: TSESTree.Property;
  name: string;
  /** False when the property comes from a spread of an object defined elsewhere in the file. */
  inline: boolean;
}

/**
 * The properties an object literal holds under a static key, in source order, with the properties of spread
 * objects the file defines (E.g. `{ ...base, [KEYS.token]: t }`). Properties with keys the file does not spell out
 * are skipped.
 */
export function* iterateStaticProperties(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  depth = 0,
): Generator<StaticProperty> {
  for (const member of object.properties) {
    if (member.type === AST_NODE_TYPES.SpreadElement) {
      const spread = depth < MAX_SPREAD_DEPTH ? resolveObject(sourceCode, member.argument) : undefined;
      if (spread) {
        for (const entry of iterateStaticProperties(sourceCode, spread, depth + 1)) yield { ...entry, inline: false };
      }
      continue;
    }
    const name = getStaticKeyName(sourceCode, member);
    if (name !== undefined) {
      yield { property: member, name, inline: true };
    }
  }
}
