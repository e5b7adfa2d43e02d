/**
 * Reads of a whole file through Node's `fs`: `readFileSync(path)`, `fs.promises.readFile(path)`, `readFile(path)` of
 * `fs/promises` (also `node:`-prefixed, imported, required, or through a namespace), with the string methods people
 * call on the result (`.toString()`, `.trim()`). Not the callback form `fs.readFile(path, cb)`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, skipTransparent } from '../ast/nodes.js';
import { resolveBuiltinModulePath } from './node-modules.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The string methods that keep a file's content (`readFileSync(p).toString().trim()`). */
const CONTENT_METHODS: ReadonlySet<string> = new Set(['toString', 'trim', 'trimEnd', 'trimStart']);

/** The `fs` call that reads a file's content into `node` (the read itself, under `await` and string methods). */
export function getFileRead(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  let current = skipTransparent(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) {
      current = skipTransparent(current.argument);
      continue;
    }
    const callee = current.type === AST_NODE_TYPES.CallExpression ? skipTransparent(current.callee) : undefined;
    const method = callee?.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || method === undefined || !CONTENT_METHODS.has(method)) break;
    current = skipTransparent(callee.object);
  }
  return current.type === AST_NODE_TYPES.CallExpression && current.arguments.length > 0 && isReadFile(sourceCode, current.callee)
    ? current
    : undefined;
}

/** `readFileSync` of `fs`, `promises.readFile` of `fs`, `readFile` of `fs/promises`. */
function isReadFile(sourceCode: SourceCode, callee: TSESTree.Node): boolean {
  const fs = resolveBuiltinModulePath(sourceCode, callee, 'fs')?.join('.');
  if (fs === 'readFileSync' || fs === 'promises.readFile') return true;
  return resolveBuiltinModulePath(sourceCode, callee, 'fs/promises')?.join('.') === 'readFile';
}
