import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../../src/utils/create-rule.js';
import { getStaticString } from '../../src/utils/scope/static-keys.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

/** Reports, for every `probe(x)`, the string `getStaticString(x)` finds, or `unknown`. */
const probe = createRule<[], 'resolved'>({
  name: 'probe-static-keys',
  meta: {
    type: 'problem',
    docs: { description: 'Report static strings' },
    messages: { resolved: '{{ value }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const [argument] = node.arguments;
        const isProbe = node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe';
        if (!isProbe || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
        context.report({
          node: argument,
          messageId: 'resolved',
          data: { value: getStaticString(context.sourceCode, argument) ?? 'unknown' },
        });
      },
    };
  },
});

const resolvedTo = (value: string, line: number, column: number, endColumn: number) => ({
  messageId: 'resolved' as const,
  data: { value },
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run('getStaticString', probe, {
  valid: [],
  invalid: [
    {
      code: `
const KEY = 'AWS_SESSION_TOKEN';
probe(KEY);
probe(\`AWS_\${'REGION'}\`);
      `,
      errors: [resolvedTo('AWS_SESSION_TOKEN', 3, 7, 10), resolvedTo('AWS_REGION', 4, 7, 24)],
    },
    {
      // A member of a const object that the file writes through elsewhere: `getStaticValue` alone gives up.
      code: `
const NAMES = { token: 'AWS_SESSION_TOKEN' };
process.env[NAMES.token] = token;
probe(NAMES.token);
probe(NAMES['token']);
      `,
      errors: [resolvedTo('AWS_SESSION_TOKEN', 4, 7, 18), resolvedTo('AWS_SESSION_TOKEN', 5, 7, 21)],
    },
    {
      // A parameter, a missing member and a reassigned variable stay unknown.
      code: `
function f(name) { probe(name); }
const NAMES = { token: 'AWS_SESSION_TOKEN' };
probe(NAMES.secret);
let later = 'AWS_SESSION_TOKEN';
later = other;
probe(later);
      `,
      errors: [resolvedTo('unknown', 2, 26, 30), resolvedTo('unknown', 4, 7, 19), resolvedTo('unknown', 7, 7, 12)],
    },
  ],
});

tsRuleTester.run('getStaticString (TypeScript)', probe, {
  valid: [],
  invalid: [
    {
      code: `
const NAMES = { token: 'AWS_SESSION_TOKEN' } as const;
process.env[NAMES.token] = token;
probe(NAMES.token);
      `,
      errors: [resolvedTo('AWS_SESSION_TOKEN', 4, 7, 18)],
    },
  ],
});
