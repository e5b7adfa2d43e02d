/**
 * Fixer helpers shared by the rules' suggestions: removing object members and statements, finding and adding
 * imports. Each keeps the output valid code (commas, semicolons, quotes follow the file).
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipTransparent } from '../ast/nodes.js';
import { getTopLevelStatements } from '../ast/walk.js';
import { getImportEqualsModule } from '../modules/module-references.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** Removes `property` from its object literal, with the comma that separates it from its neighbours. */
export function removeProperty(fixer: Fixer, sourceCode: SourceCode, property: TSESTree.Property): Fix[] {
  return removeProperties(fixer, sourceCode, [property]);
}

/**
 * Removes several properties, possibly of different object literals, as non-overlapping fixes. A property followed
 * by a kept one goes with its own comma; the trailing run goes with the comma after the last kept member.
 * E.g. `{ a, b, c }` minus `b` → `{ a, c }`; minus `b, c` → `{ a }`; minus all → `{}`.
 */
export function removeProperties(
  fixer: Fixer,
  sourceCode: SourceCode,
  properties: readonly TSESTree.Property[],
): Fix[] {
  const byObject = new Map<TSESTree.ObjectExpression, Set<TSESTree.Node>>();
  for (const property of properties) {
    if (property.parent.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const removed = byObject.get(property.parent) ?? new Set();
    removed.add(property);
    byObject.set(property.parent, removed);
  }

  const fixes: Fix[] = [];
  for (const [object, removed] of byObject) {
    const members = object.properties;
    const lastKept = members.findLastIndex((member) => !removed.has(member));
    if (lastKept === -1) {
      const open = sourceCode.getFirstToken(object);
      const close = sourceCode.getLastToken(object);
      if (open && close) fixes.push(fixer.removeRange([open.range[1], close.range[0]]));
      continue;
    }
    members.forEach((member, index) => {
      if (!removed.has(member)) return;
      if (index < lastKept) {
        // Up to the next member or the comment above it, so that the next line keeps this one's indentation.
        const comma = sourceCode.getTokenAfter(member);
        const next = comma && sourceCode.getTokenAfter(comma, { includeComments: true });
        if (next) fixes.push(fixer.removeRange([member.range[0], next.range[0]]));
      } else {
        const previous = members[index - 1];
        const comma = previous && sourceCode.getTokenAfter(previous);
        if (comma) fixes.push(fixer.removeRange([comma.range[0], member.range[1]]));
      }
    });
  }
  return fixes;
}

/** True when `statement` sits in a list of statements, so that removing it leaves valid code. */
export function isInStatementList(statement: TSESTree.Node): boolean {
  switch (statement.parent?.type) {
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.StaticBlock:
    case AST_NODE_TYPES.SwitchCase:
    case AST_NODE_TYPES.TSModuleBlock:
      return true;
    default:
      return false;
  }
}

/** Removes a statement, with its whole line when nothing else shares that line. Check `isInStatementList` first. */
export function removeStatement(fixer: Fixer, sourceCode: SourceCode, statement: TSESTree.Node): Fix {
  const { text } = sourceCode;
  const lineStart = sourceCode.getIndexFromLoc({ line: statement.loc.start.line, column: 0 });
  const lineEnd = text.indexOf('\n', statement.range[1]);
  const after = lineEnd === -1 ? text.length : lineEnd + 1;
  const alone =
    text.slice(lineStart, statement.range[0]).trim() === '' && text.slice(statement.range[1], after).trim() === '';
  return fixer.removeRange(alone ? [lineStart, after] : statement.range);
}

/**
 * The expression that reaches export `name` of `moduleId` through a top-level import or require the file already
 * has: the local name (`import { name as local }`, `const { name: local } = require()`) or `ns.name`
 * (`import * as ns`, `const ns = require()`, `const ns = await import()`, TS `import ns = require()`).
 * Type-only imports do not count.
 */
export function findImportedName(sourceCode: SourceCode, moduleId: string, name: string): string | undefined {
  for (const statement of getTopLevelStatements(sourceCode.ast)) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.source.value !== moduleId || statement.importKind === 'type') continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
          return `${specifier.local.name}.${name}`;
        }
        if (
          specifier.type === AST_NODE_TYPES.ImportSpecifier &&
          specifier.importKind !== 'type' &&
          getName(specifier.imported) === name
        ) {
          return specifier.local.name;
        }
      }
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      if (statement.importKind !== 'type' && getImportEqualsModule(statement) === moduleId) {
        return `${statement.id.name}.${name}`;
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (!declarator.init || getLoadedModule(declarator.init) !== moduleId) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          return `${declarator.id.name}.${name}`;
        }
        if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        for (const property of declarator.id.properties) {
          if (
            property.type === AST_NODE_TYPES.Property &&
            !property.computed &&
            getName(property.key) === name &&
            property.value.type === AST_NODE_TYPES.Identifier
          ) {
            return property.value.name;
          }
        }
      }
    }
  }
  return undefined;
}

/** How code at a site reaches an export: the expression to write, and the import to add if there is none yet. */
export interface ImportPlan {
  /** `name`, its local alias, or `ns.name`. */
  callee: string;
  /** The fixes that make `callee` resolve: none when the file already imports it. */
  addImport(fixer: Fixer): Fix[];
}

/**
 * How code written at `site` can use export `name` of `moduleId`: through an existing top-level import that reaches
 * the site unshadowed, or through a new import. `undefined` when neither is safe: the name (or the namespace) is
 * taken at the site by another binding, a parameter, a local function or a type-only import.
 */
export function planImport(
  sourceCode: SourceCode,
  site: TSESTree.Node,
  moduleId: string,
  name: string,
): ImportPlan | undefined {
  const imported = findImportedName(sourceCode, moduleId, name);
  const callee = imported ?? name;
  const [root = callee] = callee.split('.');
  const binding = ASTUtils.findVariable(sourceCode.getScope(site), root);
  const isTopLevel = binding?.scope.type === 'module' || binding?.scope.type === 'global';
  if (imported ? !isTopLevel : binding !== null) {
    return undefined;
  }
  return {
    callee,
    addImport: (fixer) => (imported ? [] : [addNamedImport(fixer, sourceCode, moduleId, name)]),
  };
}

/**
 * Adds `name` to the file's imports of `moduleId`: extends an existing `import { … }` or `const { … } = require()`
 * of that module; else adds an `import` after the last one, or, in a file that loads modules with `require` only,
 * `const { name } = require('moduleId');` after the last top-level require or `'use strict'`.
 */
export function addNamedImport(fixer: Fixer, sourceCode: SourceCode, moduleId: string, name: string): Fix {
  const body = getTopLevelStatements(sourceCode.ast);
  for (const statement of body) {
    const fix = extendImport(fixer, sourceCode, statement, moduleId, name);
    if (fix) return fix;
  }

  const quote = getQuote(sourceCode);
  const source = `${quote}${moduleId}${quote}`;
  const lastImport = body.findLast(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration,
  );
  if (lastImport) {
    const semicolon = getSemicolon(sourceCode, lastImport);
    return fixer.insertTextAfter(lastImport, `\nimport { ${name} } from ${source}${semicolon}`);
  }

  const lastRequire = body.findLast(isRequireStatement);
  // ESLint and oxlint call a CommonJS file's source type `commonjs`; only ES modules can `import`.
  const usesRequire = lastRequire !== undefined || sourceCode.ast.sourceType !== 'module';
  const text = usesRequire
    ? `const { ${name} } = require(${source})`
    : `import { ${name} } from ${source}`;
  const anchor = lastRequire ?? body.findLast(isDirective);
  if (anchor) {
    return fixer.insertTextAfter(anchor, `\n${text}${getSemicolon(sourceCode, anchor)}`);
  }
  const [first] = body;
  return first ? fixer.insertTextBefore(first, `${text};\n`) : fixer.insertTextAfterRange([0, 0], `${text};\n`);
}

/**
 * Adds `statement` (without its semicolon) at module level after the imports: after the last top-level import or
 * require, else after the directives, else first. Insert it after `addNamedImport`'s fix so that the import comes first.
 */
export function addModuleStatement(fixer: Fixer, sourceCode: SourceCode, statement: string): Fix {
  const body = sourceCode.ast.body;
  const anchor =
    body.findLast(
      (node) =>
        node.type === AST_NODE_TYPES.ImportDeclaration ||
        node.type === AST_NODE_TYPES.TSImportEqualsDeclaration ||
        isRequireStatement(node),
    ) ?? body.findLast(isDirective);
  if (anchor) {
    return fixer.insertTextAfter(anchor, `\n${statement}${getSemicolon(sourceCode, anchor)}`);
  }
  const [first] = body;
  return first ? fixer.insertTextBefore(first, `${statement};\n`) : fixer.insertTextAfterRange([0, 0], `${statement};\n`);
}

/**
 * Whether a module-level `name` can be added for `site`: no binding of that name reaches the site, and no code of
 * the file reads an undeclared global of that name (it would read the new binding).
 */
export function isNameFreeAt(sourceCode: SourceCode, site: TSESTree.Node, name: string): boolean {
  const moduleScope = sourceCode.getScope(sourceCode.ast);
  return (
    ASTUtils.findVariable(sourceCode.getScope(site), name) === null &&
    !moduleScope.through.some((reference) => reference.identifier.name === name)
  );
}

/** Adds `name` to an `import { … } from` / `const { … } = require()` of `moduleId`, if `statement` is one. */
function extendImport(
  fixer: Fixer,
  sourceCode: SourceCode,
  statement: TSESTree.ProgramStatement,
  moduleId: string,
  name: string,
): Fix | undefined {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
    const { specifiers } = statement;
    if (
      statement.source.value !== moduleId ||
      statement.importKind === 'type' ||
      specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier)
    ) {
      return undefined;
    }
    const lastNamed = specifiers.findLast((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
    if (lastNamed) return fixer.insertTextAfter(lastNamed, `, ${name}`);
    // E.g. `import providers from '…'` → `import providers, { name } from '…'`; a bare `import '…'` is skipped.
    const [defaultSpecifier] = specifiers;
    if (defaultSpecifier) return fixer.insertTextAfter(defaultSpecifier, `, { ${name} }`);
    const open = sourceCode.getFirstToken(statement, { filter: (token) => token.value === '{' });
    return open ? fixer.insertTextAfter(open, ` ${name} `) : undefined;
  }
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) {
    return undefined;
  }
  for (const declarator of statement.declarations) {
    const pattern = declarator.id;
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) continue;
    if (getLoadedModule(declarator.init) !== moduleId) continue;
    const last = pattern.properties.at(-1);
    if (last?.type === AST_NODE_TYPES.RestElement) return fixer.insertTextBefore(last, `${name}, `);
    if (last) return fixer.insertTextAfter(last, `, ${name}`);
    const open = sourceCode.getFirstToken(pattern);
    return open ? fixer.insertTextAfter(open, ` ${name} `) : undefined;
  }
  return undefined;
}

function getName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined;
}

/** `require('m')`, also `require('m').x` and `await require('m')`: → `'m'`. */
/** The module `require('m')`, `require('m').x` or `await import('m')` loads. */
function getLoadedModule(node: TSESTree.Node): string | undefined {
  let current = skipTransparent(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    current = skipTransparent(current.object);
  }
  const source =
    current.type === AST_NODE_TYPES.AwaitExpression && current.argument.type === AST_NODE_TYPES.ImportExpression
      ? current.argument.source
      : getRequireArgument(current);
  return source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' ? source.value : undefined;
}

/** The module `require('m')` or `require('m').x` loads; not `await import('m')`, which an ES module uses. */
function getRequireSource(node: TSESTree.Node): string | undefined {
  let current = skipTransparent(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    current = skipTransparent(current.object);
  }
  const source = getRequireArgument(current);
  return source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' ? source.value : undefined;
}

function getRequireArgument(node: TSESTree.Node): TSESTree.Node | undefined {
  return node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require'
    ? node.arguments[0]
    : undefined;
}

function isRequireStatement(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    return getRequireSource(statement.expression) !== undefined;
  }
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.some((declarator) => declarator.init && getRequireSource(declarator.init) !== undefined)
  );
}

function isDirective(statement: TSESTree.ProgramStatement): boolean {
  // oxlint sets `directive: null` on every other expression statement; ESLint leaves the key out.
  return statement.type === AST_NODE_TYPES.ExpressionStatement && typeof statement.directive === 'string';
}

/** The quote the file's first module specifier uses; single quotes when it has none. */
function getQuote(sourceCode: SourceCode): string {
  for (const statement of getTopLevelStatements(sourceCode.ast)) {
    const literal =
      statement.type === AST_NODE_TYPES.ImportDeclaration ? statement.source : findRequireLiteral(statement);
    if (literal) return literal.raw.startsWith('"') ? '"' : "'";
  }
  return "'";
}

function findRequireLiteral(statement: TSESTree.ProgramStatement): TSESTree.Literal | undefined {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
  for (const declarator of statement.declarations) {
    let current = declarator.init && skipTransparent(declarator.init);
    while (current?.type === AST_NODE_TYPES.MemberExpression) current = skipTransparent(current.object);
    const argument = current?.type === AST_NODE_TYPES.CallExpression ? current.arguments[0] : undefined;
    if (argument?.type === AST_NODE_TYPES.Literal && getRequireSource(declarator.init as TSESTree.Node)) {
      return argument;
    }
  }
  return undefined;
}

/** `;` when the statement we insert after ends with one, so that a semicolon-free file stays that way. */
export function getSemicolon(sourceCode: SourceCode, statement: TSESTree.Node): string {
  return sourceCode.getLastToken(statement)?.value === ';' ? ';' : '';
}
