/** A provider created once at module level and awaited where credentials are needed. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction } from '../ast/nodes.js';
import { addModuleStatement, isNameFreeAt, planImport } from './fixes.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** What a suggestion writes: `await name()` at the site, `const name = factory()` at module level. */
export interface ModuleProviderPlan {
  /** The module-level binding. */
  name: string;
  /** `fromNodeProviderChain()`, as the file reaches it. */
  provider: string;
  fix(fixer: TSESLint.RuleFixer): TSESLint.RuleFix[];
}

/**
 * Replaces `replaced` with `await name()` and adds `const name = factory();` (imported from `moduleId` unless the
 * file has it) after the imports. Only inside an async function, where `name` is free and `factory` reachable.
 */
export function planModuleProvider(
  sourceCode: SourceCode,
  replaced: TSESTree.Node,
  moduleId: string,
  factory: string,
  name: string,
): ModuleProviderPlan | undefined {
  const plan = planImport(sourceCode, replaced, moduleId, factory);
  if (!getEnclosingFunction(replaced)?.async || !plan || !isNameFreeAt(sourceCode, replaced, name)) {
    return undefined;
  }
  const provider = `${plan.callee}()`;
  return {
    name,
    provider,
    fix: (fixer) => [
      fixer.replaceText(replaced, `await ${name}()`),
      ...plan.addImport(fixer),
      addModuleStatement(fixer, sourceCode, `const ${name} = ${provider}`),
    ],
  };
}
