/**
 * What an expression or an object member may hold when the code chooses between values: each branch of `?:`,
 * `||`, `??` and `&&`, and the members that conditional spreads bring (`...(useProfile ? { credentials } : {})`).
 * Built on `resolveValue` and `findProperty` of values.ts; a branch the file does not define is left out.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName } from '../ast/nodes.js';
import { resolveValue } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** How many nested choices and spreads one question follows. */
const MAX_ALTERNATIVES_DEPTH = 6;

/**
 * Each value `node` may evaluate to, resolved. E.g. `profile ? fromIni({ profile }) : undefined` gives both
 * branches; `a && b` gives `b` only (the only branch that can yield an object); `a ?? b` and `a || b` give both.
 */
export function resolveAlternatives(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): TSESTree.Node[] {
  const value = resolveValue(sourceCode, node);
  if (!value || depth > MAX_ALTERNATIVES_DEPTH) {
    return [];
  }
  if (value.type === AST_NODE_TYPES.ConditionalExpression) {
    return [value.consequent, value.alternate].flatMap((branch) => resolveAlternatives(sourceCode, branch, depth + 1));
  }
  if (value.type === AST_NODE_TYPES.LogicalExpression) {
    const branches = value.operator === '&&' ? [value.right] : [value.left, value.right];
    return branches.flatMap((branch) => resolveAlternatives(sourceCode, branch, depth + 1));
  }
  return [value];
}

/**
 * The values the member `name` of an object literal may hold at run time, each resolved through
 * `resolveAlternatives`. The last own property wins; a spread that sets `name` in only some of its branches
 * (`...(cond ? { name: a } : {})`, `...(cond && { name: a })`) adds its values and lets earlier members count too.
 * E.g. `{ credentials: base, ...(profile ? { credentials: fromIni({ profile }) } : {}) }` → `base`, `fromIni(…)`.
 */
export function findPropertyValues(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  name: string,
): TSESTree.Node[] {
  return collectMember(sourceCode, object, name, 0).values;
}

/**
 * The values the member `name` may hold in the object (or any of the objects) `node` holds: the options of a
 * call. E.g. `new S3Client(useProfile ? { credentials: fromIni() } : {})`, `new S3Client(config)`.
 */
export function findOptionValues(sourceCode: SourceCode, node: TSESTree.Node | undefined, name: string): TSESTree.Node[] {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) {
    return [];
  }
  return collectSpread(sourceCode, node, name, 0).values;
}

interface MemberValues {
  values: TSESTree.Node[];
  /** Whether every path through the object sets the member, so that earlier members are overridden. */
  always: boolean;
}

function collectMember(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  name: string,
  depth: number,
): MemberValues {
  const values: TSESTree.Node[] = [];
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const member = object.properties[index];
    if (member?.type === AST_NODE_TYPES.Property && getPropertyName(member) === name) {
      values.push(...resolveAlternatives(sourceCode, member.value));
      return { values, always: true };
    }
    if (member?.type === AST_NODE_TYPES.SpreadElement && depth < MAX_ALTERNATIVES_DEPTH) {
      const spread = collectSpread(sourceCode, member.argument, name, depth + 1);
      values.push(...spread.values);
      if (spread.always) {
        return { values, always: true };
      }
    }
  }
  return { values, always: false };
}

/** What a spread brings to `name`: the branches that are object literals are searched, the others set nothing known. */
function collectSpread(sourceCode: SourceCode, argument: TSESTree.Node, name: string, depth: number): MemberValues {
  const branches = resolveAlternatives(sourceCode, argument);
  const found = branches.map((branch) =>
    branch.type === AST_NODE_TYPES.ObjectExpression
      ? collectMember(sourceCode, branch, name, depth)
      : { values: [], always: false },
  );
  return {
    values: found.flatMap((branch) => branch.values),
    always: found.length > 0 && found.every((branch) => branch.always),
  };
}
