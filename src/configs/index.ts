import type { TSESLint } from '@typescript-eslint/utils';

import type { PluginRule } from '../rules/index.js';

export type ConfigName = 'all' | 'recommended' | 'strict';

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
    plugins: { [namespace]: plugin },
    rules: Object.fromEntries(
      Object.entries(rules)
        .filter(([, rule]) => MEMBERSHIP[name](rule))
        .map(([ruleName, rule]) => [`${namespace}/${ruleName}`, rule.meta.docs?.severity ?? 'error']),
    ),
  };
}
