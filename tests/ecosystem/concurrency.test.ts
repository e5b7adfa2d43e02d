// ESLint 9.34+ lints in worker threads (`--concurrency`): the plugin and its config load in each worker, and the
// findings are the same as in one thread, through ESLint's own CLI and through `aws-credentials-lint`.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/cli/bin.js');
const ESLINT_BIN = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
/** Generated modules beside a copy of `examples/`: enough for ESLint to spread them over the workers. */
const GENERATED = 2400;
/** A key ID of the real shape but no AWS example; split so that no scanner flags this test file itself. */
const FAKE_KEY = ['AKIA', 'Q7NZ3KD2WX5PLMRT'].join('');

/** Small modules of a few kinds, most with no AWS code at all, as in a real tree. */
function generatedModule(index: number): { file: string; text: string } {
  const directory = `src/generated/${index % 40}`;
  switch (index % 6) {
    case 0:
      return {
        file: `${directory}/client-${index}.ts`,
        text: `import { S3Client } from '@aws-sdk/client-s3';
export const s${index} = new S3Client({ credentials: { accessKeyId: settings.id${index}, secretAccessKey: settings.secret } });
`,
      };
    case 1:
      return { file: `${directory}/keys-${index}.js`, text: `export const key${index} = '${FAKE_KEY}';\n` };
    case 2:
      return {
        file: `${directory}/session-${index}.cjs`,
        text: `const AWS = require('aws-sdk');
AWS.config.update({ accessKeyId: process.env.K${index}, secretAccessKey: process.env.S${index} });
`,
      };
    default:
      return {
        file: `${directory}/util-${index}.js`,
        text: `export function add${index}(a, b) {\n  return a + b + ${index};\n}\n`,
      };
  }
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number; message: string }[];
}

let project: string;

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'aws-credentials-concurrency-'));
  cpSync(path.join(ROOT, 'examples'), path.join(project, 'src/examples'), { recursive: true });
  for (let index = 0; index < GENERATED; index++) {
    const { file, text } = generatedModule(index);
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
  }
  const plugin = pathToFileURL(path.join(ROOT, 'dist/index.js')).href;
  const parser = pathToFileURL(path.join(ROOT, 'node_modules/@typescript-eslint/parser/dist/index.js')).href;
  writeFileSync(
    path.join(project, 'eslint.config.js'),
    `import awsCredentials from '${plugin}';
import * as tsParser from '${parser}';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  awsCredentials.configs.all,
];
`,
  );
  writeFileSync(path.join(project, 'package.json'), '{ "type": "module" }\n');
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** `file line:column-endLine:endColumn ruleId message` for every finding, sorted: what both runs must agree on. */
function describeFindings(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonResult[])
    .flatMap((result) =>
      result.messages.map(
        (message) =>
          `${path.relative(project, result.filePath)} ${message.line}:${message.column}-${message.endLine}:${message.endColumn} ` +
          `${message.ruleId} ${message.message}`,
      ),
    )
    .sort();
}

function lint(command: string, args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [command, ...args], {
    cwd: project,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status, findings: status === 2 ? [stderr] : describeFindings(stdout) };
}

describe('--concurrency', { timeout: 120_000 }, () => {
  it(`lints examples/ and ${GENERATED} generated modules in 2 threads as in one`, () => {
    const files = readdirSync(project, { recursive: true }).filter((file) => /\.(?:js|cjs|mjs|ts)$/.test(String(file)));
    expect(files.length).toBeGreaterThan(GENERATED);
    const single = lint(ESLINT_BIN, ['--format', 'json', '--concurrency', 'off', 'src']);
    const threaded = lint(ESLINT_BIN, ['--format', 'json', '--concurrency', '2', 'src']);
    expect(single.status).toBe(1);
    expect(single.findings.length).toBeGreaterThan(GENERATED / 2);
    expect(threaded).toEqual(single);
  });

  it('aws-credentials-lint passes --concurrency on, and its findings do not change', () => {
    const single = lint(BIN, ['--format', 'json', '--config', 'all', 'src']);
    const threaded = lint(BIN, ['--format', 'json', '--config', 'all', '--concurrency', '2', 'src']);
    expect(single.status).toBe(1);
    expect(single.findings.length).toBeGreaterThan(GENERATED / 2);
    expect(threaded).toEqual(single);
    expect(lint(BIN, ['--format', 'json', '--concurrency', 'auto', '--quiet', 'src/examples/right'])).toEqual({ status: 0, findings: [] });
  });

  it('rejects a --concurrency value that is not a thread count, auto or off', () => {
    expect(spawnSync(process.execPath, [BIN, '--concurrency', '0', '.'], { cwd: project, encoding: 'utf8' })).toMatchObject({
      status: 2,
      stderr: "aws-credentials-lint: invalid --concurrency value '0' (expected a positive integer, auto or off)\n",
    });
  });
});
