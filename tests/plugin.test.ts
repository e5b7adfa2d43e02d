import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';

import plugin from '../src/index.js';

const root = path.resolve(import.meta.dirname, '..');
const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => path.basename(file, '.ts'))
  .sort();
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

describe('plugin', () => {
  it('has meta naming the package and the namespace', () => {
    expect(plugin.meta).toEqual({
      name: packageJson.name,
      version: packageJson.version,
      namespace: 'aws-credentials',
    });
  });

  it('exports every rule file, sorted by name', () => {
    expect(Object.keys(plugin.rules)).toEqual(ruleFiles);
  });

  describe.each(ruleFiles)('%s', (name) => {
    const rule = plugin.rules[name];

    it('is named after its file', () => {
      expect((rule as { name?: string }).name).toBe(name);
    });

    it('has a test file and a doc page', () => {
      expect(existsSync(path.join(root, 'tests/rules', `${name}.test.ts`))).toBe(true);
      expect(existsSync(path.join(root, 'docs/rules', `${name}.md`))).toBe(true);
    });

    it('links its docs URL to its doc page', () => {
      expect(rule?.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
    });

    it('writes every message as full sentences ending with a period', () => {
      for (const [messageId, message] of Object.entries(rule?.meta.messages ?? {})) {
        expect(message, messageId).toMatch(/^(?:[A-Z`"]|\{\{).*\.$/s);
      }
    });

    it('starts its description with Disallow, Require or Enforce, without a trailing period', () => {
      expect(rule?.meta.docs?.description).toMatch(/^(Disallow|Require|Enforce) .*[^.]$/);
    });

    it('describes every option in its schema', () => {
      const schema = JSON.stringify(rule?.meta.schema ?? []);
      const properties = [...schema.matchAll(/"properties":\{/g)].length;
      const descriptions = [...schema.matchAll(/"description":/g)].length;
      expect(descriptions).toBeGreaterThanOrEqual(properties);
    });

    it('has a doc page with the sections users look for', () => {
      const doc = readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');
      for (const heading of ['## Rule Details', '## Limitations', '## When Not To Use It', '## Further Reading']) {
        expect(doc).toContain(heading);
      }
    });

    it('lists its options in a generated table, which docs:check keeps current', () => {
      const hasOptions = JSON.stringify(rule?.meta.schema ?? []).includes('"properties":{"');
      const doc = readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');
      expect(doc.includes('<!-- begin auto-generated rule options list -->')).toBe(hasOptions);
    });
  });
});

describe('docs a user can follow', () => {
  /** Every file under `folder`, recursively. */
  const listFiles = (folder: string): string[] =>
    readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));

  it('cites no reference file that the repository does not hold (sources are linked instead)', () => {
    const citing = [...listFiles('src'), ...listFiles('docs'), path.join(root, 'README.md')].filter((file) =>
      /sdk-facts/i.test(readFileSync(file, 'utf8')),
    );
    expect(citing).toEqual([]);
  });
});

describe('configs', () => {
  const enabled = (config: 'recommended' | 'strict' | 'all' | 'json'): Record<string, unknown> =>
    plugin.configs[config].rules ?? {};
  const expected = (include: (recommended: string | undefined) => boolean): Record<string, string> =>
    Object.fromEntries(
      Object.entries(plugin.rules)
        .filter(([, rule]) => include(rule.meta.docs?.recommended))
        .map(([name, rule]) => [`aws-credentials/${name}`, rule.meta.docs?.severity ?? 'error']),
    );

  // The catalogue of ../shared/RULES.md, written out: moving a rule between configs must show in this diff.
  it('recommended and strict hold the rules and severities of the rule catalogue', () => {
    const recommended = {
      'aws-credentials/no-captured-identity-token': 'error',
      'aws-credentials/no-credential-logging': 'error',
      'aws-credentials/no-credentials-in-env': 'error',
      'aws-credentials/no-hardcoded-credentials': 'error',
      'aws-credentials/no-one-shot-credentials': 'error',
      'aws-credentials/no-raw-metadata-requests': 'error',
      'aws-credentials/no-reused-signed-request': 'error',
      'aws-credentials/no-static-auth-token': 'error',
      'aws-credentials/no-static-credentials': 'error',
      'aws-credentials/no-unrefreshed-profile-credentials': 'warn',
      'aws-credentials/require-credential-expiration': 'error',
      'aws-credentials/require-refresh-margin': 'warn',
      'aws-credentials/require-session-token': 'error',
      'aws-credentials/valid-session-duration': 'error',
    };
    expect(enabled('recommended')).toEqual(recommended);
    expect(enabled('strict')).toEqual({
      ...recommended,
      'aws-credentials/no-client-per-request': 'error',
      'aws-credentials/no-retry-on-expired-token': 'error',
      'aws-credentials/require-clock-skew-correction': 'error',
      'aws-credentials/require-metadata-retries': 'error',
      'aws-credentials/valid-presign-expiry': 'error',
    });
  });

  it('recommended enables exactly the rules whose docs say recommended', () => {
    expect(enabled('recommended')).toEqual(expected((level) => level === 'recommended'));
  });

  it('strict adds exactly the rules whose docs say strict', () => {
    expect(enabled('strict')).toEqual(expected((level) => level === 'recommended' || level === 'strict'));
  });

  it('all enables every rule', () => {
    expect(enabled('all')).toEqual(expected(() => true));
  });

  it.each(['recommended', 'strict', 'all'] as const)('%s is a named flat config carrying the plugin', (name) => {
    expect(plugin.configs[name].name).toBe(`aws-credentials/${name}`);
    expect(plugin.configs[name].plugins?.['aws-credentials']).toBe(plugin);
  });

  // typescript-eslint's naming and shape: an array to spread, the parser and a project service for TypeScript files.
  it.each([
    ['recommended-type-checked', 'recommended'],
    ['strict-type-checked', 'strict'],
  ] as const)('%s holds the rules of %s and turns on type information for TypeScript files', (name, base) => {
    const [rulesConfig, typescript, ...rest] = plugin.configs[name];
    expect(rest).toEqual([]);
    expect(rulesConfig).toEqual({ ...plugin.configs[base], name: `aws-credentials/${name}` });
    expect(typescript).toEqual({
      name: `aws-credentials/${name}/typescript`,
      files: ['**/*.{ts,mts,cts,tsx}'],
      languageOptions: { parser: tsParser, parserOptions: { projectService: true } },
    });
    expect(plugin.configs[name]).toBe(plugin.configs[name]);
  });
});
