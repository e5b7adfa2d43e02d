/**
 * Where code runs once per request or per item, as the syntax shows it: Lambda handler exports, Next.js route
 * handlers, Express/Koa/Fastify route registrations, loops and array callbacks. Pure node questions: no scope.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getOutermostWrapper, getPropertyName, isMemberNamed, isModuleExports, skipTransparent, type FunctionNode } from './nodes.js';

/** What runs code again and again: a Lambda handler, an HTTP route handler, a loop. */
export type RepeatingPlace = 'lambda' | 'loop' | 'route';

export type Loop =
  | TSESTree.DoWhileStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.ForStatement
  | TSESTree.WhileStatement;

/** The export name the Lambda runtime calls by default (`index.handler`). */
export const LAMBDA_HANDLER = 'handler';
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

export function isLoop(node: TSESTree.Node): node is Loop {
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

/** `records.forEach(fn)`, `ids.map(fn)`: a call whose first argument runs once per element. */
export function isLoopCallbackCall(call: TSESTree.CallExpression): boolean {
  return LOOP_CALLBACK_METHODS.has(getMethodName(call) ?? '');
}

/** What a loop or loop callback call goes over: `items` of `for (const x of items)` and of `items.map(...)`. */
export function getLoopItems(loop: Loop | TSESTree.CallExpression): TSESTree.Node | undefined {
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) {
    return loop.right;
  }
  return loop.type === AST_NODE_TYPES.CallExpression ? getCallReceiver(loop) : undefined;
}

/** `handler` → Lambda, `GET`/`POST`/… → Next.js route handler. */
export function getExportedPlace(name: string): RepeatingPlace | undefined {
  if (name === LAMBDA_HANDLER) return 'lambda';
  return NEXT_ROUTE_METHODS.has(name) ? 'route' : undefined;
}

/**
 * `{ handler: fn }` given to `fastify.route({...})` / `server.route({...})`, or assigned as `module.exports`.
 */
export function classifyHandlerProperty(property: TSESTree.Property): RepeatingPlace | undefined {
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
export function isCommonJsExport(node: TSESTree.Node, name: string): boolean {
  const target = skipTransparent(node);
  if (!isMemberNamed(target, name)) {
    return false;
  }
  const object = skipTransparent(target.object);
  return (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') || isModuleExports(object);
}

/**
 * `app.get('/orders', …)`, `router.use(…)`, `fastify.post('/', …)`, `app.route('/x').get(…)`: a route method on
 * a receiver named like an app or router, or any route method whose first argument is a path.
 */
export function isRouteRegistration(call: TSESTree.CallExpression): boolean {
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
export function isRequestResponseHandler(fn: FunctionNode): boolean {
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
export function skipWrapperCalls(node: TSESTree.Node): TSESTree.Node {
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

