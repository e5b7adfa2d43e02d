/** Pure questions about test code: code inside a test-framework call (test files by path: `modules/files.ts`). */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { skipTransparent } from './nodes.js';

/** Test-framework calls (Jest, Vitest, Mocha, node:test) whose arguments are test code. */
const TEST_FUNCTIONS: ReadonlySet<string> = new Set([
  'afterAll',
  'afterEach',
  'beforeAll',
  'beforeEach',
  'describe',
  'expect',
  'it',
  'suite',
  'test',
]);

/** `node` sits in a test or an assertion: E.g. `it('blocks IMDS', () => …)`, `expect(isAllowed('http://…'))`. */
export function isInTestBlock(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CallExpression && isTestFunction(current.callee)) {
      return true;
    }
  }
  return false;
}

/** `it`, `test.each([...])`, `describe.skip`, `expect(x).not`: the identifier at the root of the callee. */
function isTestFunction(callee: TSESTree.Node): boolean {
  let current = skipTransparent(callee);
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    current = skipTransparent(current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee);
  }
  return current.type === AST_NODE_TYPES.Identifier && TEST_FUNCTIONS.has(current.name);
}
