import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isFunction, skipTransparent } from '../../src/utils/ast/nodes.js';
import { createRule } from '../../src/utils/create-rule.js';
import { getFlow, type FlowValue } from '../../src/utils/scope/flow.js';
import { ruleTester } from '../rule-tester.js';

/**
 * Reports, for every `probe(fn)`, what `returnsOf` gives for each function `fn` may hold: the source text of each
 * returned value (`unknown: <text>` when the trail ends at a node the file cannot follow, `.a.b` for a path left
 * to read, `await` when it is what the node resolves to), joined by ` | `.
 */
const probe = createRule<[], 'returns'>({
  name: 'probe-flow-returns',
  meta: {
    type: 'problem',
    docs: { description: 'Report what functions return' },
    messages: { returns: '{{ returns }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const { sourceCode } = context;
    const describe = (value: FlowValue): string => {
      const node = skipTransparent(value.node);
      const text = sourceCode.getText(node).replace(/\s+/g, ' ');
      const known = node.type === AST_NODE_TYPES.ObjectExpression || node.type === AST_NODE_TYPES.Literal;
      const path = value.path.map((key) => `.${key}`).join('');
      return `${value.awaited ? 'await ' : ''}${known ? '' : 'unknown: '}${text}${path}`;
    };
    return {
      CallExpression(node) {
        const [argument] = node.arguments;
        const isProbe = node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe';
        if (!isProbe || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
        const flow = getFlow(sourceCode);
        const functions = flow.valuesOf(argument).map((value) => skipTransparent(value.node)).filter(isFunction);
        const returns = functions.flatMap((fn) => flow.returnsOf(fn)).map(describe);
        context.report({ node: argument, messageId: 'returns', data: { returns: returns.join(' | ') || 'none' } });
      },
    };
  },
});

const returned = (returns: string, line: number, column: number, endColumn: number) => ({
  messageId: 'returns' as const,
  data: { returns },
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run('flow.returnsOf', probe, {
  valid: [],
  invalid: [
    {
      // Every return, in any branch; an arrow's expression body.
      code: `
function pick(flag) {
  if (flag) {
    return { a: 1 };
  }
  return { b: 2 };
}
const arrow = () => ({ c: 3 });
probe(pick);
probe(arrow);
      `,
      errors: [returned('{ a: 1 } | { b: 2 }', 9, 7, 11), returned('{ c: 3 }', 10, 7, 12)],
    },
    {
      // `obj.m()` of a local instance, and `this.m()` inside the class.
      code: `
class Broker {
  async resolve() {
    return this.build();
  }
  build() {
    return { accessKeyId: 'k' };
  }
}
const broker = new Broker();
probe(() => broker.resolve());
      `,
      errors: [returned("{ accessKeyId: 'k' }", 11, 7, 29)],
    },
    {
      // `.then(cb)` holds what the callback returns; `await` of a local helper; an unknown call stays unknown.
      code: `
const toIdentity = (data) => ({ accessKeyId: data.key });
probe(async () => getSession().then((session) => ({ token: session.token })));
probe(async () => toIdentity(await vault.read()));
probe(async () => vault.read());
      `,
      errors: [
        returned('{ token: session.token }', 3, 7, 77),
        returned('{ accessKeyId: data.key }', 4, 7, 49),
        returned('await unknown: vault.read()', 5, 7, 31),
      ],
    },
    {
      // No `return`: unknown, never empty.
      code: `
function log(message) {
  console.log(message);
}
probe(log);
      `,
      errors: [returned('unknown: function log(message) { console.log(message); }', 5, 7, 10)],
    },
  ],
});
