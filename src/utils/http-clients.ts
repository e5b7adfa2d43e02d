/**
 * Finds the calls a file makes into the common Node.js HTTP clients (global `fetch`, `node-fetch`, `undici`, `axios`,
 * `got`, `http`/`https`, `request`, `superagent`, `needle`, `ky`), through every import form, with ReferenceTracker.
 */
import { CALL, CONSTRUCT, ReferenceTracker, getStringIfConstant, type TraceMap } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from 'eslint';
import type * as ESTree from 'estree';

type SourceCode = Readonly<TSESLint.SourceCode>;
type ClientTraceMap = TraceMap<string>;
type ClientTraceMapObject = ClientTraceMap[string];

/** One request-making call: `fetch(url)`, `axios.get(url)`, `https.request(options)`, `new undici.Client(origin)`. */
export interface HttpClientCall {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** What was called, by its canonical name: `fetch`, `axios.get`, `node:https.request`, `undici.Client`. */
  name: string;
}

/** `client(...)`, `client.get(...)`, ...: the shape of axios, got, request, superagent, needle and ky. */
function requestFunction(name: string, methods: readonly string[]): ClientTraceMapObject {
  const map: ClientTraceMapObject = { [CALL]: name };
  for (const method of methods) {
    map[method] = { [CALL]: `${name}.${method}` };
  }
  return map;
}

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'request'] as const;

const NODE_HTTP = (name: string): ClientTraceMapObject => ({
  get: { [CALL]: `${name}.get` },
  request: { [CALL]: `${name}.request` },
});

const GOT = requestFunction('got', [...VERBS, 'extend', 'stream', 'paginate']);
const NODE_FETCH: ClientTraceMapObject = { [CALL]: 'node-fetch' };

/** Module id → what it exports. CommonJS and ESM alike: the tracker runs in legacy mode, so `default` is the module. */
const HTTP_MODULES: ClientTraceMap = {
  axios: requestFunction('axios', [...VERBS, 'create', 'postForm', 'putForm', 'patchForm']),
  got: { ...GOT, got: GOT },
  http: NODE_HTTP('http'),
  https: NODE_HTTP('https'),
  ky: requestFunction('ky', [...VERBS, 'create', 'extend']),
  needle: requestFunction('needle', VERBS),
  'node-fetch': NODE_FETCH,
  'node:http': NODE_HTTP('node:http'),
  'node:https': NODE_HTTP('node:https'),
  'postman-request': requestFunction('request', VERBS),
  request: requestFunction('request', VERBS),
  'request-promise': requestFunction('request', VERBS),
  'request-promise-native': requestFunction('request', VERBS),
  superagent: requestFunction('superagent', VERBS),
  undici: {
    request: { [CALL]: 'undici.request' },
    fetch: { [CALL]: 'undici.fetch' },
    stream: { [CALL]: 'undici.stream' },
    Client: { [CONSTRUCT]: 'undici.Client' },
    Pool: { [CONSTRUCT]: 'undici.Pool' },
  },
};

const GLOBAL_FETCH: ClientTraceMapObject = { [CALL]: 'fetch' };

/**
 * Every call the file makes into a known HTTP client. `dynamicImports` are the file's `import()` expressions (collect
 * them with an `ImportExpression` listener); only `await import('…')` binds the module.
 */
export function findHttpClientCalls(
  sourceCode: SourceCode,
  dynamicImports: Iterable<TSESTree.ImportExpression>,
): HttpClientCall[] {
  const globalScope = sourceCode.getScope(sourceCode.ast);
  const tracker = new ReferenceTracker(globalScope as unknown as Scope.Scope, { mode: 'legacy' });
  const found = new Map<TSESTree.Node, HttpClientCall>();
  const add = (node: unknown, name: string): void => {
    const call = node as TSESTree.Node;
    if (call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) {
      if (!found.has(call)) found.set(call, { node: call, name });
    }
  };

  for (const { node, info } of tracker.iterateEsmReferences(HTTP_MODULES)) add(node, info);
  for (const { node, info } of tracker.iterateCjsReferences(HTTP_MODULES)) add(node, info);
  // `fetch` of Node 18+, declared through the `globals` configuration, or reached as `globalThis.fetch`.
  for (const { node, info } of tracker.iterateGlobalReferences({ fetch: GLOBAL_FETCH })) add(node, info);

  for (const { node, moduleMap } of findUntrackedEntries(sourceCode, globalScope, dynamicImports)) {
    for (const { node: reference, info } of tracker.iteratePropertyReferences(node as unknown as ESTree.Expression, moduleMap)) {
      add(reference, info);
    }
  }
  return [...found.values()];
}

/**
 * The entry points the tracker does not find by itself: `require` that is not a declared global, `await import()`,
 * TS `import x = require()`, and `fetch` used without a `globals` declaration.
 */
function findUntrackedEntries(
  sourceCode: SourceCode,
  globalScope: TSESLint.Scope.Scope,
  dynamicImports: Iterable<TSESTree.ImportExpression>,
): { node: TSESTree.Node; moduleMap: ClientTraceMapObject }[] {
  const entries: { node: TSESTree.Node; moduleMap: ClientTraceMapObject }[] = [];
  for (const reference of globalScope.through) {
    const identifier = reference.identifier as TSESTree.Identifier;
    if (identifier.name === 'fetch' && reference.isRead()) {
      entries.push({ node: identifier, moduleMap: GLOBAL_FETCH });
    } else if (identifier.name === 'require') {
      const call = identifier.parent;
      const moduleMap =
        call.type === AST_NODE_TYPES.CallExpression && call.callee === identifier
          ? getModuleMap(call.arguments[0])
          : undefined;
      if (moduleMap) entries.push({ node: call, moduleMap });
    }
  }
  for (const node of dynamicImports) {
    const moduleMap = getModuleMap(node.source);
    if (moduleMap && node.parent.type === AST_NODE_TYPES.AwaitExpression) {
      entries.push({ node: node.parent, moduleMap });
    }
  }
  for (const statement of sourceCode.ast.body) {
    const moduleMap =
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.importKind !== 'type' &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
        ? getModuleMap(statement.moduleReference.expression)
        : undefined;
    if (!moduleMap) continue;
    const variable = sourceCode.getDeclaredVariables(statement)[0];
    for (const reference of variable?.references ?? []) {
      if (reference.isRead()) entries.push({ node: reference.identifier as TSESTree.Identifier, moduleMap });
    }
  }
  return entries;
}

/** The trace map of the module `source` names, with `default` as the module itself (CommonJS interop). */
function getModuleMap(source: TSESTree.Node | undefined): ClientTraceMapObject | undefined {
  const moduleId = source && getStringIfConstant(source as ESTree.Expression);
  const moduleMap = moduleId != null && Object.hasOwn(HTTP_MODULES, moduleId) ? HTTP_MODULES[moduleId] : undefined;
  return moduleMap && { ...moduleMap, default: moduleMap };
}
