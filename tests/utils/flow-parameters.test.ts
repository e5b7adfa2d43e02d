// A parameter of a function the file only calls by name holds what every call passes (issue: "Parameters").
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../../src/utils/create-rule.js';
import { getFlow, type FlowValue } from '../../src/utils/scope/flow.js';
import { ruleTester } from '../rule-tester.js';

/** `probe(x)` reports `valuesOf(x)`, each value as its node's text (` [a.b]` for a path still to read), joined by ` | `. */
const probe = createRule<[], 'flow'>({
  name: 'probe-parameters',
  meta: {
    type: 'problem',
    docs: { description: 'Report what the flow model answers for a parameter' },
    messages: { flow: '{{ answer }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const { sourceCode } = context;
    const flow = getFlow(sourceCode);
    const describe = (value: FlowValue): string => `${sourceCode.getText(value.node)}${value.path.length > 0 ? ` [${value.path.join('.')}]` : ''}`;
    return {
      CallExpression(node) {
        const [argument] = node.arguments;
        if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe' || !argument) return;
        context.report({ node: argument, messageId: 'flow', data: { answer: flow.valuesOf(argument).map(describe).join(' | ') } });
      },
    };
  },
});

const answer = (value: string, line: number, column: number, endColumn: number) => ({
  messageId: 'flow' as const,
  data: { answer: value },
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run('flow: parameters from every call site', probe, {
  valid: [],
  invalid: [
    {
      // Every call of a local function declaration: both arguments, one the file defines, one it does not.
      code: `const keys = { accessKeyId: 'a' };
function make(creds) { probe(creds); }
make(keys);
make(other);`,
      errors: [answer("{ accessKeyId: 'a' } | other", 2, 30, 35)],
    },
    {
      // A \`const\` arrow, a destructured parameter, and a member read of it.
      code: `const build = ({ credentials }) => probe(credentials.accessKeyId);
build({ credentials: { accessKeyId: process.env.ID } });`,
      errors: [answer('process [env.ID]', 1, 42, 65)],
    },
    {
      // Exported: a caller in another module may pass anything.
      code: `export function make(creds) { probe(creds); }
make({ accessKeyId: 'a' });`,
      errors: [answer('creds', 1, 37, 42)],
    },
    {
      code: `const make = (creds) => probe(creds);
export { make };
make({ accessKeyId: 'a' });`,
      errors: [answer('creds', 1, 31, 36)],
    },
    {
      // Handed out as a callback: its caller is not in the file.
      code: `function make(creds) { probe(creds); }
list.forEach(make);
make({ accessKeyId: 'a' });`,
      errors: [answer('creds', 1, 30, 35)],
    },
    {
      // A call that passes no argument at that index, or spreads them.
      code: `function make(creds) { probe(creds); }
make();`,
      errors: [answer('creds', 1, 30, 35)],
    },
    {
      code: `function make(creds) { probe(creds); }
make(...args);`,
      errors: [answer('creds', 1, 30, 35)],
    },
    {
      // Never called: nothing to say.
      code: `function make(creds) { probe(creds); }`,
      errors: [answer('creds', 1, 30, 35)],
    },
  ],
});
