/**
 * Finds the calls a file makes into the common Node.js HTTP clients (global `fetch`, `node-fetch`, `undici`, `axios`,
 * `got`, `http`/`https`, `request`, `superagent`, `needle`, `ky`), through every import form.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { CALL, CONSTRUCT, findModuleReferences, type TraceMap } from './module-references.js';

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
  const references = findModuleReferences(sourceCode, dynamicImports, {
    covers: (moduleId) => Object.hasOwn(HTTP_MODULES, moduleId),
    createTraceMap: () => HTTP_MODULES,
    // `fetch` of Node 18+, declared or not, also reached as `globalThis.fetch`.
    globals: { fetch: GLOBAL_FETCH },
  });
  const calls = new Map<TSESTree.Node, HttpClientCall>();
  for (const { node, info } of references ?? []) {
    if ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && !calls.has(node)) {
      calls.set(node, { node, name: info });
    }
  }
  return [...calls.values()];
}
