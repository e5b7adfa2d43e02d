#!/usr/bin/env node
/** The `aws-credentials-lint` command: see `main.ts` and docs/cli.md. */
try {
  // Imported lazily so that a missing peer dependency (eslint) is one readable line, not a stack trace.
  const { main } = await import('./main.js');
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  process.stderr.write(`aws-credentials-lint: ${describeFailure(error)}\n`);
  process.exitCode = 2;
}

function describeFailure(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'ERR_MODULE_NOT_FOUND' && error instanceof Error && /'eslint'/.test(error.message)) {
    return 'eslint is not installed: run `npm install --save-dev eslint` (ESLint 9 or 10)';
  }
  // Anything else is a bug (e.g. a rule that throws): keep the stack for the report.
  return `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
