import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  getKeyName,
  getOutermostWrapper,
  getPropertyName,
  isFunction,
  isMemberNamed,
  skipTransparent,
  type FunctionNode,
} from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { getV2DisplayName } from '../utils/sdk/v2-config.js';
import { resolveValue } from '../utils/scope/values.js';

type MessageId = 'clientPerRequest';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** What runs a construction again and again: a Lambda handler, an HTTP route handler, a loop. */
type Place = 'lambda' | 'loop' | 'route';

/** A client or credential provider construction. */
interface Construction {
  node: TSESTree.Node;
  name: string;
  kind: 'client' | 'credential provider';
}

const PLACES: Readonly<Record<Place, { place: string; unit: string }>> = {
  lambda: { place: 'the Lambda handler', unit: 'invocation' },
  route: { place: 'a route handler', unit: 'request' },
  loop: { place: 'a loop', unit: 'iteration' },
};

/** The export name the Lambda runtime calls by default (`index.handler`). */
const LAMBDA_HANDLER = 'handler';
/** Next.js App Router route handlers: `export async function GET(request)`. */
const NEXT_ROUTE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Express, Koa (koa-router), Fastify and similar: `app.get(path, handler)`, `router.use(handler)`. */
const ROUTE_METHODS: ReadonlySet<string> = new Set([
  'all',
  'delete',
  'del',
  'get',
  'head',
  'options',
  'patch',
  'post',
  'put',
  'use',
]);
/** Receivers that look like an app or a router: `app`, `router`, `fastify`, `apiRouter`, `adminApp`. */
const ROUTER_NAME = /^(?:app|api|fastify|koa|express|router|routes?|server|instance)$|(?:App|Router|Server)$/;
/** Array methods whose callback runs once per element. */
const LOOP_CALLBACK_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap']);

export default createRule<[], MessageId>({
  name: 'no-client-per-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow constructing AWS SDK clients and credential providers per request or per loop iteration',
      recommended: 'strict',
    },
    messages: {
      clientPerRequest:
        '`{{ name }}` is constructed inside {{ place }}, so every {{ unit }} builds a new {{ kind }} that resolves ' +
        'credentials again (instance metadata throttling, repeated STS calls, intermittent CredentialsProviderError) ' +
        'and reuses no connection. Hoist it to module scope and reuse it.',
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return onSdkReferences(context, (references) => {
      const constructions = getConstructions(references);
      const constructionNodes = new Set(constructions.map(({ node }) => node));
      for (const construction of constructions) {
        const place = findRepeatingPlace(sourceCode, construction.node, constructionNodes);
        if (!place) continue;
        const { name, kind } = construction;
        context.report({
          node: construction.node,
          messageId: 'clientPerRequest',
          data: { name, kind, place: PLACES[place].place, unit: PLACES[place].unit },
        });
      }
    });
  },
});

/** Every client, v3 credential provider and v2 credentials provider class (not plain `Credentials`) of the file. */
function getConstructions(references: SdkReferences): Construction[] {
  const constructions: Construction[] = [];
  for (const client of references.ofKind('client')) {
    if (client.node.type !== AST_NODE_TYPES.NewExpression) continue;
    const name = client.info.sdk === 'v3' ? client.info.name : getV2DisplayName(client);
    constructions.push({ node: client.node, name, kind: 'client' });
  }
  for (const provider of references.ofKind('provider')) {
    if (provider.node.type !== AST_NODE_TYPES.CallExpression) continue;
    constructions.push({ node: provider.node, name: provider.info.name, kind: 'credential provider' });
  }
  for (const credentials of references.ofKind('v2Credentials')) {
    if (credentials.node.type !== AST_NODE_TYPES.NewExpression || credentials.info.name === 'Credentials') continue;
    constructions.push({ node: credentials.node, name: `AWS.${credentials.info.name}`, kind: 'credential provider' });
  }
  return constructions;
}

/**
 * Walks up from the construction to the innermost loop body, loop callback, Lambda handler or route handler that
 * holds it. Plain functions are passed through (a helper nested in a handler runs per request too); module scope
 * ends the walk. Lazily initialized singletons and constructions that feed another one (a provider given to a
 * client built in the same place, which is reported itself) are skipped.
 */
function findRepeatingPlace(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  constructions: ReadonlySet<TSESTree.Node>,
): Place | undefined {
  if (isLazilyInitialized(sourceCode, node)) {
    return undefined;
  }
  let current = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (constructions.has(parent)) {
      return undefined;
    }
    if (isLoop(parent) && parent.body === current && isPerItemLoop(sourceCode, parent)) {
      return 'loop';
    }
    if (isFunction(parent)) {
      const place = classifyFunction(sourceCode, parent);
      if (place) return place;
    }
  }
  return undefined;
}

type Loop =
  | TSESTree.DoWhileStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.ForStatement
  | TSESTree.WhileStatement;

function isLoop(node: TSESTree.Node): node is Loop {
  switch (node.type) {
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.WhileStatement:
      return true;
    default:
      return false;
  }
}

/**
 * False for a loop over a fixed list the file spells out (`for (const region of ['us-east-1', 'eu-west-1'])`,
 * `REGIONS.map(...)` with a constant array): one client per configured entry, built where the loop runs.
 */
function isPerItemLoop(sourceCode: SourceCode, loop: Loop | TSESTree.CallExpression): boolean {
  const items =
    loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement
      ? loop.right
      : loop.type === AST_NODE_TYPES.CallExpression
        ? getCallReceiver(loop)
        : undefined;
  const value = items && resolveValue(sourceCode, items);
  return value?.type !== AST_NODE_TYPES.ArrayExpression && value?.type !== AST_NODE_TYPES.ObjectExpression;
}

/** Whether `fn` runs per request or per item, from where it is written or where its name is used. */
function classifyFunction(sourceCode: SourceCode, fn: FunctionNode): Place | undefined {
  for (const value of [fn, ...getFunctionReferences(sourceCode, fn)]) {
    const place = classifyFunctionValue(sourceCode, fn, value);
    if (place) return place;
  }
  // E.g. `export async function handler(event)`, `export async function GET(request)`.
  const declaration = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    if (declaration.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      return getExportedPlace(fn.id.name);
    }
  }
  // Next.js pages API route: `export default function handler(req, res)`.
  if (declaration.type === AST_NODE_TYPES.ExportDefaultDeclaration && isRequestResponseHandler(fn)) {
    return 'route';
  }
  return undefined;
}

/** The reads of the variable that names `fn`: `function main() {}` or `const main = async () => {}`. */
function getFunctionReferences(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Node[] {
  const declarator = getOutermostWrapper(fn).parent;
  const owner =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn
      : declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier
        ? declarator
        : undefined;
  const variables = owner ? sourceCode.getDeclaredVariables(owner) : [];
  return variables.flatMap((variable) =>
    variable.references
      .filter((reference) => reference.isRead())
      .map((reference) => reference.identifier as TSESTree.Node),
  );
}

/** What the place where a function (or its name) is written tells: a loop callback, a handler export, a route. */
function classifyFunctionValue(sourceCode: SourceCode, fn: FunctionNode, value: TSESTree.Node): Place | undefined {
  const direct = getOutermostWrapper(value);
  const call = direct.parent;
  // E.g. `records.forEach(async (record) => …)`, `ids.map(loadOne)`.
  if (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments[0] === direct &&
    LOOP_CALLBACK_METHODS.has(getMethodName(call) ?? '') &&
    isPerItemLoop(sourceCode, call)
  ) {
    return 'loop';
  }
  // A wrapper such as `middy(fn)` or `asyncHandler(fn)` is looked through, for functions that take an event.
  const position = direct === value && fn.params.length === 0 ? direct : skipWrapperCalls(direct);
  const parent = position.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      // E.g. `export const handler = async (event) => …`, `export const POST = async (request) => …`.
      return parent.init === position &&
        parent.id.type === AST_NODE_TYPES.Identifier &&
        parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
        ? getExportedPlace(parent.id.name)
        : undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      // E.g. `exports.handler = async (event) => …`, `module.exports.handler = main`.
      return parent.right === position && isCommonJsExport(parent.left, LAMBDA_HANDLER) ? 'lambda' : undefined;
    case AST_NODE_TYPES.Property:
      return parent.value === position ? classifyHandlerProperty(parent) : undefined;
    case AST_NODE_TYPES.ExportSpecifier:
      // E.g. `export { main as handler }`.
      return getExportedPlace(getKeyName(parent.exported, false) ?? '');
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return isRequestResponseHandler(fn) ? 'route' : undefined;
    case AST_NODE_TYPES.CallExpression:
      // E.g. `app.get('/orders', async (req, res) => …)`, `router.post('/', auth, createOrder)`.
      return parent.arguments.includes(position as TSESTree.CallExpressionArgument) && isRouteRegistration(parent)
        ? 'route'
        : undefined;
    default:
      return undefined;
  }
}

/** `handler` → Lambda, `GET`/`POST`/… → Next.js route handler. */
function getExportedPlace(name: string): Place | undefined {
  if (name === LAMBDA_HANDLER) return 'lambda';
  return NEXT_ROUTE_METHODS.has(name) ? 'route' : undefined;
}

/**
 * `{ handler: fn }` given to `fastify.route({...})` / `server.route({...})`, or assigned as `module.exports`.
 */
function classifyHandlerProperty(property: TSESTree.Property): Place | undefined {
  if (getPropertyName(property) !== LAMBDA_HANDLER) {
    return undefined;
  }
  const object = property.parent;
  const use = object?.parent;
  if (use?.type === AST_NODE_TYPES.CallExpression && use.arguments.includes(object as TSESTree.ObjectExpression)) {
    return getMethodName(use) === 'route' ? 'route' : undefined;
  }
  return use?.type === AST_NODE_TYPES.AssignmentExpression &&
    use.right === object &&
    isModuleExports(skipTransparent(use.left))
    ? 'lambda'
    : undefined;
}

/** `exports.<name>` or `module.exports.<name>`. */
function isCommonJsExport(node: TSESTree.Node, name: string): boolean {
  const target = skipTransparent(node);
  if (!isMemberNamed(target, name)) {
    return false;
  }
  const object = skipTransparent(target.object);
  return (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') || isModuleExports(object);
}

function isModuleExports(node: TSESTree.Node): boolean {
  return (
    isMemberNamed(node, 'exports') &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module'
  );
}

/**
 * `app.get('/orders', …)`, `router.use(…)`, `fastify.post('/', …)`, `app.route('/x').get(…)`: a route method on
 * a receiver named like an app or router, or any route method whose first argument is a path.
 */
function isRouteRegistration(call: TSESTree.CallExpression): boolean {
  if (!ROUTE_METHODS.has(getMethodName(call) ?? '')) {
    return false;
  }
  const [first] = call.arguments;
  const path =
    first?.type === AST_NODE_TYPES.Literal
      ? first.value
      : first?.type === AST_NODE_TYPES.TemplateLiteral
        ? first.quasis[0]?.value.cooked
        : undefined;
  if (typeof path === 'string' && path.startsWith('/')) {
    return true;
  }
  const receiver = getCallReceiver(call);
  const root = receiver && getRootIdentifier(receiver);
  return root !== undefined && ROUTER_NAME.test(root);
}

/** `app` of `app.route('/x').get`, `fastify` of `fastify.get`. */
function getRootIdentifier(node: TSESTree.Node): string | undefined {
  let current = skipTransparent(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = skipTransparent(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = skipTransparent(current.callee);
    } else {
      return current.type === AST_NODE_TYPES.Identifier ? current.name : undefined;
    }
  }
}

/** `items` of `items.map(...)`. */
function getCallReceiver(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
}

/** `get` of `app.get(...)`. */
function getMethodName(call: TSESTree.CallExpression): string | undefined {
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
}

/** `function handler(req, res)`, `async (request, response) => …`: the shape of a Next.js pages API route. */
function isRequestResponseHandler(fn: FunctionNode): boolean {
  if (fn.id?.name === LAMBDA_HANDLER) {
    return true;
  }
  const [request, response] = fn.params;
  return (
    request?.type === AST_NODE_TYPES.Identifier &&
    /^req(?:uest)?$/.test(request.name) &&
    response?.type === AST_NODE_TYPES.Identifier &&
    /^res(?:ponse)?$/.test(response.name)
  );
}

/** From `fn` in `middy(fn).use(x)` or `asyncHandler(fn)` up to the outermost wrapper call. */
function skipWrapperCalls(node: TSESTree.Node): TSESTree.Node {
  let current = getOutermostWrapper(node);
  for (;;) {
    const parent = current.parent;
    const isWrapper =
      parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === current && !isRouteRegistration(parent);
    if (isWrapper) {
      current = getOutermostWrapper(parent);
    } else if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === current &&
      parent.parent.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent
    ) {
      current = getOutermostWrapper(parent.parent);
    } else {
      return current;
    }
  }
}

/**
 * A lazily initialized singleton or cache entry: `client ??= new S3Client()`, `if (!client) client = new …`,
 * `cache[region] = cache[region] || new …`, `if (!clients.has(region)) clients.set(region, new …)`, also through a
 * local (`const c = new …; cache.set(key, c)`). The construction then runs once per key, not per request.
 */
function isLazilyInitialized(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const guards: string[] = [];
  // Up through `cached ?? new X()`, `cached ? cached : new X()`, TS wrappers.
  let value = getOutermostWrapper(node);
  for (let parent = value.parent; parent; parent = value.parent) {
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === value) {
      guards.push(sourceCode.getText(parent.left));
    } else if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== value) {
      guards.push(sourceCode.getText(parent.test));
    } else {
      break;
    }
    value = getOutermostWrapper(parent);
  }

  const targets = getStorageTargets(sourceCode, value);
  if (targets === 'logicalAssignment') {
    return true;
  }
  if (targets.length === 0) {
    return false;
  }
  // Conditions between the construction and its function: `if (!client)`, `!client && (client = …)`.
  let current = value;
  for (let parent = value.parent; parent && !isFunction(parent); current = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== current) {
      guards.push(sourceCode.getText(parent.test));
    } else if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current) {
      guards.push(sourceCode.getText(parent.test));
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === current) {
      guards.push(sourceCode.getText(parent.left));
    }
  }
  return targets.some((target) => guards.some((guard) => guard.includes(target)));
}

/**
 * Where the construction is kept: the left side of `x = value`, the map of `map.set(key, value)`, also for a local
 * holding it (`const client = value; cache[key] = client`). `'logicalAssignment'` for `x ??= value` / `x ||= value`.
 */
function getStorageTargets(sourceCode: SourceCode, value: TSESTree.Node): string[] | 'logicalAssignment' {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value) {
    const isLogical = parent.operator === '??=' || parent.operator === '||=';
    return isLogical ? 'logicalAssignment' : [sourceCode.getText(parent.left)];
  }
  const mapTarget = getMapSetTarget(sourceCode, value);
  if (mapTarget !== undefined) {
    return [mapTarget];
  }
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== value) {
    return [];
  }
  const targets: string[] = [];
  for (const variable of sourceCode.getDeclaredVariables(parent)) {
    for (const reference of variable.references) {
      const use = getOutermostWrapper(reference.identifier as TSESTree.Node);
      if (use.parent?.type === AST_NODE_TYPES.AssignmentExpression && use.parent.right === use) {
        targets.push(sourceCode.getText(use.parent.left));
      }
      const target = getMapSetTarget(sourceCode, use);
      if (target !== undefined) targets.push(target);
    }
  }
  return targets;
}

/** `clients` of `clients.set(key, value)`. */
function getMapSetTarget(sourceCode: SourceCode, value: TSESTree.Node): string | undefined {
  const call = value.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== value) {
    return undefined;
  }
  const callee = skipTransparent(call.callee);
  return isMemberNamed(callee, 'set') ? sourceCode.getText(callee.object) : undefined;
}
