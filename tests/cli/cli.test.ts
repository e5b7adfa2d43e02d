import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { main, type OutputStream } from '../../src/cli/main.js';
import plugin from '../../src/index.js';

/** A key ID of the real shape but no AWS example; split so that no scanner flags this test file itself. */
const FAKE_KEY = ['AKIA', 'Q7NZ3KD2WX5PLMRT'].join('');
const HARDCODED = 'aws-credentials/no-hardcoded-credentials';
const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

const temporaryDirectories: string[] = [];
afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

/** Writes `files` (relative path -> content) into a fresh temporary directory and returns its path. */
function createFixture(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'aws-credentials-lint-'));
  temporaryDirectories.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

class Capture implements OutputStream {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

async function run(argv: string[], cwd: string, { tty = false } = {}) {
  const stdout = new Capture();
  const stderr = new Capture(tty);
  const code = await main(argv, { cwd, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

interface JsonResult {
  filePath: string;
  messages: {
    ruleId: string | null;
    severity: number;
    fatal?: boolean;
    message: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
  }[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  source?: string;
}

async function runJson(argv: string[], cwd: string) {
  const { code, stdout, stderr } = await run(['--format', 'json', ...argv], cwd);
  return { code, stderr, results: JSON.parse(stdout) as JsonResult[] };
}

/** `path: ruleId` for every reported message, relative to `cwd`, sorted. */
function describeFindings(results: readonly JsonResult[], cwd: string): string[] {
  return results
    .flatMap((result) =>
      result.messages.map(
        (message) => `${path.relative(cwd, result.filePath).split(path.sep).join('/')}: ${message.ruleId ?? 'fatal'}`,
      ),
    )
    .sort();
}

const clean = `
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({ region: 'eu-west-1' });
`;

const hardcoded = `
export const accessKeyId = '${FAKE_KEY}';
`;

// The rule's own inline config turns its finding into a warning.
const hardcodedWarning = `
/* eslint ${HARDCODED}: "warn" */
export const accessKeyId = '${FAKE_KEY}';
`;

describe('exit codes', () => {
  it('exits 0 with no output on a clean directory', async () => {
    const cwd = createFixture({ 'src/client.js': clean });
    expect(await run(['src'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 and reports the finding with its rule id, without the key', async () => {
    const cwd = createFixture({ 'src/keys.js': hardcoded });
    const { code, stdout, stderr } = await run(['src'], cwd);
    expect(code).toBe(1);
    expect(stdout).toContain(path.join(cwd, 'src', 'keys.js'));
    expect(stdout).toContain(HARDCODED);
    expect(stdout).not.toContain(FAKE_KEY);
    expect(stderr).toBe('');
  });

  it('lints the current directory when no path is given', async () => {
    const cwd = createFixture({ 'a/b/keys.mjs': hardcoded, 'c/client.js': clean });
    const { code, results } = await runJson([], cwd);
    expect(code).toBe(1);
    expect(describeFindings(results, cwd)).toEqual([`a/b/keys.mjs: ${HARDCODED}`]);
  });

  it('exits 2 with one line on stderr for an unknown option', async () => {
    const cwd = createFixture({ 'keys.js': hardcoded });
    expect(await run(['--nope'], cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: "aws-credentials-lint: unknown option '--nope' (see --help)\n",
    });
  });

  it('exits 2 for an option that is missing its value', async () => {
    const cwd = createFixture({ 'keys.js': hardcoded });
    expect(await run(['--config'], cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: "aws-credentials-lint: option '-c, --config <value>' argument missing (see --help)\n",
    });
  });

  it('exits 2 for an unknown format', async () => {
    const cwd = createFixture({ 'keys.js': hardcoded });
    expect(await run(['--format', 'xml'], cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: "aws-credentials-lint: invalid --format value 'xml' (expected stylish, json or sarif)\n",
    });
  });

  it('exits 2 for an unknown config', async () => {
    const cwd = createFixture({ 'keys.js': hardcoded });
    expect(await run(['--config', 'base'], cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: "aws-credentials-lint: invalid --config value 'base' (expected recommended, strict or all)\n",
    });
  });

  it('exits 2 for a --max-warnings value that is not a non-negative integer', async () => {
    const cwd = createFixture({ 'keys.js': hardcoded });
    expect(await run(['--max-warnings', '1.5'], cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: "aws-credentials-lint: invalid --max-warnings value '1.5' (expected a non-negative integer)\n",
    });
    expect(await run(['--max-warnings=-1'], cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: "aws-credentials-lint: invalid --max-warnings value '-1' (expected a non-negative integer)\n",
    });
  });

  it('exits 2 for a path that does not exist, before linting anything', async () => {
    const cwd = createFixture({ 'src/keys.js': hardcoded });
    expect(await run(['src', 'src/nope'], cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'aws-credentials-lint: path not found: src/nope\n',
    });
  });

  // A zero-config scanner lints whatever path it is given, as gitleaks or semgrep do.
  it('lints a relative path outside the current directory and shows its files as typed', async () => {
    const root = createFixture({
      'project/keys.js': hardcoded,
      'other/src/keys.js': hardcoded,
      'other/src/node_modules/dep/keys.js': hardcoded,
    });
    const { code, stdout, stderr } = await run(['../other'], path.join(root, 'project'));
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toContain(`${path.join('..', 'other', 'src', 'keys.js')}\n`);
    expect(stdout).not.toContain(path.join(root, 'other'));
    expect(stdout).not.toContain('node_modules');
    expect(stdout).toContain('1 problem (1 error, 0 warnings)');
  });

  it('lints an absolute path elsewhere, files and directories, each from its own directory', async () => {
    const root = createFixture({
      'project/keys.js': hardcoded,
      'other/keys.js': hardcoded,
      'other/dist/bundle.js': hardcoded,
      'third/one.ts': hardcoded,
    });
    const { code, results } = await runJson(
      ['.', path.join(root, 'other'), path.join(root, 'third', 'one.ts')],
      path.join(root, 'project'),
    );
    expect(code).toBe(1);
    // JSON keeps absolute paths for absolute input; `dist/` under the other directory is still skipped.
    expect(results.map((result) => result.filePath).sort()).toEqual(
      [path.join(root, 'other', 'keys.js'), path.join(root, 'project', 'keys.js'), path.join(root, 'third', 'one.ts')].sort(),
    );
    expect(results.every((result) => result.messages.length === 1 && result.messages[0]?.ruleId === HARDCODED)).toBe(true);
  });

  it('lints a file reached twice once, and locates outside files by absolute URI in SARIF', async () => {
    const root = createFixture({ 'project/keys.js': hardcoded, 'other/keys.js': hardcoded });
    const cwd = path.join(root, 'project');
    const { code, results } = await runJson(['../other', '../other/keys.js', 'keys.js'], cwd);
    expect(code).toBe(1);
    expect(results.map((result) => result.filePath).sort()).toEqual([
      path.join('..', 'other', 'keys.js'),
      path.join(cwd, 'keys.js'),
    ]);
    const { stdout } = await run(['--format', 'sarif', '../other'], cwd);
    const [location] = JSON.parse(stdout).runs[0].results[0].locations;
    expect(location.physicalLocation.artifactLocation).toEqual({
      uri: pathToFileURL(path.join(root, 'other', 'keys.js')).href,
    });
  });

  it('reports a file that does not parse as a fatal error and exits 1', async () => {
    const cwd = createFixture({ 'broken.js': 'export const = ;\n', 'keys.js': hardcoded });
    const { code, results } = await runJson([], cwd);
    expect(code).toBe(1);
    const broken = results.find((result) => result.filePath.endsWith('broken.js'));
    expect(broken).toMatchObject({ errorCount: 1, fatalErrorCount: 1 });
    expect(broken?.messages).toMatchObject([{ ruleId: null, fatal: true, severity: 2, line: 1 }]);
    expect(broken?.messages[0]?.message).toMatch(/^Parsing error: /);
    expect(describeFindings(results, cwd)).toEqual(['broken.js: fatal', `keys.js: ${HARDCODED}`]);
  });
});

describe('--help and --version', () => {
  it('prints the usage and exits 0', async () => {
    const { code, stdout, stderr } = await run(['--help'], createFixture({}));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: aws-credentials-lint \[options\] \[paths\.\.\.\]\n/);
    expect(stdout).toContain('--max-warnings <n>');
    expect(stderr).toBe('');
  });

  it('prints the package version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await run(['--version'], createFixture({}))).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('--config', () => {
  const cwd = createFixture({ 'keys.js': hardcoded });

  /** The SARIF driver lists every rule the selected config enables. */
  async function listEnabledRules(argv: string[]): Promise<string[]> {
    const { stdout } = await run(['--format', 'sarif', ...argv], cwd);
    const log = JSON.parse(stdout) as { runs: [{ tool: { driver: { rules: { id: string }[] } } }] };
    return log.runs[0].tool.driver.rules.map((rule) => rule.id).sort();
  }

  it('uses recommended by default', async () => {
    expect(await listEnabledRules([])).toEqual(Object.keys(plugin.configs.recommended.rules ?? {}).sort());
    expect(await listEnabledRules([])).toContain(HARDCODED);
  });

  it('uses the config it is given', async () => {
    expect(await listEnabledRules(['--config', 'all'])).toEqual(Object.keys(plugin.configs.all.rules ?? {}).sort());
    expect(await listEnabledRules(['-c', 'strict'])).toEqual(Object.keys(plugin.configs.strict.rules ?? {}).sort());
  });
});

describe('warnings', () => {
  const cwd = createFixture({ 'warned.js': hardcodedWarning });

  it('counts a warning as a finding by default', async () => {
    const { code, stdout, stderr } = await run([], cwd);
    expect(code).toBe(1);
    expect(stdout).toContain('1 problem (0 errors, 1 warning)');
    expect(stderr).toBe('aws-credentials-lint: 1 warning found, 0 allowed (--max-warnings)\n');
  });

  it('tolerates up to --max-warnings warnings', async () => {
    const { code, stdout, stderr } = await run(['--max-warnings', '1'], cwd);
    expect(code).toBe(0);
    expect(stdout).toContain(HARDCODED);
    expect(stderr).toBe('');
    expect((await run(['--max-warnings', '0'], cwd)).code).toBe(1);
  });

  it('still exits 1 on an error whatever --max-warnings allows', async () => {
    const errored = createFixture({ 'keys.js': hardcoded, 'warned.js': hardcodedWarning });
    const { code, stderr } = await run(['--max-warnings', '10'], errored);
    expect(code).toBe(1);
    expect(stderr).toBe('');
  });

  it('drops warnings with --quiet', async () => {
    expect(await run(['--quiet'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    const errored = createFixture({ 'keys.js': hardcoded, 'warned.js': hardcodedWarning });
    const { code, results } = await runJson(['-q'], errored);
    expect(code).toBe(1);
    expect(describeFindings(results, errored)).toEqual([`keys.js: ${HARDCODED}`]);
    expect(results.map((result) => result.warningCount)).toEqual([0, 0]);
  });
});

describe('files', () => {
  it('never lints node_modules, dist, build, coverage or .git', async () => {
    const cwd = createFixture({
      'src/keys.js': hardcoded,
      'node_modules/pkg/index.js': hardcoded,
      'packages/app/node_modules/pkg/index.js': hardcoded,
      'dist/index.js': hardcoded,
      'packages/app/dist/index.mjs': hardcoded,
      'build/index.js': hardcoded,
      'coverage/lcov-report/prettify.js': hardcoded,
      '.git/hooks/pre-commit.js': hardcoded,
    });
    const { code, results } = await runJson([], cwd);
    expect(code).toBe(1);
    expect(describeFindings(results, cwd)).toEqual([`src/keys.js: ${HARDCODED}`]);
  });

  it('skips an ignored folder even when it is named on the command line', async () => {
    const cwd = createFixture({ 'dist/index.js': hardcoded, 'node_modules/pkg/index.js': hardcoded });
    expect(await run(['dist', 'node_modules/pkg/index.js'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('lints every JavaScript and TypeScript extension, and nothing else', async () => {
    const cwd = createFixture({
      'a.js': hardcoded,
      'b.cjs': `module.exports = '${FAKE_KEY}';\n`,
      'c.mjs': hardcoded,
      'd.jsx': hardcoded,
      'e.ts': hardcoded,
      'f.tsx': hardcoded,
      'g.mts': hardcoded,
      'h.cts': hardcoded,
      'i.json': `{ "key": "${FAKE_KEY}" }\n`,
      'j.md': `\`${FAKE_KEY}\`\n`,
    });
    const { results } = await runJson([], cwd);
    expect(describeFindings(results, cwd)).toEqual(
      ['a.js', 'b.cjs', 'c.mjs', 'd.jsx', 'e.ts', 'f.tsx', 'g.mts', 'h.cts'].map((file) => `${file}: ${HARDCODED}`),
    );
  });

  it('parses TypeScript and TSX with the TypeScript parser', async () => {
    const cwd = createFixture({
      'settings.ts': `
import type { S3ClientConfig } from '@aws-sdk/client-s3';

interface Settings { region: string; accessKeyId?: string }
enum Stage { Dev = 'dev' }
const settings = { region: 'eu-west-1', accessKeyId: '${FAKE_KEY}' } satisfies Settings;
export const config: S3ClientConfig = { region: settings.region! as string };
export const stage = Stage.Dev;
`,
      'view.tsx': `
export function Key<T extends string>({ value }: { value: T }): JSX.Element {
  return <code title="${FAKE_KEY}">{value}</code>;
}
`,
    });
    const { results } = await runJson([], cwd);
    expect(describeFindings(results, cwd)).toEqual([`settings.ts: ${HARDCODED}`, `view.tsx: ${HARDCODED}`]);
  });

  it('parses .cjs files as CommonJS and .jsx files with JSX', async () => {
    const cwd = createFixture({
      // A top-level `return` is a syntax error in an ES module.
      'config.cjs': `
const key = '${FAKE_KEY}';
if (!key) return;
module.exports = { key };
`,
      'view.jsx': `
export const View = () => <code title="${FAKE_KEY}" />;
`,
    });
    const { results } = await runJson([], cwd);
    expect(describeFindings(results, cwd)).toEqual([`config.cjs: ${HARDCODED}`, `view.jsx: ${HARDCODED}`]);
  });

  // Next.js routes: with glob expansion on, ESLint would read the brackets as a character class.
  it('lints files whose names look like globs', async () => {
    const cwd = createFixture({ 'app/[id]/page.tsx': hardcoded, 'pages/[...slug].js': hardcoded });
    const { results } = await runJson(['app/[id]/page.tsx', 'pages'], cwd);
    expect(describeFindings(results, cwd)).toEqual([
      `app/[id]/page.tsx: ${HARDCODED}`,
      `pages/[...slug].js: ${HARDCODED}`,
    ]);
  });

  it('reports each file once when paths overlap', async () => {
    const cwd = createFixture({ 'src/keys.js': hardcoded });
    const { results } = await runJson(['src', 'src/keys.js', '.'], cwd);
    expect(describeFindings(results, cwd)).toEqual([`src/keys.js: ${HARDCODED}`]);
  });
});

describe('zero config', () => {
  it('never reads the eslint config of the directory it lints', async () => {
    const cwd = createFixture({
      'eslint.config.js': `export default [{ rules: { 'no-unused-vars': 'error' } }, { ignores: ['**/*.js'] }];\n`,
      'keys.js': `const unused = 1;\n${hardcoded}`,
    });
    const { results } = await runJson([], cwd);
    expect(describeFindings(results, cwd)).toEqual([`keys.js: ${HARDCODED}`]);
  });

  it('reports only this plugin: comments meant for the project’s own ESLint setup are not findings', async () => {
    const cwd = createFixture({
      'legacy.js': `
/* eslint-env node */
/* eslint no-console: "error", some-plugin/some-rule: "error" */
// eslint-disable-next-line no-alert
console.log(process.env.HOME);
`,
    });
    expect(await run([], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('honours a disable comment for this plugin’s rule', async () => {
    const cwd = createFixture({
      'fixture.js': `
// eslint-disable-next-line ${HARDCODED} -- a revoked key kept as a fixture
export const accessKeyId = '${FAKE_KEY}';
`,
    });
    expect(await run([], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('output', () => {
  const cwd = createFixture({
    'src/deep/keys.js': hardcoded,
    'src/broken.ts': 'const value: = 1;\n',
    'src/client.js': clean,
  });

  it('json: parses, carries the rule id, and never the file source', async () => {
    const { code, stdout } = await run(['--format', 'json'], cwd);
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as JsonResult[];
    expect(results).toHaveLength(3);
    expect(describeFindings(results, cwd)).toEqual(['src/broken.ts: fatal', `src/deep/keys.js: ${HARDCODED}`]);
    expect(results.some((result) => 'source' in result)).toBe(false);
    expect(stdout).not.toContain(FAKE_KEY);
  });

  it('sarif: a 2.1.0 log with rule metadata, relative URIs and regions, parse errors as notifications', async () => {
    const { code, stdout } = await run(['--format', 'sarif'], cwd);
    expect(code).toBe(1);
    // The finding as ESLint itself reports it: SARIF must carry the same text and positions.
    const [finding] = (await runJson([], cwd)).results.flatMap((result) =>
      result.messages.filter((message) => message.ruleId === HARDCODED),
    );
    expect(finding).toBeDefined();
    expect(stdout).not.toContain(FAKE_KEY);
    expect(stdout).not.toContain('"snippet"');
    const log = JSON.parse(stdout);
    expect(log).toMatchObject({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0' });
    expect(log.runs).toHaveLength(1);
    const [runLog] = log.runs;
    expect(runLog.tool.driver).toMatchObject({
      name: 'aws-credentials-lint',
      version: plugin.meta.version,
      informationUri: expect.stringMatching(/^https:\/\//),
    });
    const ruleIndex = runLog.tool.driver.rules.findIndex((rule: { id: string }) => rule.id === HARDCODED);
    expect(runLog.tool.driver.rules[ruleIndex]).toEqual({
      id: HARDCODED,
      shortDescription: { text: plugin.rules['no-hardcoded-credentials']?.meta.docs?.description },
      fullDescription: { text: `${plugin.rules['no-hardcoded-credentials']?.meta.docs?.description}.` },
      helpUri: plugin.rules['no-hardcoded-credentials']?.meta.docs?.url,
      defaultConfiguration: { level: 'error' },
    });
    expect(runLog.tool.driver.rules[ruleIndex].helpUri).toMatch(/no-hardcoded-credentials\.md$/);
    expect(runLog.results).toEqual([
      {
        ruleId: HARDCODED,
        ruleIndex,
        level: 'error',
        message: { text: finding?.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'src/deep/keys.js', uriBaseId: '%SRCROOT%' },
              region: {
                startLine: 2,
                startColumn: finding?.column,
                endLine: finding?.endLine,
                endColumn: finding?.endColumn,
              },
            },
          },
        ],
      },
    ]);
    expect(runLog.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    expect(runLog.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: expect.stringMatching(/^Parsing error: /) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'src/broken.ts', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 1, startColumn: expect.any(Number) },
                },
              },
            ],
          },
        ],
      },
    ]);
  });

  it('sarif: a clean run still lists the enabled rules and has no notifications', async () => {
    const { code, stdout } = await run(['--format', 'sarif', 'src/client.js'], cwd);
    expect(code).toBe(0);
    const [runLog] = JSON.parse(stdout).runs;
    expect(runLog.results).toEqual([]);
    expect(runLog.invocations).toEqual([{ executionSuccessful: true }]);
    expect(runLog.tool.driver.rules.length).toBeGreaterThan(0);
  });

  it('never prints the whole key in any format', async () => {
    for (const format of ['stylish', 'json', 'sarif']) {
      const { stdout, stderr } = await run(['--format', format], cwd);
      expect(stdout).toContain(HARDCODED);
      expect(stdout + stderr).not.toContain(FAKE_KEY);
    }
  });

  it('--output-file writes the report to a file and nothing to stdout', async () => {
    const { code, stdout } = await run(['--format', 'json', '--output-file', 'reports/lint.json'], cwd);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const results = JSON.parse(readFileSync(path.join(cwd, 'reports/lint.json'), 'utf8')) as JsonResult[];
    expect(describeFindings(results, cwd)).toEqual(['src/broken.ts: fatal', `src/deep/keys.js: ${HARDCODED}`]);
  });
});

describe('progress', () => {
  const files = Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`src/file-${index}.js`, clean]));
  const cwd = createFixture(files);

  it('counts files on a terminal, in batches, and clears the line at the end', async () => {
    expect(await run([], cwd, { tty: true })).toEqual({
      code: 0,
      stdout: '',
      stderr: '\r0/60 files\r50/60 files\r60/60 files\r\u001B[K',
    });
  });

  it('prints nothing when stderr is not a terminal', async () => {
    expect(await run([], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('built command', () => {
  it.skipIf(!existsSync(BIN))('runs as `node dist/cli/bin.js`', () => {
    const cwd = createFixture({ 'src/keys.ts': hardcoded, 'src/client.js': clean });
    const findings = spawnSync(process.execPath, [BIN, '--format', 'json'], { cwd, encoding: 'utf8' });
    expect(findings.status).toBe(1);
    expect(findings.stderr).toBe('');
    expect(describeFindings(JSON.parse(findings.stdout) as JsonResult[], cwd)).toEqual([`src/keys.ts: ${HARDCODED}`]);

    const usage = spawnSync(process.execPath, [BIN, 'missing'], { cwd, encoding: 'utf8' });
    expect(usage).toMatchObject({ status: 2, stdout: '', stderr: 'aws-credentials-lint: path not found: missing\n' });
  });
});
