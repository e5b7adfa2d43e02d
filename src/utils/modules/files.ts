/**
 * What a file is, from its path alone: test files, where rules about credentials that expire have nothing to say
 * (fixed dummy keys for a mock or an emulator never expire).
 */
import type { JSONSchema4ObjectSchema } from '@typescript-eslint/utils/json-schema';

/** A directory whose files are tests, mocks or test setup. */
const TEST_DIRECTORIES: ReadonlySet<string> = new Set(['__tests__', '__mocks__', 'test', 'tests']);

/** `x.test.ts`, `x.spec.mjs`, `x.test.d.ts`, `x.e2e.spec.js`; not `contest.ts`, `latest.ts` or `x.test`. */
const TEST_FILE_NAME = /\.(?:test|spec)\.[^.]+/;

/**
 * Whether `filename` is a test file: a name with `.test.` or `.spec.` before its extension, or a path with a
 * `__tests__`, `__mocks__`, `test` or `tests` directory. POSIX and Windows separators alike. When `root` (the lint's
 * working directory) holds the file, only the part below it counts, so a project checked out under `~/test/` is
 * not all tests.
 */
export function isTestFile(filename: string, root?: string): boolean {
  const path = toForwardSlashes(filename);
  const base = root === undefined ? '' : toForwardSlashes(root).replace(/\/+$/, '');
  // Drive letters and Windows paths compare without case (`c:/x` and `C:/x` are one path).
  const isBelowRoot = base !== '' && path.toLowerCase().startsWith(`${base.toLowerCase()}/`);
  const relative = isBelowRoot ? path.slice(base.length + 1) : path;
  const segments = relative.split('/');
  const name = segments.pop() ?? '';
  return TEST_FILE_NAME.test(name) || segments.some((segment) => TEST_DIRECTORIES.has(segment));
}

/** The option every rule that is quiet in test files takes: spread into the rule's schema `properties`. */
export const CHECK_TEST_FILES_PROPERTY = {
  checkTestFiles: {
    type: 'boolean',
    description:
      'Also check test files (`*.test.*`, `*.spec.*`, and files under a `__tests__`, `__mocks__`, `test` or `tests` ' +
      'directory), which are skipped by default: their dummy keys for mocks and emulators never expire.',
  },
} as const satisfies JSONSchema4ObjectSchema['properties'];

/** What `isSkippedTestFile` needs of a rule context. */
interface FileContext {
  readonly physicalFilename: string;
  readonly cwd: string;
  readonly sourceCode: { readonly ast: object };
}

/** Whether each linted file is a test file, computed once per file whichever rule asks first. */
const testFiles = new WeakMap<object, boolean>();

/**
 * Whether a rule with the `checkTestFiles` option should skip this file: a test file, the option off. The physical
 * file decides, so a code block in `README.md` is not a test because of its virtual name.
 */
export function isSkippedTestFile(context: FileContext, checkTestFiles: boolean | undefined): boolean {
  if (checkTestFiles === true) {
    return false;
  }
  const { ast } = context.sourceCode;
  let isTest = testFiles.get(ast);
  if (isTest === undefined) {
    isTest = isTestFile(context.physicalFilename, context.cwd);
    testFiles.set(ast, isTest);
  }
  return isTest;
}

function toForwardSlashes(path: string): string {
  return path.replaceAll('\\', '/');
}
