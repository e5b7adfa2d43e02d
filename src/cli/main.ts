import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { ESLint, type Linter } from 'eslint';

import plugin from '../index.js';
import type { ConfigName } from '../configs/index.js';
import {
  IGNORED_DIRECTORIES,
  JS_EXTENSIONS,
  TOOL_NAME,
  TS_EXTENSIONS,
  createEslint,
  type Concurrency,
  type RunSettings,
} from './lint-options.js';
import { formatSarif, type SarifRuleInput } from './sarif.js';

export { createLintConfig } from './lint-options.js';

/** Where `main` reads and writes: the process in `bin.ts`, buffers in tests. */
export interface CliIo {
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** The part of a writable stream the CLI uses; `isTTY` turns on progress (stderr) and colors (stdout). */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  hasColors?: () => boolean;
}

type FormatName = (typeof FORMATS)[number];

const INFORMATION_URI = 'https://github.com/eslint-plugin-aws-credentials/eslint-plugin-aws-credentials';
const NAMESPACE = 'aws-credentials';
const CONFIGS = ['recommended', 'strict', 'all'] as const satisfies readonly ConfigName[];
const FORMATS = ['stylish', 'json', 'sarif'] as const;
const LINTED_EXTENSIONS = new Set([...JS_EXTENSIONS, ...TS_EXTENSIONS].map((extension) => `.${extension}`));
/** Files per `lintFiles` call: small enough for a live progress count, large enough to cost nothing. */
const BATCH_SIZE = 50;

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  concurrency: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'output-file': { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const HELP = `Usage: ${TOOL_NAME} [options] [paths...]

Finds AWS credential mistakes (hard-coded keys, static credentials that never
refresh, ...) in JavaScript and TypeScript files, with no ESLint configuration.
Paths are files or directories (default: the current directory), anywhere on
disk; node_modules, dist, build, coverage and .git are skipped. Your own ESLint
config is not read.

Options:
  -c, --config <name>       recommended (default), strict or all
  -f, --format <name>       stylish (default), json or sarif
      --max-warnings <n>    number of warnings tolerated before exiting with 1 (default 0)
      --concurrency <n>     worker threads: a number, auto or off (default off)
  -q, --quiet               report errors only
  -o, --output-file <file>  write the report to a file instead of stdout
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no findings, 1 findings, 2 usage error or path not found.
`;

/** A mistake in the command line: one line on stderr, exit code 2. */
class UsageError extends Error {}

interface CliOptions extends RunSettings {
  configName: ConfigName;
  format: FormatName;
  maxWarnings: number | undefined;
  quiet: boolean;
  outputFile: string | undefined;
  paths: string[];
}

/**
 * Runs the CLI: lints `paths` (default: `io.cwd`) with the plugin's config and writes the report.
 * @returns the exit code: 0 no findings, 1 findings, 2 usage error.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return reportUsageError(io, describeParseError(error));
  }
  if (parsed.values.help === true) {
    io.stdout.write(HELP);
    return 0;
  }
  if (parsed.values.version === true) {
    io.stdout.write(`${plugin.meta.version}\n`);
    return 0;
  }
  try {
    const options = validateOptions(parsed.values, parsed.positionals, io.cwd);
    return await run(options, io);
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(io, error.message);
    throw error;
  }
}

async function run(options: CliOptions, io: CliIo): Promise<number> {
  const groups = groupByBase(options.paths, io.cwd);
  const linted: ESLint.LintResult[] = [];
  const total = [...groups.values()].reduce((count, files) => count + files.length, 0);
  for (const [base, files] of groups) {
    const eslint = await createEslint(base, options);
    // Worker threads get every file at once: batches would start them again for each one.
    linted.push(
      ...(options.concurrency === 'off'
        ? await lintInBatches(eslint, files, io.stderr, { done: linted.length, total })
        : await eslint.lintFiles(files)),
    );
  }
  const results = keepPluginFindings(linted, options.quiet);
  const errorCount = sum(results, (result) => result.errorCount);
  const warningCount = sum(results, (result) => result.warningCount);
  const maxWarnings = options.maxWarnings ?? 0;
  const tooManyWarnings = warningCount > maxWarnings;

  const report = await formatResults(await createEslint(io.cwd, { ...options, concurrency: 'off' }), results, options, io, {
    ...(tooManyWarnings && options.maxWarnings !== undefined && {
      maxWarningsExceeded: { maxWarnings, foundWarnings: warningCount },
    }),
  });
  writeReport(report, options.outputFile, io);

  if (errorCount === 0 && tooManyWarnings) {
    const found = `${warningCount} warning${warningCount === 1 ? '' : 's'} found`;
    io.stderr.write(`${TOOL_NAME}: ${found}, ${maxWarnings} allowed (--max-warnings)\n`);
  }
  return errorCount > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * The files to lint, sorted, by the directory ESLint lints them from. ESLint skips every file outside its base
 * path, so a path outside `cwd` (`../other-repo`, an absolute path elsewhere) is linted from its own directory (the
 * directory itself, or a file's parent), which is then also the base of the ignores. Directories are walked without
 * entering ignored ones or symbolic links.
 */
function groupByBase(paths: readonly string[], cwd: string): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  const walk = (directory: string, files: Set<string>): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const entryPath = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!IGNORED_DIRECTORIES.has(entry.name)) walk(entryPath, files);
      } else if (entry.isFile() && LINTED_EXTENSIONS.has(path.extname(entry.name))) {
        files.add(entryPath);
      }
    }
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const isDirectory = statSync(absolute).isDirectory();
    const base = isInside(cwd, absolute) ? cwd : isDirectory ? absolute : path.dirname(absolute);
    const files = groups.get(base) ?? new Set<string>();
    groups.set(base, files);
    if (isDirectory) walk(absolute, files);
    else files.add(absolute);
  }
  // A file reached from two bases (`.` and `../project/src` run from `project`) is linted once, from the first.
  const seen = new Set<string>();
  return new Map(
    [...groups].map(([base, files]) => [base, [...files].filter((file) => !seen.has(file) && Boolean(seen.add(file))).sort()]),
  );
}

/** Whether `target` is `directory` or below it. */
function isInside(directory: string, target: string): boolean {
  const relative = path.relative(directory, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Lints in batches so that a terminal can show `<n>/<total> files` on stderr while it runs. */
async function lintInBatches(
  eslint: ESLint,
  files: readonly string[],
  stderr: OutputStream,
  progress: { done: number; total: number },
): Promise<ESLint.LintResult[]> {
  const showProgress = stderr.isTTY === true && progress.total > 0;
  const results: ESLint.LintResult[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    if (showProgress) stderr.write(`\r${progress.done + start}/${progress.total} files`);
    results.push(...(await eslint.lintFiles(files.slice(start, start + BATCH_SIZE))));
  }
  if (showProgress && progress.done + files.length === progress.total) {
    stderr.write(`\r${progress.total}/${progress.total} files\r\u001B[K`);
  }
  return results;
}

/**
 * Keeps this plugin's findings and parse errors, drops the rest (e.g. ESLint 10's fatal error for an old
 * `/* eslint-env *\/` comment, or an inline config naming another plugin's rule: the user's ESLint run reports
 * those), recounts, and removes `source` and fix texts so that no report (the json formatter prints whole results)
 * carries the file's text.
 */
function keepPluginFindings(results: readonly ESLint.LintResult[], quiet: boolean): ESLint.LintResult[] {
  return results.map((original) => {
    const result = { ...original };
    delete result.source;
    delete result.output;
    const messages = result.messages.filter(
      (message) =>
        (isParseError(message) || message.ruleId?.startsWith(`${NAMESPACE}/`) === true) &&
        (!quiet || message.severity === 2),
    );
    const errors = messages.filter((message) => message.severity === 2);
    const warnings = messages.filter((message) => message.severity === 1);
    return {
      ...result,
      messages: messages.map(withoutFixText),
      errorCount: errors.length,
      fatalErrorCount: messages.filter((message) => message.fatal === true).length,
      warningCount: warnings.length,
      fixableErrorCount: errors.filter((message) => message.fix !== undefined).length,
      fixableWarningCount: warnings.filter((message) => message.fix !== undefined).length,
    };
  });
}

/**
 * A message without the text of its fixes. ESLint merges the fixes of a suggestion into one replacement that
 * repeats the source between them (E.g. from an added import down to the credentials object), and that text
 * can hold the very keys a rule reports: the report keeps what each suggestion is, not what it writes.
 */
function withoutFixText(message: Linter.LintMessage): Linter.LintMessage {
  const stripped = { ...message };
  delete stripped.fix;
  if (message.suggestions) {
    stripped.suggestions = message.suggestions.map(
      ({ desc, messageId }) => ({ desc, ...(messageId !== undefined && { messageId }) }) as Linter.LintSuggestion,
    );
  }
  return stripped;
}

/** The file could not be parsed, so none of its code was checked: always an error (ESLint's parser service). */
function isParseError(message: Linter.LintMessage): boolean {
  return message.fatal === true && message.message.startsWith('Parsing error: ');
}

async function formatResults(
  eslint: ESLint,
  results: ESLint.LintResult[],
  options: CliOptions,
  io: CliIo,
  resultsMeta: ESLint.ResultsMeta,
): Promise<string> {
  if (options.format === 'sarif') {
    return formatSarif(results, {
      cwd: io.cwd,
      toolName: TOOL_NAME,
      toolVersion: plugin.meta.version,
      informationUri: INFORMATION_URI,
      rules: describeEnabledRules(options),
    });
  }
  const color = options.outputFile === undefined && io.stdout.isTTY === true && io.stdout.hasColors?.() === true;
  const formatter = await eslint.loadFormatter(options.format);
  const shown = results.map((result) => ({ ...result, filePath: displayPath(result.filePath, options.paths, io.cwd) }));
  return formatter.format(shown, { ...resultsMeta, color });
}

/**
 * A file outside `cwd` as the user reached it: relative to `cwd` when it was given as a relative path
 * (`../other-repo/src/keys.js`), absolute when it was given as an absolute one. Files inside `cwd` keep ESLint's
 * absolute paths.
 */
function displayPath(file: string, paths: readonly string[], cwd: string): string {
  if (isInside(cwd, file)) return file;
  const typedRelative = paths.some((given) => !path.isAbsolute(given) && isInside(path.resolve(cwd, given), file));
  return typedRelative ? path.relative(cwd, file) : file;
}

/** Every rule the selected config turns on (errors only with `--quiet`), with the metadata SARIF shows. */
function describeEnabledRules(options: CliOptions): SarifRuleInput[] {
  const entries = Object.entries(plugin.configs[options.configName].rules ?? {});
  return entries.flatMap(([id, entry]) => {
    const level = toSeverity(entry);
    if (level === 0 || (options.quiet && level === 1)) return [];
    const docs = plugin.rules[id.slice(NAMESPACE.length + 1)]?.meta.docs;
    return [
      {
        id,
        level: level === 2 ? 'error' : 'warning',
        ...(docs?.description !== undefined && { description: docs.description }),
        ...(docs?.url !== undefined && { helpUri: docs.url }),
      },
    ];
  });
}

function toSeverity(entry: unknown): 0 | 1 | 2 {
  const value = Array.isArray(entry) ? (entry[0] as unknown) : entry;
  if (value === 'error' || value === 2) return 2;
  if (value === 'warn' || value === 1) return 1;
  return 0;
}

function writeReport(report: string, outputFile: string | undefined, io: CliIo): void {
  const text = report === '' || report.endsWith('\n') ? report : `${report}\n`;
  if (outputFile === undefined) {
    if (text !== '') io.stdout.write(text);
    return;
  }
  const target = path.resolve(io.cwd, outputFile);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}

function validateOptions(
  values: {
    config?: string;
    format?: string;
    'max-warnings'?: string;
    quiet?: boolean;
    'output-file'?: string;
    concurrency?: string;
  },
  positionals: readonly string[],
  cwd: string,
): CliOptions {
  const configName = values.config ?? 'recommended';
  if (!isOneOf(CONFIGS, configName)) {
    throw new UsageError(`invalid --config value '${configName}' (expected ${listChoices(CONFIGS)})`);
  }
  const format = values.format ?? 'stylish';
  if (!isOneOf(FORMATS, format)) {
    throw new UsageError(`invalid --format value '${format}' (expected ${listChoices(FORMATS)})`);
  }
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) {
    throw new UsageError(`invalid --max-warnings value '${maxWarnings}' (expected a non-negative integer)`);
  }
  if (values['output-file'] === '') throw new UsageError('--output-file needs a file name');
  const concurrency = parseConcurrency(values.concurrency);
  const paths = positionals.length > 0 ? [...positionals] : ['.'];
  for (const given of paths) {
    if (!existsSync(path.resolve(cwd, given))) throw new UsageError(`path not found: ${given}`);
  }
  return {
    configName,
    format,
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    quiet: values.quiet === true,
    outputFile: values['output-file'],
    paths,
    concurrency,
  };
}

/** `--concurrency`: a positive number of threads, `auto` or `off`; ESLint 9.34 added worker threads. */
function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'off') return 'off';
  if (value !== 'auto' && !/^[1-9]\d*$/.test(value)) {
    throw new UsageError(`invalid --concurrency value '${value}' (expected a positive integer, auto or off)`);
  }
  if (typeof (ESLint as { fromOptionsModule?: unknown }).fromOptionsModule !== 'function') {
    throw new UsageError(`--concurrency needs ESLint 9.34 or later (this is ESLint ${ESLint.version})`);
  }
  return value === 'auto' ? 'auto' : Number(value);
}

/** `parseArgs` errors span several lines and sentences: keep the first sentence. */
function describeParseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const firstSentence = (error.message.split('\n')[0] ?? '').split('. ')[0]?.replace(/\.$/, '') ?? '';
  return `${firstSentence.charAt(0).toLowerCase()}${firstSentence.slice(1)} (see --help)`;
}

function reportUsageError(io: CliIo, message: string): number {
  io.stderr.write(`${TOOL_NAME}: ${message}\n`);
  return 2;
}

function isOneOf<const T extends string>(choices: readonly T[], value: string): value is T {
  return (choices as readonly string[]).includes(value);
}

function listChoices(choices: readonly string[]): string {
  return `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
}

function sum(results: readonly ESLint.LintResult[], count: (result: ESLint.LintResult) => number): number {
  return results.reduce((total, result) => total + count(result), 0);
}
