import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../../src/utils/create-rule.js';
import { getFlow } from '../../src/utils/scope/flow.js';
import { ruleTester } from '../rule-tester.js';

/** Reports, for every `probe(x)`, the line and source text of every read `readsOf(x)` finds, joined by ` | `. */
const probe = createRule<[], 'reads'>({
  name: 'probe-flow-reads',
  meta: {
    type: 'problem',
    docs: { description: 'Report the reads of a binding or field' },
    messages: { reads: '{{ reads }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const [argument] = node.arguments;
        const isProbe = node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe';
        if (!isProbe || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
        const reads = getFlow(context.sourceCode)
          .readsOf(argument)
          .map((read) => `${read.loc.start.line}:${context.sourceCode.getText(read)}`);
        context.report({ node: argument, messageId: 'reads', data: { reads: reads.join(' | ') || 'none' } });
      },
    };
  },
});

const reported = (reads: string, line: number, column: number, endColumn: number) => ({
  messageId: 'reads' as const,
  data: { reads },
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run('flow.readsOf', probe, {
  valid: [],
  invalid: [
    {
      // A binding: every read (the probe's own argument included), not its writes; a global has none.
      code: `
let creds = load();
creds = reload();
use(creds.AccessKeyId);
probe(creds);
probe(undeclared);
      `,
      errors: [reported('4:creds | 5:creds', 5, 7, 12), reported('none', 6, 7, 17)],
    },
    {
      // A field: every `this.k` of the class, the private `this.#k` apart from `this.k`.
      code: `
class Cache {
  #entry = null;
  entry = null;
  get() {
    return this.#entry ?? this.entry;
  }
  peek() {
    probe(this.#entry);
  }
}
      `,
      errors: [reported('6:this.#entry | 9:this.#entry', 9, 11, 22)],
    },
  ],
});
