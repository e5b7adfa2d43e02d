/** A property's value replaced by a call of an imported provider factory: `credentials: fromNodeProviderChain()`. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { planImport } from './fixes.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * `name()` in place of `property`'s value (a shorthand property keeps its key), or of one `branch` of it
 * (`options.credentials || { … }`), with `name` imported from `moduleId` unless the file has it; `undefined` when the
 * name is taken at the site.
 */
export function getProviderCallFix(
  sourceCode: SourceCode,
  property: TSESTree.Property,
  moduleId: string,
  name: string,
  branch?: TSESTree.Node,
): { call: string; fix: TSESLint.ReportFixFunction } | undefined {
  const plan = planImport(sourceCode, property, moduleId, name);
  if (!plan) {
    return undefined;
  }
  const call = `${plan.callee}()`;
  return {
    call,
    fix: (fixer) => [
      branch
        ? fixer.replaceText(branch, call)
        : property.shorthand
          ? fixer.replaceText(property, `${sourceCode.getText(property.key)}: ${call}`)
          : fixer.replaceText(property.value, call),
      ...plan.addImport(fixer),
    ],
  };
}
