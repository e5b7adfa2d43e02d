import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../../src/utils/create-rule.js';
import { getConstantValue } from '../../src/utils/scope/constants.js';
import { isChangedLater } from '../../src/utils/scope/mutations.js';
import { getHoldingExpressions } from '../../src/utils/scope/reads.js';
import { ruleTester } from '../rule-tester.js';

/**
 * For every `probe(x)`: the constant `x` folds to, whether the object it names is changed later (with `update` as
 * a mutator), and how many expressions hold what it names.
 */
const probe = createRule<[], 'probed'>({
  name: 'probe-scope-helpers',
  meta: {
    type: 'problem',
    docs: { description: 'Report scope helper answers' },
    messages: { probed: '{{ value }} {{ changed }} {{ holders }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const { sourceCode } = context;
    return {
      CallExpression(node) {
        const [argument] = node.arguments;
        const isProbe = node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe';
        if (!isProbe || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
        const changed = isChangedLater(sourceCode, argument, new Set(['update']));
        const init = argument.type === AST_NODE_TYPES.Identifier ? getInit(argument.name) : undefined;
        context.report({
          node: argument,
          messageId: 'probed',
          data: {
            value: describe(getConstantValue(sourceCode, argument)),
            changed: changed ? 'changed' : 'unchanged',
            holders: String(init ? getHoldingExpressions(sourceCode, init).length : 0),
          },
        });

        function getInit(name: string) {
          for (const statement of sourceCode.ast.body) {
            if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
            const [declarator] = statement.declarations;
            if (declarator?.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name) {
              return declarator.init ?? undefined;
            }
          }
          return undefined;
        }
      },
    };
  },
});

/** A folded primitive as `String` writes it; an object (what a literal `{}` folds to) as `object`. */
function describe(value: unknown): string {
  return typeof value === 'object' && value !== null ? 'object' : String(value);
}

/** The single report of a probe whose argument spans `column` to `endColumn` of `line`. */
const probed = (data: { value: string; changed: string; holders: string }, line: number, column: number, endColumn: number) => ({
  messageId: 'probed' as const,
  data,
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run('scope helpers', probe, {
  valid: [],
  invalid: [
    {
      // A destructured constant folds (ESLint's own folding does not follow the pattern).
      code: `
const { minutes } = { minutes: 5 * 60_000 };
probe(minutes);
      `,
      errors: [probed({ value: '300000', changed: 'unchanged', holders: '0' }, 3, 7, 14)],
    },
    {
      // `false` folds too (not only strings and numbers); `config.update(...)` changes the object.
      code: `
const config = { correctClockSkew: false };
config.update({});
probe(config.correctClockSkew);
probe(config);
      `,
      errors: [
        probed({ value: 'false', changed: 'unchanged', holders: '0' }, 4, 7, 30),
        probed({ value: 'object', changed: 'changed', holders: '4' }, 5, 7, 13),
      ],
    },
    {
      // An assignment to a member and `Object.assign` change the object as well.
      code: `
const a = {};
a.key = 1;
const b = {};
Object.assign(b, {});
probe(a);
probe(b);
      `,
      errors: [
        probed({ value: 'object', changed: 'changed', holders: '3' }, 6, 7, 8),
        probed({ value: 'object', changed: 'changed', holders: '3' }, 7, 7, 8),
      ],
    },
  ],
});
