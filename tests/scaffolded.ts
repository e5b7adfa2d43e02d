import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Rules scaffolded by `npm run new-rule` whose test file still says so: not built yet, so the checks that every
 * rule fires on `examples/` or has rule tests skip them (and list them as todos) until their cases are written.
 */
export function getScaffoldedRules(names: Iterable<string>): string[] {
  return [...names].filter((name) =>
    readFileSync(path.join(root, 'tests/rules', `${name}.test.ts`), 'utf8').includes('Scaffolded by `npm run new-rule`'),
  );
}
