// @ts-check
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig } from 'eslint/config';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'examples/', '.bench-cache/', 'tests/fixtures/'] },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: globals.node },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  comments.recommended,
  // Linear-time regexes: a rule runs on every file of every repository, so no pattern may backtrack super-linearly.
  regexp.configs.recommended,
  {
    rules: {
      '@eslint-community/eslint-comments/require-description': 'error',
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Require|Enforce) ' }],
      'eslint-plugin/require-meta-docs-url': 'off',
    },
  },
  {
    files: ['tests/rules/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
  },
  // Folders by layer: imports point down only (ast <- scope <- modules <- sdk; fix may use ast, scope and modules).
  ...layer('src/utils/ast/**', ['scope', 'modules', 'sdk', 'fix']),
  ...layer('src/utils/scope/**', ['modules', 'sdk', 'fix']),
  ...layer('src/utils/modules/**', ['sdk', 'fix']),
  ...layer('src/utils/sdk/**', ['fix']),
  ...layer('src/utils/fix/**', ['sdk']),
  {
    files: ['src/rules/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name="context"][property.name="options"]',
          message: "Read options from create's second argument: only it has the defaults merged in.",
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(getScope|getDeclaredVariables|findVariable|getInnermostScope)$/], ' +
            'MemberExpression[object.name="ASTUtils"], MemberExpression[property.name=/^(references|defs)$/]',
          message: 'Scope questions belong in src/utils/scope: ask the flow model instead.',
        },
      ],
    },
  },
);

/**
 * A `no-restricted-imports` block that keeps the files of one layer from importing the layers above it (and rules).
 * @param {string} files
 * @param {string[]} above
 */
function layer(files, above) {
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: [...above.map((name) => `**/${name}/*`), '**/rules/*'],
                message: 'Imports point down only: ast <- scope <- modules <- sdk; fix uses ast, scope, modules.',
              },
            ],
          },
        ],
      },
    },
  ];
}
