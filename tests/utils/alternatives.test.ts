import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../../src/utils/create-rule.js';
import { findOptionValues } from '../../src/utils/scope/alternatives.js';
import { ruleTester } from '../rule-tester.js';

/** Reports, for every `probe(options)`, the text of each value `options.credentials` may hold, or `none`. */
const probe = createRule<[], 'values'>({
  name: 'probe-alternatives',
  meta: {
    type: 'problem',
    docs: { description: 'Report the values a member may hold' },
    messages: { values: '{{ values }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const [argument] = node.arguments;
        if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe' || !argument) return;
        const values = findOptionValues(context.sourceCode, argument, 'credentials');
        const texts = values.map((value) => context.sourceCode.getText(value));
        context.report({ node, messageId: 'values', data: { values: texts.join(' | ') || 'none' } });
      },
    };
  },
});

/** The report of the probe call on `line`, from column 1 to `endColumn`. */
const found = (values: string, line: number, endColumn: number) => [
  { messageId: 'values' as const, data: { values }, line, column: 1, endLine: line, endColumn },
];

ruleTester.run('findOptionValues', probe, {
  valid: [],
  invalid: [
    {
      code: `
probe({ credentials: a ? b() : c() });
      `,
      errors: found('b() | c()', 2, 38),
    },
    {
      // A conditional spread adds its branch; the earlier own member still counts, as the branch may not apply.
      code: `
probe({ credentials: base(), ...(useProfile ? { credentials: fromIni() } : {}) });
      `,
      errors: found('fromIni() | base()', 2, 82),
    },
    {
      // `&&` spreads, through a const.
      code: `
const extra = profile && { credentials: fromIni({ profile }) };
probe({ region, ...extra });
      `,
      errors: found('fromIni({ profile })', 3, 28),
    },
    {
      // A spread that sets the member in every branch hides what comes before it.
      code: `
probe({ credentials: base(), ...(p ? { credentials: x() } : { credentials: y() }) });
      `,
      errors: found('x() | y()', 2, 85),
    },
    {
      // A later own member wins over a conditional spread.
      code: `
probe({ ...(p ? { credentials: x() } : {}), credentials: z() });
      `,
      errors: found('z()', 2, 64),
    },
    {
      // The whole options chosen by a conditional; a spread the file does not define brings nothing known.
      code: `
import { shared } from './shared.js';
const options = p ? { credentials: x() } : { ...shared };
probe(options);
      `,
      errors: found('x()', 4, 15),
    },
    {
      code: `
probe({ region: 'eu-west-1' });
      `,
      errors: found('none', 2, 31),
    },
  ],
});
