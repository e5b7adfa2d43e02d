import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../../src/utils/create-rule.js';
import { getFlow } from '../../src/utils/scope/flow.js';
import { ruleTester } from '../rule-tester.js';

/** Reports, for every `probe(x)`, the source text of every value `valuesOf(x)` finds, joined by ` | `. */
const probe = createRule<[], 'values'>({
  name: 'probe-flow',
  meta: {
    type: 'problem',
    docs: { description: 'Report flow values' },
    messages: { values: '{{ values }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const [argument] = node.arguments;
        const isProbe = node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe';
        if (!isProbe || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
        const values = getFlow(context.sourceCode)
          .valuesOf(argument)
          .map((value) => [context.sourceCode.getText(value.node), ...value.path].join('.'));
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
