/** A fixer that adds a property to an object literal, in the literal's own layout (one line or one per line). */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Adds `text` (E.g. `expiration: Credentials.Expiration`) as the last property of `object`, keeping a trailing
 * comma and the indentation of the last property when the literal spans several lines.
 */
export function insertProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  text: string,
): TSESLint.RuleFix {
  const last = object.properties.at(-1);
  if (!last) {
    return fixer.replaceText(object, `{ ${text} }`);
  }
  const after = sourceCode.getTokenAfter(last);
  const trailingComma = after?.type === 'Punctuator' && after.value === ',' ? after : undefined;
  const closing = sourceCode.getLastToken(object);
  if (closing && closing.loc.start.line > last.loc.end.line) {
    const indent = /^\s*/.exec(sourceCode.lines[last.loc.start.line - 1] ?? '')?.[0] ?? '';
    return trailingComma
      ? fixer.insertTextAfter(trailingComma, `\n${indent}${text},`)
      : fixer.insertTextAfter(last, `,\n${indent}${text}`);
  }
  return trailingComma ? fixer.insertTextAfter(trailingComma, ` ${text}`) : fixer.insertTextAfter(last, `, ${text}`);
}

/** The property node whose value is `value`, when `value` sits in an object literal as `key: value` or shorthand. */
export function getParentProperty(value: TSESTree.Node): TSESTree.Property | undefined {
  const parent = value.parent;
  return parent?.type === AST_NODE_TYPES.Property && parent.value === value ? parent : undefined;
}
