import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Replaces the value of `key: value` with `text`; a shorthand `{ key }` is written out as `key: text`. */
export function replacePropertyValue(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
  text: string,
): TSESLint.RuleFix {
  return property.shorthand
    ? fixer.replaceText(property, `${sourceCode.getText(property.key)}: ${text}`)
    : fixer.replaceText(property.value, text);
}
