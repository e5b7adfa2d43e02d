/**
 * The one place that follows AWS SDK imports. All rules share a single ReferenceTracker pass per file.
 */
import { CALL, CONSTRUCT, ESM, READ, ReferenceTracker, getStringIfConstant, type TraceMap } from '@eslint-community/eslint-utils';
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Rule, Scope } from 'eslint';
import type * as ESTree from 'estree';

import {
  PROVIDER_PACKAGES,
  V2_CLIENT_PREFIX,
  V2_CREDENTIALS_CLASSES,
  V3_CLIENT_PREFIX,
  classifyV2Member,
  classifyV3ClientExport,
  isSdkModule,
  normalizeService,
  type SdkInfo,
} from './sdk-modules.js';


type SdkTraceMap = TraceMap<SdkInfo>;
type SdkTraceMapObject = SdkTraceMap[string];

/** One use of an SDK export: a call, a construction, or a read of a member such as `AWS.config`. */
export interface SdkReference<Info extends SdkInfo = SdkInfo> {
  /**
   * The `CallExpression` or `NewExpression` of the use; for a read, the expression that holds the export:
   * `AWS.config`, or `config` after `const { config } = require('aws-sdk')`.
   */
  node: TSESTree.Node;
  /** The module the export came from, e.g. `@aws-sdk/client-sts`. */
  moduleId: string;
  /** The export's canonical name, whatever the local alias (`STSClient`, `fromIni`, `config`). */
  name: string;
  type: 'call' | 'construct' | 'read';
  info: Info;
}

/** Everything the file does with the AWS SDK, found in one pass and shared by every rule. */
export interface SdkReferences {
  readonly all: readonly SdkReference[];
  /** The reference whose node is `node`, if any: `get(newExpression)?.info.kind === 'client'`. */
  get(node: TSESTree.Node): SdkReference | undefined;
  ofKind<K extends SdkInfo['kind']>(kind: K): readonly SdkReference<Extract<SdkInfo, { kind: K }>>[];
}

interface FileState {
  dynamicImports: Set<TSESTree.ImportExpression>;
  /** `null` once the file is known to use no SDK module. */
  result?: SdkReferences | null;
}

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const fileStates = new WeakMap<TSESTree.Program, FileState>();

/**
 * Returns the listeners a rule needs to receive the file's SDK references once, at `Program:exit`.
 * `handler` is not called for a file that imports no SDK module.
 */
export function onSdkReferences(
  context: RuleContext,
  handler: (references: SdkReferences) => void,
): TSESLint.RuleListener {
  const { sourceCode } = context;
  const state = getFileState(sourceCode.ast);
  return {
    ImportExpression(node) {
      state.dynamicImports.add(node);
    },
    'Program:exit'() {
      state.result ??= collectSdkReferences(sourceCode, state.dynamicImports);
      if (state.result) {
        handler(state.result);
      }
    },
  };
}

function getFileState(program: TSESTree.Program): FileState {
  let state = fileStates.get(program);
  if (!state) {
    state = { dynamicImports: new Set() };
    fileStates.set(program, state);
  }
  return state;
}

/** The entry points the tracker does not find by itself, each with the SDK module it loads. */
interface Seeds {
  moduleIds: Set<string>;
  /** `require('…')` where `require` is not a declared global (ESLint declares it only for CommonJS). */
  undeclaredRequires: { node: TSESTree.CallExpression; moduleId: string }[];
  /** `await import('…')`. */
  dynamicImports: { node: TSESTree.AwaitExpression; moduleId: string }[];
  /** TS `import sts = require('…')`. */
  importEquals: { node: TSESTree.TSImportEqualsDeclaration; moduleId: string }[];
}

function collectSdkReferences(
  sourceCode: Readonly<TSESLint.SourceCode>,
  dynamicImports: ReadonlySet<TSESTree.ImportExpression>,
): SdkReferences | null {
  const globalScope = sourceCode.getScope(sourceCode.ast);
  const seeds = findSeeds(sourceCode.ast, globalScope, dynamicImports);
  if (seeds.moduleIds.size === 0) {
    return null;
  }

  const traceMap = createTraceMap(seeds.moduleIds, collectPascalCaseNames(sourceCode.ast));
  const tracker = new ReferenceTracker(globalScope as unknown as Scope.Scope, { mode: 'legacy' });
  const found: SdkReference[] = [];
  const add = (node: Rule.Node | TSESTree.Node, path: readonly string[], type: symbol, info: SdkInfo): void => {
    const [moduleId = '', ...rest] = path.filter((key) => key !== 'default');
    const reference = { moduleId, name: rest.at(-1) ?? moduleId, info };
    if (type === READ) {
      // A read is reported where the value is used, also through a binding: `import { config } from 'aws-sdk'`,
      // `const { config } = require('aws-sdk')` → every read of `config`.
      for (const used of getUsesOfRead(sourceCode, node as TSESTree.Node)) {
        found.push({ ...reference, node: used, type: 'read' });
      }
      return;
    }
    found.push({ ...reference, node: node as TSESTree.Node, type: type === CALL ? 'call' : 'construct' });
  };

  for (const { node, path, type, info } of tracker.iterateEsmReferences(traceMap)) {
    add(node, path, type, info);
  }
  for (const { node, path, type, info } of tracker.iterateCjsReferences(traceMap)) {
    add(node, path, type, info);
  }
  const seedStarts = [
    ...seeds.undeclaredRequires,
    ...seeds.dynamicImports,
    ...seeds.importEquals.flatMap(({ node, moduleId }) =>
      readReferencesOf(sourceCode, node.id).map((identifier) => ({ node: identifier, moduleId })),
    ),
  ];
  for (const { node, moduleId } of seedStarts) {
    const moduleMap = traceMap[moduleId];
    if (!moduleMap) continue;
    // A dynamic import or require of a CommonJS module yields `module.exports` as `default` too.
    const entry = moduleMap[ESM] ? moduleMap : { ...moduleMap, default: moduleMap };
    for (const reference of tracker.iteratePropertyReferences(node as unknown as ESTree.Expression, entry)) {
      add(reference.node, [moduleId, ...reference.path], reference.type, reference.info);
    }
  }

  return createSdkReferences(found);
}

function findSeeds(
  program: TSESTree.Program,
  globalScope: TSESLint.Scope.Scope,
  dynamicImports: ReadonlySet<TSESTree.ImportExpression>,
): Seeds {
  const seeds: Seeds = { moduleIds: new Set(), undeclaredRequires: [], dynamicImports: [], importEquals: [] };

  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind !== 'type' && isSdkModule(statement.source.value)) {
        seeds.moduleIds.add(statement.source.value);
      }
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const moduleId = getImportEqualsModule(statement);
      if (moduleId !== undefined && statement.importKind !== 'type' && isSdkModule(moduleId)) {
        seeds.moduleIds.add(moduleId);
        seeds.importEquals.push({ node: statement, moduleId });
      }
    }
  }

  // Declared `require` references are the tracker's; it skips a `require` that has a definition (shadowed).
  const declaredRequire = globalScope.set.get('require');
  for (const reference of declaredRequire?.defs.length === 0 ? declaredRequire.references : []) {
    const moduleId = getRequiredModule(reference.identifier);
    if (moduleId !== undefined) seeds.moduleIds.add(moduleId);
  }
  for (const reference of globalScope.through) {
    const moduleId = reference.identifier.name === 'require' ? getRequiredModule(reference.identifier) : undefined;
    if (moduleId !== undefined) {
      seeds.moduleIds.add(moduleId);
      seeds.undeclaredRequires.push({ node: reference.identifier.parent as TSESTree.CallExpression, moduleId });
    }
  }

  for (const node of dynamicImports) {
    const moduleId = getStringIfConstant(node.source as ESTree.Expression);
    // Only `await import()` yields the module itself; `.then(...)` callbacks are out of scope.
    if (moduleId != null && isSdkModule(moduleId) && node.parent.type === AST_NODE_TYPES.AwaitExpression) {
      seeds.moduleIds.add(moduleId);
      seeds.dynamicImports.push({ node: node.parent, moduleId });
    }
  }
  return seeds;
}

/** `require('x')` → `'x'` when `identifier` is the callee of a call with an SDK module id. */
function getRequiredModule(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): string | undefined {
  const call = identifier.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier || call.arguments.length === 0) {
    return undefined;
  }
  const moduleId = getStringIfConstant(call.arguments[0] as ESTree.Expression);
  return moduleId != null && isSdkModule(moduleId) ? moduleId : undefined;
}

function getImportEqualsModule(node: TSESTree.TSImportEqualsDeclaration): string | undefined {
  const reference = node.moduleReference;
  return reference.type === AST_NODE_TYPES.TSExternalModuleReference &&
    reference.expression.type === AST_NODE_TYPES.Literal &&
    typeof reference.expression.value === 'string'
    ? reference.expression.value
    : undefined;
}

/** The identifiers that read the variable `id` declares. */
function readReferencesOf(sourceCode: Readonly<TSESLint.SourceCode>, id: TSESTree.Identifier): TSESTree.Identifier[] {
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
function getUsesOfRead(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESTree.Node[] {
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

/** The PascalCase identifiers the file spells: every client or command export it can possibly reach. */
function collectPascalCaseNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const token of program.tokens ?? []) {
    if (token.type === 'Identifier' && isPascalCase(token.value)) {
      names.add(token.value);
    }
  }
  return names;
}

function isPascalCase(name: string): boolean {
  const first = name.charCodeAt(0);
  return first >= 65 && first <= 90;
}

function createTraceMap(moduleIds: ReadonlySet<string>, names: ReadonlySet<string>): SdkTraceMap {
  const traceMap: SdkTraceMap = {};
  for (const moduleId of moduleIds) {
    traceMap[moduleId] = createModuleTraceMap(moduleId, names);
  }
  return traceMap;
}

/**
 * The trace map of one SDK module. Client packages export hundreds of classes, too many to list, and a file can
 * only reach the exports whose names it spells, so the map lists just those `names`, classified by their shape.
 */
function createModuleTraceMap(moduleId: string, names: ReadonlySet<string>): SdkTraceMapObject {
  if (moduleId.startsWith(V3_CLIENT_PREFIX)) {
    const service = normalizeService(moduleId.slice(V3_CLIENT_PREFIX.length));
    return { [ESM]: true, ...leaves(names, CONSTRUCT, (name) => classifyV3ClientExport(service, name)) };
  }
  if (moduleId.startsWith(V2_CLIENT_PREFIX)) {
    const name = moduleId.slice(V2_CLIENT_PREFIX.length);
    return { [CONSTRUCT]: { kind: 'client', sdk: 'v2', service: normalizeService(name), name } };
  }
  if (moduleId === 'aws-sdk' || moduleId === 'aws-sdk/global') {
    // `aws-sdk/global` is the same namespace without the service classes.
    const services = moduleId === 'aws-sdk' ? leaves(names, CONSTRUCT, classifyV2Member) : {};
    return { ...services, ...V2_CORE_TRACE_MAP };
  }
  if (moduleId === '@aws-sdk/s3-request-presigner') {
    return { [ESM]: true, getSignedUrl: { [CALL]: { kind: 'presign' } } };
  }
  if (moduleId === '@smithy/property-provider') {
    return { [ESM]: true, memoize: { [CALL]: { kind: 'memoize' } } };
  }
  const providers = PROVIDER_PACKAGES[moduleId] ?? [];
  return { [ESM]: true, ...leaves(providers, CALL, (name) => ({ kind: 'provider', name })) };
}

const V2_CORE_TRACE_MAP: Record<string, SdkTraceMapObject> = {
  ...leaves(V2_CREDENTIALS_CLASSES, CONSTRUCT, (name) => ({ kind: 'v2Credentials', name })),
  Config: { [CONSTRUCT]: { kind: 'v2Config' } },
  MetadataService: { [CONSTRUCT]: { kind: 'v2MetadataService' } },
  config: { [READ]: { kind: 'v2GlobalConfig' } },
};

function leaves<Name extends string>(
  names: Iterable<Name>,
  type: typeof CALL | typeof CONSTRUCT,
  classify: (name: Name) => SdkInfo | undefined,
): Record<string, SdkTraceMapObject> {
  const result: Record<string, SdkTraceMapObject> = {};
  for (const name of names) {
    const info = classify(name);
    if (info) result[name] = { [type]: info };
  }
  return result;
}

function createSdkReferences(found: readonly SdkReference[]): SdkReferences {
  const byNode = new Map<TSESTree.Node, SdkReference>();
  for (const reference of found) {
    if (!byNode.has(reference.node)) byNode.set(reference.node, reference);
  }
  const all = [...byNode.values()];
  return {
    all,
    get: (node) => byNode.get(node),
    ofKind: <K extends SdkInfo['kind']>(kind: K) =>
      all.filter(
        (reference): reference is SdkReference<Extract<SdkInfo, { kind: K }>> => reference.info.kind === kind,
      ),
  };
}
