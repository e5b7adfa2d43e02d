import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../../src/utils/create-rule.js';
import { collectFlowPeers, getMembersRead } from '../../src/utils/scope/flows.js';
import { ruleTester } from '../rule-tester.js';

/**
 * Reports, for every `probe(x)`, the source text of the expressions `collectFlowPeers(x)` finds (the probe call's
 * own argument excluded), joined by ` | `, and the members read off `x` when it is a variable.
 */
const probe = createRule<[], 'peers'>({
  name: 'probe-flows',
  meta: {
    type: 'problem',
    docs: { description: 'Report value flows' },
    messages: { peers: '{{ peers }} / {{ members }}' },
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
        const peers = collectFlowPeers(sourceCode, argument).filter((peer) => peer !== argument);
        const members = argument.type === AST_NODE_TYPES.Identifier ? [...getMembersRead(sourceCode, argument)] : [];
        context.report({
          node: argument,
          messageId: 'peers',
          data: { peers: peers.map((peer) => sourceCode.getText(peer)).join(' | '), members: members.join(',') },
        });
      },
    };
  },
});

const reported = (peers: string, members: string, line: number, column: number, endColumn: number) => ({
  messageId: 'peers' as const,
  data: { peers, members },
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run('collectFlowPeers', probe, {
  valid: [],
  invalid: [
    {
      // A `Map`'s `get` holds what its `set` was given (the flow model follows the `get` to the stored value).
      code: `
const byRole = new Map();
byRole.set(arn, Credentials);
const hit = byRole.get(arn);
probe(hit);
      `,
      errors: [reported('Credentials', '', 5, 7, 10)],
    },
    {
      // Every write of a `let`, and the callers of the function that returns it.
      code: `
let current;
function vend() {
  current = JSON.parse(text);
  return current;
}
const c = vend();
c.AccessKeyId;
probe(current);
      `,
      errors: [reported('JSON.parse(text) | vend() | c', '', 9, 7, 14)],
    },
    {
      // A parameter holds what callers pass, also to `this.method(…)` and to a `this.#field` map.
      code: `
class Pool {
  #sessions = new Map();
  isValid(s) {
    return probe(s);
  }
  get(key) {
    const existing = this.#sessions.get(key);
    return this.isValid(existing);
  }
  put(key, value) {
    this.#sessions.set(key, value);
  }
}
      `,
      errors: [reported('existing | value', '', 5, 18, 19)],
    },
    {
      // A function's returns are one value: a cache hit and a fresh fetch.
      code: `
async function load() {
  const c = await readCache();
  if (c) return c;
  const { Credentials } = await sts.send(command);
  return Credentials;
}
const creds = await load();
creds.SessionToken;
probe(creds);
      `,
      // A destructured binding (`Credentials`) holds part of its initializer: the initializer is not a peer.
      errors: [
        reported('load() | c | readCache() | Credentials | await load() | await readCache()', 'SessionToken', 10, 7, 12),
      ],
    },
  ],
});
