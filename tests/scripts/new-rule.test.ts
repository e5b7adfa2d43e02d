import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/new-rule.js');
const target = mkdtempSync(path.join(tmpdir(), 'new-rule-'));
cpSync(path.join(root, 'src/rules/index.ts'), path.join(target, 'src/rules/index.ts'));
cpSync(path.join(root, 'src/rules/no-static-credentials.ts'), path.join(target, 'src/rules/no-static-credentials.ts'));
afterAll(() => rmSync(target, { recursive: true, force: true }));

function newRule(...args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [script, '--root', target, '--no-docs', ...args], {
    encoding: 'utf8',
  });
  return { status, stdout, stderr };
}

describe('npm run new-rule', () => {
  it('scaffolds the five files of a rule, all with its name, and registers it in alphabetical order', () => {
    const { status, stdout } = newRule('no-leaked-widget');
    expect(status).toBe(0);
    for (const file of [
      'src/rules/no-leaked-widget.ts',
      'tests/rules/no-leaked-widget.test.ts',
      'docs/rules/no-leaked-widget.md',
      'examples/wrong/no-leaked-widget.js',
      'examples/right/no-leaked-widget.js',
    ]) {
      expect(existsSync(path.join(target, file)), file).toBe(true);
      expect(stdout).toContain(file);
    }
    const index = readFileSync(path.join(target, 'src/rules/index.ts'), 'utf8');
    const imports = [...index.matchAll(/^import \w+ from '\.\/([\w-]+)\.js';$/gm)].map((match) => match[1]);
    const entries = [...index.matchAll(/^ {2}'([\w-]+)': \w+,$/gm)].map((match) => match[1]);
    expect(imports).toContain('no-leaked-widget');
    expect(imports).toEqual([...imports].sort());
    expect(entries).toEqual(imports);
    const source = readFileSync(path.join(target, 'src/rules/no-leaked-widget.ts'), 'utf8');
    expect(source).toContain("name: 'no-leaked-widget'");
    expect(source).toContain("description: 'Disallow TODO: describe what no-leaked-widget reports'");
    expect(source).toContain('noLeakedWidget:');
    expect(readFileSync(path.join(target, 'tests/rules/no-leaked-widget.test.ts'), 'utf8')).toContain('it.todo(');
  });

  it('refuses a name outside the convention, a rule that exists, and a missing name', () => {
    expect(newRule('NoWidget')).toMatchObject({ status: 1, stderr: expect.stringContaining("invalid name 'NoWidget'") });
    expect(newRule('widget-check')).toMatchObject({ status: 1, stderr: expect.stringContaining('invalid name') });
    expect(newRule('no-static-credentials')).toMatchObject({
      status: 1,
      stderr: "new-rule: rule 'no-static-credentials' already exists\n",
    });
    expect(newRule()).toMatchObject({ status: 1, stderr: expect.stringContaining('usage: npm run new-rule -- <name>') });
  });
});
