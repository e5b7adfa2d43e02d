/**
 * What the CLI lints with: the flat config and the `ESLint` options of one run. With `--concurrency`, ESLint lints
 * in worker threads and each worker loads this module again (`ESLint.fromOptionsModule`): the run's settings travel
 * in the module URL's query, since options that hold a plugin or a function cannot be copied to a worker.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';

import type { ConfigName } from '../configs/index.js';
import plugin from '../index.js';

export const TOOL_NAME = 'aws-credentials-lint';
export const JS_EXTENSIONS = ['js', 'cjs', 'mjs', 'jsx'];
export const TS_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts'];
export const IGNORED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);

/** `--concurrency`: ESLint's own values, `off` being one thread. */
export type Concurrency = number | 'auto' | 'off';

/** The settings of one run that decide its `ESLint` options. */
export interface RunSettings {
  configName: ConfigName;
  quiet: boolean;
  concurrency: Concurrency;
}

/** The flat config the CLI lints with: never the user's own, whatever is in `cwd`. */
export function createLintConfig(configName: ConfigName): Linter.Config[] {
  const allFiles = [`**/*.{${[...JS_EXTENSIONS, ...TS_EXTENSIONS].join(',')}}`];
  const pluginConfig = plugin.configs[configName] as Linter.Config;
  return [
    { name: `${TOOL_NAME}/ignores`, ignores: [...IGNORED_DIRECTORIES].map((directory) => `**/${directory}/`) },
    {
      name: `${TOOL_NAME}/language`,
      files: allFiles,
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        // Ignored by the TypeScript parser for its known extensions (only `.tsx` gets JSX there).
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      // Directives about rules this run does not load are not findings of ours.
      linterOptions: {
        reportUnusedDisableDirectives: 'off',
        ...(hasInlineConfigReports() && { reportUnusedInlineConfigs: 'off' }),
      },
    },
    { name: `${TOOL_NAME}/commonjs`, files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    {
      name: `${TOOL_NAME}/typescript`,
      files: [`**/*.{${TS_EXTENSIONS.join(',')}}`],
      languageOptions: { parser: tsParser as Linter.Parser },
    },
    { ...pluginConfig, files: allFiles },
  ];
}

/** The `ESLint` options that lint files from `base` (the directory ignores are relative to). */
export function createEslintOptions(base: string, settings: RunSettings): ESLint.Options {
  return {
    cwd: base,
    overrideConfigFile: true,
    overrideConfig: createLintConfig(settings.configName),
    errorOnUnmatchedPattern: false,
    // The files are already listed: `[id].ts` (Next.js routes) is a file name, not a glob.
    globInputPaths: false,
    // A file the ignores drop is skipped silently, as it is when a directory is walked.
    warnIgnored: false,
    // ESLint before 9.34 knows no `concurrency` option: name it only when it is on.
    ...(settings.concurrency !== 'off' && { concurrency: settings.concurrency }),
    ...(settings.quiet && { ruleFilter: ({ severity }) => severity === 2 }),
  };
}

/** An `ESLint` for one base directory: in this thread, or from this module in each worker with `--concurrency`. */
export async function createEslint(base: string, settings: RunSettings): Promise<ESLint> {
  if (settings.concurrency === 'off') {
    return new ESLint(createEslintOptions(base, settings));
  }
  // `.js` when built, `.ts` when the sources run under a test runner (whose workers could not load them).
  const url = new URL(`./lint-options${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  url.search = new URLSearchParams({
    base,
    config: settings.configName,
    quiet: String(settings.quiet),
    concurrency: String(settings.concurrency),
  }).toString();
  return ESLint.fromOptionsModule(url);
}

/** The options a worker thread (or `fromOptionsModule` itself) loads: read back from this module's own URL. */
function optionsFromUrl(): ESLint.Options | undefined {
  const query = new URL(import.meta.url).searchParams;
  const base = query.get('base');
  if (base === null) return undefined;
  const concurrency = query.get('concurrency') ?? 'off';
  return createEslintOptions(base, {
    configName: (query.get('config') ?? 'recommended') as ConfigName,
    quiet: query.get('quiet') === 'true',
    concurrency: concurrency === 'auto' || concurrency === 'off' ? concurrency : Number(concurrency),
  });
}

export default optionsFromUrl();

/** ESLint 9.19 added `linterOptions.reportUnusedInlineConfigs`; older 9.x versions reject the key. */
function hasInlineConfigReports(): boolean {
  const [major = 0, minor = 0] = ESLint.version.split('.').map(Number);
  return major > 9 || (major === 9 && minor >= 19);
}
