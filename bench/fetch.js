// Downloads the benchmark corpus (bench/corpus.json) with `npm pack` into .bench-cache/ and keeps its sources.
// Idempotent: a package whose sources are already unpacked (its `.kept.json` exists) is skipped.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.join(ROOT, '.bench-cache');
export const CORPUS_DIR = path.join(CACHE, 'corpus');
const TARBALLS = path.join(CACHE, 'tarballs');

const SOURCE_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.ts', '.mts', '.cts']);
const DECLARATION = /\.d\.[cm]?ts$/;
const MAX_BYTES = 1024 * 1024;
/** Average characters per line above which a file is a bundle or minified output, not source. */
const MAX_AVERAGE_LINE_LENGTH = 500;
const CONCURRENCY = 4;

/** The packages of bench/corpus.json. */
export function readCorpus() {
  return JSON.parse(readFileSync(path.join(ROOT, 'bench', 'corpus.json'), 'utf8')).packages;
}

/** The cache folder of one package spec: `@aws-sdk/client-sts@3.1.0` → `@aws-sdk+client-sts@3.1.0`. */
export function packageDirectory(spec) {
  return path.join(CORPUS_DIR, spec.replace('/', '+'));
}

/** Why a file is not kept as a source, or undefined when it is. */
function rejectReason(relativePath, text, size) {
  if (!SOURCE_EXTENSIONS.has(path.extname(relativePath))) return 'extension';
  if (DECLARATION.test(relativePath)) return 'declaration';
  if (relativePath.split('/').includes('node_modules')) return 'bundled dependency';
  if (/\.min\.[cm]?js$/.test(relativePath)) return 'minified';
  if (size > MAX_BYTES) return 'too large';
  const lines = text.split('\n').length;
  if (text.length / lines > MAX_AVERAGE_LINE_LENGTH) return 'minified';
  return undefined;
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.trim()}`)),
    );
  });
}

function walk(directory, visit, base = directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) walk(entryPath, visit, base);
    else if (entry.isFile()) visit(entryPath, path.relative(base, entryPath).split(path.sep).join('/'));
  }
}

async function fetchPackage(spec) {
  const target = packageDirectory(spec);
  const keptList = path.join(target, '.kept.json');
  if (existsSync(keptList)) return { spec, cached: true, ...JSON.parse(readFileSync(keptList, 'utf8')).summary };

  const [{ filename }] = JSON.parse(await run('npm', ['pack', spec, '--pack-destination', TARBALLS, '--json']));
  const staging = `${target}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  await run('tar', ['-xzf', path.join(TARBALLS, path.basename(filename)), '-C', staging, '--no-same-owner']);

  const kept = [];
  const rejected = {};
  // Tarballs put everything under one top folder, `package/` for nearly all.
  walk(staging, (file, relativePath) => {
    const size = statSync(file).size;
    const text = size <= MAX_BYTES ? readFileSync(file, 'utf8') : '';
    const reason = rejectReason(relativePath, text, size);
    if (reason === undefined) {
      kept.push(relativePath);
    } else {
      rejected[reason] = (rejected[reason] ?? 0) + 1;
      rmSync(file);
    }
  });
  kept.sort();
  const summary = { files: kept.length, rejected };
  writeFileSync(path.join(staging, '.kept.json'), `${JSON.stringify({ spec, summary, files: kept }, null, 1)}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  return { spec, cached: false, ...summary };
}

async function main() {
  mkdirSync(TARBALLS, { recursive: true });
  const specs = readCorpus().map((entry) => entry.spec);
  const queue = [...specs];
  const outcomes = [];
  let failures = 0;
  const worker = async () => {
    for (let spec = queue.shift(); spec !== undefined; spec = queue.shift()) {
      try {
        const outcome = await fetchPackage(spec);
        outcomes.push(outcome);
        if (!outcome.cached) console.error(`fetched ${spec}: ${outcome.files} source files kept`);
      } catch (error) {
        failures++;
        console.error(`FAILED ${spec}: ${error.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const total = outcomes.reduce((sum, outcome) => sum + outcome.files, 0);
  const cached = outcomes.filter((outcome) => outcome.cached).length;
  console.error(`corpus: ${outcomes.length}/${specs.length} packages (${cached} already cached), ${total} source files`);
  if (failures > 0) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
