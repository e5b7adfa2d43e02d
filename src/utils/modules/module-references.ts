/**
 * The one place that talks to ReferenceTracker: finds the uses of a catalog of modules in every import form.
 * ESM (named, aliased, namespace, default) and declared `require` are the tracker's; this file seeds the forms it
 * does not follow by itself: an undeclared `require`, `await import()`, TS `import x = require()`, globals
 * used without a declaration, and globals that hold a whole module (a script tag's `AWS`).
 */
import {
  CALL,
  CONSTRUCT,
  ESM,
  READ,
  ReferenceTracker,
  getStringIfConstant,
  type TraceMap,
} from '@eslint-community/eslint-utils';
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Rule, Scope } from 'eslint';
import type * as ESTree from 'estree';

import { getTopLevelStatements } from '../ast/walk.js';

export { CALL, CONSTRUCT, ESM, READ, type TraceMap };

type SourceCode = Readonly<TSESLint.SourceCode>;

/** One use of a module export or global: a call, a construction, or a read. */
export interface ModuleReference<Info> {
  /**
   * The `CallExpression` or `NewExpression` of the use; for a read, the expression that holds the export:
   * `AWS.config`, or `config` after `const { config } = require('aws-sdk')`.
   */
  node: TSESTree.Node;
  /** The module the export came from (`@aws-sdk/client-sts`), or the global's name. */
  moduleId: string;
  /** The export's canonical name, whatever the local alias (`STSClient`, `fromIni`, `config`). */
  name: string;
  type: 'call' | 'construct' | 'read';
  info: Info;
  /** The module global the use went through (`AWS` of a script tag), when it did not load the module itself. */
  global?: string;
}

/** What to follow: the modules a catalog covers, their trace maps, and globals. */
export interface ModuleCatalog<Info> {
  /** A cheap test on a module id, run on every import of the file before anything is built. */
  covers(moduleId: string): boolean;
  /** The trace maps of the covered modules that the file loads. */
  createTraceMap(moduleIds: ReadonlySet<string>): TraceMap<Info>;
  /** Globals to follow as well, E.g. `{ fetch: { [CALL]: … } }`. */
  globals?: TraceMap<Info>;
  /**
   * Globals that hold a whole module, as a script tag defines them: `{ AWS: 'aws-sdk' }`. Their uses are traced
   * with the module's trace map and reported under its id, as if the file had loaded it.
   */
  moduleGlobals?: Readonly<Record<string, string>>;
}

/** An entry point the tracker does not find by itself, with the trace map that applies from there. */
interface Seed {
  node: TSESTree.Node;
  moduleId: string;
  /** The module global the entry point reads, if any. */
  global?: string;
  /** The export the entry point holds (`S3Client` of `import { S3Client }`, `default`); none for the whole module. */
  key?: string;
}

/** The names of the global object in browsers, workers and every runtime: `window.AWS`, `self.AWS`. */
const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'self', 'window']);

/**
 * Every use of the catalog's modules in the file, or `undefined` when the file loads none of them (and the
 * catalog has no globals): the common case, which costs one look at the file's imports and `require` calls.
 * `dynamicImports` are the file's `import()` expressions, collected by an `ImportExpression` listener.
 */
export function findModuleReferences<Info>(
  sourceCode: SourceCode,
  dynamicImports: Iterable<TSESTree.ImportExpression>,
  catalog: ModuleCatalog<Info>,
): ModuleReference<Info>[] | undefined {
  const globalScope = sourceCode.getScope(sourceCode.ast);
  const { moduleIds, seeds } = findModules(sourceCode, globalScope, dynamicImports, catalog);
  if (moduleIds.size === 0 && !catalog.globals) {
    return undefined;
  }

  const traceMap = catalog.createTraceMap(moduleIds);
  const tracker = new ReferenceTracker(globalScope as unknown as Scope.Scope, { mode: 'legacy' });
  const found: ModuleReference<Info>[] = [];
  const add = (
    node: Rule.Node | TSESTree.Node,
    path: readonly string[],
    type: symbol,
    info: Info,
    global?: string,
  ): void => {
    const [moduleId = '', ...rest] = path.filter((key) => key !== 'default');
    const reference = { moduleId, name: rest.at(-1) ?? moduleId, info, ...(global && { global }) };
    if (type === READ) {
      for (const used of getUsesOfRead(sourceCode, node as TSESTree.Node)) {
        found.push({ ...reference, node: used, type: 'read' });
      }
    } else {
      found.push({ ...reference, node: node as TSESTree.Node, type: type === CALL ? 'call' : 'construct' });
    }
  };

  for (const { node, path, type, info } of tracker.iterateEsmReferences(traceMap)) add(node, path, type, info);
  for (const { node, path, type, info } of tracker.iterateCjsReferences(traceMap)) add(node, path, type, info);
  for (const { node, moduleId, global, key } of seeds) {
    const moduleMap = traceMap[moduleId];
    if (!moduleMap) continue;
    // A dynamic import or require of a CommonJS module yields `module.exports` as `default` too.
    const whole = moduleMap[ESM] || global ? moduleMap : { ...moduleMap, default: moduleMap };
    const entry = key === undefined ? whole : whole[key];
    if (!entry) continue;
    const prefix = key === undefined ? [moduleId] : [moduleId, key];
    for (const reference of tracker.iteratePropertyReferences(node as unknown as ESTree.Expression, entry)) {
      add(reference.node, [...prefix, ...reference.path], reference.type, reference.info, global);
    }
  }
  if (catalog.globals) {
    const { globals } = catalog;
    for (const { node, path, type, info } of tracker.iterateGlobalReferences(globals)) add(node, path, type, info);
    // A global the configuration does not declare (E.g. `fetch` without node globals) is an unresolved reference.
    for (const reference of globalScope.through) {
      const { name } = reference.identifier;
      const globalMap = Object.hasOwn(globals, name) ? globals[name] : undefined;
      if (!globalMap || !reference.isRead()) continue;
      for (const use of tracker.iteratePropertyReferences(reference.identifier as ESTree.Identifier, globalMap)) {
        add(use.node, [name, ...use.path], use.type, use.info);
      }
    }
  }
  return found;
}

function findModules<Info>(
  sourceCode: SourceCode,
  globalScope: TSESLint.Scope.Scope,
  dynamicImports: Iterable<TSESTree.ImportExpression>,
  catalog: ModuleCatalog<Info>,
): { moduleIds: Set<string>; seeds: Seed[] } {
  const moduleIds = new Set<string>();
  const seeds: Seed[] = [];
  const covered = (moduleId: string | null | undefined): moduleId is string =>
    moduleId != null && catalog.covers(moduleId);

  for (const statement of getTopLevelStatements(sourceCode.ast)) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === 'type' || !covered(statement.source.value)) continue;
      moduleIds.add(statement.source.value);
      // The tracker reads the program's own statements only: seed the imports of a nested `<script>` block.
      if (statement.parent !== sourceCode.ast) seeds.push(...seedImport(sourceCode, statement));
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && statement.importKind !== 'type') {
      const moduleId = getImportEqualsModule(statement);
      if (covered(moduleId)) {
        moduleIds.add(moduleId);
        seeds.push(...readReferencesOf(sourceCode, statement.id).map((node) => ({ node, moduleId })));
      }
    }
  }

  // Declared `require` references are the tracker's; it skips a `require` that has a definition (shadowed).
  const declaredRequire = globalScope.set.get('require');
  for (const reference of declaredRequire?.defs.length === 0 ? declaredRequire.references : []) {
    const moduleId = getRequiredModule(reference.identifier);
    if (covered(moduleId)) moduleIds.add(moduleId);
  }
  for (const reference of globalScope.through) {
    const moduleId = reference.identifier.name === 'require' ? getRequiredModule(reference.identifier) : undefined;
    if (covered(moduleId)) {
      moduleIds.add(moduleId);
      seeds.push({ node: reference.identifier.parent as TSESTree.CallExpression, moduleId });
    }
  }

  for (const node of dynamicImports) {
    const moduleId = getStringIfConstant(node.source as ESTree.Expression);
    // Only `await import()` yields the module itself; `.then(...)` callbacks are out of scope.
    if (covered(moduleId) && node.parent.type === AST_NODE_TYPES.AwaitExpression) {
      moduleIds.add(moduleId);
      seeds.push({ node: node.parent, moduleId });
    }
  }
  if (catalog.moduleGlobals) {
    for (const seed of findModuleGlobalSeeds(sourceCode, globalScope, catalog.moduleGlobals)) {
      moduleIds.add(seed.moduleId);
      seeds.push(seed);
    }
  }
  return { moduleIds, seeds };
}

/**
 * The reads of globals that hold a module, E.g. for `{ AWS: 'aws-sdk' }`: `AWS` declared by a `global AWS`
 * comment or the configuration (a variable with no definition); `AWS` of a TypeScript `declare const AWS: …` or
 * `declare var AWS`; an undeclared `AWS`; `window.AWS`, `globalThis.AWS`, `self.AWS` (also `window['AWS']`).
 * A local variable or parameter named `AWS` or `window` defines its own value and is none of these.
 */
function findModuleGlobalSeeds(
  sourceCode: SourceCode,
  globalScope: TSESLint.Scope.Scope,
  moduleGlobals: Readonly<Record<string, string>>,
): Seed[] {
  const seeds: Seed[] = [];
  const moduleOf = (name: string): string | undefined =>
    Object.hasOwn(moduleGlobals, name) ? moduleGlobals[name] : undefined;
  const addRead = (identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): void => {
    const moduleId = moduleOf(identifier.name);
    if (moduleId) seeds.push({ node: identifier, moduleId, global: identifier.name });
  };
  const addGlobalObjectMember = (identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): void => {
    const member = identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return;
    const name = ASTUtils.getPropertyName(member);
    const moduleId = name === null ? undefined : moduleOf(name);
    if (name !== null && moduleId) seeds.push({ node: member, moduleId, global: name });
  };

  for (const name of [...Object.keys(moduleGlobals), ...GLOBAL_OBJECTS]) {
    const variable = globalScope.set.get(name);
    if (variable?.defs.length !== 0) continue;
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      if (GLOBAL_OBJECTS.has(name)) addGlobalObjectMember(reference.identifier);
      else addRead(reference.identifier);
    }
  }
  for (const reference of globalScope.through) {
    if (!reference.isRead()) continue;
    if (GLOBAL_OBJECTS.has(reference.identifier.name)) addGlobalObjectMember(reference.identifier);
    else addRead(reference.identifier);
  }
  for (const statement of getTopLevelStatements(sourceCode.ast)) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || !statement.declare) continue;
    for (const { id } of statement.declarations) {
      if (id.type === AST_NODE_TYPES.Identifier && moduleOf(id.name)) {
        for (const read of readReferencesOf(sourceCode, id)) addRead(read);
      }
    }
  }
  return seeds;
}

/** The reads of each binding an `import` declares, with the export each one holds. */
function seedImport(sourceCode: SourceCode, statement: TSESTree.ImportDeclaration): Seed[] {
  const moduleId = statement.source.value;
  return statement.specifiers.flatMap((specifier) => {
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') return [];
    const key =
      specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
        ? undefined
        : specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
          ? 'default'
          : specifier.imported.type === AST_NODE_TYPES.Identifier
            ? specifier.imported.name
            : String(specifier.imported.value);
    return readReferencesOf(sourceCode, specifier.local).map((node) => ({ node, moduleId, ...(key !== undefined && { key }) }));
  });
}

/** `require('x')` → `'x'` when `identifier` is the callee of a call with a constant first argument. */
function getRequiredModule(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): string | undefined {
  const call = identifier.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier || call.arguments.length === 0) {
    return undefined;
  }
  return getStringIfConstant(call.arguments[0] as ESTree.Expression) ?? undefined;
}

/** `'x'` of TypeScript `import y = require('x')`. */
export function getImportEqualsModule(node: TSESTree.TSImportEqualsDeclaration): string | undefined {
  const reference = node.moduleReference;
  return reference.type === AST_NODE_TYPES.TSExternalModuleReference &&
    reference.expression.type === AST_NODE_TYPES.Literal &&
    typeof reference.expression.value === 'string'
    ? reference.expression.value
    : undefined;
}

/** The identifiers that read the variable `id` declares. */
function readReferencesOf(sourceCode: SourceCode, id: TSESTree.Identifier): TSESTree.Identifier[] {
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  return (variable?.references ?? [])
    .filter((reference) => reference.isRead())
    .map((reference) => reference.identifier as TSESTree.Identifier);
}

/**
 * Where a tracked read is used. The tracker reports a member read (`AWS.config`) at the member, and a binding of
 * it at the import specifier or the destructuring property, which rules cannot inspect; those become the reads of
 * the bound variable.
 */
function getUsesOfRead(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] {
  switch (node.type) {
    case AST_NODE_TYPES.ImportSpecifier:
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return readReferencesOf(sourceCode, node.local);
    case AST_NODE_TYPES.Property: {
      const target = node.value.type === AST_NODE_TYPES.AssignmentPattern ? node.value.left : node.value;
      return target.type === AST_NODE_TYPES.Identifier ? readReferencesOf(sourceCode, target) : [];
    }
    default:
      return [node];
  }
}
