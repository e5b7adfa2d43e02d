import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../../src/utils/create-rule.js';
import { getFlow } from '../../src/utils/scope/flow.js';
import { ruleTester } from '../rule-tester.js';

/**
 * Reports, for every `probe(x)`, the source text of every value `valuesOf(x)` finds, and for every `probeReads(x)`,
 * the line and source text of every read `readsOf(x)` finds, joined by ` | `.
 */
const probe = createRule<[], 'values' | 'reads'>({
  name: 'probe-flow',
  meta: {
    type: 'problem',
    docs: { description: 'Report flow values and reads' },
    messages: { values: '{{ values }}', reads: '{{ reads }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const { sourceCode } = context;
    return {
      CallExpression(node) {
        const [argument] = node.arguments;
        const name = node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : undefined;
        if ((name !== 'probe' && name !== 'probeReads') || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
        const flow = getFlow(sourceCode);
        if (name === 'probeReads') {
          const reads = flow.readsOf(argument).map((read) => `${read.loc.start.line}:${sourceCode.getText(read)}`);
          context.report({ node: argument, messageId: 'reads', data: { reads: reads.join(' | ') || 'none' } });
          return;
        }
        const values = flow.valuesOf(argument).map((value) => [sourceCode.getText(value.node), ...value.path].join('.'));
        context.report({ node: argument, messageId: 'values', data: { values: values.join(' | ') } });
      },
    };
  },
});

ruleTester.run('flow.valuesOf', probe, {
  valid: [],
  invalid: [
    {
      // `this.m()` and `instance.m()` find the class's method by its key, next to a constructor and a field.
      code: `
class Broker {
  static create() {}
  label = 'broker';
  constructor(url) {
    this.url = url;
  }
  async resolve() {
    return { accessKeyId: 'id' };
  }
  refresh() {
    return probe(this.resolve());
  }
}
probe(new Broker('u').resolve());
      `,
      errors: [
        { messageId: 'values', data: { values: "{ accessKeyId: 'id' }" }, line: 12, column: 18, endLine: 12, endColumn: 32 },
        { messageId: 'values', data: { values: "{ accessKeyId: 'id' }" }, line: 15, column: 7, endLine: 15, endColumn: 32 },
      ],
    },
    {
      // Private names: a `#k` field and its writes, a `#m()` method, a `Map` in a `#k` field; `#k` and `k` are apart.
      code: `
class Vault {
  #token = 'field';
  token = 'public';
  #cache = new Map();
  rotate() {
    this.#token = 'rotated';
    this.#cache.set('k', { accessKeyId: 'cached' });
  }
  #load() {
    return { accessKeyId: 'loaded' };
  }
  read() {
    probe(this.#token);
    probe(this.#load());
    probe(this.#cache.get('k'));
  }
}
      `,
      errors: [
        { messageId: 'values', data: { values: "'field' | 'rotated'" }, line: 14, column: 11, endLine: 14, endColumn: 22 },
        { messageId: 'values', data: { values: "{ accessKeyId: 'loaded' }" }, line: 15, column: 11, endLine: 15, endColumn: 23 },
        { messageId: 'values', data: { values: "{ accessKeyId: 'cached' }" }, line: 16, column: 11, endLine: 16, endColumn: 31 },
      ],
    },
  ],
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
probeReads(creds);
probeReads(undeclared);
      `,
      errors: [reported('4:creds | 5:creds', 5, 12, 17), reported('none', 6, 12, 22)],
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
    probeReads(this.#entry);
  }
}
      `,
      errors: [reported('6:this.#entry | 9:this.#entry', 9, 16, 27)],
    },
  ],
});
