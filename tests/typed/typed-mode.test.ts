/**
 * Typed mode: the fixture project `tests/fixtures/typed` (a `tsconfig.json`, three files, stubs of the SDK types),
 * linted with typescript-eslint's parser and a project service, then without type information. One project for
 * every case: the project service builds its program once per test file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { ESLint, type Linter } from 'eslint';

import plugin from '../../src/index.js';
import noStaticCredentials from '../../src/rules/no-static-credentials.js';
import requireCredentialExpiration from '../../src/rules/require-credential-expiration.js';
import { tsRuleTester } from '../rule-tester.js';

const project = path.join(import.meta.dirname, '../fixtures/typed');
// The fixture sits under `tests/`: the rules would skip it as a test file.
const options = [{ checkTestFiles: true }] as [{ checkTestFiles: boolean }];
const fixture = (name: string): { filename: string; code: string; options: typeof options } => {
  const filename = path.join(project, name);
  return { filename, code: readFileSync(filename, 'utf8'), options };
};
const staticKeys = fixture('static-keys.ts');
const providers = fixture('providers.ts');
const quiet = fixture('quiet.ts');

const typedRuleTester = new RuleTester({
  languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: project } },
});

typedRuleTester.run('no-static-credentials (typed)', noStaticCredentials, {
  valid: [
    // `any`, `unknown`, a type parameter, a union with a provider, providers, v2 `AWS.Credentials`.
    quiet,
    providers,
  ],
  invalid: [
    {
      ...staticKeys,
      errors: [
        // `credentials: AwsKeys`, a parameter.
        { messageId: 'staticTypedCredentials', line: 10, column: 25, endLine: 10, endColumn: 36, data: { client: 'S3Client', type: 'AwsKeys' }, suggestions: [] },
        // `this.settings.aws`, a constructor parameter's field.
        { messageId: 'staticTypedCredentials', line: 17, column: 48, endLine: 17, endColumn: 78, data: { client: 'S3Client', type: 'AwsKeys' }, suggestions: [] },
        // v2, a destructured optional parameter: `undefined` falls back on the chain, the keys never refresh.
        { messageId: 'staticTypedCredentials', line: 22, column: 23, endLine: 22, endColumn: 40, data: { client: 'AWS.S3', type: 'CredentialsOptions' }, suggestions: [] },
        // `this.config.get<AwsKeys>('aws')`: an injected service's value, built in another package.
        { messageId: 'staticTypedCredentials', line: 34, column: 27, endLine: 34, endColumn: 71, data: { client: 'S3Client', type: 'AwsKeys' }, suggestions: [] },
        // `{ aws: { keys } }`: a binding two keys deep in a parameter's pattern.
        { messageId: 'staticTypedCredentials', line: 39, column: 25, endLine: 39, endColumn: 42, data: { client: 'S3Client', type: 'AwsKeys' }, suggestions: [] },
      ],
    },
  ],
});

const CHAIN_IMPORT = "import { createCredentialChain } from '@aws-sdk/credential-providers';\n";
/** `providers.ts` with `credentials: value` wrapped in `createCredentialChain(value).expireAfter(…)`. */
const wrapped = (value: string, property = `credentials: ${value}`): string =>
  providers.code
    .replace("import type { AwsKeys } from './static-keys.js';\n", `$&${CHAIN_IMPORT}`)
    .replace(property, `credentials: createCredentialChain(${value}).expireAfter(15 * 60_000)`);
const METHOD_BODY = "() {\n    return vault.read('aws/reports');\n  }";

typedRuleTester.run('require-credential-expiration (typed)', requireCredentialExpiration, {
  valid: [
    // `AwsCredentialIdentityProvider`, `Provider<AwsCredentialIdentity>`: `expiration` is optional, so it may be set.
    quiet,
    staticKeys,
  ],
  invalid: [
    {
      ...providers,
      errors: [
        // `async function fetchKeys(): Promise<AwsKeys>`, whose returns the file cannot see.
        {
          messageId: 'missingTypedExpiration',
          line: 11,
          column: 54,
          endLine: 11,
          endColumn: 63,
          data: { provider: '`fetchKeys`', consumer: '`S3Client`', type: '() => Promise<AwsKeys>' },
          suggestions: [{ messageId: 'wrapWithExpireAfter', output: wrapped('fetchKeys') }],
        },
        // A parameter typed `() => Promise<AwsKeys>`.
        {
          messageId: 'missingTypedExpiration',
          line: 14,
          column: 38,
          endLine: 14,
          endColumn: 46,
          data: { provider: '`provider`', consumer: '`S3Client`', type: '() => Promise<AwsKeys>' },
          suggestions: [{ messageId: 'wrapWithExpireAfter', output: wrapped('provider') }],
        },
        // An inline function that returns an injected service's result: TypeScript infers `Promise<AwsKeys>`.
        {
          messageId: 'missingTypedExpiration',
          line: 21,
          column: 40,
          endLine: 21,
          endColumn: 45,
          data: { provider: 'This credential provider', consumer: '`S3Client`', type: '() => Promise<AwsKeys>' },
          suggestions: [{ messageId: 'wrapWithExpireAfter', output: wrapped('() => this.vault.credentials()') }],
        },
        // A method whose return TypeScript infers: reported from its key to its name, as without types.
        {
          messageId: 'missingTypedExpiration',
          line: 26,
          column: 3,
          endLine: 26,
          endColumn: 20,
          data: { provider: 'This credential provider', consumer: '`S3Client`', type: '() => Promise<AwsKeys>' },
          suggestions: [
            {
              messageId: 'wrapWithExpireAfter',
              output: wrapped(`async function ${METHOD_BODY}`, `async credentials${METHOD_BODY}`),
            },
          ],
        },
      ],
    },
  ],
});

// Without type information: exactly the results of the flow model alone, which follows none of these values.
for (const [name, rule] of [
  ['no-static-credentials (untyped)', noStaticCredentials],
  ['require-credential-expiration (untyped)', requireCredentialExpiration],
] as const) {
  tsRuleTester.run(name, rule as typeof noStaticCredentials, { valid: [staticKeys, providers, quiet], invalid: [] });
}

describe("configs['strict-type-checked']", () => {
  it('turns on type information by itself: the user adds tsconfigRootDir only', async () => {
    const eslint = new ESLint({
      cwd: project,
      overrideConfigFile: true,
      overrideConfig: [
        ...(plugin.configs['strict-type-checked'] as Linter.Config[]),
        { languageOptions: { parserOptions: { tsconfigRootDir: project } } },
      ],
    });
    const results = await eslint.lintFiles(['*.ts']);
    const found = results.flatMap((result) =>
      result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.ruleId}`),
    );
    expect(found).toEqual([
      'providers.ts:11 aws-credentials/require-credential-expiration',
      'providers.ts:14 aws-credentials/require-credential-expiration',
      'providers.ts:21 aws-credentials/require-credential-expiration',
      'providers.ts:26 aws-credentials/require-credential-expiration',
      'static-keys.ts:10 aws-credentials/no-static-credentials',
      'static-keys.ts:17 aws-credentials/no-static-credentials',
      'static-keys.ts:22 aws-credentials/no-static-credentials',
      'static-keys.ts:34 aws-credentials/no-static-credentials',
      'static-keys.ts:39 aws-credentials/no-static-credentials',
    ]);
  });
});
