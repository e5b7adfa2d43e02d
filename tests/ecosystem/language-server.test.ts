// The editor path: the real ESLint language server (`vscode-eslint-language-server`, the server of VS Code's ESLint
// extension) runs the built plugin from a workspace's `eslint.config.js`, as VS Code or any LSP editor would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist/index.js');
const RULE = 'aws-credentials/no-static-credentials';
const RULE_DOC = 'https://github.com/eslint-plugin-aws-credentials/eslint-plugin-aws-credentials/blob/main/docs/rules/no-static-credentials.md';
/** `bin/vscode-eslint-language-server` of `vscode-langservers-extracted`: a node script, started with this node. */
const SERVER = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vscode-langservers-extracted/package.json')),
  'bin/vscode-eslint-language-server',
);
/** Each request and each wait for a notification fails after this long instead of hanging the suite. */
const TIMEOUT_MS = 20_000;

const source = `
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({ credentials: { accessKeyId: process.env.K, secretAccessKey: process.env.S } });
`;

// The rule's two suggestions for this file, as its RuleTester cases in tests/rules/no-static-credentials.test.ts
// state them for the same shape: remove the object, or resolve through the provider chain (import added).
const withoutCredentials = `
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({});
`;

const withProviderChain = `
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

export const s3 = new S3Client({ credentials: fromNodeProviderChain() });
`;

// --- a minimal LSP client over stdio: JSON-RPC 2.0 messages framed by `Content-Length` headers -----------------

/** A configuration module and the service that gives its keys to a client: a finding across files. */
const configModule = `export const awsConfig = {
  credentials: { accessKeyId: process.env.K, secretAccessKey: process.env.S },
};
`;
const configWithProvider = `import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

export const awsConfig = { credentials: fromNodeProviderChain() };
`;
const service = `import { S3Client } from '@aws-sdk/client-s3';
import { awsConfig } from './config.js';

export const s3 = new S3Client({ credentials: awsConfig.credentials });
`;

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
}
interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  command?: Command;
  edit?: WorkspaceEdit;
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}
interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

type RequestHandler = (params: unknown) => unknown;

class LspClient {
  readonly notifications: Message[] = [];
  /** Every request the server sent to the client, in order. */
  readonly serverRequests: Message[] = [];
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, RequestHandler>();
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  stderr = '';

  constructor(command: string, args: readonly string[], cwd: string) {
    this.process = spawn(command, args, { cwd, stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
  }

  /** Answers the server's requests named `method` (unanswered ones get `null`, as a client without the feature). */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return withTimeout(
      new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })),
      `${method} (server stderr: ${this.stderr})`,
    );
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async shutdown(): Promise<void> {
    await this.request('shutdown', null);
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.notify('exit', null);
    await withTimeout(exited, 'server exit');
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1];
      if (length === undefined) throw new Error(`LSP header without Content-Length: ${this.buffer.toString('utf8')}`);
      const start = headerEnd + 4;
      if (this.buffer.length < start + Number(length)) return;
      const body = this.buffer.subarray(start, start + Number(length)).toString('utf8');
      this.buffer = this.buffer.subarray(start + Number(length));
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined) {
      const pending = this.pending.get(Number(message.id));
      this.pending.delete(Number(message.id));
      if (message.error === undefined) pending?.resolve(message.result);
      else pending?.reject(new Error(`${message.error.code}: ${message.error.message}`));
    } else if (message.id === undefined) {
      this.notifications.push(message);
    } else {
      this.serverRequests.push(message);
      void Promise.resolve(this.handlers.get(message.method)?.(message.params) ?? null).then((result) =>
        this.send({ jsonrpc: '2.0', id: message.id, result }),
      );
    }
  }
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the language server within ${TIMEOUT_MS} ms: ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Applies LSP text edits (non-overlapping, positions in UTF-16 code units of the original text) to `text`. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  const offset = ({ line, character }: Position): number => (lineStarts[line] ?? text.length) + character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  return sorted.reduce(
    (result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)),
    text,
  );
}

/** The text edits a workspace edit makes to the document `uri`, whichever of the two shapes the server uses. */
function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  return [
    ...(edit.changes?.[uri] ?? []),
    ...(edit.documentChanges ?? []).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits),
  ];
}

// --- the workspace and the session -----------------------------------------------------------------------------

/**
 * The `eslint.*` settings VS Code's ESLint extension sends for a document (its `workspace/configuration`
 * middleware), with the extension's defaults. With ESLint 9.x/10, flat config is the non-experimental
 * `useFlatConfig: true`; `experimental.useFlatConfig: true` would make the server load `FlatESLint` from
 * `eslint/use-at-your-own-risk`, which ESLint 10 no longer exports (the server then turns validation off).
 */
function editorSettings(workspace: string) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: path.basename(workspace), uri: pathToFileURL(workspace).href },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
  };
}

const hasDist = existsSync(DIST);

describe.skipIf(!hasDist)('vscode-eslint-language-server with the built plugin', () => {
  let workspace: string;
  let client: LspClient;
  let fileUri: string;
  const appliedEdits: WorkspaceEdit[] = [];
  const openedDocs: string[] = [];

  beforeAll(async () => {
    // The server follows symbolic links (Node's resolution does), so paths are compared in their real form.
    workspace = realpathSync(mkdtempSync(path.join(tmpdir(), 'aws-credentials-lsp-')));
    mkdirSync(path.join(workspace, 'node_modules'));
    mkdirSync(path.join(workspace, 'src'));
    // The project as a user has it: the plugin installed (here: this repository, resolved through its `exports`)
    // and ESLint next to it.
    symlinkSync(ROOT, path.join(workspace, 'node_modules/eslint-plugin-aws-credentials'), 'dir');
    symlinkSync(path.join(ROOT, 'node_modules/eslint'), path.join(workspace, 'node_modules/eslint'), 'dir');
    writeFileSync(path.join(workspace, 'package.json'), JSON.stringify({ name: 'lsp-fixture', type: 'module' }));
    writeFileSync(
      path.join(workspace, 'eslint.config.js'),
      `import awsCredentials from 'eslint-plugin-aws-credentials';\n\nexport default [awsCredentials.configs.recommended];\n`,
    );
    const file = path.join(workspace, 'src/upload.js');
    writeFileSync(file, source);
    fileUri = pathToFileURL(file).href;
    writeFileSync(path.join(workspace, 'src/config.js'), configModule);
    writeFileSync(path.join(workspace, 'src/service.js'), service);

    client = new LspClient(process.execPath, [SERVER, '--stdio'], workspace);
    client.onRequest('workspace/configuration', (params) =>
      (params as { items: { scopeUri?: string; section?: string }[] }).items.map((item) =>
        // Like VS Code's client: settings only for a document scope, `null` for anything else.
        item.scopeUri === undefined ? null : editorSettings(workspace),
      ),
    );
    client.onRequest('workspace/applyEdit', (params) => {
      appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
    client.onRequest('eslint/openDoc', (params) => {
      openedDocs.push((params as { url: string }).url);
      return {};
    });

    const workspaceFolder = { name: path.basename(workspace), uri: pathToFileURL(workspace).href };
    await client.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'aws-credentials-lsp-test' },
      rootUri: workspaceFolder.uri,
      workspaceFolders: [workspaceFolder],
      initializationOptions: {},
      capabilities: {
        workspace: {
          applyEdit: true,
          configuration: true,
          workspaceFolders: true,
          workspaceEdit: { documentChanges: true },
          executeCommand: { dynamicRegistration: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: true },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          codeAction: {
            dynamicRegistration: true,
            isPreferredSupport: true,
            codeActionLiteralSupport: {
              codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] },
            },
          },
        },
      },
    });
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', {
      textDocument: { uri: fileUri, languageId: 'javascript', version: 1, text: source },
    });
  });

  afterAll(async () => {
    try {
      await client?.shutdown();
    } finally {
      client?.kill();
      if (workspace !== undefined) rmSync(workspace, { recursive: true, force: true });
    }
  });

  /**
   * The file's diagnostics, pulled as VS Code does: the server (vscode-eslint 3.x) implements LSP 3.17 pull
   * diagnostics (`textDocument/diagnostic`) and never pushes `textDocument/publishDiagnostics`.
   */
  async function diagnostics(uri = fileUri): Promise<Diagnostic[]> {
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    expect(report.kind, `server log: ${logs()}`).toBe('full');
    return report.items;
  }

  function logs(): string {
    return client.notifications
      .filter((message) => message.method === 'window/logMessage')
      .map((message) => (message.params as { message: string }).message)
      .join('\n');
  }

  it('asks the editor for its settings per document, as VS Code answers them', async () => {
    await diagnostics();
    const configurationRequests = client.serverRequests.filter((message) => message.method === 'workspace/configuration');
    expect(configurationRequests.length).toBeGreaterThan(0);
    expect(configurationRequests[0]?.params).toEqual({ items: [{ scopeUri: fileUri, section: '' }] });
  });

  it('reports the rule finding with its exact range, severity and documentation link', async () => {
    const found = await diagnostics();
    expect(found).toEqual([
      {
        // ESLint's line 4, columns 34 to 109 (1-based, end exclusive): the `credentials` property. LSP is 0-based.
        range: { start: { line: 3, character: 33 }, end: { line: 3, character: 108 } },
        severity: 1,
        code: RULE,
        codeDescription: { href: RULE_DOC },
        source: 'eslint',
        message: expect.stringContaining('Static credentials given to `S3Client` never refresh'),
      },
    ]);
    const { start, end } = found[0]!.range;
    expect(source.split('\n')[start.line]!.slice(start.character, end.character)).toBe(
      'credentials: { accessKeyId: process.env.K, secretAccessKey: process.env.S }',
    );
  });

  it("offers the rule's suggestions as quick fixes whose edits produce the fixed code", async () => {
    const [diagnostic] = await diagnostics();
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: fileUri },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
    expect(actions.map(({ title, kind }) => ({ title, kind }))).toEqual([
      {
        title: `Remove the static credentials so that the SDK uses its default provider chain. (${RULE})`,
        kind: 'quickfix',
      },
      {
        title: `Resolve credentials with \`fromNodeProviderChain()\`, which refreshes them before they expire. (${RULE})`,
        kind: 'quickfix',
      },
      { title: `Disable ${RULE} for this line`, kind: 'quickfix' },
      { title: `Disable ${RULE} for the entire file`, kind: 'quickfix' },
      { title: `Show documentation for ${RULE}`, kind: 'quickfix' },
    ]);

    // The server's actions are commands: executing one makes it send the edit back (`workspace/applyEdit`), which
    // the editor applies to the buffer.
    const results: string[] = [];
    for (const action of actions.slice(0, 2)) {
      expect(action.diagnostics).toEqual([diagnostic]);
      appliedEdits.length = 0;
      await client.request('workspace/executeCommand', action.command);
      expect(appliedEdits).toHaveLength(1);
      results.push(applyEdits(source, editsFor(appliedEdits[0]!, fileUri)));
    }
    expect(results).toEqual([withoutCredentials, withProviderChain]);

    // "Show documentation" asks the editor to open the rule's page.
    await client.request('workspace/executeCommand', actions[4]!.command);
    expect(openedDocs).toEqual([RULE_DOC]);
  });

  it('shows a finding from an imported module, and drops it once that module is edited and saved', async () => {
    const serviceUri = pathToFileURL(path.join(workspace, 'src/service.js')).href;
    const configFile = path.join(workspace, 'src/config.js');
    const configUri = pathToFileURL(configFile).href;
    client.notify('textDocument/didOpen', { textDocument: { uri: serviceUri, languageId: 'javascript', version: 1, text: service } });
    const before = await diagnostics(serviceUri);
    expect(before).toEqual([
      expect.objectContaining({
        // ESLint's line 4, column 34: the `credentials` property of the service, where the keys reach the client.
        range: { start: { line: 3, character: 33 }, end: { line: 3, character: 67 } },
        code: RULE,
        message: expect.stringContaining('The static credentials built at `src/config.js:2` and given to `S3Client`'),
      }),
    ]);

    // The user opens the configuration module, gives it a provider and saves: the editor writes the file and
    // tells the server. The service itself is unchanged; its next lint reads the module again (new mtime).
    client.notify('textDocument/didOpen', { textDocument: { uri: configUri, languageId: 'javascript', version: 1, text: configModule } });
    client.notify('textDocument/didChange', {
      textDocument: { uri: configUri, version: 2 },
      contentChanges: [{ text: configWithProvider }],
    });
    writeFileSync(configFile, configWithProvider);
    client.notify('textDocument/didSave', { textDocument: { uri: configUri } });
    expect(await diagnostics(configUri)).toEqual([]);
    expect(await diagnostics(serviceUri)).toEqual([]);

    // And back: the cache sees the second edit too.
    client.notify('textDocument/didChange', { textDocument: { uri: configUri, version: 3 }, contentChanges: [{ text: configModule }] });
    writeFileSync(configFile, configModule);
    client.notify('textDocument/didSave', { textDocument: { uri: configUri } });
    expect(await diagnostics(serviceUri)).toEqual([expect.objectContaining({ code: RULE, range: before[0]!.range })]);
  });
});

it('the language server test runs under `npm test` (dist/ is built by docs:check before vitest)', () => {
  // `npm test` builds dist/ (docs:check) before vitest; only a bare `vitest run` on a fresh clone skips the suite above.
  if (process.env.npm_lifecycle_event === 'test') expect(hasDist).toBe(true);
});
