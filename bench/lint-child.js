// One measured run, in a fresh process: lints a list of corpus files with one config and writes what it saw as JSON.
// Usage (by bench/run.js): node bench/lint-child.js <plugin-root> <mode> <files.json> <out.json> [--stats] [--collect]
//   [--eslint-extend-copies]
//   plugin-root: a folder with the built plugin (dist/, package.json); mode: floor | all | rule:<id>;
//   --stats: ESLint's per-rule times; --collect: every finding with its suggestions;
//   --eslint-extend-copies: the experiment of bench/eslint-extend.js (bench/README.md, "What the floor costs").
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { ESLint } from 'eslint';

import { copyFileContextInsteadOfExtending } from './eslint-extend.js';
import { isPluginMessage, loadLintConfigs } from './lint-config.js';

const [pluginRoot, mode, filesPath, outPath, ...flags] = process.argv.slice(2);
const withStats = flags.includes('--stats');
const collect = flags.includes('--collect');
if (flags.includes('--eslint-extend-copies')) copyFileContextInsteadOfExtending();

const { createBenchConfig } = await loadLintConfigs(pluginRoot);
const { cwd, files } = JSON.parse(readFileSync(filesPath, 'utf8'));
// Read before the clock starts: the benchmark measures linting, not the disk.
const texts = files.map((file) => readFileSync(file.path, 'utf8'));

const eslint = new ESLint({
  cwd,
  overrideConfigFile: true,
  overrideConfig: createBenchConfig(mode),
  // Packages publish their code under dist/ and build/: lint every corpus file.
  ignore: false,
  // `/* eslint-disable */` in published code must not hide findings, nor name rules this run does not load.
  allowInlineConfig: false,
  stats: withStats,
});

const findingsByRule = {};
const parseErrors = [];
const crashes = [];
const findings = [];
const ruleMs = {};
const slowest = [];
let parseMs = 0;

// Only cheap calls inside the loop (no `process.cpuUsage()` per file: it costs ~0.1 ms).
const startCpu = process.cpuUsage();
const startWall = performance.now();
for (let index = 0; index < files.length; index++) {
  const file = files[index];
  let result;
  try {
    [result] = await eslint.lintText(texts[index], { filePath: file.path });
  } catch (error) {
    // A rule threw: ESLint names it (`error.ruleId`, or `Rule: "…"` in the message). Note it and go on.
    crashes.push({
      file: file.relative,
      rule: error?.ruleId ?? /\nRule: "([^"]+)"/.exec(String(error?.message))?.[1] ?? 'unknown',
      message: String(error?.stack ?? error).split('\n').slice(0, 8).join('\n'),
    });
  }
  if (result !== undefined) record(file, result);
}
const wallMs = performance.now() - startWall;
const { user, system } = process.cpuUsage(startCpu);

slowest.sort((a, b) => b.ms - a.ms);
const output = {
  mode,
  files: files.length,
  wallMs,
  cpuMs: (user + system) / 1000,
  maxRssKb: process.resourceUsage().maxRSS,
  parseErrors,
  crashes,
  findingsByRule,
  ...(withStats && { parseMs, ruleMs, slowest: slowest.slice(0, 20) }),
  ...(collect && { findings }),
};
writeFileSync(outPath, JSON.stringify(output));

function record(file, result) {
  for (const message of result.messages) {
    if (message.fatal === true) {
      parseErrors.push({ file: file.relative, line: message.line, message: message.message });
    } else if (isPluginMessage(message)) {
      findingsByRule[message.ruleId] = (findingsByRule[message.ruleId] ?? 0) + 1;
      if (collect) findings.push({ file: file.relative, aws: file.aws, ...pickMessage(message) });
    }
  }
  if (!withStats) return;
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) {
      ruleMs[ruleId] = (ruleMs[ruleId] ?? 0) + total;
      if (total >= 1) slowest.push({ file: file.relative, rule: ruleId, ms: total });
    }
  }
}

function pickMessage(message) {
  const { ruleId, message: text, line, column, endLine, endColumn, suggestions = [] } = message;
  return {
    rule: ruleId,
    message: text,
    line,
    column,
    endLine,
    endColumn,
    suggestions: suggestions.map(({ desc, fix }) => ({ desc, fix })),
  };
}
