// Whole-corpus wall times, for what a user runs: ESLint in one thread, ESLint in worker threads
// (`--concurrency`), and oxlint with this plugin as a JS plugin (`--oxlint`), each with the `recommended` rules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
/** The oxlint the ecosystem test checks the plugin with (tests/ecosystem/oxlint.test.ts), installed the same way. */
const OXLINT_VERSION = '1.94.0';
const OXLINT_HOME = path.join(ROOT, 'node_modules/.cache', `oxlint-${OXLINT_VERSION}`);
const OXLINT = path.join(OXLINT_HOME, 'node_modules/oxlint/bin/oxlint');
/** The CLI skips these directories; packages publish their code there, so the mirror renames them. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);

/**
 * Runs the comparisons and returns their rows. `files` are the corpus files (`path`, `relative`), mirrored in the
 * temporary directory by hard links so that every linter sees exactly the benchmark's files and nothing else.
 */
export function runComparisons({ pluginRoot, work, files, concurrency, oxlint, log }) {
  // Outside the repository: oxlint's directory walk honours the `.gitignore` that hides `.bench-cache/`.
  const mirror = createMirror(path.join(os.tmpdir(), 'aws-credentials-bench-mirror'), files);
  const rows = [];
  const eslintRun = (threads) => {
    const out = path.join(work, `compare-${threads}.json`);
    const child = spawnSync(process.execPath, [path.join(HERE, 'compare-child.js'), pluginRoot, mirror, threads, out], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`ESLint with --concurrency ${threads} exited with ${child.status}`);
    const measured = JSON.parse(readFileSync(out, 'utf8'));
    log(`[compare] ESLint, --concurrency ${threads}: wall ${(measured.wallMs / 1000).toFixed(2)} s`);
    return { name: `ESLint, --concurrency ${threads}`, ...measured };
  };
  rows.push(eslintRun('off'));
  if (concurrency !== undefined) rows.push(eslintRun(concurrency));
  if (oxlint) rows.push(runOxlint(pluginRoot, mirror, work, log));
  return rows;
}

/** Hard links of the corpus files (copies where a link fails), with skipped directory names renamed. */
function createMirror(mirror, files) {
  rmSync(mirror, { recursive: true, force: true });
  for (const file of files) {
    const relative = file.relative
      .split(path.sep)
      .map((segment) => (SKIPPED_DIRECTORIES.has(segment) ? `${segment}_` : segment))
      .join(path.sep);
    const target = path.join(mirror, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(file.path, target);
    } catch {
      copyFileSync(file.path, target);
    }
  }
  return mirror;
}

function runOxlint(pluginRoot, mirror, work, log) {
  if (!existsSync(OXLINT)) {
    const install = spawnSync(
      'npm',
      ['install', '--prefix', OXLINT_HOME, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `oxlint@${OXLINT_VERSION}`],
      { encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`npm install oxlint@${OXLINT_VERSION} failed:\n${install.stderr}`);
  }
  // The plugin as a package next to the config, resolved as `jsPlugins` resolves a specifier.
  const project = path.join(work, 'oxlint-project');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(path.join(project, 'node_modules'), { recursive: true });
  symlinkSync(pluginRoot, path.join(project, 'node_modules/eslint-plugin-aws-credentials'), 'dir');
  const plugin = JSON.parse(readFileSync(path.join(pluginRoot, 'package.json'), 'utf8'));
  const recommended = JSON.parse(
    spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import p from ${JSON.stringify(path.join(pluginRoot, 'dist/index.js'))}; console.log(JSON.stringify(p.configs.recommended.rules))`],
      { encoding: 'utf8' },
    ).stdout,
  );
  const config = path.join(project, '.oxlintrc.json');
  // Only this plugin's rules: oxlint's own categories are turned off, so that the times compare the same work.
  writeFileSync(
    config,
    JSON.stringify({
      categories: { correctness: 'off', suspicious: 'off', pedantic: 'off', perf: 'off', style: 'off', restriction: 'off', nursery: 'off' },
      jsPlugins: [plugin.name],
      rules: recommended,
    }),
  );
  const start = performance.now();
  const child = spawnSync(process.execPath, [OXLINT, '-c', config, '--format', 'json', '--no-ignore', mirror], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (child.status !== 0 && child.status !== 1) throw new Error(`oxlint exited with ${child.status}:\n${child.stderr}`);
  const { diagnostics, number_of_files: files } = JSON.parse(child.stdout);
  const findingsByRule = {};
  for (const { code } of diagnostics) {
    const match = /^aws-credentials\((.+)\)$/.exec(code);
    if (match) findingsByRule[`aws-credentials/${match[1]}`] = (findingsByRule[`aws-credentials/${match[1]}`] ?? 0) + 1;
  }
  log(`[compare] oxlint ${OXLINT_VERSION}, jsPlugins: wall ${(wallMs / 1000).toFixed(2)} s`);
  return { name: `oxlint ${OXLINT_VERSION} (jsPlugins)`, files, wallMs, findingsByRule };
}

/** The Markdown section of the comparisons. */
export function formatComparisons(rows) {
  const [baseline] = rows;
  const ruleIds = [...new Set(rows.flatMap((row) => Object.keys(row.findingsByRule)))].sort();
  const total = (row) => Object.values(row.findingsByRule).reduce((sum, count) => sum + count, 0);
  return [
    '## Whole corpus, `recommended` rules: wall time per linter',
    '',
    'Each linter lints the whole corpus once, in a fresh process, with the plugin\'s `recommended` rules and nothing',
    'else (oxlint\'s own rule categories off). Wall time includes loading the linter and the plugin.',
    '',
    '| run | files | wall (s) | vs ESLint, one thread | CPU (s) | findings |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.files ?? '–'} | ${(row.wallMs / 1000).toFixed(2)} | ${(row.wallMs / baseline.wallMs).toFixed(2)}× | ` +
        `${row.cpuMs === undefined ? '–' : (row.cpuMs / 1000).toFixed(2)} | ${total(row)} |`,
    ),
    '',
    `| rule | ${rows.map((row) => row.name).join(' | ')} |`,
    `| --- | ${rows.map(() => '---:').join(' | ')} |`,
    ...ruleIds.map((ruleId) => `| ${ruleId} | ${rows.map((row) => row.findingsByRule[ruleId] ?? 0).join(' | ')} |`),
    '',
  ].join('\n');
}
