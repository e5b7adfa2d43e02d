import { createRequire } from 'node:module';

import type { TSESLint } from '@typescript-eslint/utils';

import type { PluginRule } from '../rules/index.js';

export type ConfigName = 'all' | 'recommended' | 'strict';
/** typescript-eslint's naming: the rules of `recommended` or `strict`, with type information on TypeScript files. */
export type TypeCheckedConfigName = 'recommended-type-checked' | 'strict-type-checked';

/**
 * The files the JavaScript rules lint: JavaScript, TypeScript and the components whose `<script>` blocks their
 * parsers hand over (Vue, Svelte, Astro). A config that also lints JSON, Markdown or CSS keeps its other files to
 * itself: ESLint 10.2 and later refuse a rule on a language its `meta.languages` does not name.
 */
export const SCRIPT_FILES: readonly string[] = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,vue,svelte,astro}'];

/** JSON data files that may hold keys; lock files hold package hashes only. */
/** The files typed mode parses with the TypeScript parser and a project service. */
export const TYPESCRIPT_FILES: readonly string[] = ['**/*.{ts,mts,cts,tsx}'];

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

/**
 * `configs['recommended-type-checked']`, `configs['strict-type-checked']`: an array, as typescript-eslint's own
 * type-checked configs, spread into the user's config. The rules of `recommended` or `strict`, and for TypeScript
 * files `@typescript-eslint/parser` with `parserOptions.projectService: true`, so that the credential model can ask
 * the type of a value it cannot follow (`sdk/typed-credentials.ts`). The user sets `tsconfigRootDir`. Built on first
 * access only: the parser loads TypeScript, which a JavaScript-only user never needs.
 */
export function createTypeCheckedConfig(
  name: TypeCheckedConfigName,
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Readonly<Record<string, PluginRule>>,
): TSESLint.FlatConfig.ConfigArray {
  const base = name === 'recommended-type-checked' ? 'recommended' : 'strict';
  const parser = createRequire(import.meta.url)('@typescript-eslint/parser') as TSESLint.FlatConfig.Parser;
  return [
    { ...createConfig(base, plugin, rules), name: `aws-credentials/${name}` },
    {
      name: `aws-credentials/${name}/typescript`,
      files: [...TYPESCRIPT_FILES],
      languageOptions: { parser, parserOptions: { projectService: true } },
    },
  ];
}
