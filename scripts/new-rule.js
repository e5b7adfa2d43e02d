// `npm run new-rule -- <name>`: scaffolds a rule (source, test, doc page, examples pair), registers it in
// src/rules/index.ts and regenerates the docs, so that `npm test` passes at once with the new rule's cases as todos.
// `--root <dir>` scaffolds into another checkout, `--no-docs` skips the docs step (both for this script's own test).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const TEMPLATES = new URL('templates/', import.meta.url);
/** ESLint's naming convention for rules: kebab-case, and a verb that says what the rule wants. */
const NAME = /^(?:no|require|valid|prefer)-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERBS = { no: 'Disallow', require: 'Require', valid: 'Enforce valid', prefer: 'Enforce' };

const { values, positionals } = parseArgs({
  options: { root: { type: 'string' }, 'no-docs': { type: 'boolean' } },
  allowPositionals: true,
});
const root = path.resolve(values.root ?? new URL('..', import.meta.url).pathname);

try {
  const name = validateName(positionals);
  const created = scaffold(name);
  console.log(`new-rule: created\n${created.map((file) => `  ${file}`).join('\n')}\nand registered ${name} in src/rules/index.ts.`);
  if (values['no-docs'] !== true) regenerateDocs();
  console.log('new-rule: `npm test` passes with the new cases as todos; CONTRIBUTING.md says what comes next.');
} catch (error) {
  console.error(`new-rule: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

function validateName(args) {
  if (args.length !== 1) throw new Error('usage: npm run new-rule -- <name> (e.g. no-static-auth-token)');
  const [name] = args;
  if (!NAME.test(name)) {
    throw new Error(`invalid name '${name}': kebab-case starting with no-, require-, valid- or prefer-`);
  }
  if (existsSync(path.join(root, 'src/rules', `${name}.ts`))) throw new Error(`rule '${name}' already exists`);
  return name;
}

function scaffold(name) {
  const words = name.split('-');
  const camel = words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('');
  const description = `${VERBS[words[0]]} TODO: describe what ${name} reports`;
  const fill = (template, extra = {}) =>
    Object.entries({ NAME: name, CAMEL: camel, DESCRIPTION: description, ...extra }).reduce(
      (text, [key, value]) => text.replaceAll(`__${key}__`, value),
      readFileSync(new URL(template, TEMPLATES), 'utf8'),
    );
  const files = {
    [`src/rules/${name}.ts`]: fill('rule.ts.tmpl'),
    [`tests/rules/${name}.test.ts`]: fill('rule.test.ts.tmpl'),
    [`docs/rules/${name}.md`]: fill('rule.md.tmpl'),
    [`examples/wrong/${name}.js`]: fill('example.js.tmpl', { SIDE: 'wrong', WHAT: 'the rule reports' }),
    [`examples/right/${name}.js`]: fill('example.js.tmpl', { SIDE: 'right', WHAT: 'is the corrected code, on which no rule reports' }),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text, { flag: 'wx' });
  }
  register(name, camel);
  return Object.keys(files);
}

/** Adds the import and the entry to src/rules/index.ts, both kept in alphabetical order. */
function register(name, camel) {
  const indexPath = path.join(root, 'src/rules/index.ts');
  const lines = readFileSync(indexPath, 'utf8').split('\n');
  const insertSorted = (isPeer, line, key) => {
    const peers = lines.flatMap((text, index) => (isPeer(text) ? [index] : []));
    if (peers.length === 0) throw new Error('src/rules/index.ts has an unexpected shape: add the rule by hand');
    const after = peers.find((index) => key(lines[index]) > name);
    lines.splice(after ?? (peers.at(-1) ?? 0) + 1, 0, line);
  };
  insertSorted(
    (text) => /^import \w+ from '\.\/[\w-]+\.js';$/.test(text),
    `import ${camel} from './${name}.js';`,
    (text) => /'\.\/([\w-]+)\.js'/.exec(text)[1],
  );
  insertSorted(
    (text) => /^ {2}'[\w-]+': \w+,$/.test(text),
    `  '${name}': ${camel},`,
    (text) => /'([\w-]+)'/.exec(text)[1],
  );
  writeFileSync(indexPath, lines.join('\n'));
}

/** The README rules table and the doc page's header come from the built rules (`npm run docs`). */
function regenerateDocs() {
  const { status } = spawnSync('npm', ['run', 'docs', '--silent'], { cwd: root, stdio: 'inherit' });
  if (status !== 0) throw new Error('`npm run docs` failed: run it by hand once the rule builds');
}
