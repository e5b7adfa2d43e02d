import { readFileSync } from 'node:fs';

import type { TSESLint } from '@typescript-eslint/utils';

import { createConfig, createJsonConfig, createTypeCheckedConfig, type ConfigName, type TypeCheckedConfigName } from './configs/index.js';
import { rules } from './rules/index.js';

const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

const plugin = {
  meta: { name, version, namespace: 'aws-credentials' },
  rules,
} satisfies TSESLint.FlatConfig.Plugin;

const typeChecked = new Map<TypeCheckedConfigName, TSESLint.FlatConfig.ConfigArray>();
const getTypeChecked = (name: TypeCheckedConfigName): TSESLint.FlatConfig.ConfigArray => {
  let config = typeChecked.get(name);
  if (!config) typeChecked.set(name, (config = createTypeCheckedConfig(name, plugin, rules)));
  return config;
};

const configs: Record<ConfigName | 'json', TSESLint.FlatConfig.Config> & Record<TypeCheckedConfigName, TSESLint.FlatConfig.ConfigArray> = {
  recommended: createConfig('recommended', plugin, rules),
  strict: createConfig('strict', plugin, rules),
  all: createConfig('all', plugin, rules),
  json: createJsonConfig(plugin),
  // Getters: the TypeScript parser is loaded only by a config that asks for type information.
  get 'recommended-type-checked'() {
    return getTypeChecked('recommended-type-checked');
  },
  get 'strict-type-checked'() {
    return getTypeChecked('strict-type-checked');
  },
};

/**
 * The plugin, with its flat configs `recommended`, `strict`, `all` (JavaScript and TypeScript), `json`, and the
 * arrays `recommended-type-checked` and `strict-type-checked` (the same rules, with type information on TypeScript
 * files).
 */
export default Object.assign(plugin, { configs });
