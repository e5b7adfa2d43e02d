/**
 * Scope-aware lookups of Node.js modules that are not the AWS SDK: built-ins (`child_process`, `process`, ...) and
 * packages a rule names (`pino`). Cheap by design: they follow bindings from one node outward and never scan the
 * file.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, getStringLiteral, skipTransparent } from '../ast/nodes.js';
import { getBindingSource, getVariable } from '../scope/values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Built-in modules that are also reachable through a global of the same name. */
const GLOBAL_MODULES: ReadonlySet<string> = new Set(['process']);

/** How many bindings and members one lookup may follow. */
const MAX_MODULE_LOOKUP_STEPS = 8;

/**
 * The path, inside the built-in module `moduleName` (also spelled `node:<moduleName>`), of what `node` refers to:
 * `['spawn']` for `spawn` imported or required from `child_process`, `[]` for the module object itself,
 * `undefined` when `node` does not come from that module as far as the file shows.
 * E.g. `import { spawn as run } from 'node:child_process'`, `import * as cp from 'child_process'`,
 * `const { spawn } = require('child_process')`, `require('child_process').spawn`, `(await import('child_process'))`,
 * TS `import cp = require('child_process')`; for `process` also the global `process` (so `process.env` → `['env']`).
 */
export function resolveBuiltinModulePath(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  moduleName: string,
  steps = 0,
): string[] | undefined {
  const current = skipTransparent(node);
  if (steps > MAX_MODULE_LOOKUP_STEPS) {
    return undefined;
  }
  switch (current.type) {
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(sourceCode, current, moduleName, steps);
    case AST_NODE_TYPES.MemberExpression: {
      const key = getPropertyName(current);
      const base =
        key === undefined ? undefined : resolveBuiltinModulePath(sourceCode, current.object, moduleName, steps + 1);
      return base && withoutDefault([...base, key as string]);
    }
    case AST_NODE_TYPES.CallExpression:
      return isRequireOf(sourceCode, current, moduleName) ? [] : undefined;
    case AST_NODE_TYPES.AwaitExpression: {
      const imported = skipTransparent(current.argument);
      return imported.type === AST_NODE_TYPES.ImportExpression && isModuleSource(imported.source, moduleName)
        ? []
        : undefined;
    }
    default:
      return undefined;
  }
}

function resolveIdentifier(
  sourceCode: SourceCode,
  identifier: TSESTree.Identifier,
  moduleName: string,
  steps: number,
): string[] | undefined {
  const variable = getVariable(sourceCode, identifier);
  if (!variable || variable.defs.length === 0) {
    // An undeclared or configured global (`process`), never a local binding.
    return GLOBAL_MODULES.has(moduleName) && identifier.name === moduleName ? [] : undefined;
  }
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'ImportBinding') {
    return resolveImportBinding(def.node, moduleName);
  }
  if (def?.type !== 'Variable') {
    return undefined;
  }
  const source = getBindingSource(sourceCode, identifier);
  const base = source && resolveBuiltinModulePath(sourceCode, source.init, moduleName, steps + 1);
  return base && source && withoutDefault([...base, ...source.path]);
}

/** `import { spawn } from '…'`, default and namespace imports, TS `import cp = require('…')`. */
function resolveImportBinding(
  node: TSESTree.ImportClause | TSESTree.TSImportEqualsDeclaration,
  moduleName: string,
): string[] | undefined {
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = node.moduleReference;
    return node.importKind !== 'type' &&
      reference.type === AST_NODE_TYPES.TSExternalModuleReference &&
      isModuleSource(reference.expression, moduleName)
      ? []
      : undefined;
  }
  const declaration = node.parent;
  if (
    declaration.type !== AST_NODE_TYPES.ImportDeclaration ||
    declaration.importKind === 'type' ||
    !isModuleSource(declaration.source, moduleName)
  ) {
    return undefined;
  }
  if (node.type !== AST_NODE_TYPES.ImportSpecifier) {
    return [];
  }
  if (node.importKind === 'type') {
    return undefined;
  }
  const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
  return withoutDefault([imported]);
}

/**
 * `require('<moduleName>')` (a built-in also as `node:<moduleName>`), where `require` is the module loader and not
 * a local function of that name.
 */
export function isRequireOf(sourceCode: SourceCode, call: TSESTree.CallExpression, moduleName: string): boolean {
  const [argument] = call.arguments;
  if (call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'require' || !argument) {
    return false;
  }
  const variable = ASTUtils.findVariable(sourceCode.getScope(call), call.callee);
  return (!variable || variable.defs.length === 0) && isModuleSource(argument, moduleName);
}

function isModuleSource(node: TSESTree.Node, moduleName: string): boolean {
  const value = getStringLiteral(node);
  return value === moduleName || value === `node:${moduleName}`;
}

/** A CommonJS built-in's `default` export is the module object itself. */
function withoutDefault(path: string[]): string[] {
  return path[0] === 'default' ? path.slice(1) : path;
}
