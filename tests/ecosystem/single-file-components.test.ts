// Vue, Svelte and Astro files hold browser code that builds Cognito and S3 clients: every rule runs on their
// `<script>` blocks through the real parsers, and reports at positions in the component file.
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import * as astroParser from 'astro-eslint-parser';
import { ESLint, type Linter } from 'eslint';
import * as svelteParser from 'svelte-eslint-parser';
import * as vueParser from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

/** A key ID of the real shape but no AWS example; split so that no scanner flags this test file itself. */
const FAKE_KEY = ['AKIA', 'Q7NZ3KD2WX5PLMRT'].join('');
const cwd = path.resolve(import.meta.dirname, '../..');

/** The config the README shows: each component parser hands its scripts to the TypeScript parser. */
const config: Linter.Config[] = [
  { files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, sourceType: 'module' } } },
  { files: ['**/*.svelte'], languageOptions: { parser: svelteParser, parserOptions: { parser: tsParser } } },
  { files: ['**/*.astro'], languageOptions: { parser: astroParser, parserOptions: { parser: tsParser } } },
  { ...(plugin.configs.all as Linter.Config), files: ['**/*.{vue,svelte,astro}'] },
];
const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });

async function lint(file: string, text: string) {
  const [result] = await eslint.lintText(text, { filePath: path.join(cwd, 'components', file) });
  return (result?.messages ?? []).map(({ ruleId, line, column, endLine, endColumn, fatal }) => ({
    ruleId: ruleId ?? (fatal ? 'parse error' : null),
    line,
    column,
    endLine,
    endColumn,
  }));
}

describe('single-file components, every rule on', () => {
  it('Vue: `<script setup lang="ts">` after the template', async () => {
    const findings = await lint(
      'Upload.vue',
      `<template>
  <input type="file" @change="upload" />
</template>

<script setup lang="ts">
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: '${FAKE_KEY}', secretAccessKey: import.meta.env.VITE_SECRET },
});

async function upload(event: Event) {
  const [file] = (event.target as HTMLInputElement).files ?? [];
  await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: file.name, Body: file }));
}
</script>
`,
    );
    expect(findings).toEqual([
      { ruleId: 'aws-credentials/no-static-credentials', line: 10, column: 3, endLine: 10, endColumn: 101 },
      { ruleId: 'aws-credentials/no-hardcoded-credentials', line: 10, column: 32, endLine: 10, endColumn: 52 },
    ]);
  });

  it('Svelte: Cognito identity-pool credentials copied into a client', async () => {
    const findings = await lint(
      'Gallery.svelte',
      `<script lang="ts">
  import { CognitoIdentityClient, GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
  import { S3Client } from '@aws-sdk/client-s3';

  export let identityId: string;
  let s3: S3Client | undefined;

  async function connect() {
    const cognito = new CognitoIdentityClient({ region: 'eu-west-1' });
    const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId }));
    s3 = new S3Client({
      region: 'eu-west-1',
      credentials: {
        accessKeyId: Credentials.AccessKeyId,
        secretAccessKey: Credentials.SecretKey,
        sessionToken: Credentials.SessionToken,
      },
    });
  }
</script>

<button on:click={connect}>Show my photos</button>
`,
    );
    expect(findings).toEqual([
      { ruleId: 'aws-credentials/no-one-shot-credentials', line: 13, column: 7, endLine: 17, endColumn: 8 },
    ]);
  });

  it('Astro: the frontmatter script', async () => {
    const findings = await lint(
      'index.astro',
      `---
import AWS from 'aws-sdk';

const s3 = new AWS.S3({ accessKeyId: '${FAKE_KEY}', secretAccessKey: import.meta.env.SECRET });
console.log('credentials', AWS.config.credentials);
const url = s3.getSignedUrl('getObject', { Bucket: 'b', Key: 'k', Expires: 8 * 24 * 3600 });
---
<a href={url}>Download</a>
`,
    );
    expect(findings).toEqual([
      { ruleId: 'aws-credentials/no-static-credentials', line: 4, column: 25, endLine: 4, endColumn: 60 },
      { ruleId: 'aws-credentials/no-hardcoded-credentials', line: 4, column: 39, endLine: 4, endColumn: 59 },
      { ruleId: 'aws-credentials/no-credential-logging', line: 5, column: 28, endLine: 5, endColumn: 50 },
      { ruleId: 'aws-credentials/valid-presign-expiry', line: 6, column: 67, endLine: 6, endColumn: 89 },
    ]);
  });

  it('Svelte: a suggestion that adds an import puts it inside the `<script>` block', async () => {
    const text = `<h1>Uploads</h1>
<script>
  import { S3Client } from '@aws-sdk/client-s3';
  const s3 = new S3Client({ credentials: { accessKeyId: keyId, secretAccessKey: secret } });
</script>
`;
    const [result] = await eslint.lintText(text, { filePath: path.join(cwd, 'components/Uploads.svelte') });
    const [message] = result?.messages ?? [];
    expect(message).toMatchObject({ ruleId: 'aws-credentials/no-static-credentials', line: 4, column: 29 });
    const suggestion = message?.suggestions?.find((candidate) => candidate.desc.includes('fromNodeProviderChain'));
    const [start, end] = suggestion?.fix.range ?? [0, 0];
    expect(text.slice(0, start) + (suggestion?.fix.text ?? '') + text.slice(end)).toBe(`<h1>Uploads</h1>
<script>
  import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
  const s3 = new S3Client({ credentials: fromNodeProviderChain() });
</script>
`);
  });

  it('a component with no AWS code reports nothing', async () => {
    expect(await lint('Plain.vue', '<template><p>{{ msg }}</p></template>\n<script setup>\nconst msg = "hi";\n</script>\n')).toEqual([]);
  });
});
