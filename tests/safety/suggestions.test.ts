/**
 * Suggestions that parse and resolve: every suggestion of every rule is applied, one at a time, to (a) every
 * invalid case of `tests/rules/*.test.ts` and (b) every file of `examples/wrong/`. The output is linted again
 * with the same parser, options and rule, and must:
 *
 * 1. parse (no fatal message);
 * 2. no longer carry the finding, and carry no new finding of the same rule. Precisely: the reports of that rule
 *    in the output, as (messageId, start offset, end offset), must be a sub-multiset of the input's reports minus
 *    the one whose suggestion was applied, each carried to where its text now is. Text outside the suggestion's
 *    replaced range keeps its place (shifted by the change in length); inside it (ESLint merges a suggestion's
 *    fixes into one replacement that repeats the text between them, e.g. an added import and an edit further
 *    down), a line diff finds the unchanged text. A report that starts or ends on text the suggestion rewrote
 *    cannot be carried, so it may vanish but may not appear. This allows a suggestion to fix sibling findings too
 *    (removing a whole `credentials` object), and refuses one that leaves the finding in place, moves it, turns
 *    it into another message of the same rule, or creates a new one.
 *
 * The invalid cases are not copied here: each rule test module is imported with `RuleTester.prototype.run`
 * replaced by a function that records its arguments (and `describe`/`it` replaced by no-ops while the modules
 * load), so no test of those modules runs twice, and every case added to them is checked here too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { RuleTester, type InvalidTestCase, type RunTests } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import * as espree from 'espree';

import { createLintConfig } from '../../src/cli/main.js';
import plugin from '../../src/index.js';
import type { PluginRule } from '../../src/rules/index.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';
import { getScaffoldedRules } from '../scaffolded.js';

const root = path.resolve(import.meta.dirname, '../..');

interface CapturedRun {
  /** The rule's name, as `plugin.rules` knows it when it is registered there. */
  ruleName: string;
  /** The title given to `run`, e.g. `no-static-credentials (TypeScript)`. */
  title: string;
  rule: PluginRule;
  languageOptions: Linter.LanguageOptions;
  invalid: readonly InvalidTestCase<string, readonly unknown[]>[];
}

/** The language options of each shared tester of `tests/rule-tester.ts`, as given to its constructor. */
const TESTER_LANGUAGE = new Map<RuleTester, Linter.LanguageOptions>([
  [ruleTester, { parser: espree as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' }],
  [tsRuleTester, { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' }],
]);

const runs = await captureRuleTesterRuns(path.join(root, 'tests/rules'));

/** Imports every rule test module with `run` recording its arguments instead of registering tests. */
async function captureRuleTesterRuns(directory: string): Promise<CapturedRun[]> {
  const captured: CapturedRun[] = [];
  const spy = vi.spyOn(RuleTester.prototype, 'run').mockImplementation(function (
    this: RuleTester,
    title: string,
    rule: unknown,
    tests: RunTests<string, readonly unknown[]>,
  ) {
    const languageOptions = TESTER_LANGUAGE.get(this);
    if (languageOptions === undefined) {
      throw new Error(`${title}: a tester that tests/safety/suggestions.test.ts does not know; add it to TESTER_LANGUAGE`);
    }
    const pluginRule = rule as PluginRule;
    const registered = Object.entries(plugin.rules).find(([, candidate]) => candidate === pluginRule)?.[0];
    const ruleName = registered ?? (pluginRule as { name?: string }).name ?? title.split(' ')[0] ?? title;
    captured.push({ ruleName, title, rule: pluginRule, languageOptions, invalid: tests.invalid });
  });
  // Modules may also declare their own suites at the top level (through the globals or imported from vitest):
  // those run in their own file, not here.
  const globals = globalThis as Record<string, unknown>;
  const saved = { describe: globals.describe, it: globals.it, test: globals.test };
  const noop = Object.assign(() => undefined, { each: () => () => undefined, skip: () => undefined });
  Object.assign(globals, { describe: noop, it: noop, test: noop });
  vi.doMock('vitest', async (importOriginal) => ({
    ...(await importOriginal<Record<string, unknown>>()),
    describe: noop,
    it: noop,
    test: noop,
  }));
  try {
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.test.ts')).sort()) {
      await import(/* @vite-ignore */ pathToFileURL(path.join(directory, file)).href);
    }
  } finally {
    vi.doUnmock('vitest');
    Object.assign(globals, saved);
    spy.mockRestore();
  }
  return captured;
}

// ---------------------------------------------------------------------------------------------------------------
// Carrying report positions from the input to the output

interface Fix {
  range: readonly [number, number];
  text: string;
}

type Edge = 'start' | 'end';

/** ESLint's line breaks. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

/** The offset of each line's first character. */
function getLineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
  return starts;
}

/** An ESLint position (1-based line, 1-based column) as an offset. */
function toOffset(lineStarts: readonly number[], line: number, column: number): number {
  return (lineStarts[line - 1] ?? 0) + column - 1;
}

/**
 * Maps offsets of `input` to the output of `fix`. Text before and after the replaced range keeps its place
 * (shifted by the length difference). ESLint merges the several fixes of one suggestion into one replacement
 * that repeats the text between them, so inside the replaced range a line diff finds the text that did not
 * change: kept lines keep their columns, a line replaced by one line keeps its common prefix and suffix.
 * Anything else is text the suggestion rewrote: `undefined`.
 */
function createOffsetMap(input: string, fix: Fix): (offset: number, edge: Edge) => number | undefined {
  const [from, to] = fix.range;
  const shift = fix.text.length - (to - from);
  const inner = createLineDiffMap(input.slice(from, to), fix.text);
  return (offset, edge) => {
    // A report that starts where the replaced text starts begins with rewritten text; one that ends there does not.
    if (edge === 'start' ? offset < from : offset <= from) return offset;
    if (edge === 'start' ? offset >= to : offset > to) return offset + shift;
    const mapped = inner(offset - from, edge);
    return mapped === undefined ? undefined : from + mapped;
  };
}

/** Maps offsets of `before` to `after` through a line diff (longest common subsequence of lines). */
function createLineDiffMap(before: string, after: string): (offset: number, edge: Edge) => number | undefined {
  const oldStarts = getLineStarts(before);
  const newStarts = getLineStarts(after);
  const lineOf = (text: string, starts: readonly number[], index: number): string =>
    text.slice(starts[index], (starts[index + 1] ?? text.length + 1) - 1).replace(/\r$/, '');
  const oldLines = oldStarts.map((_, index) => lineOf(before, oldStarts, index));
  const newLines = newStarts.map((_, index) => lineOf(after, newStarts, index));
  // lengths[i][j]: LCS length of oldLines[i..] and newLines[j..].
  const lengths = Array.from({ length: oldLines.length + 1 }, () => new Uint32Array(newLines.length + 1));
  for (let i = oldLines.length - 1; i >= 0; i--) {
    const row = lengths[i] as Uint32Array;
    const next = lengths[i + 1] as Uint32Array;
    for (let j = newLines.length - 1; j >= 0; j--) {
      row[j] = oldLines[i] === newLines[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
    }
  }
  // Old line index -> new line index, for kept lines and for lines replaced by exactly one line.
  const kept = new Map<number, number>();
  const replaced = new Map<number, number>();
  let i = 0;
  let j = 0;
  while (i < oldLines.length || j < newLines.length) {
    if (i < oldLines.length && j < newLines.length && oldLines[i] === newLines[j]) {
      kept.set(i++, j++);
      continue;
    }
    const [hunkI, hunkJ] = [i, j];
    while (
      (i < oldLines.length || j < newLines.length) &&
      !(i < oldLines.length && j < newLines.length && oldLines[i] === newLines[j])
    ) {
      const down = i < oldLines.length ? ((lengths[i + 1] as Uint32Array)[j] as number) : -1;
      const right = j < newLines.length ? ((lengths[i] as Uint32Array)[j + 1] as number) : -1;
      if (down >= right) i++;
      else j++;
    }
    if (i - hunkI === 1 && j - hunkJ === 1) replaced.set(hunkI, hunkJ);
  }

  return (offset, edge) => {
    let line = oldStarts.length - 1;
    while (line > 0 && (oldStarts[line] as number) > offset) line--;
    const column = offset - (oldStarts[line] as number);
    const keptLine = kept.get(line);
    if (keptLine !== undefined) return (newStarts[keptLine] as number) + column;
    const newLine = replaced.get(line);
    if (newLine === undefined) return undefined;
    const oldText = oldLines[line] as string;
    const newText = newLines[newLine] as string;
    let prefix = 0;
    while (prefix < oldText.length && prefix < newText.length && oldText[prefix] === newText[prefix]) prefix++;
    let suffix = 0;
    while (
      suffix < oldText.length - prefix &&
      suffix < newText.length - prefix &&
      oldText[oldText.length - 1 - suffix] === newText[newText.length - 1 - suffix]
    ) {
      suffix++;
    }
    const rewrittenEnd = oldText.length - suffix;
    const lineStart = newStarts[newLine] as number;
    if (edge === 'start' ? column < prefix : column <= prefix) return lineStart + column;
    if (column >= rewrittenEnd) return lineStart + column + newText.length - oldText.length;
    return undefined;
  };
}

/**
 * Checks one applied suggestion; returns what is wrong with it, or `undefined`.
 * @param before the input's messages of the rule, `applied` among them.
 * @param after the output's messages (all rules).
 */
function checkSuggestionOutput(
  ruleId: string,
  input: string,
  fix: Fix,
  before: readonly Linter.LintMessage[],
  applied: Linter.LintMessage,
  after: readonly Linter.LintMessage[],
): string | undefined {
  const fatal = after.find((message) => message.fatal === true);
  if (fatal !== undefined) return `the output does not parse: ${fatal.message} (${fatal.line}:${fatal.column})`;
  const output = applyFix(input, fix);
  const inputStarts = getLineStarts(input);
  const outputStarts = getLineStarts(output);
  const span = (starts: readonly number[], message: Linter.LintMessage): [number, number] => [
    toOffset(starts, message.line, message.column),
    toOffset(starts, message.endLine ?? message.line, message.endColumn ?? message.column),
  ];
  const key = (message: Linter.LintMessage, [start, end]: readonly [number, number]): string =>
    `${message.messageId ?? message.message} at ${start}-${end}`;
  const map = createOffsetMap(input, fix);
  const expected = new Map<string, number>();
  let skipped = false;
  for (const message of before) {
    if (!skipped && message === applied) {
      skipped = true;
      continue;
    }
    const [start, end] = span(inputStarts, message);
    const [newStart, newEnd] = [map(start, 'start'), map(end, 'end')];
    if (newStart === undefined || newEnd === undefined) continue;
    const carried = key(message, [newStart, newEnd]);
    expected.set(carried, (expected.get(carried) ?? 0) + 1);
  }
  const unexpected: string[] = [];
  for (const message of after.filter((candidate) => candidate.ruleId === ruleId)) {
    const found = key(message, span(outputStarts, message));
    const count = expected.get(found) ?? 0;
    if (count === 0) unexpected.push(`${message.messageId} at ${message.line}:${message.column}-${message.endLine}:${message.endColumn}`);
    else expected.set(found, count - 1);
  }
  if (unexpected.length === 0) return undefined;
  const where = `${applied.line}:${applied.column}-${applied.endLine}:${applied.endColumn}`;
  return `the output still (or newly) reports ${unexpected.join(', ')} (the suggestion was for ${applied.messageId} at ${where})`;
}

/** Applies a suggestion's single merged fix. */
function applyFix(code: string, fix: { range: readonly [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

function describeFailure(where: string, message: Linter.LintMessage, suggestion: Linter.LintSuggestion, problem: string, input: string, output: string): string {
  return [
    `${where}: suggestion "${suggestion.messageId ?? suggestion.desc}" of ${message.messageId ?? message.message} at ${message.line}:${message.column}: ${problem}`,
    '--- input ---',
    input,
    '--- output ---',
    output,
    '---',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// (a) the invalid cases of the rule tests

const linter = new Linter({ configType: 'flat' });

/** The flat config RuleTester builds for one case: the tester's language, the case's own, and only this rule. */
function createCaseConfig(run: CapturedRun, testCase: InvalidTestCase<string, readonly unknown[]>): Linter.Config[] {
  const caseLanguage = (testCase.languageOptions ?? {}) as Linter.LanguageOptions;
  const languageOptions: Linter.LanguageOptions = {
    ...run.languageOptions,
    ...caseLanguage,
    parserOptions: {
      ecmaVersion: 'latest',
      sourceType: caseLanguage.sourceType ?? run.languageOptions.sourceType ?? 'module',
      ...(run.languageOptions.parserOptions as object | undefined),
      ...(caseLanguage.parserOptions as object | undefined),
    },
    globals: { ...run.languageOptions.globals, ...caseLanguage.globals },
  };
  return [
    {
      files: ['**'],
      languageOptions,
      plugins: { 'aws-credentials': { rules: { [run.ruleName]: run.rule } } as unknown as ESLint.Plugin },
      rules: { [`aws-credentials/${run.ruleName}`]: ['error', ...(testCase.options ?? [])] },
      ...(testCase.settings !== undefined && { settings: testCase.settings as Record<string, unknown> }),
    },
  ];
}

describe('suggestions of the invalid rule test cases parse and resolve their finding', () => {
  it('the rule tests were captured for every rule of the plugin', () => {
    const captured = new Set(runs.map((run) => run.ruleName));
    const scaffolded = getScaffoldedRules(Object.keys(plugin.rules));
    for (const name of Object.keys(plugin.rules).filter((rule) => !scaffolded.includes(rule))) {
      expect(captured, `no RuleTester run for ${name}`).toContain(name);
    }
  });

  it.each(runs.map((run) => [run.title, run] as const))('%s', (_title, run) => {
    const failures: string[] = [];
    let applied = 0;
    for (const [index, testCase] of run.invalid.entries()) {
      const config = createCaseConfig(run, testCase);
      const filename = testCase.filename ?? 'file.ts';
      const ruleId = `aws-credentials/${run.ruleName}`;
      const before = linter.verify(testCase.code, config, filename);
      const fatal = before.find((message) => message.fatal === true);
      if (fatal !== undefined) {
        failures.push(`invalid case #${index} does not parse: ${fatal.message}\n${testCase.code}`);
        continue;
      }
      for (const message of before) {
        for (const suggestion of message.suggestions ?? []) {
          applied += 1;
          const output = applyFix(testCase.code, suggestion.fix);
          const after = linter.verify(output, config, filename);
          const problem = checkSuggestionOutput(ruleId, testCase.code, suggestion.fix, before, message, after);
          if (problem !== undefined) {
            failures.push(describeFailure(`invalid case #${index}`, message, suggestion, problem, testCase.code, output));
          }
        }
      }
    }
    expect(failures.join('\n\n')).toBe('');
    // A rule without suggestions passes trivially; one with them must have had some applied.
    if (run.rule.meta.hasSuggestions === true && run.invalid.length > 0) expect(applied).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// (b) examples/wrong

describe('suggestions on examples/wrong parse and resolve their finding', () => {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: createLintConfig('all') });
  const files = readdirSync(path.join(root, 'examples/wrong')).sort();

  it.each(files)('%s', async (file) => {
    const filePath = path.join(root, 'examples/wrong', file);
    const input = readFileSync(filePath, 'utf8');
    const [result] = await eslint.lintText(input, { filePath });
    const messages = result?.messages ?? [];
    expect(messages.filter((message) => message.fatal === true)).toEqual([]);
    const failures: string[] = [];
    for (const message of messages) {
      for (const suggestion of message.suggestions ?? []) {
        const output = applyFix(input, suggestion.fix);
        const [outputResult] = await eslint.lintText(output, { filePath });
        const before = messages.filter((candidate) => candidate.ruleId === message.ruleId);
        const problem = checkSuggestionOutput(message.ruleId ?? '', input, suggestion.fix, before, message, outputResult?.messages ?? []);
        if (problem !== undefined) failures.push(describeFailure(`examples/wrong/${file}`, message, suggestion, problem, input, output));
      }
    }
    expect(failures.join('\n\n')).toBe('');
  });
});
