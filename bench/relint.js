// What an editor feels: the time to lint one AWS-using corpus file again, as the ESLint language server does on
// each keystroke, with the process warm (parser, plugin, module cache). Usage, after `node bench/run.js` has written
// the chunk files:
//   node bench/relint.js [--plugin <folder with dist/, default: this project>] [--files .bench-cache/run/files-aws-0.json] [--passes 3]
// Prints, for ESLint with no rule and for the plugin's `all` config with module following on (the default) and off, the median and 95th
// percentile of one file's lint time over the files (each file's time is its median over the warm passes), and the
// same for the first, cold lint of each file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { ESLint } from 'eslint';

import { loadLintConfigs } from './lint-config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    plugin: { type: 'string', default: ROOT },
    files: { type: 'string', default: path.join(ROOT, '.bench-cache/run/files-aws-0.json') },
    passes: { type: 'string', default: '3' },
  },
});
const passes = Math.max(1, Number(values.passes));

const { createBenchConfig } = await loadLintConfigs(values.plugin);
const { cwd, files } = JSON.parse(readFileSync(values.files, 'utf8'));
const texts = files.map((file) => readFileSync(file.path, 'utf8'));

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function measure(mode) {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: createBenchConfig(mode), ignore: false, allowInlineConfig: false });
  const lintOnce = async (index) => {
    const start = performance.now();
    await eslint.lintText(texts[index], { filePath: files[index].path });
    return performance.now() - start;
  };
  // The first lint of each file: a cold module cache for what it imports (the parser and plugin are warm after
  // the first few files).
  const cold = [];
  for (let index = 0; index < files.length; index++) cold.push(await lintOnce(index));
  const warm = files.map(() => []);
  for (let pass = 0; pass < passes; pass++) {
    for (let index = 0; index < files.length; index++) warm[index].push(await lintOnce(index));
  }
  const perFile = warm.map(median).sort((a, b) => a - b);
  const coldSorted = [...cold].sort((a, b) => a - b);
  const slowest = warm
    .map((times, index) => ({ file: files[index].relative, ms: median(times) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  return {
    mode,
    warm: { median: median(perFile), p95: quantile(perFile, 0.95), max: perFile.at(-1) },
    cold: { median: median(coldSorted), p95: quantile(coldSorted, 0.95), max: coldSorted.at(-1) },
    slowest,
  };
}

const MODE_NAMES = { floor: 'no rule (parse only)', all: 'all rules, modules followed', 'all-local': 'all rules, each file alone' };
const ms = (value) => `${value.toFixed(1)} ms`;
const rows = [];
for (const mode of ['floor', 'all', 'all-local']) rows.push(await measure(mode));
process.stdout.write(
  [
    `# Re-linting one AWS-using file (${files.length} files, ${passes} warm passes, Node ${process.version}, ESLint ${ESLint.version})`,
    '',
    '| config | warm median | warm p95 | warm max | first lint median | first lint p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(({ mode, warm, cold }) =>
      `| ${MODE_NAMES[mode]} | ${ms(warm.median)} | ${ms(warm.p95)} | ${ms(warm.max)} | ${ms(cold.median)} | ${ms(cold.p95)} |`,
    ),
    '',
    `Slowest warm files (modules followed): ${rows[1].slowest.map(({ file, ms: time }) => `${file} ${time.toFixed(1)} ms`).join(', ')}.`,
    '',
  ].join('\n'),
);
