import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isMemberNamed, isProcessEnv, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { getSiblingFieldText } from '../utils/fix/sibling-field.js';
import { findCredentialSource } from '../utils/sdk/credential-sources.js';
import { containsMetadataHost } from '../utils/sdk/endpoints.js';
import { insertProperty } from '../utils/fix/insert-property.js';
import { collectReturnedObjects, mayHaveProperty, resolveFunction } from '../utils/scope/functions.js';
import { mentionsSdk, onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { getGlobalConfigCall } from '../utils/sdk/v2-config.js';
import { maskSecret } from '../utils/sdk/secrets.js';
import { findProperty, getBindingSource, getStaticValue, resolveObject, resolveOptionsArgument, resolveValue } from '../utils/scope/values.js';

type MessageId = 'missingSessionToken' | 'misnamedSessionToken' | 'addSessionToken' | 'renameSessionToken';
type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** A place where the file gives the SDK an access key and a secret key. */
type CredentialTarget =
  /** An object with `accessKeyId`/`secretAccessKey` keys; `v2Options` for the top level of v2 client options. */
  | { kind: 'object'; object: TSESTree.ObjectExpression; v2Options: boolean }
  /** v2 `new AWS.Credentials(accessKeyId, secretAccessKey)`. */
  | { kind: 'arguments'; accessKeyId: TSESTree.Node; secretAccessKey: TSESTree.Node };

/** Why the keys are known to be temporary, and how to name their token (`undefined` when the file cannot). */
interface TemporaryKeys {
  reason: string;
  sessionToken: string | undefined;
}

/**
 * Keys under which people pass the session token by mistake: the names of the shared credentials file, of the STS
 * and metadata responses, and of other SDKs. `token` is left out of v2 options, where it is the bearer token.
 */
const MISNAMED_KEYS = [
  'aws_session_token',
  'awsSessionToken',
  'session_token',
  'SessionToken',
  'securityToken',
  'security_token',
  'SecurityToken',
  'Token',
  'token',
] as const;
const V2_OPTION_KEYS: ReadonlySet<string> = new Set(['token']);
const ENV_SESSION_TOKEN = 'AWS_SESSION_TOKEN';
/** Provider options that hold credentials, or a function returning them (`fromTemporaryCredentials`, `fromIni`). */
const PROVIDER_CREDENTIAL_KEYS = ['masterCredentials', 'roleAssumer', 'roleAssumerWithWebIdentity'] as const;

export default createRule<[], MessageId>({
  name: 'require-session-token',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require temporary AWS credentials to be passed on with their session token',
      recommended: 'recommended',
      severity: 'error',
    },
    hasSuggestions: true,
    messages: {
      missingSessionToken:
        'These credentials have an access key and a secret key but no `sessionToken`, and {{ reason }}: AWS rejects temporary keys without their session token, so calls fail with InvalidClientTokenId ("The security token included in the request is invalid"; S3 says InvalidAccessKeyId).',
      misnamedSessionToken:
        'The session token is passed as `{{ key }}`, which the SDK ignores (it reads `sessionToken`): the temporary keys go out without their token, so calls fail with InvalidClientTokenId ("The security token included in the request is invalid"; S3 says InvalidAccessKeyId).',
      addSessionToken: 'Pass the session token: `{{ value }}`.',
      renameSessionToken: 'Rename `{{ key }}` to `sessionToken`.',
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    // Every report is about credentials given to the SDK: nothing to note in a file that names no SDK module.
    if (!mentionsSdk(sourceCode)) {
      return {};
    }
    let readsEnvSessionToken = false;
    const noteEnvRead = (node: TSESTree.Node): void => {
      readsEnvSessionToken ||= isEnvSessionTokenRead(node);
    };
    return {
      [`MemberExpression[property.name="${ENV_SESSION_TOKEN}"]`]: noteEnvRead,
      [`MemberExpression[property.value="${ENV_SESSION_TOKEN}"]`]: noteEnvRead,
      [`VariableDeclarator > ObjectPattern > Property[key.name="${ENV_SESSION_TOKEN}"]`]: noteEnvRead,
      ...onSdkReferences(context, (references) => {
        for (const target of findCredentialTargets(sourceCode, references)) {
          checkTarget(context, references, target, readsEnvSessionToken);
        }
      }),
    };
  },
});

/**
 * Every object or argument list the file gives the SDK as credentials. E.g. v3 `credentials: { … }` or a provider
 * function's returned objects (also in `createCredentialChain`, `memoize`, `masterCredentials`, `roleAssumer`),
 * v2 client and `AWS.Config` options and their `credentials`, `AWS.config.update({ … })`, `new AWS.Credentials(…)`.
 */
function findCredentialTargets(sourceCode: SourceCode, references: SdkReferences): CredentialTarget[] {
  const objects = new Map<TSESTree.ObjectExpression, boolean>();
  const addObject = (object: TSESTree.ObjectExpression | undefined, v2Options = false): void => {
    if (object && !objects.has(object)) objects.set(object, v2Options);
  };
  // An object, or a provider function whose returned objects are the credentials.
  const addCredentialsValue = (value: TSESTree.Node | undefined): void => {
    if (!value) return;
    const fn = resolveFunction(sourceCode, value);
    const returned = fn ? collectReturnedObjects(sourceCode, fn).objects : [resolveObject(sourceCode, value)];
    returned.forEach((object) => addObject(object));
  };
  const getCredentialsOf = (object: TSESTree.ObjectExpression | undefined): TSESTree.Node | undefined => {
    const property = object && findProperty(sourceCode, object, 'credentials');
    return property?.kind === 'init' ? property.value : undefined;
  };

  const targets: CredentialTarget[] = [];
  for (const reference of references.all) {
    const { node, info } = reference;
    const options = resolveOptionsArgument(sourceCode, node);
    switch (info.kind) {
      case 'client':
        if (info.sdk === 'v2') addObject(options, true);
        addCredentialsValue(getCredentialsOf(options));
        break;
      case 'v2Config':
        addObject(options, true);
        addCredentialsValue(getCredentialsOf(options));
        break;
      case 'v2GlobalConfig':
        for (const update of findConfigUpdates(sourceCode, node)) {
          const options = resolveOptionsArgument(sourceCode, update);
          addObject(options, true);
          addCredentialsValue(getCredentialsOf(options));
        }
        break;
      case 'v2Credentials':
        if (info.name === 'Credentials' && node.type === AST_NODE_TYPES.NewExpression) {
          const [accessKeyId, secretAccessKey, sessionToken] = node.arguments;
          if (!secretAccessKey) {
            addObject(options);
          } else if (accessKeyId && !sessionToken && !node.arguments.some(isSpread)) {
            targets.push({ kind: 'arguments', accessKeyId, secretAccessKey });
          }
        }
        break;
      case 'provider':
        if (info.name === 'createCredentialChain' && node.type === AST_NODE_TYPES.CallExpression) {
          node.arguments.forEach(addCredentialsValue);
        }
        for (const key of PROVIDER_CREDENTIAL_KEYS) {
          addCredentialsValue(options && findProperty(sourceCode, options, key)?.value);
        }
        addCredentialsValue(getCredentialsOf(resolveChildObject(sourceCode, options, 'clientConfig')));
        break;
      case 'memoize':
        addCredentialsValue(node.type === AST_NODE_TYPES.CallExpression ? node.arguments[0] : undefined);
        break;
      default:
        break;
    }
  }
  for (const [object, v2Options] of objects) {
    targets.push({ kind: 'object', object, v2Options });
  }
  return targets;
}

/**
 * The `update(...)` calls on the v2 global config: `AWS.config.update(…)`, or `config.update(…)` after
 * `const { config } = require('aws-sdk')` (the tracker reports the pattern's property for that read).
 */
function findConfigUpdates(sourceCode: SourceCode, read: TSESTree.Node): TSESTree.CallExpression[] {
  // The destructured form is followed here only: the other rules never did, and sharing it would add reports there.
  const uses: TSESTree.Node[] =
    read.type === AST_NODE_TYPES.Property && read.parent.type === AST_NODE_TYPES.ObjectPattern
      ? sourceCode
          .getDeclaredVariables(read.parent.parent)
          .filter(({ defs }) => defs.some((def) => def.name === read.value))
          .flatMap(({ references }) => references.filter((ref) => ref.isRead()).map((ref) => ref.identifier))
      : [read];
  return uses.flatMap((use) => getGlobalConfigCall(use, 'update') ?? []);
}

function isSpread(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.SpreadElement;
}


function resolveChildObject(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression | undefined,
  key: string,
): TSESTree.ObjectExpression | undefined {
  const property = object && findProperty(sourceCode, object, key);
  return property && resolveObject(sourceCode, property.value);
}

function checkTarget(
  context: Context,
  references: SdkReferences,
  target: CredentialTarget,
  readsEnvSessionToken: boolean,
): void {
  const { sourceCode } = context;
  if (target.kind === 'arguments') {
    const { accessKeyId, secretAccessKey } = target;
    const temporary = findTemporaryKeys(sourceCode, references, accessKeyId, secretAccessKey, readsEnvSessionToken);
    if (temporary) {
      context.report({
        node: accessKeyId,
        messageId: 'missingSessionToken',
        data: { reason: temporary.reason },
        suggest: suggestSessionToken(temporary, (fixer, text) => fixer.insertTextAfter(secretAccessKey, `, ${text}`)),
      });
    }
    return;
  }

  const { object } = target;
  const accessKeyId = findProperty(sourceCode, object, 'accessKeyId');
  const secretAccessKey = findProperty(sourceCode, object, 'secretAccessKey');
  if (!accessKeyId || !secretAccessKey || mayHaveProperty(sourceCode, object, 'sessionToken')) {
    return;
  }
  const misnamed = findMisnamedToken(sourceCode, object, target.v2Options);
  if (misnamed) {
    const key = getPropertyName(misnamed) ?? '';
    context.report({
      node: misnamed.key,
      messageId: 'misnamedSessionToken',
      data: { key },
      suggest: [
        {
          messageId: 'renameSessionToken',
          data: { key },
          fix: (fixer) => fixer.replaceText(misnamed, `sessionToken: ${sourceCode.getText(misnamed.value)}`),
        },
      ],
    });
    return;
  }
  const temporary = findTemporaryKeys(
    sourceCode,
    references,
    accessKeyId.value,
    secretAccessKey.value,
    readsEnvSessionToken,
  );
  if (temporary) {
    context.report({
      node: accessKeyId,
      messageId: 'missingSessionToken',
      data: { reason: temporary.reason },
      suggest: suggestSessionToken(temporary, (fixer, text) =>
        insertProperty(fixer, sourceCode, object, `sessionToken: ${text}`),
      ),
    });
  }
}

function findMisnamedToken(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  v2Options: boolean,
): TSESTree.Property | undefined {
  for (const key of MISNAMED_KEYS) {
    if (v2Options && V2_OPTION_KEYS.has(key)) continue;
    const property = findProperty(sourceCode, object, key);
    if (property?.kind === 'init') return property;
  }
  return undefined;
}

function suggestSessionToken(
  temporary: TemporaryKeys,
  insert: (fixer: TSESLint.RuleFixer, text: string) => TSESLint.RuleFix,
): TSESLint.SuggestionReportDescriptor<MessageId>[] {
  const text = temporary.sessionToken;
  if (text === undefined) {
    return [];
  }
  const value = `sessionToken: ${text}`;
  return [{ messageId: 'addSessionToken', data: { value }, fix: (fixer) => insert(fixer, text) }];
}

/**
 * Whether the keys are temporary as far as the file shows: (a) an `ASIA…` key ID, (b) keys read from an STS
 * response or from the metadata service's credential JSON, (c) the environment's key pair in a file that also reads
 * `AWS_SESSION_TOKEN` (so the environment holds a session).
 */
function findTemporaryKeys(
  sourceCode: SourceCode,
  references: SdkReferences,
  accessKeyId: TSESTree.Node,
  secretAccessKey: TSESTree.Node,
  readsEnvSessionToken: boolean,
): TemporaryKeys | undefined {
  const keyId = getStaticValue(sourceCode, accessKeyId);
  if (typeof keyId === 'string') {
    return keyId.startsWith('ASIA')
      ? { reason: `\`${maskSecret(keyId)}\` is a temporary (STS) key ID`, sessionToken: undefined }
      : undefined;
  }
  const source = findCredentialSource(sourceCode, references, accessKeyId);
  if (source?.kind === 'stsResponse') {
    return {
      reason: `the keys come from an STS ${source.operation} response`,
      sessionToken: getSiblingFieldText(sourceCode, accessKeyId, 'AccessKeyId', 'SessionToken'),
    };
  }
  if (isMetadataCredentialField(sourceCode, accessKeyId)) {
    return {
      reason: 'the keys come from the metadata service, whose credentials are temporary',
      sessionToken: getSiblingFieldText(sourceCode, accessKeyId, 'AccessKeyId', 'Token'),
    };
  }
  if (
    readsEnvSessionToken &&
    isEnvVariable(accessKeyId, 'AWS_ACCESS_KEY_ID') &&
    isEnvVariable(secretAccessKey, 'AWS_SECRET_ACCESS_KEY')
  ) {
    return {
      reason: `this file also reads \`${ENV_SESSION_TOKEN}\`, so the environment holds a session`,
      sessionToken: `process.env.${ENV_SESSION_TOKEN}`,
    };
  }
  return undefined;
}

/** `process.env.NAME`, `process.env['NAME']`, also with `!`, `?? ''` or `|| ''`. */
function isEnvVariable(node: TSESTree.Node, name: string): boolean {
  let value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.LogicalExpression) {
    value = skipTransparent(value.left);
  }
  return isMemberNamed(value, name) && isProcessEnv(value.object);
}

/**
 * A read of `process.env.AWS_SESSION_TOKEN` (dot, bracket or `const { AWS_SESSION_TOKEN } = process.env`); writes
 * and `delete` do not count.
 */
function isEnvSessionTokenRead(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Property) {
    const declarator = node.parent.parent;
    return declarator?.type === AST_NODE_TYPES.VariableDeclarator && !!declarator.init && isProcessEnv(declarator.init);
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression || !isProcessEnv(node.object)) {
    return false;
  }
  const parent = node.parent;
  const isWrite =
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) ||
    (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete');
  return !isWrite;
}

/**
 * `AccessKeyId` of the JSON a `fetch` to a metadata credential endpoint returned. E.g.
 * `(await res.json()).AccessKeyId`, `body.AccessKeyId` with `const body = await res.json()`, where
 * `const res = await fetch('http://169.254.169.254/latest/meta-data/iam/security-credentials/' + role)`.
 */
function isMetadataCredentialField(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.LogicalExpression) {
    value = skipTransparent(value.left);
  }
  let json: TSESTree.Node | undefined;
  if (value.type === AST_NODE_TYPES.MemberExpression && getPropertyName(value) === 'AccessKeyId') {
    json = resolveValue(sourceCode, value.object);
  } else if (value.type === AST_NODE_TYPES.Identifier) {
    // E.g. `const { AccessKeyId } = await res.json()`.
    const binding = getBindingSource(sourceCode, value);
    json = binding?.path.length === 1 && binding.path[0] === 'AccessKeyId' ? binding.init : undefined;
  }
  const parsed = json && getAwaitedCall(json);
  const callee = parsed && skipTransparent(parsed.callee);
  if (!callee || !isMemberNamed(callee, 'json')) {
    return false;
  }
  const response = resolveValue(sourceCode, callee.object);
  const request = response && getAwaitedCall(response);
  const [url] = request?.arguments ?? [];
  return (
    request?.callee.type === AST_NODE_TYPES.Identifier &&
    request.callee.name === 'fetch' &&
    url !== undefined &&
    isMetadataUrl(sourceCode, url)
  );
}

/** `call` of `await call`. */
function getAwaitedCall(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const value = skipTransparent(node);
  const argument = value.type === AST_NODE_TYPES.AwaitExpression ? skipTransparent(value.argument) : undefined;
  return argument?.type === AST_NODE_TYPES.CallExpression ? argument : undefined;
}

/** A URL the file spells out (literal, constant, template or `+` concatenation) on a metadata credential host. */
function isMetadataUrl(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const value = resolveValue(sourceCode, node) ?? node;
  const text = getStaticValue(sourceCode, value) ?? getLeadingText(sourceCode, value);
  return typeof text === 'string' && containsMetadataHost(text);
}

/**
 * The constant start of a template or a `+` concatenation.
 * E.g. `http://169.254.170.2` of `` `http://169.254.170.2${uri}` ``.
 */
function getLeadingText(sourceCode: SourceCode, node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    const left = getStaticValue(sourceCode, node.left) ?? getLeadingText(sourceCode, node.left);
    return typeof left === 'string' ? left : undefined;
  }
  return undefined;
}
