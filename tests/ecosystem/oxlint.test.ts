// The oxlint path: the built plugin loaded by oxlint through `jsPlugins` reports exactly what ESLint reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint, Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getScaffoldedRules } from '../scaffolded.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist/index.js');
/**
 * oxlint is installed by this test, not listed in package.json: the registry CI reaches serves its Linux binaries
 * only, so a lock file can never hold the other platforms' optional packages and `npm ci` would refuse it.
 */
const OXLINT_VERSION = '1.94.0';
const OXLINT_HOME = path.join(ROOT, 'node_modules/.cache', `oxlint-${OXLINT_VERSION}`);
const OXLINT_PACKAGE = path.join(OXLINT_HOME, 'node_modules/oxlint');
const OXLINT = path.join(OXLINT_PACKAGE, 'bin/oxlint');
const NAMESPACE = 'aws-credentials';

/** One finding, as both linters can state it: 1-based lines and UTF-16 columns, end exclusive. */
interface Finding {
  file: string;
  ruleId: string;
  severity: 'error' | 'warning';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

interface OxlintDiagnostic {
  message: string;
  code: string;
  severity: 'error' | 'warning';
  filename: string;
  labels: { span: { offset: number; length: number } }[];
}

interface BuiltPlugin {
  rules: Record<string, unknown>;
  configs: Record<'recommended' | 'all', Linter.Config>;
}

const hasDist = existsSync(DIST);
const temporaryDirectories: string[] = [];

beforeAll(() => {
  if (existsSync(OXLINT)) return;
  const install = spawnSync(
    'npm',
    ['install', '--prefix', OXLINT_HOME, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `oxlint@${OXLINT_VERSION}`],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`npm install oxlint@${OXLINT_VERSION} failed:\n${install.stderr}`);
}, 120_000);

afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

/**
 * A project with the plugin installed (a link to this repository, resolved through its `exports`, so oxlint loads
 * `dist/`) and the given oxlint config.
 */
function createProject(oxlintConfig: string): { project: string; config: string } {
  const project = realpathSync(mkdtempSync(path.join(tmpdir(), 'aws-credentials-oxlint-')));
  temporaryDirectories.push(project);
  mkdirSync(path.join(project, 'node_modules'));
  symlinkSync(ROOT, path.join(project, 'node_modules/eslint-plugin-aws-credentials'), 'dir');
  const config = path.join(project, '.oxlintrc.json');
  writeFileSync(config, oxlintConfig);
  return { project, config };
}

/** Runs the oxlint CLI with the given config file on `paths` (relative to `cwd`) and returns this plugin's findings. */
function runOxlint(configFile: string, cwd: string, paths: string[], extraArguments: string[] = []): Finding[] {
  const result = spawnSync(process.execPath, [OXLINT, '-c', configFile, '--format', 'json', ...extraArguments, ...paths], {
    cwd,
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[] };
  return diagnostics
    .filter((diagnostic) => diagnostic.code.startsWith(`${NAMESPACE}(`))
    .map((diagnostic) => toFinding(cwd, diagnostic));
}

/**
 * oxlint's JSON gives each finding's span as a UTF-8 byte offset and length (its `line`/`column` count bytes too);
 * ESLint counts UTF-16 code units. Both are turned into ESLint's line/column here, from the file's bytes.
 */
function toFinding(cwd: string, diagnostic: OxlintDiagnostic): Finding {
  const bytes = readFileSync(path.join(cwd, diagnostic.filename));
  const { offset, length } = diagnostic.labels[0]!.span;
  const position = (byteOffset: number) => {
    const before = bytes.subarray(0, byteOffset).toString('utf8').split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };
  const start = position(offset);
  const end = position(offset + length);
  return {
    file: diagnostic.filename.split(path.sep).join('/'),
    ruleId: diagnostic.code.replace(/^([^(]+)\((.+)\)$/, '$1/$2'),
    severity: diagnostic.severity,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message: diagnostic.message,
  };
}

/** ESLint's findings with the built plugin and the given config from it, on `paths` relative to `cwd`. */
async function runEslint(cwd: string, config: Linter.Config[], paths: string[]): Promise<Finding[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
  const results: ESLint.LintResult[] = await eslint.lintFiles(paths);
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(cwd, result.filePath).split(path.sep).join('/'),
      ruleId: message.ruleId ?? 'parse error',
      severity: message.severity === 2 ? ('error' as const) : ('warning' as const),
      line: message.line,
      column: message.column,
      endLine: message.endLine ?? message.line,
      endColumn: message.endColumn ?? message.column,
      message: message.message,
    })),
  );
}

function sorted(findings: readonly Finding[]): Finding[] {
  const key = (finding: Finding) =>
    [finding.file, String(finding.line).padStart(6), String(finding.column).padStart(6), finding.ruleId].join(' ');
  return [...findings].sort((a, b) => key(a).localeCompare(key(b)));
}

/** The first code block of the given language under the `## <heading>` of docs/oxlint.md. */
function readDocumentedBlock(heading: string, language: string): string {
  const document = readFileSync(path.join(ROOT, 'docs/oxlint.md'), 'utf8');
  const section = document.split(/^## /m).find((part) => part.startsWith(`${heading}\n`));
  const block = section?.split(`\`\`\`${language}\n`)[1]?.split('```')[0];
  if (block === undefined) throw new Error(`docs/oxlint.md has no \`\`\`${language} block under "## ${heading}"`);
  return block;
}

describe.skipIf(!hasDist)('oxlint with the built plugin (jsPlugins)', () => {
  let plugin: BuiltPlugin;
  let createLintConfig: (name: 'recommended' | 'all') => Linter.Config[];

  beforeAll(async () => {
    plugin = ((await import(pathToFileURL(DIST).href)) as { default: BuiltPlugin }).default;
    ({ createLintConfig } = (await import(pathToFileURL(path.join(ROOT, 'dist/cli/main.js')).href)) as {
      createLintConfig: typeof createLintConfig;
    });
  });

  it('reports on examples/ exactly what ESLint reports, with every rule on: rule, file, range, message, severity', async () => {
    const allRules = plugin.configs.all.rules ?? {};
    const { config } = createProject(JSON.stringify({ jsPlugins: ['eslint-plugin-aws-credentials'], rules: allRules }));
    const oxlint = runOxlint(config, ROOT, ['examples']);
    const eslint = await runEslint(ROOT, createLintConfig('all'), ['examples']);

    // Not a vacuous comparison: every rule of the plugin fires somewhere in examples/wrong.
    const built = Object.keys(plugin.rules).filter((name) => !getScaffoldedRules(Object.keys(plugin.rules)).includes(name));
    expect(new Set(eslint.map((finding) => finding.ruleId))).toEqual(new Set(built.map((name) => `${NAMESPACE}/${name}`)));
    expect(sorted(oxlint)).toEqual(sorted(eslint));
  });

  it('the .oxlintrc.json of docs/oxlint.md lists configs.recommended and gives its findings', async () => {
    const documented = readDocumentedBlock('`.oxlintrc.json`', 'jsonc');
    // oxlint reads comments in its JSON config; the check here drops the whole-line `//` comments the page uses.
    const parsed = JSON.parse(documented.replaceAll(/^\s*\/\/.*$/gm, '')) as { rules: unknown };
    expect(parsed.rules, 'docs/oxlint.md must list the rules of configs.recommended, with their severities').toEqual(
      plugin.configs.recommended.rules,
    );

    const { config } = createProject(documented);
    const oxlint = runOxlint(config, ROOT, ['examples/wrong']);
    const eslint = await runEslint(ROOT, createLintConfig('recommended'), ['examples/wrong']);
    expect(eslint.length).toBeGreaterThan(0);
    expect(sorted(oxlint)).toEqual(sorted(eslint));
  });

  it('the oxlint.config.js of docs/oxlint.md takes the rules from configs.recommended', async () => {
    const { project } = createProject('{}');
    // The config imports `oxlint` (for defineConfig) and the plugin from the project's node_modules.
    symlinkSync(OXLINT_PACKAGE, path.join(project, 'node_modules/oxlint'), 'dir');
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ type: 'module' }));
    const config = path.join(project, 'oxlint.config.js');
    writeFileSync(config, readDocumentedBlock('`oxlint.config.js` (follows `configs.recommended`)', 'js'));
    const oxlint = runOxlint(config, ROOT, ['examples/wrong']);
    expect(oxlint.length).toBeGreaterThan(0);
    expect(sorted(oxlint)).toEqual(sorted(await runEslint(ROOT, createLintConfig('recommended'), ['examples/wrong'])));
  });

  it('non-ASCII text before a finding: ranges still agree once oxlint byte offsets are converted', async () => {
    const { project, config } = createProject(
      JSON.stringify({ jsPlugins: ['eslint-plugin-aws-credentials'], rules: plugin.configs.all.rules }),
    );
    writeFileSync(
      path.join(project, 'upload.js'),
      `import { S3Client } from '@aws-sdk/client-s3';\n` +
        `export const s3 = /* Überweisungsbelege 📄 */ new S3Client({ credentials: { accessKeyId: process.env.K, secretAccessKey: process.env.S } });\n`,
    );
    const oxlint = runOxlint(config, project, ['upload.js']);
    expect(oxlint).toEqual(await runEslint(project, createLintConfig('all'), ['upload.js']));
    expect(oxlint).toMatchObject([{ line: 2, column: 62, endColumn: 137 }]);
  });

  // oxlint's AST gives every ExpressionStatement `directive: null` where ESLint's has no `directive` property;
  // `addNamedImport` (src/utils/fix/fixes.ts) checks for a string, so a suggestion that adds an import to a file with no
  // top-level import (SDK loaded by `await import()`) puts it at the top under both.
  it('a suggestion that adds an import places it as under ESLint (directive: null)', async () => {
    const source = [
      "const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');",
      "const { SNSClient } = await import('@aws-sdk/client-sns');",
      "const { Credentials } = await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/n', RoleSessionName: 'n' }));",
      'new SNSClient({ credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey } });',
      '',
    ].join('\n');
    const fixedCall =
      "new SNSClient({ credentials: fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/n', RoleSessionName: 'n' } }) });";
    const newImport = "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';";
    const [first, second, third] = source.split('\n');

    const { project, config } = createProject(
      JSON.stringify({ jsPlugins: ['eslint-plugin-aws-credentials'], rules: { [`${NAMESPACE}/no-one-shot-credentials`]: 'error' } }),
    );
    const file = path.join(project, 'job.mjs');
    writeFileSync(file, source);
    // `--fix-suggestions` applies each finding's first suggestion.
    runOxlint(config, project, ['job.mjs'], ['--fix-suggestions']);

    const eslintSuggestion = new Linter().verify(
      source,
      [{ files: ['**/*.mjs'], plugins: plugin.configs.all.plugins, rules: { [`${NAMESPACE}/no-one-shot-credentials`]: 'error' } }],
      'job.mjs',
    )[0]?.suggestions?.[0];
    expect(eslintSuggestion?.fix).toBeDefined();
    const { range, text } = eslintSuggestion!.fix;
    expect(source.slice(0, range[0]) + text + source.slice(range[1])).toBe(
      [newImport, first, second, third, fixedCall, ''].join('\n'),
    );
    expect(readFileSync(file, 'utf8')).toBe([newImport, first, second, third, fixedCall, ''].join('\n'));
  });
});

it('the oxlint tests run under `npm test` (dist/ is built by docs:check before vitest)', () => {
  if (process.env.npm_lifecycle_event === 'test') expect(hasDist).toBe(true);
});
