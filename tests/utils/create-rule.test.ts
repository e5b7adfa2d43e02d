import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { createRule } from '../../src/utils/create-rule.js';

type Options = [{ names?: string[]; strict?: boolean }];

/** A rule that reports the options it was given once per file, as JSON. */
const echoOptions = createRule<Options, 'options'>({
  name: 'echo-options',
  meta: {
    type: 'problem',
    docs: { description: 'Report the options the rule received' },
    messages: { options: '{{ options }}' },
    schema: [
      {
        type: 'object',
        properties: { names: { type: 'array', items: { type: 'string' } }, strict: { type: 'boolean' } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ names: ['a'], strict: false }],
  },
  create(context, options) {
    return {
      Program(node) {
        context.report({ node, messageId: 'options', data: { options: JSON.stringify(options) } });
      },
    };
  },
});

const linter = new Linter({ configType: 'flat' });

/** Lints `x;` with `rule` as `test/<name>` and the given rule config. */
function verify(rule: TSESLint.RuleModule<string, Options>, name: string, ruleConfig: unknown): Linter.LintMessage[] {
  const config: TSESLint.FlatConfig.Config = {
    plugins: { test: { rules: { [name]: rule } } },
    rules: { [`test/${name}`]: ruleConfig as TSESLint.FlatConfig.RuleEntry },
  };
  return linter.verify('x;', config as Linter.Config);
}

function lint(ruleConfig: unknown): unknown {
  const [message] = verify(echoOptions, 'echo-options', ruleConfig);
  if (message?.ruleId !== 'test/echo-options') throw new Error(`unexpected message: ${JSON.stringify(message)}`);
  return JSON.parse(message.message);
}

describe('createRule', () => {
  it('derives the docs URL from the rule name', () => {
    expect(echoOptions.meta.docs?.url).toBe(
      'https://github.com/eslint-plugin-aws-credentials/eslint-plugin-aws-credentials/blob/main/docs/rules/echo-options.md',
    );
    expect(echoOptions.name).toBe('echo-options');
  });

  it('gives the defaults when the config names no option', () => {
    expect(lint('error')).toEqual([{ names: ['a'], strict: false }]);
  });

  it('spreads the given object over the defaults; an array replaces the default array', () => {
    expect(lint(['error', { strict: true }])).toEqual([{ names: ['a'], strict: true }]);
    expect(lint(['error', { names: ['b', 'c'] }])).toEqual([{ names: ['b', 'c'], strict: false }]);
  });

  it('keeps the options of one config apart from another, file after file', () => {
    const first = ['error', { names: ['first'] }];
    const second = ['error', { names: ['second'] }];
    expect(lint(first)).toEqual([{ names: ['first'], strict: false }]);
    expect(lint(second)).toEqual([{ names: ['second'], strict: false }]);
    expect(lint(first)).toEqual([{ names: ['first'], strict: false }]);
    expect(lint('error')).toEqual([{ names: ['a'], strict: false }]);
  });

  it('hands the rule frozen options, so no file can change what the next one sees', () => {
    let seen: unknown;
    const rule = createRule<Options, 'options'>({
      ...echoOptions,
      meta: { ...echoOptions.meta, docs: { description: 'Capture the options' } },
      name: 'capture',
      create(_context, options) {
        seen = options;
        return {};
      },
    });
    verify(rule, 'capture', ['error', {}]);
    expect(Object.isFrozen(seen)).toBe(true);
    expect(Object.isFrozen((seen as Options)[0])).toBe(true);
    verify(rule, 'capture', 'error');
    expect(Object.isFrozen(seen)).toBe(true);
    expect(Object.isFrozen((seen as Options)[0].names)).toBe(true);
  });
});
