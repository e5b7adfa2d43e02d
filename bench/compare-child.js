// One ESLint run over the whole mirrored corpus, in a fresh process: `node bench/compare-child.js <pluginRoot>
// <mirror> <concurrency> <out.json>`. It lints as `aws-credentials-lint --config recommended --concurrency <n>` does,
// through the CLI's own options module, so that worker threads load the plugin the same way.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [pluginRoot, mirror, concurrencyArgument, out] = process.argv.slice(2);
const { createEslint } = await import(pathToFileURL(path.join(pluginRoot, 'dist/cli/lint-options.js')).href);
const concurrency = /^\d+$/.test(concurrencyArgument) ? Number(concurrencyArgument) : concurrencyArgument;

const cpuStart = process.cpuUsage();
const start = performance.now();
const eslint = await createEslint(mirror, { configName: 'recommended', quiet: false, concurrency });
const results = await eslint.lintFiles(['.']);
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);

const findingsByRule = {};
for (const result of results) {
  for (const { ruleId } of result.messages) {
    if (ruleId?.startsWith('aws-credentials/')) findingsByRule[ruleId] = (findingsByRule[ruleId] ?? 0) + 1;
  }
}
writeFileSync(out, JSON.stringify({ files: results.length, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, findingsByRule }));
