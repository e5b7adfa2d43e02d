/**
 * Where a variable is read: the scope-manager questions the rules ask about a binding they found in the AST
 * (`const client = new S3Client()` → every `client` read after it).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getOutermostWrapper } from '../ast/nodes.js';
import { getVariable, resolveValue } from './values.js';

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

/**
 * The expressions that hold the value `node` builds: `node` itself (with its TS wrappers) and the reads of the
 * variable it initializes or is assigned to (`const s3 = new AWS.S3()`, `s3 = new AWS.S3()`) that hold this value
 * and nothing else.
 */
export function getHoldingExpressions(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] {
  const holder = getOutermostWrapper(node);
  const parent = holder.parent;
  const id =
    parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
      ? parent.id
      : parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.Identifier
        ? parent.left
        : undefined;
  const reads = id ? getReads(sourceCode, id) : [];
  return [holder, ...reads.filter((read) => resolveValue(sourceCode, read) === node).map((read) => getOutermostWrapper(read))];
}

function readsOf(variables: readonly TSESLint.Scope.Variable[]): TSESTree.Identifier[] {
  return variables.flatMap((variable) =>
    variable.references
      .filter((reference) => reference.isRead())
      .map((reference) => reference.identifier as TSESTree.Identifier),
  );
}
