// Benchmarks the built plugin on the corpus fetched by bench/fetch.js: see bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { ESLint } from 'eslint';

import { CACHE, CORPUS_DIR, packageDirectory, readCorpus } from './fetch.js';
import { formatComparisons, runComparisons } from './compare.js';
import { checkSuggestions, createMasker, formatFindings } from './findings.js';
import { loadLintConfigs, snapshotPlugin } from './lint-config.js';
import { formatReport, summarize } from './report.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
/** The text of a file that uses the AWS SDK: it names a v2 or v3 module or the Smithy credential providers. */
const AWS_MENTION = /aws-sdk|@smithy\/credential-provider/;
const SUBSETS = ['aws', 'other'];

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    'per-rule': { type: 'boolean', default: false },
    'per-rule-rounds': { type: 'string' },
    json: { type: 'string', default: path.join(CACHE, 'bench-result.json') },
    findings: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    packages: { type: 'string' },
    'chunk-files': { type: 'string', default: '2500' },
    'eslint-extend-copies': { type: 'boolean', default: false },
    oxlint: { type: 'boolean', default: false },
    concurrency: { type: 'string' },
    // The measured modes of each round (`floor` and `empty-rule` are the baselines, always run).
    modes: { type: 'string', default: 'floor,empty-rule,empty-rules,all,all-local' },
  },
  strict: true,
});
const MODES = ['floor', 'empty-rule', 'empty-rules', 'all', 'all-local'];
const roundModes = [...new Set(['floor', 'empty-rule', ...values.modes.split(',')])];
for (const mode of roundModes) if (!MODES.includes(mode)) fail(`--modes: unknown mode ${mode} (one of ${MODES.join(', ')})`);
const rounds = positiveInteger(values.rounds, '--rounds');
const chunkFiles = values['chunk-files'] === '0' ? 0 : positiveInteger(values['chunk-files'], '--chunk-files');
const perRuleRounds = values['per-rule'] ? positiveInteger(values['per-rule-rounds'] ?? '1', '--per-rule-rounds') : 0;

if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) fail('dist/ is missing: run `npm run build` first.');
const work = path.join(CACHE, 'run');
const pluginRoot = path.join(work, 'plugin');
mkdirSync(work, { recursive: true });
snapshotPlugin(pluginRoot);
const { listRuleIds, createBenchConfig, secrets } = await loadLintConfigs(pluginRoot);
const ruleIds = listRuleIds();

const corpus = loadCorpus(values.packages?.split(','));
const chunks = splitIntoChunks(corpus.files, chunkFiles);
log(
  `corpus: ${corpus.files.length} files (${corpus.files.filter((file) => file.aws).length} AWS), ` +
    `${corpus.lines} lines, in ${chunks.length} chunks; ${ruleIds.length} rules; ${rounds} rounds` +
    `${perRuleRounds > 0 ? `, per-rule in ${perRuleRounds}` : ''}`,
);

// `--oxlint`, `--concurrency`: whole-corpus wall times of what a user runs, instead of the rounds.
if (values.oxlint || values.concurrency !== undefined) {
  if (values.concurrency !== undefined && !/^(?:auto|[1-9]\d*)$/.test(values.concurrency)) {
    fail(`--concurrency must be auto or a number of threads, not ${values.concurrency}`);
  }
  const rows = runComparisons({
    pluginRoot,
    work,
    files: corpus.files,
    concurrency: values.concurrency,
    oxlint: values.oxlint,
    log,
  });
  process.stdout.write(
    `# aws-credentials benchmark: linters compared\n\n${new Date().toISOString()}, Node ${process.version}, ESLint ` +
      `${ESLint.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}.\n\n${formatComparisons(rows)}`,
  );
  process.exit(0);
}

const runs = [];
for (let round = 1; round <= rounds; round++) {
  const modes = [
    ...MODES.filter((mode) => roundModes.includes(mode)),
    ...(round <= perRuleRounds ? ruleIds.map((id) => `rule:${id}`) : []),
  ];
  for (const chunk of chunks) {
    // Every mode lints a chunk back to back, so a change in the machine's load hits them alike; the order
    // alternates from chunk to chunk and round to round so that no mode always goes first.
    const order = (round + chunk.index) % 2 === 0 ? [...modes].reverse() : modes;
    for (const mode of order) runs.push({ round, subset: chunk.subset, chunk: chunk.index, ...runChild(mode, chunk, round) });
  }
}

// One more pass with ESLint's `stats` (its timers cost time, so it is kept out of the rounds) and every finding.
const statsRuns = Object.fromEntries(
  SUBSETS.map((subset) => [
    subset,
    mergeRuns(
      chunks
        .filter((chunk) => chunk.subset === subset)
        .map((chunk) => runChild('all', chunk, 'stats', ['--stats', '--collect'])),
    ),
  ]),
);

const summary = summarize({ runs, statsRuns, rounds, ruleIds, chunks });
const findings = SUBSETS.flatMap((subset) => statsRuns[subset].findings);
let suggestionReport;
if (values.findings !== undefined) {
  const mask = createMasker(secrets);
  writeFileSync(path.resolve(values.findings), formatFindings(findings, CORPUS_DIR, mask));
  log(`findings: ${findings.length} written to ${values.findings}; checking their suggestions…`);
  suggestionReport = await checkSuggestions(findings, CORPUS_DIR, createBenchConfig);
  suggestionReport.failures = suggestionReport.failures.map((failure) => ({
    ...failure,
    suggestion: mask(failure.suggestion),
    problem: mask(failure.problem),
  }));
}

const meta = {
  date: new Date().toISOString(),
  node: process.version,
  eslint: ESLint.version,
  plugin: JSON.parse(readFileSync(path.join(pluginRoot, 'package.json'), 'utf8')).version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  loadAverageAtEnd: os.loadavg(),
  rounds,
  perRuleRounds,
  eslintExtendCopies: values['eslint-extend-copies'],
  chunks: chunks.map(({ subset, index, files }) => ({ subset, index, files })),
  rules: ruleIds,
  corpus: {
    packages: corpus.packages.length,
    controlPackages: corpus.packages.filter((entry) => entry.control).length,
    files: corpus.files.length,
    lines: corpus.lines,
    awsFiles: corpus.files.filter((file) => file.aws).length,
    awsLines: corpus.awsLines,
  },
};
const stripFindings = (run) => {
  const copy = { ...run };
  delete copy.findings;
  return copy;
};
const result = {
  meta,
  summary,
  suggestions: suggestionReport,
  runs: runs.map(stripFindings),
  statsRuns: Object.fromEntries(SUBSETS.map((subset) => [subset, stripFindings(statsRuns[subset])])),
  findings: findings.map(({ suggestions, ...finding }) => ({ ...finding, suggestions: suggestions.length })),
};
const jsonPath = path.resolve(values.json);
mkdirSync(path.dirname(jsonPath), { recursive: true });
// Messages and suggestion descriptions are the plugin's own (they mask secrets); no source text is written here.
writeFileSync(jsonPath, `${JSON.stringify(result, null, 1)}\n`);
process.stdout.write(formatReport(result));
log(`full result: ${path.relative(process.cwd(), jsonPath)}`);

/**
 * Splits each subset into chunks of at most `size` files (0: one chunk), file i going to chunk i mod n so that
 * every chunk samples every package, and writes each chunk's file list.
 */
function splitIntoChunks(files, size) {
  return SUBSETS.flatMap((subset) => {
    const inSubset = files.filter((file) => (subset === 'aws') === file.aws);
    const count = size === 0 ? 1 : Math.max(1, Math.ceil(inSubset.length / size));
    return Array.from({ length: count }, (_, index) => {
      const listPath = path.join(work, `files-${subset}-${index}.json`);
      const chunkFiles = inSubset.filter((_file, position) => position % count === index);
      writeFileSync(listPath, JSON.stringify({ cwd: CORPUS_DIR, files: chunkFiles }));
      return { subset, index, listPath, files: chunkFiles.length };
    });
  });
}

/** Adds up the stats runs of one subset's chunks. */
function mergeRuns(parts) {
  const addMaps = (maps) => {
    const total = {};
    for (const map of maps) for (const [key, value] of Object.entries(map ?? {})) total[key] = (total[key] ?? 0) + value;
    return total;
  };
  return {
    files: parts.reduce((total, part) => total + part.files, 0),
    cpuMs: parts.reduce((total, part) => total + part.cpuMs, 0),
    wallMs: parts.reduce((total, part) => total + part.wallMs, 0),
    maxRssKb: Math.max(...parts.map((part) => part.maxRssKb)),
    parseMs: parts.reduce((total, part) => total + (part.parseMs ?? 0), 0),
    ruleMs: addMaps(parts.map((part) => part.ruleMs)),
    findingsByRule: addMaps(parts.map((part) => part.findingsByRule)),
    parseErrors: parts.flatMap((part) => part.parseErrors),
    crashes: parts.flatMap((part) => part.crashes),
    slowest: parts.flatMap((part) => part.slowest ?? []).sort((a, b) => b.ms - a.ms).slice(0, 20),
    findings: parts.flatMap((part) => part.findings ?? []),
  };
}

/** Lints one chunk in a fresh process and returns what it measured, plus the process' own wall time. */
function runChild(mode, chunk, label, flags = []) {
  const out = path.join(work, `out-${chunk.subset}-${chunk.index}.json`);
  const nodeFlags = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.join(CACHE, 'profiles')}`] : [];
  const start = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      ...nodeFlags,
      path.join(HERE, 'lint-child.js'),
      pluginRoot,
      mode,
      chunk.listPath,
      out,
      ...flags,
      ...(values['eslint-extend-copies'] ? ['--eslint-extend-copies'] : []),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const processWallMs = performance.now() - start;
  const where = `${chunk.subset} ${chunk.index + 1}/${chunks.filter((other) => other.subset === chunk.subset).length}`;
  if (child.status !== 0) fail(`${mode} on ${where} exited with ${child.status ?? child.signal}`);
  const measured = JSON.parse(readFileSync(out, 'utf8'));
  log(
    `[${label}] ${mode.padEnd(52)} ${where.padEnd(9)} cpu ${(measured.cpuMs / 1000).toFixed(2)} s, ` +
      `wall ${(measured.wallMs / 1000).toFixed(2)} s, ${measured.crashes.length} crashes`,
  );
  return { ...measured, processWallMs };
}

/** The fetched corpus: every kept file with its subset and line count. */
function loadCorpus(only) {
  const packages = readCorpus().filter((entry) => only === undefined || only.includes(entry.spec));
  const files = [];
  let lines = 0;
  let awsLines = 0;
  for (const entry of packages) {
    const directory = packageDirectory(entry.spec);
    const keptList = path.join(directory, '.kept.json');
    if (!existsSync(keptList)) fail(`${entry.spec} is not in the cache: run \`node bench/fetch.js\` first.`);
    for (const relative of JSON.parse(readFileSync(keptList, 'utf8')).files) {
      const filePath = path.join(directory, relative);
      const text = readFileSync(filePath, 'utf8');
      const aws = AWS_MENTION.test(text);
      const count = text.split('\n').length;
      lines += count;
      if (aws) awsLines += count;
      files.push({ path: filePath, relative: path.relative(CORPUS_DIR, filePath), aws, package: entry.spec });
    }
  }
  return { packages, files, lines, awsLines };
}

function positiveInteger(text, name) {
  if (!/^[1-9]\d*$/.test(text)) fail(`${name} needs a positive integer, not '${text}'`);
  return Number(text);
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}
