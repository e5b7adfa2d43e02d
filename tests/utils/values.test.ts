import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../../src/utils/create-rule.js';
import { resolveValue } from '../../src/utils/scope/values.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

/** Reports, for every `probe(x)`, the source text of what `resolveValue(x)` finds, or `unknown`. */
const probe = createRule<[], 'resolved'>({
  name: 'probe-values',
  meta: {
    type: 'problem',
    docs: { description: 'Report resolved values' },
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
        const value = resolveValue(context.sourceCode, argument);
        context.report({
          node: argument,
          messageId: 'resolved',
          data: { value: value ? context.sourceCode.getText(value) : 'unknown' },
        });
      },
    };
  },
});

/** The single report of a probe on the last line, whose argument starts at `column`. */
const resolvedTo = (value: string, line: number, column: number, endColumn: number) => ({
  messageId: 'resolved' as const,
  data: { value },
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run('resolveValue', probe, {
  valid: [],
  invalid: [
    {
      code: `
const region = 'eu-west-1';
probe(region);
      `,
      errors: [resolvedTo("'eu-west-1'", 3, 7, 13)],
    },
    {
      // Destructuring with a rename, a nested pattern and a default that is not used.
      code: `
const config = { aws: { keys: { id: 'K' } } };
const { aws: { keys: renamed = { id: 'D' } } } = config;
probe(renamed);
      `,
      errors: [resolvedTo("{ id: 'K' }", 4, 7, 14)],
    },
    {
      // The default applies when the object literal lacks the key.
      code: `
const { missing = 'fallback' } = { present: 1 };
probe(missing);
      `,
      errors: [resolvedTo("'fallback'", 3, 7, 14)],
    },
    {
      // Member access into object literals, through a spread; the last property wins.
      code: `
const base = { credentials: { accessKeyId: 'old' } };
const config = { region: 'x', ...base };
const later = { ...config, credentials: { accessKeyId: 'new' } };
probe(config.credentials);
probe(later.credentials);
      `,
      errors: [resolvedTo("{ accessKeyId: 'old' }", 5, 7, 25), resolvedTo("{ accessKeyId: 'new' }", 6, 7, 24)],
    },
    {
      // A local function with one returned expression, called plainly and awaited when async.
      code: `
function makeCredentials() { return { accessKeyId: 'a' }; }
async function load() { return { accessKeyId: 'b' }; }
probe(makeCredentials());
probe(await load());
probe(load());
      `,
      errors: [
        resolvedTo("{ accessKeyId: 'a' }", 4, 7, 24),
        resolvedTo("{ accessKeyId: 'b' }", 5, 7, 19),
        // Not awaited: a Promise, so the trail ends at the call.
        resolvedTo('load()', 6, 7, 13),
      ],
    },
    {
      // A variable declared without a value and assigned once, as module-level caches are.
      code: `
let cached;
function refresh() { cached = { accessKeyId: 'c' }; }
probe(cached);
      `,
      errors: [resolvedTo("{ accessKeyId: 'c' }", 4, 7, 13)],
    },
    {
      // Optional chaining keeps the member access.
      code: `
const response = { Credentials: { AccessKeyId: 'd' } };
probe(response?.Credentials);
      `,
      errors: [resolvedTo("{ AccessKeyId: 'd' }", 3, 7, 28)],
    },
    {
      // Unknown stays unknown: parameters, imports, variables written twice.
      code: `
import imported from './config.js';
let twice = { a: 1 };
twice = { a: 2 };
function f(parameter) { probe(parameter); }
probe(imported);
probe(twice);
      `,
      errors: [resolvedTo('unknown', 5, 31, 40), resolvedTo('unknown', 6, 7, 15), resolvedTo('unknown', 7, 7, 12)],
    },
    {
      // Where the file stops knowing, the trail ends at the expression itself.
      code: `
probe(process.env.AWS_REGION);
probe(fetchConfig());
      `,
      errors: [resolvedTo('process.env.AWS_REGION', 2, 7, 29), resolvedTo('fetchConfig()', 3, 7, 20)],
    },
    {
      // Cycles end instead of looping.
      code: `
const a = b;
const b = a;
probe(a);
      `,
      errors: [resolvedTo('unknown', 4, 7, 8)],
    },
  ],
});

tsRuleTester.run('resolveValue (TypeScript)', probe, {
  valid: [],
  invalid: [
    {
      // `as`, `satisfies` and `!` do not change the value.
      code: `
const keys = { accessKeyId: 'e' } as const satisfies object;
const holder = { keys: keys! };
probe((holder as { keys: object }).keys);
      `,
      errors: [resolvedTo("{ accessKeyId: 'e' }", 4, 7, 40)],
    },
  ],
});
