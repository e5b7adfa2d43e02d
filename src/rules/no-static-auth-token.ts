import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { CHECK_TEST_FILES_PROPERTY, isSkippedTestFile } from '../utils/modules/files.js';
import {
  findDatabaseClients,
  findPasswords,
  getModuleLevelHolder,
  isKeptClient,
  type DatabaseClientReference,
  type DatabaseLibrary,
  type PasswordInput,
} from '../utils/modules/databases.js';
import { getBearerArtifact, type BearerArtifact } from '../utils/sdk/auth-tokens.js';
import { mentionsSdk, onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { isVisibleAt } from '../utils/scope/names.js';

type Options = [{ checkTestFiles?: boolean }];
type MessageId = 'keptAuthToken' | 'pooledAuthToken' | 'usePasswordFunction' | 'useConnectionFunction';
type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** What a pooled token's report tells the user to do instead, by library (each library's own mechanism); no final period. */
const ADVICE: Readonly<Record<DatabaseLibrary, string>> = {
  pg: 'Pass `password` as a function that signs a token: pg calls it for every new connection',
  knex:
    'Pass `connection` as an async function that signs a token and returns an `expirationChecker`: knex calls it ' +
    'again once the checker returns true',
  mysql2:
    'mysql2 keeps the pool options fixed and takes no password function: open each connection with a freshly ' +
    'signed token, or replace the pool before the token expires',
  typeorm:
    'TypeORM opens every connection of the DataSource with these options: rebuild the DataSource with a freshly ' +
    'signed token before the token expires',
  sequelize:
    'Sign the token in a `beforeConnect` hook (`config.password = await signer.getAuthToken()`): Sequelize runs it ' +
    'before every new connection',
  ioredis:
    'ioredis sends this password again at every reconnect and takes no password function: set a fresh token on ' +
    '`client.options.password` before it reconnects',
  redis:
    'Pass a `credentialsProvider` (`type: "async-credentials-provider"`) whose `credentials()` signs a token: ' +
    'node-redis calls it at every (re)connect',
};

/** How long the knex suggestion keeps a token before it signs a new one: well inside its 15 minutes. */
const KNEX_TOKEN_LIFETIME = '10 * 60_000';

export default createRule<Options, MessageId>({
  name: 'no-static-auth-token',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow an RDS or DSQL IAM auth token (valid 15 minutes) as the fixed password of a pool or long-lived client',
      recommended: 'recommended',
      severity: 'error',
    },
    hasSuggestions: true,
    messages: {
      pooledAuthToken:
        '`{{ client }}` keeps the IAM auth token from `{{ source }}` as a fixed password: the token expires 15 ' +
        'minutes after it is signed, and every connection opened after that is refused (PAM authentication ' +
        'failed / Access denied). {{ advice }}.',
      keptAuthToken:
        'The IAM auth token from `{{ source }}` is kept in the module-level `{{ holder }}` and given to ' +
        '`{{ client }}`: it expires 15 minutes after it is signed, and every connection opened after that is ' +
        'refused (PAM authentication failed / Access denied). Sign a token for each connection instead.',
      usePasswordFunction: 'Pass `password` as a function: pg calls it, and signs a fresh token, for every connection.',
      useConnectionFunction:
        'Pass `connection` as an async function that signs a fresh token, with an `expirationChecker` that asks ' +
        'knex for a new one after 10 minutes.',
    },
    schema: [{ type: 'object', properties: { ...CHECK_TEST_FILES_PROPERTY }, additionalProperties: false }],
    defaultOptions: [{ checkTestFiles: false }],
  },
  create(context, [{ checkTestFiles }]) {
    if (!mentionsSdk(context.sourceCode) || isSkippedTestFile(context, checkTestFiles)) {
      return {};
    }
    const imports: TSESTree.ImportExpression[] = [];
    const sdk = onSdkReferences(context, (references) => {
      for (const client of findDatabaseClients(context.sourceCode, imports)) checkClient(context, references, client);
    });
    return {
      ...sdk,
      ImportExpression(node) {
        imports.push(node);
        sdk.ImportExpression?.(node);
      },
    };
  },
});

function checkClient(context: Context, references: SdkReferences, client: DatabaseClientReference): void {
  const { sourceCode } = context;
  const { library, name } = client.info;
  const label = library === name.toLowerCase() || library === 'typeorm' ? name : `${library}.${name}`;
  let kept: boolean | undefined;
  for (const input of findPasswords(sourceCode, client)) {
    for (const value of input.values) {
      const token = getBearerArtifact(sourceCode, references, value);
      if (token?.kind !== 'authToken') continue;
      const holder = getModuleLevelHolder(sourceCode, value);
      kept ??= client.info.pooled || isKeptClient(sourceCode, client.node);
      if (!kept && !holder) continue;
      const data = { client: label, source: token.source };
      context.report({
        node: input.node,
        ...(kept
          ? { messageId: 'pooledAuthToken', data: { ...data, advice: ADVICE[library] } }
          : { messageId: 'keptAuthToken', data: { ...data, holder: holder?.name ?? '' } }),
        suggest: getSuggestions(sourceCode, library, input, token),
      });
      break;
    }
  }
}

/** `password: () => signer.getAuthToken()` (pg); `connection: async () => ({ …, password: await … })` (knex). */
function getSuggestions(
  sourceCode: SourceCode,
  library: DatabaseLibrary,
  { property }: PasswordInput,
  token: BearerArtifact,
): TSESLint.SuggestionReportDescriptor<MessageId>[] {
  const { call } = token;
  if (!property || property.computed || !isVisibleAt(sourceCode, call, property)) {
    return [];
  }
  const signText = sourceCode.getText(call);
  if (library === 'pg') {
    return [
      {
        messageId: 'usePasswordFunction',
        fix: (fixer) => fixer.replaceText(property, `${sourceCode.getText(property.key)}: () => ${signText}`),
      },
    ];
  }
  const connection = property.parent.parent;
  if (
    library !== 'knex' ||
    property.parent.type !== AST_NODE_TYPES.ObjectExpression ||
    connection?.type !== AST_NODE_TYPES.Property ||
    connection.computed ||
    getPropertyName(connection) !== 'connection' ||
    !isVisibleAt(sourceCode, call, connection)
  ) {
    return [];
  }
  const object = property.parent;
  const [start, end] = object.range;
  const text = sourceCode.text;
  const before = text.slice(start, property.range[0]);
  const after = text.slice(property.range[1], end - 1).replace(/,?\s*$/, '');
  const connectionObject = `${before}password: await ${signText}${after}, expirationChecker: () => Date.now() >= expiresAt }`;
  const replacement =
    `async () => { const expiresAt = Date.now() + ${KNEX_TOKEN_LIFETIME}; return ${connectionObject}; }`;
  return [{ messageId: 'useConnectionFunction', fix: (fixer) => fixer.replaceText(connection.value, replacement) }];
}
