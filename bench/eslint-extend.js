// An experiment on ESLint, not something to ship: see bench/README.md, "What the floor costs".
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const ESLINT_LIB = path.join(path.dirname(require.resolve('eslint/package.json')), 'lib');

/**
 * ESLint 9 and 10 create each rule's context with `Object.create(fileContext)`, which makes the file context (and
 * through it the file's AST, tokens and scopes) survive young-generation collections. This replacement gives every
 * rule context the same properties without making the file context a prototype. It reaches an internal module by
 * its path, and fails loudly on an ESLint without it.
 */
export function copyFileContextInsteadOfExtending() {
  const { FileContext } = require(path.join(ESLINT_LIB, 'linter', 'file-context.js'));
  if (typeof FileContext?.prototype.extend !== 'function') throw new Error('this ESLint has no FileContext#extend');
  FileContext.prototype.extend = function extend(extension) {
    return Object.freeze(Object.assign(Object.create(FileContext.prototype), this, extension));
  };
}
