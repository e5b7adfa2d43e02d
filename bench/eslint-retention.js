// Shows what ESLint itself costs as soon as one rule is on, without the corpus or this plugin: ESLint's own sources
// are linted a few times with no rule, with one rule that listens to nothing, and with that rule after
// `FileContext#extend` is replaced by a version that copies the file context instead of using it as a prototype.
// Each mode runs in a fresh process; V8's `gc` performance entries give the time spent in young-generation
// (scavenge) and full (mark-compact) collections. See bench/README.md, "What the floor costs".
// Usage: node bench/eslint-retention.js [--passes 5] [--rounds 3]
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PerformanceObserver, constants, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { ESLint } from 'eslint';

import { ESLINT_LIB, copyFileContextInsteadOfExtending } from './eslint-extend.js';

const MODES = ['no-rule', 'empty-rule', 'empty-rule, extend copies'];

const { values } = parseArgs({
  options: {
    passes: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    child: { type: 'string' },
  },
  strict: true,
});

if (values.child === undefined) {
  printTable(runRounds(Number(values.rounds)));
} else {
  process.stdout.write(JSON.stringify(await measure(values.child, Number(values.passes))));
}

function runRounds(rounds) {
  const results = Object.fromEntries(MODES.map((mode) => [mode, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? MODES : [...MODES].reverse();
    for (const mode of order) {
      const child = spawnSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--child', mode, '--passes', values.passes],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      if (child.status !== 0) throw new Error(`${mode} exited with ${child.status ?? child.signal}`);
      results[mode].push(JSON.parse(child.stdout));
    }
  }
  return results;
}

async function measure(mode, passes) {
  if (!MODES.includes(mode)) throw new Error(`unknown mode ${mode}`);
  if (mode === 'empty-rule, extend copies') copyFileContextInsteadOfExtending();
  const texts = listFiles(ESLINT_LIB).map((file) => readFileSync(file, 'utf8'));
  const config = [
    { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
    ...(mode === 'no-rule'
      ? []
      : [
          {
            plugins: { bench: { rules: { empty: { meta: { type: 'problem', schema: [] }, create: () => ({}) } } } },
            rules: { 'bench/empty': 'error' },
          },
        ]),
  ];
  // As the CLI and editors lint: one ESLint instance, whose config is computed once.
  const eslint = new ESLint({ cwd: ESLINT_LIB, overrideConfigFile: true, overrideConfig: config, ignore: false, allowInlineConfig: false });
  const filePath = path.join(ESLINT_LIB, 'file.js');

  const gc = { scavengeMs: 0, fullMs: 0, scavenges: 0, full: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        gc.scavengeMs += entry.duration;
        gc.scavenges++;
      } else if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        gc.fullMs += entry.duration;
        gc.full++;
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });

  const startCpu = process.cpuUsage();
  const start = performance.now();
  let lints = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const text of texts) {
      const [{ messages }] = await eslint.lintText(text, { filePath });
      if (messages.length > 0) throw new Error(messages[0].message);
      lints++;
    }
  }
  const wallMs = performance.now() - start;
  const { user, system } = process.cpuUsage(startCpu);
  // V8 reports collections to the observer from the event loop, which the synchronous loop above never reached.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return { mode, lints, wallMs, cpuMs: (user + system) / 1000, ...gc, maxRssKb: process.resourceUsage().maxRSS };
}

function listFiles(directory) {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function printTable(results) {
  const median = (numbers) => {
    const sorted = [...numbers].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const baseline = median(results['no-rule'].map((run) => run.cpuMs));
  const { lints } = results['no-rule'][0];
  console.log(`ESLint ${ESLint.version}, ${lints} lints of its own lib/ sources, medians of ${values.rounds} rounds\n`);
  console.log('| mode | CPU s | vs no rule | scavenges | scavenge s | full GCs | full GC s | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const mode of MODES) {
    const runs = results[mode];
    const cpu = median(runs.map((run) => run.cpuMs));
    console.log(
      `| ${mode} | ${(cpu / 1000).toFixed(2)} | ${(((cpu - baseline) / baseline) * 100).toFixed(1)}% | ` +
        `${median(runs.map((run) => run.scavenges))} | ${(median(runs.map((run) => run.scavengeMs)) / 1000).toFixed(2)} | ` +
        `${median(runs.map((run) => run.full))} | ${(median(runs.map((run) => run.fullMs)) / 1000).toFixed(2)} | ` +
        `${Math.round(median(runs.map((run) => run.maxRssKb)) / 1024)} |`,
    );
  }
}
