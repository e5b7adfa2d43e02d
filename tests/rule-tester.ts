import { RuleTester, type TestLanguageOptions } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';

/** Plain JavaScript as ESLint parses it by default (espree, ES modules). */
export const ruleTester = new RuleTester({
  languageOptions: {
    parser: espree,
    ecmaVersion: 'latest',
    sourceType: 'module',
  },
});

/** TypeScript sources: `import x = require()`, `as`, `satisfies`, `!`. */
export const tsRuleTester = new RuleTester({
  languageOptions: {
    parser: tsParser,
    ecmaVersion: 'latest',
    sourceType: 'module',
  },
});

/**
 * A CommonJS file: `require`, `module` and `exports` are declared globals and top-level `return` parses.
 * The tester's types omit `sourceType`, which ESLint honours for scope analysis, and the parser needs it too.
 */
export const commonjs = {
  sourceType: 'commonjs',
  parserOptions: { sourceType: 'commonjs' },
} as TestLanguageOptions;
