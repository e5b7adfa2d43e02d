// The lint configs the benchmark compares: the CLI's own config (`createLintConfig`) with all, none or one rule.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAMESPACE = 'aws-credentials';

/**
 * Copies the built plugin (`dist/` and `package.json`, which `dist/index.js` reads) to `target`, so that every
 * process of one benchmark run loads the same code even if `dist/` is rebuilt meanwhile. Packages still resolve
 * from the project's node_modules (the copy is inside the project).
 */
export function snapshotPlugin(target) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(path.join(ROOT, 'dist'), path.join(target, 'dist'), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(target, 'package.json'));
}

/** Loads `createLintConfig` from a plugin snapshot (or the project itself) and the helpers built on it. */
export async function loadLintConfigs(pluginRoot = ROOT) {
  const { createLintConfig } = await import(pathToFileURL(path.join(pluginRoot, 'dist', 'cli', 'main.js')).href);
  const secrets = await import(pathToFileURL(path.join(pluginRoot, 'dist', 'utils', 'sdk', 'secrets.js')).href);

  /** The rule IDs (`aws-credentials/<name>`) of the built plugin's `all` config, sorted. */
  const listRuleIds = () => Object.keys(pluginEntry(createLintConfig('all')).rules ?? {}).sort();

  /**
   * The CLI's config for `mode`: `floor` (same files, languages and parsers, no rule), `empty-rule` (the floor plus
   * one rule that listens to nothing: what ESLint costs as soon as any rule is on), `empty-rules` (as many such
   * rules as the plugin has), `all` (every rule), `all-local` (every rule, modules not followed), or `rule:<id>` (that rule alone). The CLI's ignores (`dist/`, `build/`, …) are dropped: packages publish their code
   * there, and the corpus holds nothing else.
   */
  const createBenchConfig = (mode) => {
    const config = createLintConfig('all').filter((entry) => !entry.name?.endsWith('/ignores'));
    const plugin = pluginEntry(config);
    if (mode === 'all') return config;
    // Every rule, each file on its own: what following values into imported modules costs is `all` over this.
    if (mode === 'all-local') return [...config, { name: 'bench/no-module-following', settings: { [NAMESPACE]: { followModules: false } } }];
    let rules = {};
    if (mode === 'empty-rule') {
      return [...config.map((entry) => (entry === plugin ? { ...entry, rules } : entry)), createEmptyRulesConfig(1)];
    }
    if (mode === 'empty-rules') {
      const count = Object.keys(plugin.rules ?? {}).length;
      return [...config.map((entry) => (entry === plugin ? { ...entry, rules } : entry)), createEmptyRulesConfig(count)];
    }
    if (mode.startsWith('rule:')) {
      const ruleId = mode.slice('rule:'.length);
      if (!(ruleId in (plugin.rules ?? {}))) throw new Error(`unknown rule ${ruleId}`);
      rules = { [ruleId]: plugin.rules[ruleId] };
    } else if (mode !== 'floor') {
      throw new Error(`unknown mode ${mode}`);
    }
    return config.map((entry) => (entry === plugin ? { ...entry, rules } : entry));
  };

  return { listRuleIds, createBenchConfig, secrets };
}

/**
 * `count` rules that listen to nothing, in a plugin of their own: one is what ESLint costs as soon as any rule is on;
 * as many as this plugin has is what ESLint costs for that many rules, whatever they do.
 */
function createEmptyRulesConfig(count) {
  const names = Array.from({ length: count }, (_, index) => `empty-${index + 1}`);
  const createRule = () => ({ meta: { type: 'problem', schema: [] }, create: () => ({}) });
  return {
    name: 'bench/empty-rules',
    plugins: { bench: { rules: Object.fromEntries(names.map((name) => [name, createRule()])) } },
    rules: Object.fromEntries(names.map((name) => [`bench/${name}`, 'error'])),
  };
}

/** Whether a lint message comes from this plugin. */
export function isPluginMessage(message) {
  return message.ruleId?.startsWith(`${NAMESPACE}/`) === true;
}

function pluginEntry(config) {
  const entry = config.find((candidate) => candidate.plugins?.[NAMESPACE] !== undefined);
  if (entry === undefined) throw new Error('createLintConfig returned no entry with the plugin');
  return entry;
}
