/** What a module exports, read from its top-level statements alone: no scope, no other module. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isModuleExports } from './nodes.js';
import { getTopLevelStatements } from './walk.js';

/** The name a default export and `module.exports = value` are found under. */
export const DEFAULT_EXPORT = 'default';

/** One export of a module. */
export type ModuleExport =
  /**
   * `node` gives the value: an expression (`export const k = v`, `module.exports.k = v`), a declaration
   * (`export function k`, `export default class`) or the local identifier of `export { local as k }`.
   */
  | { kind: 'value'; name: string; node: TSESTree.Node }
  /** `export { k } from './other'`, `export * as k from './other'`: `imported` of `source` (`*`: its namespace). */
  | { kind: 'reexport'; name: string; source: string; imported: string; statement: TSESTree.Node }
  /** `export * from './other'`: every name of `source` but its default. */
  | { kind: 'star'; source: string; statement: TSESTree.Node };

/**
 * What the module exports: `export const k = v`, `export function k`, `export class k`, `export { local as k }`,
 * `export default v`, re-exports, and the CommonJS forms `module.exports = v` (under `default`, and its members by
 * name when it is an object literal), `module.exports.k = v` and `exports.k = v`.
 */
export function findModuleExports(program: TSESTree.Program): ModuleExport[] {
  const found: ModuleExport[] = [];
  const value = (name: string, node: TSESTree.Node): void => {
    found.push({ kind: 'value', name, node });
  };
  for (const statement of getTopLevelStatements(program)) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration:
        addNamedExports(statement, found);
        break;
      case AST_NODE_TYPES.ExportAllDeclaration:
        found.push(
          statement.exported
            ? { kind: 'reexport', name: getExportName(statement.exported), source: statement.source.value, imported: '*', statement }
            : { kind: 'star', source: statement.source.value, statement },
        );
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        value(DEFAULT_EXPORT, statement.declaration);
        break;
      case AST_NODE_TYPES.ExpressionStatement: {
        const { expression } = statement;
        if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') break;
        const { left, right } = expression;
        if (left.type !== AST_NODE_TYPES.MemberExpression) break;
        const name = getPropertyName(left);
        if (name !== undefined && isExportsObject(left.object)) {
          value(name, right);
        } else if (isModuleExports(left)) {
          value(DEFAULT_EXPORT, right);
          if (right.type === AST_NODE_TYPES.ObjectExpression) addMembers(right, found);
        }
        break;
      }
      default:
        break;
    }
  }
  return found;
}

/** Whether the module is CommonJS as far as its exports show: it assigns `module.exports` or `exports.k`. */
export function hasCommonJsExports(exports: readonly ModuleExport[]): boolean {
  return exports.some((entry) => entry.kind === 'value' && entry.node.parent?.type === AST_NODE_TYPES.AssignmentExpression);
}

function addNamedExports(statement: TSESTree.ExportNamedDeclaration, found: ModuleExport[]): void {
  const { declaration, source } = statement;
  if (
    (declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ClassDeclaration) &&
    declaration.id
  ) {
    found.push({ kind: 'value', name: declaration.id.name, node: declaration });
  }
  if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const { id, init } of declaration.declarations) {
      if (id.type === AST_NODE_TYPES.Identifier && init) found.push({ kind: 'value', name: id.name, node: init });
    }
  }
  for (const specifier of statement.specifiers) {
    if (specifier.type !== AST_NODE_TYPES.ExportSpecifier) continue;
    const name = getExportName(specifier.exported);
    found.push(
      source
        ? { kind: 'reexport', name, source: source.value, imported: getExportName(specifier.local), statement }
        : { kind: 'value', name, node: specifier.local },
    );
  }
}

/** `module.exports = { k: v, f() {} }`: each member by name. */
function addMembers(object: TSESTree.ObjectExpression, found: ModuleExport[]): void {
  for (const member of object.properties) {
    const name = member.type === AST_NODE_TYPES.Property ? getPropertyName(member) : undefined;
    if (member.type === AST_NODE_TYPES.Property && name !== undefined) found.push({ kind: 'value', name, node: member.value });
  }
}

/** `export { assume as 'roleAssumer' }`: a name may be a string. */
function getExportName(name: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return name.type === AST_NODE_TYPES.Identifier ? name.name : name.value;
}

/** `exports` or `module.exports`. */
function isExportsObject(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Identifier && node.name === 'exports') || isModuleExports(node);
}
