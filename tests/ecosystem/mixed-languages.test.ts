// A repository that lints JSON, Markdown and CSS too: every rule on, nothing crashes, and keys kept in JSON
// configuration are reported there (`configs.json`, through `@eslint/json`).
import path from 'node:path';

import css from '@eslint/css';
import json from '@eslint/json';
import markdown from '@eslint/markdown';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

/** Key material of the real shape but no AWS example; split so that no scanner flags this test file itself. */
const FAKE_KEY = ['AKIA', 'Q7NZ3KD2WX5PLMRT'].join('');
const FAKE_SECRET = ['wJalrXUtnFEMI', 'K7MDENGbPxRfiCYzQ9vLrT2mNs'].join('/');
const cwd = path.resolve(import.meta.dirname, '../..');

const config: Linter.Config[] = [
  { plugins: { json, markdown, css } },
  { files: ['**/*.md'], language: 'markdown/commonmark' },
  { files: ['**/*.css'], language: 'css/css' },
  plugin.configs.all as Linter.Config,
  plugin.configs.json as Linter.Config,
];
const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });

async function lint(file: string, text: string) {
  const [result] = await eslint.lintText(text, { filePath: path.join(cwd, 'project', file) });
  return (result?.messages ?? []).map(({ ruleId, line, column, endLine, endColumn, message }) => ({
    ruleId,
    line,
    column,
    endLine,
    endColumn,
    message,
  }));
}

describe('a project that lints JSON, Markdown and CSS as well', () => {
  it('reports an access key ID and a named secret in JSON configuration, masked', async () => {
    const findings = await lint(
      'config/default.json',
      `{
  "aws": {
    "region": "eu-west-1",
    "accessKeyId": "${FAKE_KEY}",
    "secretAccessKey": "${FAKE_SECRET}"
  }
}
`,
    );
    expect(findings.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))).toEqual([
      { ruleId: 'aws-credentials/no-hardcoded-credentials', line: 4, column: 21, endLine: 4, endColumn: 41 },
      { ruleId: 'aws-credentials/no-hardcoded-credentials', line: 5, column: 25, endLine: 5, endColumn: 65 },
    ]);
    expect(findings.map(({ message }) => message).join('\n')).not.toContain(FAKE_SECRET);
    expect(findings.map(({ message }) => message).join('\n')).not.toContain(FAKE_KEY);
  });

  it('reads JSONC with comments (.vscode/settings.json) and skips lock files', async () => {
    const settings = `{
  // local profile
  "aws.credentials": { "aws_session_token": "${FAKE_SECRET}${FAKE_SECRET}${FAKE_SECRET}" }
}
`;
    expect(await lint('.vscode/settings.json', settings)).toMatchObject([
      { ruleId: 'aws-credentials/no-hardcoded-credentials', line: 3, column: 46 },
    ]);
    const [lock] = await eslint.lintText(`{ "accessKeyId": "${FAKE_KEY}" }`, {
      filePath: path.join(cwd, 'project', 'package-lock.json'),
      warnIgnored: false,
    });
    expect(lock?.messages ?? []).toEqual([]);
  });

  it('lints Markdown, CSS and JavaScript beside it without a crash or a parse error', async () => {
    expect(await lint('README.md', `# Setup\n\nSet \`accessKeyId\` in \`config/default.json\`.\n`)).toEqual([]);
    expect(await lint('styles/site.css', `body { color: red; }\n`)).toEqual([]);
    expect(await lint('src/client.js', `import { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({});\n`)).toEqual([]);
    expect(await lint('src/keys.js', `export const keyId = '${FAKE_KEY}';\n`)).toMatchObject([
      { ruleId: 'aws-credentials/no-hardcoded-credentials', line: 1, column: 23 },
    ]);
  });
});
