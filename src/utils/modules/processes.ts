/**
 * The process's environment and the functions that start child processes with one: `process.env` in its import
 * forms, and the `child_process` functions that take an `options.env`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, skipTransparent } from '../ast/nodes.js';
import { getBindingSource } from '../scope/values.js';
import { resolveBuiltinModulePath } from './node-modules.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The `child_process` functions that take an `options.env` (https://nodejs.org/api/child_process.html). */
const CHILD_PROCESS_FUNCTIONS: ReadonlySet<string> = new Set([
  'exec',
  'execFile',
  'execFileSync',
  'execSync',
  'fork',
  'spawn',
  'spawnSync',
]);

/** The `child_process` functions `util.promisify` supports (they define `util.promisify.custom`). */
const PROMISIFIED_FUNCTIONS: ReadonlySet<string> = new Set(['exec', 'execFile']);

/** `process.env`, `env` imported from `node:process`, `const env = process.env`, `const { env } = process`. */
export function refersToProcessEnv(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const path = resolveBuiltinModulePath(sourceCode, node, 'process');
  return path?.length === 1 && path[0] === 'env';
}

/**
 * The name of the `child_process` function `callee` calls (`spawn`, `cp.execSync`, `promisify(exec)`, ...), in
 * every import form; `undefined` when it does not come from `child_process` as far as the file shows.
 */
export function getChildProcessFunction(sourceCode: SourceCode, callee: TSESTree.Node): string | undefined {
  const path = resolveBuiltinModulePath(sourceCode, callee, 'child_process');
  if (path?.length === 1 && CHILD_PROCESS_FUNCTIONS.has(path[0] as string)) {
    return path[0];
  }
  // E.g. `const run = promisify(exec)`, `util.promisify(cp.execFile)`.
  const inner = skipTransparent(callee);
  const wrapper =
    inner.type === AST_NODE_TYPES.Identifier ? getBindingSource(sourceCode, inner) : { init: inner, path: [] };
  const promisify = wrapper?.path.length === 0 ? skipTransparent(wrapper.init) : undefined;
  if (promisify?.type !== AST_NODE_TYPES.CallExpression || !isPromisify(promisify.callee) || !promisify.arguments[0]) {
    return undefined;
  }
  const wrapped = resolveBuiltinModulePath(sourceCode, promisify.arguments[0], 'child_process');
  return wrapped?.length === 1 && PROMISIFIED_FUNCTIONS.has(wrapped[0] as string) ? wrapped[0] : undefined;
}

function isPromisify(callee: TSESTree.Node): boolean {
  return (
    (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'promisify') ||
    (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'promisify')
  );
}
