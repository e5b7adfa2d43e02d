// Lints the bundled examples with the built CLI: `examples/wrong` must report findings, `examples/right` none.
import { spawnSync } from 'node:child_process';

const cli = new URL('../dist/cli/bin.js', import.meta.url).pathname;

function lint(folder) {
  console.log(`\n$ aws-credentials-lint --config all ${folder}`);
  const { status } = spawnSync(process.execPath, [cli, '--config', 'all', folder], { stdio: 'inherit' });
  return status;
}

const wrong = lint('examples/wrong');
const right = lint('examples/right');
if (right === 0) console.log('examples/right: no findings.');

if (wrong !== 1 || right !== 0) {
  console.error(`demo: expected findings in examples/wrong (exit 1) and none in examples/right (exit 0); got ${wrong} and ${right}.`);
  process.exitCode = 1;
}
