/**
 * What kind of program a file is: a process that runs long (a server, a worker, a poller, a scheduler), a
 * run-and-exit command-line script, or a library module that others load. Answered once per file, on first ask.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunction } from '../ast/nodes.js';
import { getTopLevelStatements } from '../ast/walk.js';
import { CALL, CONSTRUCT, ESM, READ, findModuleReferences, type TraceMap } from './module-references.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Token = TSESTree.Token;

/**
 * - `long-running`: the file starts something that keeps the process alive (it wins over every script sign: a CLI
 *   command that starts a server runs long);
 * - `script`: a run-and-exit command-line program (`#!`, `process.argv`, an argument parser, `process.exit()`,
 *   `require.main === module`);
 * - `library`: exports values and shows neither; whoever loads it may keep what it builds for the process's life;
 * - `unknown`: none of these (a file that only runs top-level code, with no sign of how long).
 */
export type ProgramKind = 'long-running' | 'script' | 'library' | 'unknown';

/** What a tracked use says about the file. `timer` and `receive` count only in a loop or a self-scheduling function. */
type Sign = 'runsLong' | 'timer' | 'receive' | 'cli' | 'exit' | 'exports';

const SERVER: TraceMap<Sign>[string] = { createServer: { [CALL]: 'runsLong' }, createSecureServer: { [CALL]: 'runsLong' } };
const TIMERS: TraceMap<Sign>[string] = {
  setInterval: { [CALL]: 'runsLong' },
  setTimeout: { [CALL]: 'timer' },
  setImmediate: { [CALL]: 'timer' },
};
/** A module whose loading alone marks a command-line program: an argument parser. */
const CLI: TraceMap<Sign>[string] = { [READ]: 'cli', [CALL]: 'cli', [CONSTRUCT]: 'cli' };

/** Module id → the uses that start a server, a consumer or a scheduler, or that mark a CLI. */
const PROGRAM_MODULES: TraceMap<Sign> = {
  express: { [CALL]: 'runsLong' },
  fastify: { [CALL]: 'runsLong', fastify: { [CALL]: 'runsLong' } },
  koa: { [CONSTRUCT]: 'runsLong' },
  '@hapi/hapi': { server: { [CALL]: 'runsLong' }, Server: { [CONSTRUCT]: 'runsLong' } },
  '@nestjs/core': { NestFactory: { create: { [CALL]: 'runsLong' }, createMicroservice: { [CALL]: 'runsLong' } } },
  restify: SERVER,
  '@hono/node-server': { serve: { [CALL]: 'runsLong' } },
  ws: { WebSocketServer: { [CONSTRUCT]: 'runsLong' }, Server: { [CONSTRUCT]: 'runsLong' } },
  http: SERVER,
  https: SERVER,
  http2: SERVER,
  net: SERVER,
  'node:http': SERVER,
  'node:https': SERVER,
  'node:http2': SERVER,
  'node:net': SERVER,
  'sqs-consumer': { Consumer: { [CONSTRUCT]: 'runsLong', create: { [CALL]: 'runsLong' } } },
  bullmq: { Worker: { [CONSTRUCT]: 'runsLong' } },
  'node-cron': { schedule: { [CALL]: 'runsLong' } },
  cron: { CronJob: { [CONSTRUCT]: 'runsLong', from: { [CALL]: 'runsLong' } } },
  'node-schedule': { scheduleJob: { [CALL]: 'runsLong' } },
  '@aws-sdk/client-sqs': { [ESM]: true, ReceiveMessageCommand: { [CONSTRUCT]: 'receive' } },
  timers: TIMERS,
  'node:timers': TIMERS,
  'timers/promises': { setInterval: { [CALL]: 'runsLong' } },
  'node:timers/promises': { setInterval: { [CALL]: 'runsLong' } },
  commander: CLI,
  yargs: CLI,
  'yargs/yargs': CLI,
  meow: CLI,
  cac: CLI,
  minimist: CLI,
  mri: CLI,
  sade: CLI,
  arg: CLI,
  'command-line-args': CLI,
  '@oclif/core': CLI,
  clipanion: CLI,
  citty: CLI,
  util: { parseArgs: { [CALL]: 'cli' } },
  'node:util': { parseArgs: { [CALL]: 'cli' } },
};

const PROGRAM_GLOBALS: TraceMap<Sign> = {
  ...TIMERS,
  process: { argv: { [READ]: 'cli' }, exit: { [CALL]: 'exit' } },
  require: { main: { [READ]: 'cli' } },
  module: { exports: { [READ]: 'exports' } },
};

/** `while (running)`, `while (this.isActive)`: a flag that keeps a worker going. */
const RUNNING_FLAG = /^(?:is|keep|should)?(?:running|active|alive|polling|listening|started|enabled)$/i;
/** `while (!stopped)`, `while (!signal.aborted)`, `while (!this.shuttingDown)`: a flag that stops it. */
const STOP_FLAG = /^(?:is|was|has)?(?:stop(?:ped|ping|requested)?|shut(?:ting)?down|shutdown(?:requested)?|closing|closed|aborted|cancell?ed|terminat(?:ed|ing)|quit(?:ting)?|exiting)$/i;

const MAIN_CALLBACK = /^(?:then|catch|finally)$/;
const MAIN_NAME = /^(?:main|run|cli)$/i;

const kinds = new WeakMap<TSESTree.Program, ProgramKind>();

/** The kind of program the file is, computed on the first call for the file and kept. */
export function getProgramKind(sourceCode: SourceCode): ProgramKind {
  let kind = kinds.get(sourceCode.ast);
  if (!kind) {
    kind = classify(sourceCode);
    kinds.set(sourceCode.ast, kind);
  }
  return kind;
}

/** Whether code of the file may live as long as the process: it runs long, or it is a library loaded by one. */
export function mayRunLong(sourceCode: SourceCode): boolean {
  const kind = getProgramKind(sourceCode);
  return kind === 'long-running' || kind === 'library';
}

function classify(sourceCode: SourceCode): ProgramKind {
  const tokens = sourceCode.ast.tokens ?? [];
  const signs = new Set<Sign>();
  const references = findModuleReferences(sourceCode, findImportExpressions(sourceCode, tokens), {
    covers: (moduleId) => Object.hasOwn(PROGRAM_MODULES, moduleId),
    createTraceMap: (moduleIds) =>
      Object.fromEntries(Object.entries(PROGRAM_MODULES).filter(([moduleId]) => moduleIds.has(moduleId))),
    globals: PROGRAM_GLOBALS,
  });
  for (const { node, info } of references ?? []) {
    if (isSign(sourceCode, node, info)) signs.add(info);
  }
  if (signs.has('runsLong') || signs.has('timer') || signs.has('receive') || hasLongRunningCode(sourceCode, tokens)) {
    return 'long-running';
  }
  if (signs.has('cli') || signs.has('exit') || sourceCode.text.startsWith('#!') || readsImportMetaMain(tokens)) {
    return 'script';
  }
  return signs.has('exports') || hasExports(sourceCode.ast) ? 'library' : 'unknown';
}

/** Whether a tracked use counts: a timer or a receive that repeats, an exit that ends a main. */
function isSign(sourceCode: SourceCode, node: TSESTree.Node, sign: Sign): boolean {
  switch (sign) {
    case 'timer':
      return reschedulesItself(sourceCode, node);
    case 'receive':
      return isRepeated(sourceCode, node);
    case 'exit':
      return endsMain(node);
    default:
      return true;
  }
}

/** `.listen(…)` on anything, a `.receiveMessage(…)` that repeats, a worker loop that never ends by itself. */
function hasLongRunningCode(sourceCode: SourceCode, tokens: readonly Token[]): boolean {
  return tokens.some((token, index) => {
    if (token.type === 'Keyword' && (token.value === 'while' || token.value === 'for')) {
      const loop = sourceCode.getNodeByRangeIndex(token.range[0]);
      return loop !== null && isWorkerLoop(sourceCode, loop as TSESTree.Node);
    }
    const isMethodCall =
      token.type === 'Identifier' && isPunctuator(tokens[index - 1], '.', '?.') && isPunctuator(tokens[index + 1], '(');
    if (!isMethodCall || (token.value !== 'listen' && token.value !== 'receiveMessage')) {
      return false;
    }
    const call = sourceCode.getNodeByRangeIndex(token.range[0])?.parent?.parent as TSESTree.Node | undefined;
    return call?.type === AST_NODE_TYPES.CallExpression && (token.value === 'listen' || isRepeated(sourceCode, call));
  });
}

function isPunctuator(token: Token | undefined, ...values: string[]): boolean {
  return token?.type === 'Punctuator' && values.includes(token.value);
}

/**
 * `while (true)`, `for (;;)`, `do … while (1)`, `while (running)`, `while (!stopped)` with an `await` in its body:
 * a worker or polling loop. A loop over pages or items (`while (token)`) ends by itself and does not count.
 */
function isWorkerLoop(sourceCode: SourceCode, loop: TSESTree.Node): boolean {
  let test: TSESTree.Expression | null;
  switch (loop.type) {
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
      test = loop.test;
      break;
    default:
      return false;
  }
  return (test === null || isEndlessTest(test)) && awaitsInside(sourceCode, loop, loop.body);
}

function isEndlessTest(test: TSESTree.Expression): boolean {
  if (test.type === AST_NODE_TYPES.Literal) {
    return Boolean(test.value);
  }
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    const name = getFlagName(test.argument);
    return (test.argument.type === AST_NODE_TYPES.Literal && !test.argument.value) || (name !== undefined && STOP_FLAG.test(name));
  }
  const name = getFlagName(test);
  return name !== undefined && RUNNING_FLAG.test(name);
}

/** `running`, `this.running`, `state.running`, `signal.aborted` → the flag's own name. */
function getFlagName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) {
    return node.name;
  }
  return node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier
    ? node.property.name
    : undefined;
}

/** Whether `body` holds an `await` (or `for await`) of `loop`'s own function, not of a function nested in it. */
function awaitsInside(sourceCode: SourceCode, loop: TSESTree.Node, body: TSESTree.Node): boolean {
  return sourceCode.getTokens(body).some((token) => {
    if (token.value !== 'await') return false;
    let node = sourceCode.getNodeByRangeIndex(token.range[0]) as TSESTree.Node | null;
    while (node && node !== loop && !isFunction(node)) node = node.parent ?? null;
    return node === loop;
  });
}

/** Inside a loop of its function, or in a function that calls itself (`async function poll() { …; poll(); }`). */
function isRepeated(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
        return true;
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression: {
        const name = getFunctionName(current);
        return name !== undefined && callsName(sourceCode, current.body, name);
      }
      default:
        break;
    }
  }
  return false;
}

/**
 * A `setTimeout(…)`/`setImmediate(…)` whose callback names a function it sits in: `setTimeout(poll, ms)` in
 * `poll`, `setTimeout(() => this.tick(), ms)` in the method `tick`. A `sleep` helper's `setTimeout(resolve, ms)`
 * names none.
 */
function reschedulesItself(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const callback = node.type === AST_NODE_TYPES.CallExpression ? node.arguments[0] : undefined;
  if (!callback) {
    return false;
  }
  const names = new Set<string>();
  for (let current = node.parent; current; current = current.parent) {
    const name = isFunction(current) ? getFunctionName(current) : undefined;
    if (name !== undefined) names.add(name);
  }
  return sourceCode.getTokens(callback).some((token) => token.type === 'Identifier' && names.has(token.value));
}

/** `function poll`, `const poll = () => …`, `poll() { … }`, `poll = async () => …` (a class field). */
function getFunctionName(fn: TSESTree.Node): string | undefined {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) {
    return fn.id.name;
  }
  const parent = fn.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      return parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
    default:
      return undefined;
  }
}

/** Whether `body` calls `name` (`poll()`, `this.poll()`, `void poll()`). */
function callsName(sourceCode: SourceCode, body: TSESTree.Node, name: string): boolean {
  const tokens = sourceCode.getTokens(body);
  return tokens.some((token, index) => token.type === 'Identifier' && token.value === name && isPunctuator(tokens[index + 1], '('));
}

/**
 * `process.exit()` where a main ends: the program's last statement, a `.then`/`.catch`/`.finally` callback
 * (`main().then(() => process.exit(0))`), or a function named `main`, `run` or `cli`. Not in a listener
 * (`process.on('SIGTERM', …)`, `server.on('error', …)`: how a long-running process stops), nor an early exit of
 * a configuration check or a helper.
 */
function endsMain(node: TSESTree.Node): boolean {
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (!fn) {
    const statement = node.parent;
    return statement?.type === AST_NODE_TYPES.ExpressionStatement && statement.parent.type === AST_NODE_TYPES.Program
      ? statement.parent.body.at(-1) === statement
      : false;
  }
  const call = fn.parent;
  if (call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression) {
    return call.callee.property.type === AST_NODE_TYPES.Identifier && MAIN_CALLBACK.test(call.callee.property.name);
  }
  return MAIN_NAME.test(getFunctionName(fn) ?? '');
}

/** `if (import.meta.main)` (Bun, Deno): the entry-point test of an ES module script. */
function readsImportMetaMain(tokens: readonly Token[]): boolean {
  return tokens.some(
    (token, index) =>
      token.value === 'meta' &&
      tokens[index - 2]?.value === 'import' &&
      isPunctuator(tokens[index + 1], '.', '?.') &&
      tokens[index + 2]?.value === 'main',
  );
}

/** The `import(…)` expressions of the file, found from its `import` tokens. */
function findImportExpressions(sourceCode: SourceCode, tokens: readonly Token[]): TSESTree.ImportExpression[] {
  const found: TSESTree.ImportExpression[] = [];
  tokens.forEach((token, index) => {
    if (token.value !== 'import' || !isPunctuator(tokens[index + 1], '(')) return;
    const node = sourceCode.getNodeByRangeIndex(token.range[0]) as TSESTree.Node | null;
    if (node?.type === AST_NODE_TYPES.ImportExpression) found.push(node);
  });
  return found;
}

/**
 * `export const x`, `export function f`, `export default …`, `export { a }`, `export * from`, TS `export =`, and
 * `exports.handler = …` (`module.exports` is a tracked global).
 */
function hasExports(program: TSESTree.Program): boolean {
  return getTopLevelStatements(program).some((statement) => {
    switch (statement.type) {
      case AST_NODE_TYPES.ExpressionStatement:
        return isExportsWrite(statement.expression);
      case AST_NODE_TYPES.ExportNamedDeclaration:
        // `export {}` only makes a script a module; type exports carry no value.
        return (
          statement.exportKind !== 'type' &&
          (statement.specifiers.length > 0 || (statement.declaration !== null && !isTypeDeclaration(statement.declaration)))
        );
      case AST_NODE_TYPES.ExportDefaultDeclaration:
      case AST_NODE_TYPES.TSExportAssignment:
        return true;
      case AST_NODE_TYPES.ExportAllDeclaration:
        return statement.exportKind !== 'type';
      default:
        return false;
    }
  });
}

/** `exports.x = …`, `exports.x = exports.y = …`. */
function isExportsWrite(expression: TSESTree.Expression): boolean {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.left.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const { object } = expression.left;
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'exports';
}

function isTypeDeclaration(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSTypeAliasDeclaration ||
    node.type === AST_NODE_TYPES.TSInterfaceDeclaration ||
    node.type === AST_NODE_TYPES.TSDeclareFunction ||
    (node.type === AST_NODE_TYPES.VariableDeclaration && node.declare)
  );
}
