import { ESLintUtils } from '@typescript-eslint/utils';

/** The `docs` block every rule of this plugin declares. */
export interface PluginDocs {
  description: string;
  /** The smallest shipped config that enables the rule; absent means `all` only. */
  recommended?: 'recommended' | 'strict';
  /** The severity the shipped configs give the rule; `error` unless it says `warn`. */
  severity?: 'error' | 'warn';
  requiresTypeChecking?: boolean;
}

const REPOSITORY = 'https://github.com/eslint-plugin-aws-credentials/eslint-plugin-aws-credentials';

/** Builds a rule whose docs URL is derived from its name, so the two cannot drift apart. */
export const createRule = ESLintUtils.RuleCreator<PluginDocs>(
  (name) => `${REPOSITORY}/blob/main/docs/rules/${name}.md`,
);
