// Code scanning: the CLI's `--format sarif` log is valid SARIF 2.1.0 by the standard's JSON schema, carries the rule
// metadata a dashboard shows (help link, descriptions) and never a secret from the scanned code.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type AjvDraft04 from 'ajv-draft-04';
import type addFormatsPlugin from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { main } from '../../src/cli/main.js';
import plugin from '../../src/index.js';

const require = createRequire(import.meta.url);
// CommonJS packages whose `module.exports` is the class or function itself (typed as the module's `default`).
const Ajv = require('ajv-draft-04') as typeof AjvDraft04.default;
const addFormats = require('ajv-formats') as typeof addFormatsPlugin.default;
/**
 * The SARIF 2.1.0 schema (JSON Schema draft-04, `sarif-2.1.0-rtm.5` as published on schemastore), shipped inside
 * `@microsoft/jest-sarif`, Microsoft's SARIF test matchers.
 */
const SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as { title: string };

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS_BASE = 'https://github.com/eslint-plugin-aws-credentials/eslint-plugin-aws-credentials/blob/main/docs/rules/';
/** Credentials of the real shapes but no AWS example; split so that no scanner flags this test file itself. */
const ACCESS_KEY_ID = ['AKIA', 'Q7NZ3KD2WX5PLMRT'].join('');
const SECRET_ACCESS_KEY = ['wJ7rQ2kTn9', 'Vb4XsLp0Yd', 'Hf6MzCa3Ue', 'Gi8KoWq1Rt'].join('');

interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        rules: {
          id: string;
          helpUri?: string;
          shortDescription?: { text: string };
          fullDescription?: { text: string };
          defaultConfiguration: { level: string };
        }[];
      };
    };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string } }[];
    invocations: { toolExecutionNotifications?: { message: { text: string } }[] }[];
  }[];
}

const temporaryDirectories: string[] = [];
afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

function createFixture(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'aws-credentials-sarif-'));
  temporaryDirectories.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

async function runSarif(cwd: string, argv: string[]): Promise<{ code: number; text: string }> {
  let text = '';
  const stdout = { write: (chunk: string) => (text += chunk) };
  const stderr = { write: () => true };
  const code = await main([...argv, '--format', 'sarif'], { cwd, stdout, stderr });
  return { code, text };
}

/** Every string anywhere in a JSON value, with its path. */
function collectStrings(value: unknown, at = '$'): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => collectStrings(item, `${at}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      { at: `${at}.${key} (key)`, text: key },
      ...collectStrings(item, `${at}.${key}`),
    ]);
  }
  return [];
}

describe('aws-credentials-lint --format sarif', () => {
  const validate = (() => {
    // The schema's `language` pattern has a stray `]` that is a syntax error in a unicode (`u`) regular expression,
    // so patterns are compiled as plain ones (Ajv's `unicodeRegExp: false`).
    const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile(SCHEMA);
  })();

  let log: SarifLog;
  let text: string;

  beforeAll(async () => {
    const cwd = createFixture({
      // Hard-coded keys (no-hardcoded-credentials) passed as static credentials (no-static-credentials).
      'src/keys.js': `
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({
  credentials: { accessKeyId: '${ACCESS_KEY_ID}', secretAccessKey: '${SECRET_ACCESS_KEY}' },
});
`,
      // A warning-level rule of configs.recommended.
      'src/profile.ts': `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromIni } from '@aws-sdk/credential-providers';

export const db = new DynamoDBClient({ credentials: fromIni({ profile: 'reports' }) });
`,
      // A file that does not parse: a tool execution notification, not a result.
      'src/broken.js': `export const = ;\n`,
      // A path that needs percent-encoding in an artifact URI.
      'src/app [id]/route.js': `
import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ credentials: { accessKeyId: process.env.K, secretAccessKey: process.env.S } });
`,
    });
    const result = await runSarif(cwd, ['src']);
    expect(result.code).toBe(1);
    text = result.text;
    log = JSON.parse(text) as SarifLog;
  });

  it(`validates against the SARIF 2.1.0 JSON schema ("${SCHEMA.title}")`, () => {
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const [run] = log.runs;
    expect(run?.results.length).toBeGreaterThanOrEqual(4);
    expect(new Set(run?.results.map((result) => result.level))).toEqual(new Set(['error', 'warning']));
    expect(run?.invocations[0]?.toolExecutionNotifications).toHaveLength(1);
  });

  it('the schema is not a rubber stamp: it rejects a log with a bad level and a negative line', () => {
    const broken = structuredClone(log) as unknown as {
      runs: { results: { level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
    const negative = structuredClone(log) as unknown as typeof broken;
    negative.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = -3;
    expect(validate(negative)).toBe(false);
  });

  it('describes every enabled rule: help link to its doc page, short and full descriptions, level', () => {
    const rules = log.runs[0]!.tool.driver.rules;
    const recommended = Object.entries(plugin.configs.recommended.rules ?? {});
    expect(rules.map((rule) => rule.id)).toEqual(recommended.map(([id]) => id));
    for (const rule of rules) {
      const name = rule.id.replace('aws-credentials/', '');
      const description = plugin.rules[name]?.meta.docs?.description;
      expect(rule.helpUri).toBe(`${DOCS_BASE}${name}.md`);
      expect(existsSync(path.join(ROOT, 'docs/rules', `${name}.md`)), `docs/rules/${name}.md`).toBe(true);
      expect(rule.shortDescription?.text).toBe(description);
      expect(rule.fullDescription?.text).toBe(`${description}.`);
      const severity = plugin.configs.recommended.rules?.[rule.id];
      expect(rule.defaultConfiguration.level).toBe(severity === 'warn' ? 'warning' : 'error');
    }
    for (const result of log.runs[0]!.results) {
      expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    }
  });

  it('carries no secret in any field, and no source text', () => {
    expect(log.runs[0]!.results.map((result) => result.ruleId)).toContain('aws-credentials/no-hardcoded-credentials');
    const leaks = collectStrings(log).filter(
      ({ text: value }) => value.includes(ACCESS_KEY_ID) || value.includes(SECRET_ACCESS_KEY),
    );
    expect(leaks).toEqual([]);
    expect(text).not.toContain(ACCESS_KEY_ID);
    expect(text).not.toContain(SECRET_ACCESS_KEY);
    // At most the first and last four characters of a key appear in a message.
    expect(text).not.toMatch(/AKIA[A-Z0-9]{5,}/);
    const keys = collectStrings(log).filter(({ at }) => at.endsWith('(key)')).map(({ text: key }) => key);
    expect(keys).not.toContain('snippet');
    expect(keys).not.toContain('contextRegion');
  });
});
