import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isFunction } from '../../src/utils/ast/nodes.js';
import { createRule } from '../../src/utils/create-rule.js';
import { getFlow, type FlowValue } from '../../src/utils/scope/flow.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

/**
 * Reports, for every probe call, what the flow model answers about its first argument, as text:
 * - `probe(x)`: `valuesOf(x)`, each value as its node's text, ` [a.b]` for the path still to read and ` (awaited)`;
 * - `probeLookup(x, 'k')`: `lookup(value, 'k')` for each value of `x`: `found: <values>`, `absent` or `unknown`;
 * - `probeUses(x)`: the text and line of each `usesOf(init)`, where `init` is the initializer `x` is declared with;
 * - `probeCalls(f)`: the text and line of each `callsOf(fn)` for the functions `f` holds.
 * Values and answers are joined by ` | `.
 */
const probe = createRule<[], 'flow'>({
  name: 'probe-flow',
  meta: {
    type: 'problem',
    docs: { description: 'Report what the flow model answers' },
    messages: { flow: '{{ answer }}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const { sourceCode } = context;
    const flow = getFlow(sourceCode);
    const describe = (value: FlowValue): string =>
      `${sourceCode.getText(value.node)}${value.path.length > 0 ? ` [${value.path.join('.')}]` : ''}${value.awaited ? ' (awaited)' : ''}`;
    const at = (node: TSESTree.Node): string => `${sourceCode.getText(node)}@${node.loc.start.line}`;
    const answer = (name: string, argument: TSESTree.Node, key: TSESTree.Node | undefined): string => {
      switch (name) {
        case 'probe':
          return flow.valuesOf(argument).map(describe).join(' | ');
        case 'probeLookup': {
          const keyName = key?.type === AST_NODE_TYPES.Literal ? String(key.value) : '';
          return flow
            .valuesOf(argument)
            .map((value) => {
              const found = flow.lookup(value, keyName);
              return found.kind === 'found' ? `found: ${found.values.map(describe).join(', ')}` : found.kind;
            })
            .join(' | ');
        }
        case 'probeUses': {
          const def = argument.type === AST_NODE_TYPES.Identifier ? flow.variableOf(argument)?.defs[0] : undefined;
          const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : null;
          return init ? flow.usesOf(init).map((use) => at(use.node)).join(' | ') : 'no initializer';
        }
        default:
          return flow
            .valuesOf(argument)
            .flatMap((value) => (isFunction(value.node) ? flow.callsOf(value.node).map(at) : []))
            .join(' | ');
      }
    };
    return {
      CallExpression(node) {
        const [argument, key] = node.arguments;
        const name = node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : '';
        if (!['probe', 'probeLookup', 'probeUses', 'probeCalls'].includes(name) || !argument) return;
        context.report({ node: argument, messageId: 'flow', data: { answer: answer(name, argument, key) } });
      },
    };
  },
});

/** The single report of a probe whose first argument spans `column`..`endColumn` on `line`. */
const answer = (value: string, line: number, column: number, endColumn: number) => ({
  messageId: 'flow' as const,
  data: { answer: value },
  line,
  column,
  endLine: line,
  endColumn,
});

ruleTester.run('getFlow', probe, {
  valid: [
    // Only probe calls report.
    `
const keys = { accessKeyId: 'k' };
use(keys);
    `,
  ],
  invalid: [
    // Every write to a binding: both branches of `if`, `try` and `catch`, loop bodies.
    {
      code: `
let v;
if (cond) { v = 'a'; } else { v = 'b'; }
try { v = 'c'; } catch { v = 'd'; }
for (const item of list) { v = 'e'; }
while (more) v = 'f';
probe(v);
      `,
      errors: [answer("'a' | 'b' | 'c' | 'd' | 'e' | 'f'", 7, 7, 8)],
    },
    // An object that spreads its own binding (`o = { ...o, k }`) is looked into once; its earlier keys come from the
    // other writes, and the lookup ends.
    {
      code: `
let options = { region: 'r' };
if (fast) options = { ...options, endpoint: 'e' };
probeLookup(options, 'region');
      `,
      errors: [answer("found: 'r' | found: 'r'", 4, 13, 20)],
    },
    // A module-level `let` written in a function: its initializer and the write.
    {
      code: `
let cached = null;
function refresh() { cached = { accessKeyId: 'c' }; }
probe(cached);
      `,
      errors: [answer("null | { accessKeyId: 'c' }", 4, 7, 13)],
    },
    // A straight-line overwrite: the read only sees the later write.
    {
      code: `
let r = a;
r = b;
probe(r);
      `,
      errors: [answer('b', 4, 7, 8)],
    },
    // `?:` and `||`/`??` may be either side; `a && b` is `b`.
    {
      code: `
probe(cond ? 'x' : 'y');
probe(left || 'fallback');
probe(maybe ?? 'default');
probe(guard && 'value');
      `,
      errors: [
        answer("'x' | 'y'", 2, 7, 23),
        answer("left | 'fallback'", 3, 7, 25),
        answer("maybe | 'default'", 4, 7, 25),
        answer("'value'", 5, 7, 23),
      ],
    },
    // Destructuring with renames and defaults: a default adds a value, unless nothing else is known for the key.
    {
      code: `
const config = { aws: { keys: { id: 'K' } }, region: 'r' };
const { aws: { keys: renamed }, missing = 'D', region: where = 'R' } = config;
probe(renamed);
probe(missing);
probe(where);
      `,
      errors: [
        answer("{ id: 'K' }", 4, 7, 14),
        answer("'D'", 5, 7, 14),
        answer("'r' | 'R'", 6, 7, 12),
      ],
    },
    // Object members, and a later `obj.k = v` write to the binding.
    {
      code: `
const options = { region: 'eu-west-1' };
options.credentials = { accessKeyId: 'w' };
probe(options.region);
probe(options.credentials);
      `,
      errors: [
        answer("'eu-west-1'", 4, 7, 21),
        answer("{ accessKeyId: 'w' }", 5, 7, 26),
      ],
    },
    // `this.k` written in the constructor and in a method, read in another method.
    {
      code: `
class Store {
  constructor() { this.keys = { accessKeyId: 'ctor' }; }
  refresh() { this.keys = { accessKeyId: 'method' }; }
  use() { probe(this.keys); }
}
      `,
      errors: [answer("{ accessKeyId: 'ctor' } | { accessKeyId: 'method' }", 5, 17, 26)],
    },
    // A class field; a static field is not on the instance.
    {
      code: `
class Store {
  keys = { accessKeyId: 'field' };
  static shared = { accessKeyId: 'static' };
  use() { probe(this.keys); probe(this.shared); }
}
      `,
      errors: [
        answer("{ accessKeyId: 'field' }", 5, 17, 26),
        answer('this.shared', 5, 35, 46),
      ],
    },
    // `Map`/`WeakMap` set then get, on a binding and on `this.cache`.
    {
      code: `
const sessions = new Map();
sessions.set(id, { accessKeyId: 'm' });
probe(sessions.get(id));
const weak = new WeakMap();
weak.set(key, { accessKeyId: 'w' });
probe(weak.get(key));
class Cache {
  constructor() { this.cache = new Map(); }
  put(id) { this.cache.set(id, { accessKeyId: 'c' }); }
  read(id) { probe(this.cache.get(id)); }
}
      `,
      errors: [
        answer("{ accessKeyId: 'm' }", 4, 7, 23),
        answer("{ accessKeyId: 'w' }", 7, 7, 20),
        answer("{ accessKeyId: 'c' }", 11, 20, 38),
      ],
    },
    // Returns of a local function, an arrow, an object method, `this.m()` and a local instance's `obj.m()`,
    // with the call's arguments bound to the parameters.
    {
      code: `
function make(id) { return { accessKeyId: id }; }
const arrow = (id) => ({ accessKeyId: id });
const helpers = { build(id) { return { accessKeyId: id }; } };
class Keys {
  toKeys(id) { return { accessKeyId: id }; }
  use() { probe(this.toKeys('k4').accessKeyId); }
}
const keys = new Keys();
probe(make('k1').accessKeyId);
probe(arrow('k2').accessKeyId);
probe(helpers.build('k3').accessKeyId);
probe(keys.toKeys('k5').accessKeyId);
      `,
      errors: [
        answer("'k4'", 7, 17, 46),
        answer("'k1'", 10, 7, 29),
        answer("'k2'", 11, 7, 30),
        answer("'k3'", 12, 7, 38),
        answer("'k5'", 13, 7, 36),
      ],
    },
    // A parameter bound to the argument of the call that was followed; a function holds itself.
    {
      code: `
function toKeys(response) { return { accessKeyId: response.Credentials.AccessKeyId }; }
const response = await sts.send(command);
const keys = toKeys(response);
probe(keys.accessKeyId);
function orphan(input) { return input.id; }
probe(orphan);
      `,
      errors: [
        answer('sts.send(command) [Credentials.AccessKeyId] (awaited)', 5, 7, 23),
        answer('function orphan(input) { return input.id; }', 7, 7, 13),
      ],
    },
    // `await` marks a call's value as resolved; `.then(cb)`: the callback parameter is the awaited receiver and
    // the call holds what `cb` returns; `Promise.resolve(x)` holds `x`; a Node-style `(err, data)` callback.
    {
      code: `
async function load() { return { accessKeyId: 'a' }; }
const response = await client.send(command);
probe(response.Credentials);
probe(await load());
probe(await fetchKeys());
fetchKeys().then((result) => probe(result.Credentials));
probe(Promise.resolve({ accessKeyId: 'p' }));
sts.assumeRole(params, (err, data) => probe(data.Credentials));
probe(await fetchKeys().then((r) => r.Credentials));
      `,
      errors: [
        answer('client.send(command) [Credentials] (awaited)', 4, 7, 27),
        answer("{ accessKeyId: 'a' }", 5, 7, 19),
        answer('fetchKeys() (awaited)', 6, 7, 24),
        answer('fetchKeys() [Credentials] (awaited)', 7, 36, 54),
        answer("{ accessKeyId: 'p' }", 8, 7, 44),
        answer('sts.assumeRole(params, (err, data) => probe(data.Credentials)) [Credentials] (awaited)', 9, 45, 61),
        answer('fetchKeys() [Credentials] (awaited)', 10, 7, 51),
      ],
    },
    // Spreads and `Object.assign`: the last source that has the key wins.
    {
      code: `
const base = { accessKeyId: 'base', region: 'r' };
const copy = { ...base, secretAccessKey: 's' };
const merged = Object.assign({}, base, { accessKeyId: 'assigned' });
probe(copy.accessKeyId);
probe(merged.accessKeyId);
probe(merged.region);
      `,
      errors: [
        answer("'base'", 5, 7, 23),
        answer("'assigned'", 6, 7, 25),
        answer("'r'", 7, 7, 20),
      ],
    },
    // A cycle terminates, and adds nothing beyond the values that enter it.
    {
      code: `
let a = { id: 'a' };
let b = { id: 'b' };
a = b;
b = a;
function swap() { a = b; b = a; }
probe(a);
      `,
      errors: [answer("{ id: 'b' }", 7, 7, 8)],
    },
    // A cycle with no value entering it: unknown.
    {
      code: `
let a = b;
let b = a;
probe(a);
probe(b);
      `,
      errors: [
        answer('a', 4, 7, 8),
        answer('b', 5, 7, 8),
      ],
    },
    // Unknown values end the trail where the file stops knowing: a parameter with no call site, an import, a
    // global.
    {
      code: `
import imported from './config.js';
function f(parameter) { probe(parameter); }
probe(imported);
probe(process.env.AWS_REGION);
probe(window);
      `,
      errors: [
        answer('parameter', 3, 31, 40),
        answer('imported', 4, 7, 15),
        answer('process [env.AWS_REGION]', 5, 7, 29),
        answer('window', 6, 7, 13),
      ],
    },
    // `lookup`: found, absent, or unknown behind an unknown spread or a computed key.
    {
      code: `
const known = { accessKeyId: 'k' };
const spreadUnknown = { ...other, region: 'r' };
const computed = { [name]: 'v', region: 'r' };
probeLookup(known, 'accessKeyId');
probeLookup(known, 'secretAccessKey');
probeLookup(spreadUnknown, 'accessKeyId');
probeLookup(spreadUnknown, 'region');
probeLookup(computed, 'accessKeyId');
      `,
      errors: [
        answer("found: 'k'", 5, 13, 18),
        answer('absent', 6, 13, 18),
        answer('unknown', 7, 13, 26),
        answer("found: 'r'", 8, 13, 26),
        answer('unknown', 9, 13, 21),
      ],
    },
    // `usesOf`: through a binding, `await`, a return to the function's call sites and the binding of its result.
    {
      code: `
const pending = sts.send(command);
const response = await pending;
function get() { return response; }
const got = get();
use(got.Credentials);
probeUses(pending);
      `,
      errors: [answer('pending@3 | await pending@3 | response@4 | get()@5 | got@6 | pending@7', 7, 11, 18)],
    },
    // `callsOf`: every call site of a function, through an alias.
    {
      code: `
function build(id) { return { accessKeyId: id }; }
build('a');
const other = build;
other('b');
probeCalls(build);
      `,
      errors: [answer("build('a')@3 | other('b')@5", 6, 12, 17)],
    },
  ],
});

tsRuleTester.run('getFlow (TypeScript)', probe, {
  valid: [],
  invalid: [
    // TypeScript `as`, `satisfies` and `!` do not change the value.
    {
      code: `
const keys = { accessKeyId: 'e' } as const satisfies object;
const holder = { keys: keys! };
probe((holder as { keys: object }).keys!);
      `,
      errors: [answer("{ accessKeyId: 'e' }", 4, 7, 41)],
    },
  ],
});

// A parameter of a function the file only calls by name holds what every call passes.
ruleTester.run('getFlow: parameters from every call site', probe, {
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
