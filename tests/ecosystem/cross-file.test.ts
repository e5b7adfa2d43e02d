// Credentials that cross a module boundary: a project on disk, linted with the real ESLint class, the way a user's
// `eslint .` runs. Each cross-file shape is reported once, in the file that gives the value to the SDK, and the
// message names the module and line where the value was built.
import { mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

let root: string;

/** Writes the project's files under a fresh temporary directory. */
function writeProject(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

function createESLint(settings: Record<string, unknown> = {}): ESLint {
  const config: Linter.Config[] = [
    plugin.configs.recommended as Linter.Config,
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
    { files: ['**/*.cjs', 'cjs/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
    { settings: { 'aws-credentials': settings } },
  ];
  return new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
}

interface Finding {
  file: string;
  rule: string | null;
  line: number;
  column: number;
  message: string;
}

async function lintProject(eslint = createESLint()): Promise<Finding[]> {
  const results = await eslint.lintFiles(['.']);
  return results.flatMap((result) =>
    result.messages.map(({ ruleId, line, column, message }) => ({
      file: path.relative(root, result.filePath).split(path.sep).join('/'),
      rule: ruleId?.replace('aws-credentials/', '') ?? null,
      line,
      column,
      message,
    })),
  );
}

const STS_HELPER = `import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});

export async function getCredentials(roleArn) {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'app' }));
  return {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
  };
}
`;

beforeAll(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'aws-credentials-cross-file-')));
  writeProject({
    'package.json': '{ "type": "module" }\n',
    // ESM: a configuration module, a named import, a namespace import, a default export.
    'esm/config/aws.js': `export const awsConfig = {
  region: 'eu-west-1',
  credentials: { accessKeyId: process.env.APP_KEY_ID, secretAccessKey: process.env.APP_SECRET },
};
export default { credentials: { accessKeyId: process.env.APP_KEY_ID, secretAccessKey: process.env.APP_SECRET } };
`,
    'esm/services/named.js': `import { S3Client } from '@aws-sdk/client-s3';
import { awsConfig } from '../config/aws.js';

export const s3 = new S3Client({ region: awsConfig.region, credentials: awsConfig.credentials });
`,
    'esm/services/namespace.js': `import { SQSClient } from '@aws-sdk/client-sqs';
import * as config from '../config/aws.js';

export const sqs = new SQSClient({ credentials: config.awsConfig.credentials });
`,
    'esm/services/default.js': `import { SNSClient } from '@aws-sdk/client-sns';
import settings from '../config/aws';

export const sns = new SNSClient({ credentials: settings.credentials });
// Options another module builds whole are not looked into (a limitation each rule page names).
export const whole = new SNSClient(settings);
`,
    // An STS helper module whose result a class elsewhere keeps on \`this\` and gives to a client.
    'esm/sts/helper.js': STS_HELPER,
    'esm/sts/uploader.js': `import { S3Client } from '@aws-sdk/client-s3';
import { getCredentials } from './helper.js';

export class Uploader {
  async init() {
    this.credentials = await getCredentials(process.env.ROLE_ARN);
  }

  client() {
    return new S3Client({ credentials: this.credentials });
  }
}
`,
    // Re-exports through a barrel \`index\`, and a class whose method returns the keys.
    'esm/barrel/keys.js': `export class KeyStore {
  get() {
    return { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
  }
}
export const staticKeys = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
`,
    'esm/barrel/index.js': `export * from './keys.js';
export { staticKeys as defaultKeys } from './keys.js';
`,
    'esm/barrel/use.js': `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KeyStore, defaultKeys } from './index.js';

export const byMethod = new DynamoDBClient({ credentials: new KeyStore().get() });
export const byReexport = new DynamoDBClient({ credentials: defaultKeys });
`,
    // A cycle between two modules, a missing module and one that does not parse: no crash, nothing invented.
    'esm/edge/a.js': `import { S3Client } from '@aws-sdk/client-s3';
import { fromB } from './b.js';
export const fromA = fromB;
export const client = new S3Client({ credentials: fromB });
`,
    'esm/edge/b.js': `import { fromA } from './a.js';
export const fromB = fromA;
`,
    'esm/edge/missing.js': `import { S3Client } from '@aws-sdk/client-s3';
import { credentials } from './does-not-exist.js';
export const client = new S3Client({ credentials });
`,
    'esm/edge/broken.txt': 'not used',
    'esm/edge/uses-broken.js': `import { S3Client } from '@aws-sdk/client-s3';
import { credentials } from './broken-module.js';
export const client = new S3Client({ credentials });
`,
    // A provider module: \`require-credential-expiration\` sees the imported function.
    'esm/provider/source.js': `export async function loadKeys() {
  const response = await fetch('https://vault.internal/aws');
  const body = await response.json();
  return { accessKeyId: body.id, secretAccessKey: body.secret, sessionToken: body.token };
}
`,
    'esm/provider/client.js': `import { S3Client } from '@aws-sdk/client-s3';
import { loadKeys } from './source.js';
export const s3 = new S3Client({ credentials: loadKeys });
`,
    // CommonJS: \`module.exports = {…}\`, \`exports.k = v\`, a destructured require and a member of one.
    'cjs/config.js': `module.exports = {
  credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET },
};
`,
    'cjs/keys.js': `exports.keys = { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET };
`,
    'cjs/service.js': `const { S3Client } = require('@aws-sdk/client-s3');
const config = require('./config');
const { keys } = require('./keys.js');

const first = new S3Client({ credentials: config.credentials });
const second = new S3Client({ credentials: keys });
module.exports = { first, second };
`,
    // TypeScript: \`.js\` in the specifier names the \`.ts\` source.
    'ts/sts.ts': STS_HELPER.replace('(roleArn)', '(roleArn: string)').replaceAll('Credentials.', 'Credentials!.'),
    'ts/app.ts': `import { S3Client } from '@aws-sdk/client-s3';
import { getCredentials } from './sts.js';

export async function makeClient(): Promise<S3Client> {
  const credentials = await getCredentials('arn:aws:iam::123456789012:role/app');
  const client = new S3Client({ credentials });
  globalThis.cachedClient = client;
  return client;
}
`,
    // Correct code across modules: a provider, the default chain.
    'esm/right/config.js': `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
export const credentials = fromNodeProviderChain();
export const options = { region: 'eu-west-1' };
`,
    'esm/right/service.js': `import { S3Client } from '@aws-sdk/client-s3';
import { credentials, options } from './config.js';
export const a = new S3Client({ ...options, credentials });
export const b = new S3Client(options);
`,
  });
  writeFileSync(path.join(root, 'esm/edge/broken-module.js'), 'export const credentials = {{{ not javascript');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('credentials that cross a module boundary', () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = await lintProject();
  });

  const at = (file: string) => findings.filter((finding) => finding.file === file);

  it('reports a configuration module’s keys where a client takes them, naming the module and line', () => {
    expect(at('esm/services/named.js')).toEqual([
      {
        file: 'esm/services/named.js',
        rule: 'no-static-credentials',
        line: 4,
        column: 60,
        message: expect.stringContaining('The static credentials built at `esm/config/aws.js:3` and given to `S3Client`'),
      },
    ]);
    expect(at('esm/services/namespace.js')).toEqual([
      expect.objectContaining({ rule: 'no-static-credentials', line: 4, message: expect.stringContaining('`esm/config/aws.js:3`') }),
    ]);
  });

  it('follows a default export, and reports nothing in the module that only builds the object', () => {
    expect(at('esm/services/default.js')).toEqual([
      expect.objectContaining({ rule: 'no-static-credentials', line: 4, message: expect.stringContaining('`esm/config/aws.js:5`') }),
    ]);
    expect(at('esm/config/aws.js')).toEqual([]);
  });

  it('reports an STS helper’s copied response kept on `this` by a class in another module', () => {
    expect(at('esm/sts/uploader.js')).toEqual([
      {
        file: 'esm/sts/uploader.js',
        rule: 'no-one-shot-credentials',
        line: 10,
        column: 27,
        message: expect.stringContaining('`S3Client` receives credentials resolved once from `AssumeRole` at `esm/sts/helper.js:6`'),
      },
    ]);
    expect(at('esm/sts/helper.js')).toEqual([]);
  });

  it('follows `export *` and `export { x as y } from` through a barrel index, and a class method’s return', () => {
    expect(at('esm/barrel/use.js').map(({ rule, line, message }) => ({ rule, line, origin: /built at `([^`]+)`/.exec(message)?.[1] }))).toEqual([
      { rule: 'no-static-credentials', line: 4, origin: 'esm/barrel/keys.js:3' },
      { rule: 'no-static-credentials', line: 5, origin: 'esm/barrel/keys.js:6' },
    ]);
  });

  it('stays quiet on a cycle, a missing module and a module that does not parse, without crashing', () => {
    expect(at('esm/edge/a.js')).toEqual([]);
    expect(at('esm/edge/b.js')).toEqual([]);
    expect(at('esm/edge/missing.js')).toEqual([]);
    expect(at('esm/edge/uses-broken.js')).toEqual([]);
    // The broken module itself is ESLint's parse error, reported in its own file only.
    expect(at('esm/edge/broken-module.js')).toEqual([expect.objectContaining({ rule: null })]);
  });

  it('reports an imported provider function whose result has no `expiration`, where it is handed over', () => {
    expect(at('esm/provider/client.js')).toEqual([
      {
        file: 'esm/provider/client.js',
        rule: 'require-credential-expiration',
        line: 3,
        column: 47,
        message: expect.stringContaining('`loadKeys` returns the credentials built at `esm/provider/source.js:4` without `expiration`'),
      },
    ]);
    expect(at('esm/provider/source.js')).toEqual([]);
  });

  it('follows CommonJS `module.exports`, `exports.k` and destructured `require`', () => {
    expect(at('cjs/service.js').map(({ rule, line, message }) => ({ rule, line, origin: /built at `([^`]+)`/.exec(message)?.[1] }))).toEqual([
      { rule: 'no-static-credentials', line: 5, origin: 'cjs/config.js:2' },
      { rule: 'no-static-credentials', line: 6, origin: 'cjs/keys.js:1' },
    ]);
  });

  it('resolves a TypeScript `.js` specifier to its `.ts` source', () => {
    expect(at('ts/app.ts')).toEqual([
      expect.objectContaining({
        rule: 'no-one-shot-credentials',
        line: 6,
        message: expect.stringContaining('from `AssumeRole` at `ts/sts.ts:6`'),
      }),
    ]);
  });

  it('stays quiet on a provider and on plain options from another module', () => {
    expect(at('esm/right/service.js')).toEqual([]);
    expect(at('esm/right/config.js')).toEqual([]);
  });

  it('offers no suggestion that would edit another module', async () => {
    const eslint = createESLint();
    const [result] = await eslint.lintFiles([path.join(root, 'esm/sts/uploader.js')]);
    const suggestions = result?.messages.flatMap((message) => message.suggestions ?? []) ?? [];
    expect(result?.messages).toHaveLength(1);
    expect(suggestions).toEqual([]);
  });
});

describe('followModules: false', () => {
  it('ends every trail at the import, as a single-file lint would', async () => {
    const findings = await lintProject(createESLint({ followModules: false }));
    expect(findings.filter((finding) => finding.rule !== null)).toEqual([]);
  });
});
