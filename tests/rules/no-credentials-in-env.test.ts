import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-credentials-in-env.js';
import { ruleTester, tsRuleTester } from '../rule-tester.js';

// `TestLanguageOptions` omits `sourceType`, which the tester passes on to ESLint all the same.
const commonjs = { sourceType: 'commonjs' } as TestLanguageOptions;

ruleTester.run('no-credentials-in-env', rule, {
  valid: [
    // Reads are how the default chain is meant to be fed.
    `
const keyId = process.env.AWS_ACCESS_KEY_ID;
const token = process.env['AWS_SESSION_TOKEN'] ?? '';
    `,
    `
delete process.env.AWS_ACCESS_KEY_ID;
delete process.env['AWS_SESSION_TOKEN'];
    `,
    // Profile and region select credentials; they hold none.
    `
process.env.AWS_PROFILE = 'deploy';
process.env['AWS_REGION'] = 'eu-west-1';
Object.assign(process.env, { AWS_DEFAULT_REGION: region, AWS_SDK_LOAD_CONFIG: '1' });
    `,
    // Clearing a variable makes the default chain skip it.
    `
process.env.AWS_SESSION_TOKEN = '';
process.env.AWS_ACCESS_KEY_ID = undefined;
Object.assign(process.env, { AWS_SECRET_ACCESS_KEY: '' });
    `,
    // Objects that are not the environment.
    `
config.AWS_ACCESS_KEY_ID = keyId;
settings['AWS_SESSION_TOKEN'] = token;
Object.assign(defaults, { AWS_SECRET_ACCESS_KEY: secret });
    `,
    // A copy of the environment is not the environment.
    `
const env = { ...process.env };
env.AWS_SESSION_TOKEN = token;
    `,
    // A local `process` (here a parameter) is not the Node.js global.
    `
function configure(process, token) {
  process.env.AWS_SESSION_TOKEN = token;
}
    `,
    // Keys the file does not spell stay unknown.
    `
for (const [name, value] of Object.entries(variables)) {
  process.env[name] = value;
}
process.env[\`AWS_\${suffix}\`] = value;
    `,
    // The same function name from another module, next to a real child_process import.
    `
import { execSync } from 'node:child_process';
import { spawn } from './process-pool.js';
execSync('git rev-parse HEAD');
spawn('worker.js', [], { env: { AWS_ACCESS_KEY_ID: keyId, AWS_SESSION_TOKEN: token } });
    `,
    // `env` options of calls that are not child_process.
    `
import { exec } from 'shelljs';
exec('make', { env: { AWS_SESSION_TOKEN: token } });
template.render('deploy', { env: { AWS_SECRET_ACCESS_KEY: secret } });
    `,
    // A child_process env without credentials (the child inherits role-based resolution).
    `
import { spawn } from 'node:child_process';
spawn('node', ['job.js'], { env: { ...process.env, AWS_PROFILE: 'ci', AWS_SESSION_TOKEN: '' } });
    `,
    // A shadowed `require` is not the module loader.
    {
      code: `
const require = (id) => ({ spawnSync: () => null });
const { spawnSync } = require('child_process');
spawnSync('aws', ['s3', 'ls'], { env: { AWS_ACCESS_KEY_ID: keyId } });
      `,
      languageOptions: commonjs,
    },
    // `execSync` of a module called something else.
    `
const cp = require('./child_process');
cp.execSync('aws s3 ls', { env: { AWS_SESSION_TOKEN: token } });
    `,
    // Test files put dummy keys into the environment for a mock or an emulator: quiet by default.
    {
      code: `
process.env.AWS_ACCESS_KEY_ID = 'testing';
process.env.AWS_SECRET_ACCESS_KEY = 'testing';
      `,
      filename: 'src/__tests__/x.ts',
    },
    {
      code: `
beforeEach(() => {
  process.env.AWS_SESSION_TOKEN = 'testing';
});
      `,
      filename: 'notifier.spec.js',
    },
    {
      code: `
const { spawnSync } = require('node:child_process');
spawnSync('node', ['worker.js'], { env: { ...process.env, AWS_SECRET_ACCESS_KEY: 'testing' } });
      `,
      filename: 'test/setup.js',
    },
    // A key from a constant map that names a variable without credentials.
    `
const ENV_NAMES = { region: 'AWS_REGION', profile: 'AWS_PROFILE' };
process.env[ENV_NAMES.region] = 'eu-west-1';
process.env[ENV_NAMES.profile] = 'deploy';
    `,
    // A computed write on an object that only looks like the environment.
    `
const NAMES = { token: 'AWS_SESSION_TOKEN' };
const env = {};
env[NAMES.token] = token;
    `,
  ],
  invalid: [
    {
      code: `
const credentials = await loadCredentials();
process.env.AWS_ACCESS_KEY_ID = credentials.AccessKeyId;
process.env.AWS_SECRET_ACCESS_KEY = credentials.SecretAccessKey;
startWorker();
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_ACCESS_KEY_ID' },
          line: 3, column: 1, endLine: 3, endColumn: 30,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_ACCESS_KEY_ID' },
              output: `
const credentials = await loadCredentials();
process.env.AWS_SECRET_ACCESS_KEY = credentials.SecretAccessKey;
startWorker();
      `,
            },
          ],
        },
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SECRET_ACCESS_KEY' },
          line: 4, column: 1, endLine: 4, endColumn: 34,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SECRET_ACCESS_KEY' },
              output: `
const credentials = await loadCredentials();
process.env.AWS_ACCESS_KEY_ID = credentials.AccessKeyId;
startWorker();
      `,
            },
          ],
        },
      ],
    },
    {
      code: `
function useToken(token) {
  process.env['AWS_SESSION_TOKEN'] = token;
}
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 3, column: 3, endLine: 3, endColumn: 35,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
function useToken(token) {
}
      `,
            },
          ],
        },
      ],
    },
    // A computed key resolved from a constant, and a template without expressions.
    {
      code: `
const TOKEN_VARIABLE = 'AWS_SESSION_TOKEN';
process.env[TOKEN_VARIABLE] = token;
process.env[\`AWS_SECURITY_TOKEN\`] = token;
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 3, column: 1, endLine: 3, endColumn: 28,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
const TOKEN_VARIABLE = 'AWS_SESSION_TOKEN';
process.env[\`AWS_SECURITY_TOKEN\`] = token;
      `,
            },
          ],
        },
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SECURITY_TOKEN' },
          line: 4, column: 1, endLine: 4, endColumn: 34,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SECURITY_TOKEN' },
              output: `
const TOKEN_VARIABLE = 'AWS_SESSION_TOKEN';
process.env[TOKEN_VARIABLE] = token;
      `,
            },
          ],
        },
      ],
    },
    // Logical and compound assignments write too.
    {
      code: `
process.env.AWS_SESSION_TOKEN ??= session.token;
process.env.AWS_CREDENTIAL_EXPIRATION ||= session.expiration;
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 2, column: 1, endLine: 2, endColumn: 30,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
process.env.AWS_CREDENTIAL_EXPIRATION ||= session.expiration;
      `,
            },
          ],
        },
        {
          messageId: 'envWrite',
          data: { name: 'AWS_CREDENTIAL_EXPIRATION' },
          line: 3, column: 1, endLine: 3, endColumn: 38,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_CREDENTIAL_EXPIRATION' },
              output: `
process.env.AWS_SESSION_TOKEN ??= session.token;
      `,
            },
          ],
        },
      ],
    },
    // Removing the body of a brace-less `if`, or a write used as a value, would break the code: no suggestion.
    {
      code: `
if (token) process.env.AWS_SESSION_TOKEN = token;
const saved = (process.env.AWS_ACCESS_KEY_ID = keyId);
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 2, column: 12, endLine: 2, endColumn: 41,
          suggestions: [],
        },
        {
          messageId: 'envWrite',
          data: { name: 'AWS_ACCESS_KEY_ID' },
          line: 3, column: 16, endLine: 3, endColumn: 45,
          suggestions: [],
        },
      ],
    },
    {
      code: `
Object.assign(process.env, {
  AWS_ACCESS_KEY_ID: credentials.accessKeyId,
  AWS_REGION: region,
});
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_ACCESS_KEY_ID' },
          line: 3, column: 3, endLine: 3, endColumn: 45,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_ACCESS_KEY_ID' },
              output: `
Object.assign(process.env, {
  AWS_REGION: region,
});
      `,
            },
          ],
        },
      ],
    },
    // Keys resolved from constants, in an object held by a constant: reported where written, no suggestion (the
    // object may have other uses).
    {
      code: `
const SECRET_VARIABLE = 'AWS_SECRET_ACCESS_KEY';
const variables = { [SECRET_VARIABLE]: secret, AWS_SESSION_TOKEN: token };
Object.assign(process.env, variables);
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SECRET_ACCESS_KEY' },
          line: 3, column: 21, endLine: 3, endColumn: 46,
          suggestions: [],
        },
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 3, column: 48, endLine: 3, endColumn: 72,
          suggestions: [],
        },
      ],
    },
    // A spread of a local object: the key is reported in that object.
    {
      code: `
const awsVariables = { AWS_ACCESS_KEY_ID: keyId };
Object.assign(process.env, { ...awsVariables, LOG_LEVEL: 'debug' });
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_ACCESS_KEY_ID' },
          line: 2, column: 24, endLine: 2, endColumn: 48,
          suggestions: [],
        },
      ],
    },
    // Replacing the whole environment.
    {
      code: `
process.env = { ...process.env, AWS_SESSION_TOKEN: token, AWS_REGION: region };
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 2, column: 33, endLine: 2, endColumn: 57,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
process.env = { ...process.env, AWS_REGION: region };
      `,
            },
          ],
        },
      ],
    },
    // The last property, without a trailing comma, goes with the comma before it.
    {
      code: `
process.env = {
  ...process.env,
  AWS_SESSION_TOKEN: token
};
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 4, column: 3, endLine: 4, endColumn: 27,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
process.env = {
  ...process.env
};
      `,
            },
          ],
        },
      ],
    },
    // An alias of `process.env`, and `defineProperties` keys.
    {
      code: `
const env = process.env;
env.AWS_CREDENTIAL_EXPIRATION = credentials.Expiration.toISOString();
Object.defineProperties(process.env, { AWS_SESSION_TOKEN: { value: token } });
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_CREDENTIAL_EXPIRATION' },
          line: 3, column: 1, endLine: 3, endColumn: 30,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_CREDENTIAL_EXPIRATION' },
              output: `
const env = process.env;
Object.defineProperties(process.env, { AWS_SESSION_TOKEN: { value: token } });
      `,
            },
          ],
        },
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 4, column: 40, endLine: 4, endColumn: 75,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
const env = process.env;
env.AWS_CREDENTIAL_EXPIRATION = credentials.Expiration.toISOString();
Object.defineProperties(process.env, {});
      `,
            },
          ],
        },
      ],
    },
    {
      code: `
Object.defineProperty(process.env, 'AWS_SESSION_TOKEN', { value: token, enumerable: true });
Reflect.set(process.env, 'AWS_ACCESS_KEY_ID', keyId);
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 2, column: 36, endLine: 2, endColumn: 55,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
Reflect.set(process.env, 'AWS_ACCESS_KEY_ID', keyId);
      `,
            },
          ],
        },
        {
          messageId: 'envWrite',
          data: { name: 'AWS_ACCESS_KEY_ID' },
          line: 3, column: 26, endLine: 3, endColumn: 45,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_ACCESS_KEY_ID' },
              output: `
Object.defineProperty(process.env, 'AWS_SESSION_TOKEN', { value: token, enumerable: true });
      `,
            },
          ],
        },
      ],
    },
    // `process.env` under other names: destructured from `process`, imported from `node:process`.
    {
      code: `
import { env } from 'node:process';
const { env: environment } = process;
env.AWS_SESSION_TOKEN = token;
environment.AWS_ACCESS_KEY_ID = keyId;
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 4, column: 1, endLine: 4, endColumn: 22,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
import { env } from 'node:process';
const { env: environment } = process;
environment.AWS_ACCESS_KEY_ID = keyId;
      `,
            },
          ],
        },
        {
          messageId: 'envWrite',
          data: { name: 'AWS_ACCESS_KEY_ID' },
          line: 5, column: 1, endLine: 5, endColumn: 30,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_ACCESS_KEY_ID' },
              output: `
import { env } from 'node:process';
const { env: environment } = process;
env.AWS_SESSION_TOKEN = token;
      `,
            },
          ],
        },
      ],
    },
    {
      code: `
import proc from 'process';
proc.env.AWS_SECRET_ACCESS_KEY = secret;
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SECRET_ACCESS_KEY' },
          line: 3, column: 1, endLine: 3, endColumn: 31,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SECRET_ACCESS_KEY' },
              output: `
import proc from 'process';
      `,
            },
          ],
        },
      ],
    },
    // child_process: ESM named import with the `node:` prefix.
    {
      code: `
import { spawn } from 'node:child_process';
spawn('node', ['worker.js'], { env: { ...process.env, AWS_SESSION_TOKEN: token } });
      `,
      output: null,
      errors: [
        {
          messageId: 'childEnv',
          data: { name: 'AWS_SESSION_TOKEN', call: 'spawn' },
          line: 3, column: 55, endLine: 3, endColumn: 79,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
import { spawn } from 'node:child_process';
spawn('node', ['worker.js'], { env: { ...process.env } });
      `,
            },
          ],
        },
      ],
    },
    // ESM aliased import; the options object held in a constant.
    {
      code: `
import { execFile as run } from 'child_process';
const options = {
  cwd: '/srv/app',
  env: {
    AWS_ACCESS_KEY_ID: keyId,
    AWS_SECRET_ACCESS_KEY: secret,
  },
};
run('aws', ['s3', 'ls'], options, done);
      `,
      output: null,
      errors: [
        {
          messageId: 'childEnv',
          data: { name: 'AWS_ACCESS_KEY_ID', call: 'execFile' },
          line: 6, column: 5, endLine: 6, endColumn: 29,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_ACCESS_KEY_ID' },
              output: `
import { execFile as run } from 'child_process';
const options = {
  cwd: '/srv/app',
  env: {
    AWS_SECRET_ACCESS_KEY: secret,
  },
};
run('aws', ['s3', 'ls'], options, done);
      `,
            },
          ],
        },
        {
          messageId: 'childEnv',
          data: { name: 'AWS_SECRET_ACCESS_KEY', call: 'execFile' },
          line: 7, column: 5, endLine: 7, endColumn: 34,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_SECRET_ACCESS_KEY' },
              output: `
import { execFile as run } from 'child_process';
const options = {
  cwd: '/srv/app',
  env: {
    AWS_ACCESS_KEY_ID: keyId,
  },
};
run('aws', ['s3', 'ls'], options, done);
      `,
            },
          ],
        },
      ],
    },
    // Namespace import.
    {
      code: `
import * as childProcess from 'child_process';
childProcess.fork('./worker.js', [], { env: { AWS_SESSION_TOKEN: token } });
      `,
      output: null,
      errors: [
        {
          messageId: 'childEnv',
          data: { name: 'AWS_SESSION_TOKEN', call: 'fork' },
          line: 3, column: 47, endLine: 3, endColumn: 71,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
import * as childProcess from 'child_process';
childProcess.fork('./worker.js', [], { env: {} });
      `,
            },
          ],
        },
      ],
    },
    // Default import; `Object.assign` building the env.
    {
      code: `
import cp from 'node:child_process';
cp.execSync('terraform apply', { env: Object.assign({}, process.env, { AWS_SESSION_TOKEN: token }) });
      `,
      output: null,
      errors: [
        {
          messageId: 'childEnv',
          data: { name: 'AWS_SESSION_TOKEN', call: 'execSync' },
          line: 3, column: 72, endLine: 3, endColumn: 96,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
import cp from 'node:child_process';
cp.execSync('terraform apply', { env: Object.assign({}, process.env, {}) });
      `,
            },
          ],
        },
      ],
    },
    // Declared `require` (CommonJS) with destructuring.
    {
      code: `
const { spawnSync } = require('child_process');
spawnSync('aws', ['sts', 'get-caller-identity'], { env: { AWS_ACCESS_KEY_ID: keyId, PATH: path } });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'childEnv',
          data: { name: 'AWS_ACCESS_KEY_ID', call: 'spawnSync' },
          line: 3, column: 59, endLine: 3, endColumn: 83,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_ACCESS_KEY_ID' },
              output: `
const { spawnSync } = require('child_process');
spawnSync('aws', ['sts', 'get-caller-identity'], { env: { PATH: path } });
      `,
            },
          ],
        },
      ],
    },
    // Undeclared `require` of the module object; the env held in a constant is reported without a suggestion.
    {
      code: `
const cp = require('child_process');
const env = { ...process.env, AWS_SESSION_TOKEN: token };
cp.exec('npm run deploy', { env }, done);
      `,
      output: null,
      errors: [
        {
          messageId: 'childEnv',
          data: { name: 'AWS_SESSION_TOKEN', call: 'exec' },
          line: 3, column: 31, endLine: 3, endColumn: 55,
          suggestions: [],
        },
      ],
    },
    // Aliased destructuring with the `node:` prefix, and a call on `require(…)` itself.
    {
      code: `
const { execFileSync: run } = require('node:child_process');
run('aws', ['s3', 'sync'], { env: { AWS_SECRET_ACCESS_KEY: secret } });
require('child_process').spawn('aws', [], { env: { AWS_SECURITY_TOKEN: token } });
      `,
      languageOptions: commonjs,
      output: null,
      errors: [
        {
          messageId: 'childEnv',
          data: { name: 'AWS_SECRET_ACCESS_KEY', call: 'execFileSync' },
          line: 3, column: 37, endLine: 3, endColumn: 66,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_SECRET_ACCESS_KEY' },
              output: `
const { execFileSync: run } = require('node:child_process');
run('aws', ['s3', 'sync'], { env: {} });
require('child_process').spawn('aws', [], { env: { AWS_SECURITY_TOKEN: token } });
      `,
            },
          ],
        },
        {
          messageId: 'childEnv',
          data: { name: 'AWS_SECURITY_TOKEN', call: 'spawn' },
          line: 4, column: 52, endLine: 4, endColumn: 77,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_SECURITY_TOKEN' },
              output: `
const { execFileSync: run } = require('node:child_process');
run('aws', ['s3', 'sync'], { env: { AWS_SECRET_ACCESS_KEY: secret } });
require('child_process').spawn('aws', [], { env: {} });
      `,
            },
          ],
        },
      ],
    },
    // `await import()` and `promisify(exec)`.
    {
      code: `
const { exec } = await import('node:child_process');
const { promisify } = await import('node:util');
const run = promisify(exec);
await run('cdk deploy', { env: { ...process.env, AWS_ACCESS_KEY_ID: keyId } });
      `,
      output: null,
      errors: [
        {
          messageId: 'childEnv',
          data: { name: 'AWS_ACCESS_KEY_ID', call: 'exec' },
          line: 5, column: 50, endLine: 5, endColumn: 74,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_ACCESS_KEY_ID' },
              output: `
const { exec } = await import('node:child_process');
const { promisify } = await import('node:util');
const run = promisify(exec);
await run('cdk deploy', { env: { ...process.env } });
      `,
            },
          ],
        },
      ],
    },
    // Variable names from a constant map, and a computed key on an alias of `process.env`.
    {
      code: `
import { env } from 'node:process';
const ENV_NAMES = {
  accessKeyId: 'AWS_ACCESS_KEY_ID',
  sessionToken: 'AWS_SESSION_TOKEN',
};
process.env[ENV_NAMES.accessKeyId] = lease.data.access_key;
env[ENV_NAMES['sessionToken']] = lease.data.security_token;
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_ACCESS_KEY_ID' },
          line: 7, column: 1, endLine: 7, endColumn: 35,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_ACCESS_KEY_ID' },
              output: `
import { env } from 'node:process';
const ENV_NAMES = {
  accessKeyId: 'AWS_ACCESS_KEY_ID',
  sessionToken: 'AWS_SESSION_TOKEN',
};
env[ENV_NAMES['sessionToken']] = lease.data.security_token;
      `,
            },
          ],
        },
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 8, column: 1, endLine: 8, endColumn: 31,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
import { env } from 'node:process';
const ENV_NAMES = {
  accessKeyId: 'AWS_ACCESS_KEY_ID',
  sessionToken: 'AWS_SESSION_TOKEN',
};
process.env[ENV_NAMES.accessKeyId] = lease.data.access_key;
      `,
            },
          ],
        },
      ],
    },
    // Constant-map keys in an object given to `Object.assign(process.env, …)`.
    {
      code: `
const KEYS = { secret: 'AWS_SECRET_ACCESS_KEY' };
Object.assign(process.env, { [KEYS.secret]: lease.secret });
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SECRET_ACCESS_KEY' },
          line: 3, column: 30, endLine: 3, endColumn: 57,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_SECRET_ACCESS_KEY' },
              output: `
const KEYS = { secret: 'AWS_SECRET_ACCESS_KEY' };
Object.assign(process.env, {});
      `,
            },
          ],
        },
      ],
    },
    // `checkTestFiles` turns the rule on in test files.
    {
      code: `
process.env.AWS_SESSION_TOKEN = 'testing';
      `,
      filename: 'src/__tests__/x.ts',
      options: [{ checkTestFiles: true }],
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 2, column: 1, endLine: 2, endColumn: 30,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `

      `,
            },
          ],
        },
      ],
    },
  ],
});

tsRuleTester.run('no-credentials-in-env (TypeScript)', rule, {
  valid: [
    `
import type { SpawnOptions } from 'node:child_process';
const options: SpawnOptions = { env: { AWS_SESSION_TOKEN: token } };
const token = process.env.AWS_SESSION_TOKEN as string;
    `,
  ],
  invalid: [
    {
      code: `
(process.env as Record<string, string>).AWS_SESSION_TOKEN = credentials.SessionToken!;
process.env.AWS_ACCESS_KEY_ID = credentials.AccessKeyId satisfies string | undefined;
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 2, column: 1, endLine: 2, endColumn: 58,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
process.env.AWS_ACCESS_KEY_ID = credentials.AccessKeyId satisfies string | undefined;
      `,
            },
          ],
        },
        {
          messageId: 'envWrite',
          data: { name: 'AWS_ACCESS_KEY_ID' },
          line: 3, column: 1, endLine: 3, endColumn: 30,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_ACCESS_KEY_ID' },
              output: `
(process.env as Record<string, string>).AWS_SESSION_TOKEN = credentials.SessionToken!;
      `,
            },
          ],
        },
      ],
    },
    // A constant map `as const`, read with a computed member.
    {
      code: `
const ENV = { token: 'AWS_SESSION_TOKEN' } as const;
process.env[ENV['token']] = Credentials!.SessionToken;
      `,
      output: null,
      errors: [
        {
          messageId: 'envWrite',
          data: { name: 'AWS_SESSION_TOKEN' },
          line: 3, column: 1, endLine: 3, endColumn: 26,
          suggestions: [
            {
              messageId: 'removeEnvWrite',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
const ENV = { token: 'AWS_SESSION_TOKEN' } as const;
      `,
            },
          ],
        },
      ],
    },
    // TS `import cp = require()`.
    {
      code: `
import cp = require('child_process');
cp.spawn('aws', ['s3', 'ls'], { env: { ...process.env, AWS_SESSION_TOKEN: token } as NodeJS.ProcessEnv });
      `,
      output: null,
      errors: [
        {
          messageId: 'childEnv',
          data: { name: 'AWS_SESSION_TOKEN', call: 'spawn' },
          line: 3, column: 56, endLine: 3, endColumn: 80,
          suggestions: [
            {
              messageId: 'removeEnvKey',
              data: { name: 'AWS_SESSION_TOKEN' },
              output: `
import cp = require('child_process');
cp.spawn('aws', ['s3', 'ls'], { env: { ...process.env } as NodeJS.ProcessEnv });
      `,
            },
          ],
        },
      ],
    },
  ],
});
