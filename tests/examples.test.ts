import path from 'node:path';

import { ESLint } from 'eslint';

import { createLintConfig } from '../src/cli/main.js';
import plugin from '../src/index.js';
import { getScaffoldedRules } from './scaffolded.js';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: createLintConfig('all') });

/** Rule ids reported per file of a folder of examples, with parse errors kept as `parse error`. */
async function lintFolder(folder: string): Promise<Map<string, string[]>> {
  const results = await eslint.lintFiles([`examples/${folder}`]);
  return new Map(
    results.map((result) => [
      path.relative(root, result.filePath),
      result.messages.map((message) => message.ruleId ?? 'parse error'),
    ]),
  );
}

const scaffolded = getScaffoldedRules(Object.keys(plugin.rules));

describe('examples/', () => {
  it('wrong/: every rule of the plugin fires, and every file shows at least one finding', async () => {
    const findings = await lintFolder('wrong');
    const fired = new Set([...findings.values()].flat());
    expect(fired).not.toContain('parse error');
    for (const name of Object.keys(plugin.rules).filter((rule) => !scaffolded.includes(rule))) {
      expect(fired, `no example in examples/wrong fires ${name}`).toContain(`aws-credentials/${name}`);
    }
    for (const [file, ruleIds] of findings) {
      if (scaffolded.includes(path.basename(file, path.extname(file)))) continue;
      expect(ruleIds, `${file} shows nothing`).not.toEqual([]);
    }
  });

  for (const name of scaffolded) it.todo(`wrong/${name}: a program that ${name} reports (scaffolded, not built yet)`);

  it('right/: the corrected code produces no finding at all', async () => {
    const findings = await lintFolder('right');
    expect(findings.size).toBeGreaterThan(0);
    expect(Object.fromEntries([...findings].filter(([, ruleIds]) => ruleIds.length > 0))).toEqual({});
  });

  it('right/ mirrors wrong/ file for file', async () => {
    const [wrong, right] = await Promise.all([lintFolder('wrong'), lintFolder('right')]);
    const names = (files: Map<string, string[]>): string[] => [...files.keys()].map((file) => path.basename(file)).sort();
    expect(names(right)).toEqual(names(wrong));
  });
});
