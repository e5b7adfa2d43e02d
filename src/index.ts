import { readFileSync } from 'node:fs';

import type { TSESLint } from '@typescript-eslint/utils';

import { createConfig, createJsonConfig, type ConfigName } from './configs/index.js';
import { rules } from './rules/index.js';

const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

const plugin = {
  meta: { name, version, namespace: 'aws-credentials' },
  rules,
} satisfies TSESLint.FlatConfig.Plugin;

const configs: Record<ConfigName | 'json', TSESLint.FlatConfig.Config> = {
  recommended: createConfig('recommended', plugin, rules),
  strict: createConfig('strict', plugin, rules),
  all: createConfig('all', plugin, rules),
  json: createJsonConfig(plugin),
};

/** The plugin, with its flat configs `recommended`, `strict`, `all` (JavaScript and TypeScript) and `json`. */
export default Object.assign(plugin, { configs });
