/**
 * `getCredentials: () => provider()` for a signer that caches what `getCredentials` returns and calls it again
 * only once that carries an expiry in the past (opensearch's `AwsSigv4Signer`): the provider is created once, at
 * module level, so that it keeps its own cache and refreshes temporary credentials before they expire.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { collectNodes, getTopLevelStatements } from '../ast/walk.js';
import { isVisibleAt } from '../scope/names.js';
import { addModuleStatement, getSemicolon, isNameFreeAt, planImport } from './fixes.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** The names a new module-level provider may take, in order of preference. */
const PROVIDER_NAMES = ['provider', 'credentialProvider'];

/** The provider the getter calls: a module-level binding the file has, or one to create from `init`. */
export type GetterProvider =
  | { kind: 'existing'; name: string }
  /**
   * `init` is the provider's text (`fromNodeProviderChain()`); `uses` are the module-level names it needs, declared
   * before it; `addImport` adds the import `init` needs, if any.
   */
  | { kind: 'create'; init: string; uses: readonly string[]; addImport: (fixer: Fixer) => Fix[] };

/** The getter written (`() => provider()`) and the fix that writes it. */
export interface ProviderGetterFix {
  getter: string;
  fix: (fixer: Fixer) => Fix[];
}

/**
 * The fix that makes `property` (`getCredentials: …`) call `existing`, a module-level provider the file has, or
 * else a new `const provider = name();` of `moduleId`'s export `name`, imported unless the file has it.
 */
export function getNewProviderGetterFix(
  sourceCode: SourceCode,
  property: TSESTree.Property,
  existing: TSESTree.Identifier | undefined,
  moduleId: string,
  name: string,
): ProviderGetterFix | undefined {
  if (existing) {
    return getProviderGetterFix(sourceCode, property, { kind: 'existing', name: existing.name });
  }
  const plan = planImport(sourceCode, property, moduleId, name);
  const [root = name] = plan?.callee.split('.') ?? [];
  return plan
    ? getProviderGetterFix(sourceCode, property, { kind: 'create', init: `${plan.callee}()`, uses: [root], addImport: plan.addImport })
    : undefined;
}

/**
 * The fix that makes `property` (`getCredentials: …`) call `call`, an SDK provider call of the file
 * (`fromNodeProviderChain()`) hoisted to a module-level `const`; `undefined` when its names mean something else there.
 */
export function getHoistedProviderGetterFix(
  sourceCode: SourceCode,
  property: TSESTree.Property,
  call: TSESTree.CallExpression,
): ProviderGetterFix | undefined {
  const uses = collectNodes(call, (node) => node.type === AST_NODE_TYPES.Identifier).map((node) => (node as TSESTree.Identifier).name);
  const [first] = getTopLevelStatements(sourceCode.ast);
  if (!first || !isVisibleAt(sourceCode, call, findDependency(sourceCode, uses) ?? first)) {
    return undefined;
  }
  return getProviderGetterFix(sourceCode, property, { kind: 'create', init: sourceCode.getText(call), uses, addImport: () => [] });
}

/**
 * The fix that makes `property` (`getCredentials: …`) call `provider`; `undefined` for an accessor, or when no name
 * for a new provider is free at module level and at the property.
 */
export function getProviderGetterFix(
  sourceCode: SourceCode,
  property: TSESTree.Property,
  provider: GetterProvider,
): ProviderGetterFix | undefined {
  const name = provider.kind === 'existing' ? provider.name : findFreeName(sourceCode, property);
  // An accessor (`get getCredentials() {}`) cannot take a value.
  if (name === undefined || property.kind !== 'init') {
    return undefined;
  }
  const getter = `() => ${name}()`;
  const replaceGetter = (fixer: Fixer): Fix =>
    property.shorthand || property.method
      ? fixer.replaceText(property, `getCredentials: ${getter}`)
      : fixer.replaceText(property.value, getter);
  if (provider.kind === 'existing') {
    return { getter, fix: (fixer) => [replaceGetter(fixer)] };
  }
  const dependency = findDependency(sourceCode, provider.uses);
  const declaration = `const ${name} = ${provider.init}`;
  const fix = (fixer: Fixer): Fix[] => [
    // The import first: when both go after the same statement, it must come before the declaration that uses it.
    ...provider.addImport(fixer),
    dependency
      ? fixer.insertTextAfter(dependency, `\n${declaration}${getSemicolon(sourceCode, dependency) || ';'}`)
      : addModuleStatement(fixer, sourceCode, declaration),
    replaceGetter(fixer),
  ];
  return { getter, fix };
}

/** `provider`, else `credentialProvider`: a name free at module level and where the getter is written. */
function findFreeName(sourceCode: SourceCode, property: TSESTree.Property): string | undefined {
  return PROVIDER_NAMES.find((name) => isNameFreeAt(sourceCode, property, name));
}

/**
 * The last top-level statement other than an import that declares a name the new provider uses
 * (`const { fromIni } = await import(…)`): the provider must go after it, not just after the imports.
 */
function findDependency(sourceCode: SourceCode, uses: readonly string[]): TSESTree.ProgramStatement | undefined {
  const declares = (statement: TSESTree.ProgramStatement): boolean =>
    uses.some((name) => {
      const variable = ASTUtils.findVariable(sourceCode.getScope(statement), name);
      return variable?.defs.some((def) => statement.range[0] <= def.node.range[0] && def.node.range[1] <= statement.range[1]) ?? false;
    });
  return getTopLevelStatements(sourceCode.ast).findLast(
    (statement) =>
      statement.type !== AST_NODE_TYPES.ImportDeclaration &&
      statement.type !== AST_NODE_TYPES.TSImportEqualsDeclaration &&
      declares(statement),
  );
}
