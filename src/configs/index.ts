import type { TSESLint } from '@typescript-eslint/utils';

import type { PluginRule } from '../rules/index.js';

export type ConfigName = 'all' | 'recommended' | 'strict';

/**
 * The files the JavaScript rules lint: JavaScript, TypeScript and the components whose `<script>` blocks their
 * parsers hand over (Vue, Svelte, Astro). A config that also lints JSON, Markdown or CSS keeps its other files to
 * itself: ESLint 10.2 and later refuse a rule on a language its `meta.languages` does not name.
 */
export const SCRIPT_FILES: readonly string[] = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,vue,svelte,astro}'];

/** JSON data files that may hold keys; lock files hold package hashes only. */
export const JSON_FILES: readonly string[] = ['**/*.json', '**/*.jsonc', '**/*.json5'];
export const LOCK_FILES: readonly string[] = ['**/package-lock.json', '**/npm-shrinkwrap.json'];

/** Which rules each config enables, read from `docs.recommended`: never hand-listed. */
const MEMBERSHIP: Record<ConfigName, (rule: PluginRule) => boolean> = {
  recommended: (rule) => rule.meta.docs?.recommended === 'recommended',
  strict: (rule) => rule.meta.docs?.recommended !== undefined,
  all: (rule) => rule.meta.deprecated !== true,
};

/** Builds the flat config `aws-credentials/<name>` from the rules' metadata. */
export function createConfig(
  name: ConfigName,
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Readonly<Record<string, PluginRule>>,
): TSESLint.FlatConfig.Config {
  const namespace = 'aws-credentials';
  return {
    name: `${namespace}/${name}`,
    files: [...SCRIPT_FILES],
    plugins: { [namespace]: plugin },
    rules: Object.fromEntries(
      Object.entries(rules)
        .filter(([, rule]) => MEMBERSHIP[name](rule))
        .map(([ruleName, rule]) => [`${namespace}/${ruleName}`, rule.meta.docs?.severity ?? 'error']),
    ),
  };
}

/**
 * `configs.json`: `no-hardcoded-credentials` on JSON, JSONC and JSON5 files, parsed by `@eslint/json` as JSONC
 * (comments allowed, as in `.vscode/settings.json`). The config that uses it registers the `json` plugin.
 */
export function createJsonConfig(plugin: TSESLint.FlatConfig.Plugin): TSESLint.FlatConfig.Config {
  return {
    name: 'aws-credentials/json',
    files: [...JSON_FILES],
    ignores: [...LOCK_FILES],
    language: 'json/jsonc',
    plugins: { 'aws-credentials': plugin },
    rules: { 'aws-credentials/no-hardcoded-credentials': 'error' },
  };
}
