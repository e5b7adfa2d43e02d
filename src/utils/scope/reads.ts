/**
 * Where a variable is read: the scope-manager questions the rules ask about a binding they found in the AST
 * (`const client = new S3Client()` → every `client` read after it).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getVariable } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The identifiers that read the variable `identifier` names (or declares), searched from its own scope. */
export function getReads(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Identifier[] {
  const variable = getVariable(sourceCode, identifier);
  return readsOf(variable ? [variable] : []);
}

/**
 * The identifiers that read the variables `declaration` declares, as ESLint's `getDeclaredVariables` lists them:
 * every name of a declarator's pattern; a function declaration's name and its parameters.
 */
export function getDeclaredReads(
  sourceCode: SourceCode,
  declaration: TSESTree.VariableDeclarator | TSESTree.FunctionDeclaration,
): TSESTree.Identifier[] {
  return readsOf(sourceCode.getDeclaredVariables(declaration));
}

/** The identifiers that read the first variable `declarator` declares: `client` of `const client = …`. */
export function getFirstDeclaredReads(sourceCode: SourceCode, declarator: TSESTree.VariableDeclarator): TSESTree.Identifier[] {
  return readsOf(sourceCode.getDeclaredVariables(declarator).slice(0, 1));
}

function readsOf(variables: readonly TSESLint.Scope.Variable[]): TSESTree.Identifier[] {
  return variables.flatMap((variable) =>
    variable.references
      .filter((reference) => reference.isRead())
      .map((reference) => reference.identifier as TSESTree.Identifier),
  );
}
