/**
 * Which calls write to a log: `console.*`, the logging packages of npm (pino, winston, bunyan, log4js, consola,
 * npmlog, signale, loglevel, NestJS `Logger`, electron-log) in every import form, and logger-looking names
 * (`logger.info`, `this.log.warn`, `req.log.error`) whatever they hold.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getEndName, getPropertyName, skipTransparent } from '../ast/nodes.js';
import { getBindingSource } from '../scope/values.js';
import { CALL, CONSTRUCT, findModuleReferences, type TraceMap } from './module-references.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** What a catalog entry is: a call that returns a logger, or a call that writes a log line itself. */
type LoggerUse = 'factory' | 'output';
type LoggerTraceMap = TraceMap<LoggerUse>;
type LoggerTraceMapObject = LoggerTraceMap[string];

const CONSOLE_METHODS: ReadonlySet<string> = new Set([
  'debug',
  'dir',
  'error',
  'info',
  'log',
  'table',
  'trace',
  'warn',
]);

/** The output methods shared by pino, winston, bunyan, log4js, NestJS and most hand-made loggers. */
const LOGGER_METHODS: ReadonlySet<string> = new Set([
  'debug',
  'error',
  'fatal',
  'info',
  'log',
  'silly',
  'trace',
  'verbose',
  'warn',
]);

/** E.g. `log`, `logger`, `Logger` (NestJS), `auditLogger`, `AUDIT_LOGGER`. */
const LOGGER_NAME = /^(?:log|logger|[\w$]*Logger|[\w$]*_logger|[\w$]*LOGGER)$/;

/** Factories whose result is a logger whatever module they come from: `createLogger()`, `getLogger()`, `pino()`. */
const LOGGER_FACTORIES: ReadonlySet<string> = new Set(['createLogger', 'getLogger', 'pino']);

/** How many bindings and `.child()` calls one lookup may follow. */
const MAX_LOGGER_LOOKUP_STEPS = 8;

/**
 * Every logger this file knows is spelled with one of these: `console`, `consola`, a `LOGGER_NAME`, a
 * `LOGGER_FACTORIES` name, or a catalog module (`log4js`, `npmlog`, `loglevel` and `electron-log` contain `log`).
 */
const MAY_CALL_LOGGER = /[Cc]onsol|[Ll]og|LOG|pino|winston|signale/;

const FACTORY: LoggerTraceMapObject = { [CALL]: 'factory' };

function outputs(methods: readonly string[], extra: LoggerTraceMapObject = {}): LoggerTraceMapObject {
  const map: LoggerTraceMapObject = { ...extra };
  for (const method of methods) map[method] = { [CALL]: 'output' };
  return map;
}

const NPM_LEVELS = ['silly', 'verbose', 'info', 'http', 'warn', 'error', 'notice', 'timing', 'log'];
const CONSOLA = outputs([...LOGGER_METHODS, 'success', 'start', 'box', 'ready', 'fail'], {
  create: FACTORY,
  withTag: FACTORY,
});
const LOGLEVEL = outputs(['trace', 'debug', 'info', 'warn', 'error', 'log'], { getLogger: FACTORY });
const PINO: LoggerTraceMapObject = { [CALL]: 'factory' };
const SIGNALE_METHODS = [...LOGGER_METHODS, 'success', 'note', 'pending', 'complete', 'await', 'start', 'watch'];

/**
 * Module id → what it exports. The tracker runs in legacy mode, so `default` is the module for CommonJS packages.
 * Sources: the packages' READMEs (pino `pino()`, winston `createLogger` and its default logger, bunyan
 * `createLogger`, log4js `getLogger`, consola's default instance and `createConsola`, npmlog's levels, signale's
 * default instance and `new Signale()`, loglevel's default logger, NestJS `Logger`, electron-log's default logger).
 */
const LOGGER_MODULES: LoggerTraceMap = {
  bunyan: { createLogger: FACTORY },
  consola: { ...CONSOLA, consola: CONSOLA, createConsola: FACTORY },
  'electron-log': outputs(['error', 'warn', 'info', 'verbose', 'debug', 'silly', 'log'], { create: FACTORY }),
  'electron-log/main': outputs(['error', 'warn', 'info', 'verbose', 'debug', 'silly', 'log'], { create: FACTORY }),
  log4js: { getLogger: FACTORY },
  loglevel: LOGLEVEL,
  npmlog: outputs(NPM_LEVELS, { newGroup: FACTORY }),
  pino: { ...PINO, pino: PINO },
  signale: outputs(SIGNALE_METHODS, {
    Signale: { [CONSTRUCT]: 'factory' },
    scope: FACTORY,
  }),
  winston: outputs([...LOGGER_METHODS], { createLogger: FACTORY, loggers: { get: FACTORY, add: FACTORY } }),
  '@nestjs/common': { Logger: outputs([...LOGGER_METHODS], { [CONSTRUCT]: 'factory' }) },
};

/** The calls into the logger catalog the file makes, split by use; looked up on first use. */
type Loggers = () => LoggerReferences;

interface LoggerReferences {
  /** Calls and `new` expressions that return a logger: `pino()`, `winston.createLogger()`, `new Signale()`. */
  factories: ReadonlySet<TSESTree.Node>;
  /** Calls that write a log line themselves: `winston.info(x)`, `consola.warn(x)`, `Logger.log(x)` (NestJS). */
  outputs: ReadonlySet<TSESTree.Node>;
}

/** Every method name a logger or `console` writes with: a call with another name is never a log call. */
const OUTPUT_METHODS: ReadonlySet<string> = new Set([
  ...CONSOLE_METHODS,
  ...LOGGER_METHODS,
  ...NPM_LEVELS,
  ...SIGNALE_METHODS,
  'success',
  'start',
  'box',
  'ready',
  'fail',
]);

/** Whether the file's text can hold a logger call at all: the cheap gate before any listener. */
export function mayCallLogger(text: string): boolean {
  return MAY_CALL_LOGGER.test(text);
}

/**
 * Returns the listeners that collect the file's log calls and hands them to `handler` at `Program:exit`, after the
 * listeners that come before it in the rule. Candidates are filtered by their callee's shape as they are met; the
 * logger modules are looked up once, and only for a file with a candidate.
 */
export function onLogCalls(
  sourceCode: SourceCode,
  handler: (calls: readonly TSESTree.CallExpression[]) => void,
): TSESLint.RuleListener {
  const candidates: TSESTree.CallExpression[] = [];
  const dynamicImports: TSESTree.ImportExpression[] = [];
  return {
    ImportExpression(node) {
      dynamicImports.push(node);
    },
    CallExpression(node) {
      if (node.arguments.length > 0 && OUTPUT_METHODS.has(getEndName(node.callee) ?? '')) candidates.push(node);
    },
    'Program:exit'() {
      let found: LoggerReferences | undefined;
      const loggers = (): LoggerReferences => (found ??= findLoggerReferences(sourceCode, dynamicImports));
      const calls = candidates.filter((call) => isLogCall(sourceCode, loggers, call));
      if (calls.length > 0) handler(calls);
    },
  };
}

function findLoggerReferences(sourceCode: SourceCode, dynamicImports: TSESTree.ImportExpression[]): LoggerReferences {
  const factories = new Set<TSESTree.Node>();
  const outputCalls = new Set<TSESTree.Node>();
  const references = findModuleReferences(sourceCode, dynamicImports, {
    covers: (moduleId) => Object.hasOwn(LOGGER_MODULES, moduleId),
    createTraceMap: () => LOGGER_MODULES,
  });
  for (const { node, info } of references ?? []) {
    (info === 'factory' ? factories : outputCalls).add(node);
  }
  return { factories, outputs: outputCalls };
}

/**
 * `console.log(...)` and logger calls: `logger.info(...)`, `this.log.warn(...)`, `req.log.error(...)`, methods of a
 * logger the file creates (`const l = pino(); l.info(...)`), and the catalog's own output calls. The callee's
 * shape is checked first.
 */
function isLogCall(sourceCode: SourceCode, loggers: Loggers, call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
  if (method === undefined || callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const object = skipTransparent(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'console') {
    return CONSOLE_METHODS.has(method);
  }
  return (LOGGER_METHODS.has(method) && isLogger(sourceCode, loggers, object, 0)) || loggers().outputs.has(call);
}

/**
 * E.g. `logger`, `this.logger`, `req.log`, `const l = pino()`, `logger.child({ requestId })`,
 * `winston.createLogger()`, `new console.Console()`.
 */
function isLogger(sourceCode: SourceCode, loggers: Loggers, node: TSESTree.Node, depth: number): boolean {
  const object = skipTransparent(node);
  if (object.type === AST_NODE_TYPES.CallExpression || object.type === AST_NODE_TYPES.NewExpression) {
    return depth < MAX_LOGGER_LOOKUP_STEPS && isLoggerCreation(sourceCode, loggers, object, depth + 1);
  }
  if (object.type === AST_NODE_TYPES.MemberExpression) {
    return LOGGER_NAME.test(getPropertyName(object) ?? '');
  }
  if (object.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  if (LOGGER_NAME.test(object.name)) {
    return true;
  }
  const binding = depth < MAX_LOGGER_LOOKUP_STEPS ? getBindingSource(sourceCode, object) : undefined;
  return binding?.path.length === 0 && isLoggerCreation(sourceCode, loggers, binding.init, depth + 1);
}

/**
 * E.g. `pino()`, `require('pino')()`, `bunyan.createLogger()`, `logger.child({ requestId })`, `new Signale()`,
 * `new console.Console(stream)`, `new Console(stream)`, or `console` itself.
 */
function isLoggerCreation(
  sourceCode: SourceCode,
  loggers: Loggers,
  node: TSESTree.Node,
  depth: number,
): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    return value.name === 'console' || isLogger(sourceCode, loggers, value, depth);
  }
  if (value.type === AST_NODE_TYPES.NewExpression) {
    return getEndName(value.callee) === 'Console' || loggers().factories.has(value);
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = skipTransparent(value.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'child') {
    return (
      isLogger(sourceCode, loggers, callee.object, depth) ||
      isLoggerCreation(sourceCode, loggers, callee.object, depth + 1)
    );
  }
  return LOGGER_FACTORIES.has(getEndName(callee) ?? '') || loggers().factories.has(value);
}

