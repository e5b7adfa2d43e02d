// Tests the package as users get it: `npm pack` the built plugin, check what the tarball ships (publint,
// arethetypeswrong), install it next to ESLint 9 and 10 in fresh temporary projects, and lint a sample there with
// `configs.recommended` from an ES module config and from CommonJS configs. Run by `npm run test:package`, which
// builds first. Prints one line per check and `N passed, M failed` at the end; exits 1 if any check failed.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const NPM = 'npm';
const RULE = 'aws-credentials/no-static-credentials';

/** The ESLint versions the peer range `^9 || ^10` promises: its lowest version and the newest of each major. */
const ESLINT_VERSIONS = ['9.0.0', '9', '10'];
/** docs/ci.md recommends this formatter for plain ESLint runs; it is checked with the newest ESLint. */
const SARIF_FORMATTER = '@microsoft/eslint-formatter-sarif';
const WITH_FORMATTER = '10';

const SAMPLE = `import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({ credentials: { accessKeyId: process.env.K, secretAccessKey: process.env.S } });
`;
/** Where no-static-credentials reports SAMPLE: the `credentials` property. */
const EXPECTED = { ruleId: RULE, severity: 2, line: 3, column: 34, endLine: 3, endColumn: 109 };

/** The configs a user may write; each must give EXPECTED. */
const CONFIGS = {
  'eslint.config.js': `import awsCredentials from 'eslint-plugin-aws-credentials';

export default [awsCredentials.configs.recommended];
`,
  // require() of an ES module (Node.js ^20.19 and >=22.12) returns its namespace: the plugin is its `default`.
  'eslint.config.cjs': `const awsCredentials = require('eslint-plugin-aws-credentials').default;

module.exports = [awsCredentials.configs.recommended];
`,
  // Works on every Node.js version: ESLint awaits a config that is a promise.
  'eslint.config.import.cjs': `module.exports = import('eslint-plugin-aws-credentials').then(({ default: awsCredentials }) => [
  awsCredentials.configs.recommended,
]);
`,
};

/** The only files the tarball may ship. */
const SHIPPED = /^(?:dist\/.+\.(?:js|d\.ts)|package\.json|README\.md|LICENSE)$/;
const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/bin.js'];

const outcomes = [];
const started = Date.now();

/** Records a check: `problem` is undefined when it passed, else what went wrong. */
function report(name, problem) {
  outcomes.push(problem === undefined);
  console.log(`${problem === undefined ? 'ok  ' : 'FAIL'} ${name}${problem === undefined ? '' : `\n     ${problem}`}`);
}

/** Runs a command; resolves with its exit code and output instead of throwing on a non-zero exit. */
async function exec(command, args, cwd) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: quietNpmEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

function quietNpmEnv() {
  return { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

/** `npm pack` into `directory`; returns the tarball path and the packed file list. */
async function pack(directory) {
  const { code, stdout, stderr } = await exec(NPM, ['pack', '--json', '--pack-destination', directory], ROOT);
  if (code !== 0) throw new Error(`npm pack failed: ${stderr}`);
  const [{ filename, files }] = JSON.parse(stdout);
  return { tarball: path.join(directory, filename), files: files.map((file) => file.path) };
}

function checkFiles(files) {
  const unexpected = files.filter((file) => !SHIPPED.test(file));
  const missing = REQUIRED.filter((file) => !files.includes(file));
  report(
    `tarball ships only dist/, package.json, README.md and LICENSE (${files.length} files)`,
    unexpected.length + missing.length === 0 ? undefined : `unexpected: ${unexpected.join(', ')}; missing: ${missing.join(', ')}`,
  );
}

async function checkPublint(tarball) {
  const { code, stdout, stderr } = await exec(NPM, ['exec', '--', 'publint', 'run', '--strict', tarball], ROOT);
  // `--strict` turns warnings into errors; "All good!" means no suggestion either.
  report('publint --strict: all good', code === 0 && stdout.includes('All good!') ? undefined : stdout + stderr);
}

async function checkTypes(tarball) {
  const { code, stdout, stderr } = await exec(NPM, ['exec', '--', 'attw', tarball, '--profile', 'esm-only', '--format', 'json'], ROOT);
  let problems;
  try {
    problems = JSON.parse(stdout).analysis.problems;
  } catch {
    problems = [`unreadable output: ${stdout}${stderr}`];
  }
  // The esm-only profile ignores the node10 and node16-from-CommonJS resolutions; any problem left is an error.
  const counted = problems.filter(
    (problem) => problem.resolutionKind === undefined || !['node10', 'node16-cjs'].includes(problem.resolutionKind),
  );
  report('attw --profile esm-only', code === 0 && counted.length === 0 ? undefined : JSON.stringify(counted));
}

/** A fresh project with the tarball and `eslint@version` installed from the npm cache where possible. */
async function createProject(base, tarball, version) {
  const project = path.join(base, `eslint-${version}`);
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: `consumer-eslint-${version}`, private: true, type: 'module' }));
  writeFileSync(path.join(project, 'sample.js'), SAMPLE);
  for (const [file, text] of Object.entries(CONFIGS)) writeFileSync(path.join(project, file), text);
  const packages = [tarball, `eslint@${version}`, ...(version === WITH_FORMATTER ? [SARIF_FORMATTER] : [])];
  const install = await exec(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...packages], project);
  if (install.code !== 0) throw new Error(`npm install in ${project} failed:\n${install.stderr}`);
  return project;
}

async function checkProject(project, version) {
  const eslint = path.join(project, 'node_modules/.bin/eslint');
  const { stdout: installed } = await exec(eslint, ['--version'], project);
  for (const config of Object.keys(CONFIGS)) {
    const { code, stdout, stderr } = await exec(eslint, ['-c', config, '--format', 'json', 'sample.js'], project);
    const messages = code === 1 ? JSON.parse(stdout)[0].messages : [];
    const [message] = messages;
    // Some Node.js versions warn that require(esm) is experimental; anything else on stderr is a failure.
    const warnings = stderr.split('\n').filter((line) => line !== '' && !/ExperimentalWarning|--trace-warnings/.test(line));
    const matches =
      messages.length === 1 && Object.entries(EXPECTED).every(([key, value]) => message[key] === value) && warnings.length === 0;
    report(
      `ESLint ${installed.trim()} (eslint@${version}), ${config}: ${RULE} at 3:34`,
      matches ? undefined : `exit ${code}\n${stdout}${stderr}`,
    );
  }
  if (version === WITH_FORMATTER) await checkSarifFormatter(project, eslint, installed.trim());
  // The command the package ships, as `npx aws-credentials-lint` runs it.
  const cli = await exec(path.join(project, 'node_modules/.bin/aws-credentials-lint'), ['--format', 'json', 'sample.js'], project);
  const ruleIds = cli.code === 1 ? JSON.parse(cli.stdout).flatMap((result) => result.messages.map((m) => m.ruleId)) : [];
  report(
    `aws-credentials-lint with ESLint ${installed.trim()}: exit 1, ${RULE}`,
    ruleIds.join() === RULE ? undefined : `exit ${cli.code}\n${cli.stdout}${cli.stderr}`,
  );
}

/** Plain ESLint with `@microsoft/eslint-formatter-sarif`: valid SARIF 2.1.0 with the rule's help link. */
async function checkSarifFormatter(project, eslint, installed) {
  const { code, stdout, stderr } = await exec(eslint, ['-c', 'eslint.config.js', '--format', SARIF_FORMATTER, 'sample.js'], project);
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv-draft-04');
  const addFormats = require('ajv-formats');
  // See tests/ecosystem/sarif-schema.test.ts for why patterns are not unicode regular expressions.
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
  let problem;
  try {
    const log = JSON.parse(stdout);
    const [run] = log.runs;
    if (!validate(log)) problem = JSON.stringify(validate.errors);
    else if (run.results.map((result) => result.ruleId).join() !== RULE) problem = `results: ${JSON.stringify(run.results)}`;
    else if (!run.tool.driver.rules[0]?.helpUri?.endsWith(`/docs/rules/${RULE.split('/')[1]}.md`)) {
      problem = `rules: ${JSON.stringify(run.tool.driver.rules)}`;
    }
  } catch (error) {
    problem = `${error.message}\n${stdout}${stderr}`;
  }
  report(`ESLint ${installed} --format ${SARIF_FORMATTER}: exit 1, valid SARIF 2.1.0, helpUri`, code === 1 ? problem : `exit ${code}`);
}

const base = mkdtempSync(path.join(tmpdir(), 'aws-credentials-package-'));
try {
  const { tarball, files } = await pack(base);
  checkFiles(files);
  // The installs wait on the network and the cache, the checks on the CPU: all at once.
  // Settled at once so that a failed install is reported in order, not as an unhandled rejection.
  const projects = ESLINT_VERSIONS.map((version) =>
    createProject(base, tarball, version).then(
      (project) => ({ project }),
      (error) => ({ error }),
    ),
  );
  await Promise.all([checkPublint(tarball), checkTypes(tarball)]);
  for (const [index, version] of ESLINT_VERSIONS.entries()) {
    const { project, error } = await projects[index];
    if (error) report(`install eslint@${version} with the tarball`, error.message);
    else await checkProject(project, version);
  }
} catch (error) {
  report('test-package', error.stack ?? String(error));
} finally {
  if (!process.argv.includes('--keep')) rmSync(base, { recursive: true, force: true });
  else console.log(`kept ${base}`);
}

const passed = outcomes.filter(Boolean).length;
const failed = outcomes.length - passed;
console.log(`test-package: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
