import { describe, expect, it } from 'vitest';

import { CHECK_TEST_FILES_PROPERTY, isSkippedTestFile, isTestFile } from '../../src/utils/modules/files.js';

describe('isTestFile', () => {
  it('recognises test and spec file names', () => {
    expect(isTestFile('notifier.spec.js')).toBe(true);
    expect(isTestFile('src/uploads.test.ts')).toBe(true);
    expect(isTestFile('src/uploads.test.d.ts')).toBe(true);
    expect(isTestFile('src/checkout.e2e.spec.mjs')).toBe(true);
    expect(isTestFile('/repo/packages/api/handler.test.cjs')).toBe(true);
  });

  it('recognises test, mock and setup directories', () => {
    expect(isTestFile('src/__tests__/x.ts')).toBe(true);
    expect(isTestFile('src/__mocks__/aws-sdk.js')).toBe(true);
    expect(isTestFile('test/setup.js')).toBe(true);
    expect(isTestFile('packages/api/tests/fixtures/env.ts')).toBe(true);
  });

  it('reads Windows separators', () => {
    expect(isTestFile('C:\\repo\\src\\__tests__\\x.ts')).toBe(true);
    expect(isTestFile('C:\\repo\\test\\setup.js')).toBe(true);
    expect(isTestFile('C:\\repo\\src\\contest.ts')).toBe(false);
  });

  it('leaves look-alikes alone', () => {
    expect(isTestFile('src/contest.ts')).toBe(false);
    expect(isTestFile('attestation/x.ts')).toBe(false);
    expect(isTestFile('latest.ts')).toBe(false);
    expect(isTestFile('src/testing/helpers.ts')).toBe(false);
    expect(isTestFile('src/test-utils.ts')).toBe(false);
    expect(isTestFile('src/protest.spec')).toBe(false);
    expect(isTestFile('src/tests.ts')).toBe(false);
    expect(isTestFile('<input>')).toBe(false);
  });

  it('looks only below the root when the file is inside it', () => {
    expect(isTestFile('/home/me/test/app/src/index.ts', '/home/me/test/app')).toBe(false);
    expect(isTestFile('/home/me/test/app/src/index.ts', '/home/me/test/app/')).toBe(false);
    expect(isTestFile('/home/me/test/app/test/setup.js', '/home/me/test/app')).toBe(true);
    expect(isTestFile('c:\\work\\test\\app\\src\\index.ts', 'C:\\work\\test\\app')).toBe(false);
    // A file outside the root keeps its whole path.
    expect(isTestFile('/elsewhere/tests/setup.js', '/home/me/app')).toBe(true);
  });
});

describe('isSkippedTestFile', () => {
  it('skips a test file unless checkTestFiles is on', () => {
    const context = { physicalFilename: '/repo/src/__tests__/x.ts', cwd: '/repo', sourceCode: { ast: {} } };
    expect(isSkippedTestFile(context, undefined)).toBe(true);
    expect(isSkippedTestFile(context, false)).toBe(true);
    expect(isSkippedTestFile(context, true)).toBe(false);
    expect(isSkippedTestFile({ physicalFilename: '/repo/src/x.ts', cwd: '/repo', sourceCode: { ast: {} } }, false)).toBe(false);
  });

  it('decides once per file, whichever rule asks first', () => {
    const sourceCode = { ast: {} };
    expect(isSkippedTestFile({ physicalFilename: '/repo/x.test.ts', cwd: '/repo', sourceCode }, false)).toBe(true);
    // The same file (the same AST) keeps its answer; another file gets its own.
    expect(isSkippedTestFile({ physicalFilename: '/repo/x.test.ts', cwd: '/repo', sourceCode }, false)).toBe(true);
    expect(isSkippedTestFile({ physicalFilename: '/repo/x.ts', cwd: '/repo', sourceCode: { ast: {} } }, false)).toBe(false);
  });

  it('describes the option for the docs generator', () => {
    expect(CHECK_TEST_FILES_PROPERTY.checkTestFiles.type).toBe('boolean');
    expect(CHECK_TEST_FILES_PROPERTY.checkTestFiles.description).toMatch(/test files/);
  });
});
