import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isMemberNamed, isProcessEnv, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { findCredentialSource } from '../utils/sdk/credential-sources.js';
import { removeProperty } from '../utils/fix/fixes.js';
import { isRequireOf } from '../utils/modules/node-modules.js';
import { mentionsSdk, onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { findProperty, getBindingSource, resolveValue } from '../utils/scope/values.js';

type MessageId = 'credentialLogged' | 'logAccessKeyIdOnly';
type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** What the suggestion can do about a leak. */
type LeakFix =
  /** A secret value: drop it, or log the access key ID member `accessKeyId` of the same object instead. */
  | { kind: 'secret'; accessKeyId?: string }
  /** A whole credential object: log `fields` (an object literal of the non-secret members) instead. */
  | { kind: 'object'; fields?: string }
  | { kind: 'none' };

/** A secret that a log call outputs, found inside one of its arguments. */
interface Leak {
  node: TSESTree.Node;
  /** The credential named in the message, E.g. `` `secretAccessKey` ``, `` STS `Credentials` ``. */
  what: string;
  fix: LeakFix;
}

/** What every check needs: the file, and its SDK references when it imports the SDK. */
interface Checker {
  sourceCode: SourceCode;
  references: SdkReferences | undefined;
}

const CONSOLE_METHODS: ReadonlySet<string> = new Set([
  'debug',
  'dir',
  'error',
  'info',
  'log',
  'table',
  'trace',
  'warn',
]);

/** The output methods shared by pino, winston, bunyan, log4js, NestJS and most hand-made loggers. */
const LOGGER_METHODS: ReadonlySet<string> = new Set([
  'debug',
  'error',
  'fatal',
  'info',
  'log',
  'silly',
  'trace',
  'verbose',
  'warn',
]);

/** E.g. `log`, `logger`, `Logger` (NestJS), `auditLogger`, `AUDIT_LOGGER`. */
const LOGGER_NAME = /^(?:log|logger|[\w$]*Logger|[\w$]*_logger|[\w$]*LOGGER)$/;

/** Factories whose result is a logger. E.g. `pino()`, `winston.createLogger()`, `log4js.getLogger()`. */
const LOGGER_FACTORIES: ReadonlySet<string> = new Set(['createLogger', 'getLogger', 'pino']);

/** Credential members that hold a secret, each with the member that names the same key without revealing it. */
const SECRET_MEMBERS: ReadonlyMap<string, string> = new Map([
  ['secretAccessKey', 'accessKeyId'],
  ['sessionToken', 'accessKeyId'],
  ['SecretAccessKey', 'AccessKeyId'],
  ['SessionToken', 'AccessKeyId'],
]);

/** The environment variables that hold a secret (sdk-facts A2); `AWS_SECURITY_TOKEN` is the legacy token name. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
]);

/** The v2 classes whose instances hold no keys of their own. */
const V2_KEYLESS_CLASSES: ReadonlySet<string> = new Set(['CredentialProviderChain']);

/** How deep arguments, bindings and local object literals are followed; guards against cycles. */
const MAX_DEPTH = 8;

/**
 * Every shape this rule reports without the SDK spells one of these: `process.env` (whole, or its secret keys), a
 * `secretAccessKey`/`SecretAccessKey` member or key, a `sessionToken`/`SessionToken`/`Token` member. Files that name
 * the SDK are checked whatever their text.
 */
const MAY_LOG_CREDENTIALS = /env|[Tt]oken|ecretAccessKey/;

/**
 * Every logger this rule knows is spelled with one of these: `console`, `Console`, a `LOGGER_NAME`, a
 * `LOGGER_FACTORIES` name. Together with `MAY_LOG_CREDENTIALS` it lets through 4.6% of the files of the benchmark
 * corpus that name no SDK module, instead of 14.2%, for no measurable cost.
 */
const MAY_CALL_LOGGER = /[Cc]onsole|[Ll]og|LOG|pino/;

export default createRule<[], MessageId>({
  name: 'no-credential-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing AWS secret keys, session tokens and credential objects to logs',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      credentialLogged:
        'This call logs {{ what }}: logs are kept and shipped to other systems, and anyone who reads them can ' +
        'use the secret key and session token until the credentials expire (long-term access keys: until they ' +
        'are rotated).',
      logAccessKeyIdOnly:
        'Log only what identifies the credentials (access key ID, expiration), never the secret key or session token.',
    },
    schema: [],
  },
  create(context) {
    const { text } = context.sourceCode;
    if (!mentionsSdk(context.sourceCode) && !(MAY_LOG_CREDENTIALS.test(text) && MAY_CALL_LOGGER.test(text))) {
      return {};
    }
    const calls: TSESTree.CallExpression[] = [];
    let references: SdkReferences | undefined;
    // Object-level shapes (an STS response, a resolved identity) need the SDK references; the member and
    // `process.env` shapes do not, so the checks run at `Program:exit` for every file, after the SDK pass.
    const sdkListeners = onSdkReferences(context, (found) => {
      references = found;
    });

    return {
      ...sdkListeners,
      CallExpression(node) {
        if (isLogCall(context.sourceCode, node)) calls.push(node);
      },
      'Program:exit'(program) {
        sdkListeners['Program:exit']?.(program);
        const checker: Checker = { sourceCode: context.sourceCode, references };
        const reported = new Set<TSESTree.Node>();
        for (const call of calls) {
          for (const leak of call.arguments.flatMap((argument) => findLeaks(checker, argument, false, 0))) {
            if (reported.has(leak.node)) continue;
            reported.add(leak.node);
            reportLeak(context, call, leak);
          }
        }
      },
    };
  },
});

function reportLeak(context: Context, call: TSESTree.CallExpression, leak: Leak): void {
  const fix = getSuggestionFix(context.sourceCode, call, leak);
  context.report({
    node: leak.node,
    messageId: 'credentialLogged',
    data: { what: leak.what },
    suggest: fix ? [{ messageId: 'logAccessKeyIdOnly', fix }] : [],
  });
}

/**
 * `console.log(...)` and logger-looking calls: `logger.info(...)`, `this.log.warn(...)`, `req.log.error(...)`, and
 * methods of a logger the file creates (`const l = pino(); l.info(...)`). The callee shape is checked first.
 */
function isLogCall(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length === 0) {
    return false;
  }
  const method = getPropertyName(callee);
  if (method === undefined) {
    return false;
  }
  const object = skipTransparent(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'console') {
    return CONSOLE_METHODS.has(method);
  }
  return LOGGER_METHODS.has(method) && isLogger(sourceCode, object, 0);
}

/**
 * E.g. `logger`, `this.logger`, `req.log`, `const l = pino()`, `logger.child({ requestId })`,
 * `winston.createLogger()`, `new console.Console()`.
 */
function isLogger(sourceCode: SourceCode, node: TSESTree.Node, depth: number): boolean {
  const object = skipTransparent(node);
  if (object.type === AST_NODE_TYPES.CallExpression) {
    return depth < MAX_DEPTH && isLoggerCreation(sourceCode, object, depth + 1);
  }
  if (object.type === AST_NODE_TYPES.MemberExpression) {
    return LOGGER_NAME.test(getPropertyName(object) ?? '');
  }
  if (object.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  if (LOGGER_NAME.test(object.name)) {
    return true;
  }
  const binding = depth < MAX_DEPTH ? getBindingSource(sourceCode, object) : undefined;
  return binding?.path.length === 0 && isLoggerCreation(sourceCode, binding.init, depth + 1);
}

/**
 * E.g. `pino()`, `require('pino')()`, `bunyan.createLogger()`, `logger.child({ requestId })`,
 * `new console.Console(stream)`, `new Console(stream)`, or `console` itself.
 */
function isLoggerCreation(sourceCode: SourceCode, node: TSESTree.Node, depth: number): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    return value.name === 'console' || isLogger(sourceCode, value, depth);
  }
  if (value.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipTransparent(value.callee);
    return (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Console') || isMemberNamed(callee, 'Console');
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const callee = skipTransparent(value.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return LOGGER_FACTORIES.has(callee.name);
  }
  if (callee.type === AST_NODE_TYPES.CallExpression) {
    return isRequireOf(sourceCode, callee, 'pino');
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const method = getPropertyName(callee);
  return method === 'child'
    ? isLogger(sourceCode, callee.object, depth) || isLoggerCreation(sourceCode, callee.object, depth + 1)
    : method !== undefined && LOGGER_FACTORIES.has(method);
}

/**
 * The secrets `node` outputs. `stringified` is true inside a template literal or a `+` concatenation, where an object
 * becomes `[object Object]`: only strings leak there, while `JSON.stringify(...)` serializes objects again.
 */
function findLeaks(checker: Checker, node: TSESTree.Node, stringified: boolean, depth: number): Leak[] {
  const value = skipTransparent(node);
  if (depth > MAX_DEPTH) {
    return [];
  }
  switch (value.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.flatMap((expression) => findLeaks(checker, expression, true, depth + 1));
    case AST_NODE_TYPES.BinaryExpression:
      return value.operator === '+'
        ? [value.left, value.right].flatMap((side) => findLeaks(checker, side, true, depth + 1))
        : [];
    case AST_NODE_TYPES.LogicalExpression: {
      // `a && b` outputs `b` or a falsy `a`; `a || b` and `a ?? b` output either.
      const sides = value.operator === '&&' ? [value.right] : [value.left, value.right];
      return sides.flatMap((side) => findLeaks(checker, side, stringified, depth + 1));
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return [value.consequent, value.alternate].flatMap((branch) =>
        findLeaks(checker, branch, stringified, depth + 1),
      );
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.flatMap((element) => {
        const item = element?.type === AST_NODE_TYPES.SpreadElement ? element.argument : element;
        return item ? findLeaks(checker, item, stringified, depth + 1) : [];
      });
    case AST_NODE_TYPES.ObjectExpression:
      return stringified ? [] : value.properties.flatMap((member) => findMemberLeaks(checker, member, depth + 1));
    case AST_NODE_TYPES.CallExpression:
      return findLeaksInSerialization(checker, value, depth + 1);
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.NewExpression:
      return findValueLeaks(checker, value, stringified, depth);
    default:
      return [];
  }
}

/** E.g. `{ creds }`, `{ token: c.sessionToken }`, `{ ...process.env }`, `{ secretAccessKey: secret }`. */
function findMemberLeaks(checker: Checker, member: TSESTree.ObjectLiteralElement, depth: number): Leak[] {
  if (member.type === AST_NODE_TYPES.SpreadElement) {
    return findLeaks(checker, member.argument, false, depth);
  }
  const leaks = findLeaks(checker, member.value, false, depth);
  const key = getPropertyName(member);
  if (leaks.length > 0 || key === undefined || !SECRET_MEMBERS.has(key) || !isUnknownValue(checker, member.value)) {
    return leaks;
  }
  // The key says what the value is, even when the file does not show where it came from.
  return [{ node: member.value, what: `\`${key}\``, fix: { kind: 'secret' } }];
}

/** A variable or member the file does not resolve to a literal: `secret`, `config.key`; not `'***'` or `undefined`. */
function isUnknownValue(checker: Checker, node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') {
    return false;
  }
  if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const resolved = resolveValue(checker.sourceCode, value);
  return resolved?.type !== AST_NODE_TYPES.Literal && resolved?.type !== AST_NODE_TYPES.TemplateLiteral;
}

/**
 * Calls that output their argument as text: `JSON.stringify(x)`, `util.inspect(x)`, `String(x)`, `x.toString()`.
 * Any other call (`secret.slice(-4)`, `maskSecret(secret)`, `hash(secret)`) is taken to transform the secret.
 */
function findLeaksInSerialization(
  checker: Checker,
  call: TSESTree.CallExpression,
  depth: number,
): Leak[] {
  const callee = skipTransparent(call.callee);
  const [argument] = call.arguments;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression
        ? getPropertyName(callee)
        : undefined;
  if (callee.type === AST_NODE_TYPES.MemberExpression && name === 'toString' && call.arguments.length === 0) {
    return findLeaks(checker, callee.object, true, depth);
  }
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) {
    return [];
  }
  if (isMemberNamed(callee, 'stringify') && isIdentifierNamed(callee.object, 'JSON')) {
    return findLeaks(checker, argument, false, depth);
  }
  // E.g. `util.inspect(creds)`, `format('%o', creds)`: objects are printed member by member.
  const isUtil =
    callee.type === AST_NODE_TYPES.Identifier ||
    (callee.type === AST_NODE_TYPES.MemberExpression && isIdentifierNamed(callee.object, 'util'));
  if ((name === 'inspect' || name === 'format') && isUtil) {
    return call.arguments.flatMap((each) => findLeaks(checker, each, false, depth));
  }
  if (callee.type === AST_NODE_TYPES.Identifier && name === 'String') {
    return findLeaks(checker, argument, true, depth);
  }
  return [];
}

function isIdentifierNamed(node: TSESTree.Node, name: string): boolean {
  const value = skipTransparent(node);
  return value.type === AST_NODE_TYPES.Identifier && value.name === name;
}

/** A variable, member, `await` or `new` in an argument: what it is, or what the file shows it holds. */
function findValueLeaks(checker: Checker, node: TSESTree.Node, stringified: boolean, depth: number): Leak[] {
  const secret = getSecretMember(checker, node);
  if (secret) {
    return [{ node, what: secret.what, fix: { kind: 'secret', accessKeyId: secret.accessKeyId } }];
  }
  if (stringified) {
    return findResolvedLeaks(checker, node, stringified, depth);
  }
  if (isProcessEnv(node) || isDestructuredProcessEnv(checker, node)) {
    return [{ node, what: '`process.env`', fix: { kind: 'none' } }];
  }
  const credentials = getCredentialObject(checker, node);
  if (credentials) {
    return [{ node, what: credentials.what, fix: { kind: 'object', fields: credentials.fields } }];
  }
  return findResolvedLeaks(checker, node, stringified, depth);
}

/** `env` of `const { env } = process`. */
function isDestructuredProcessEnv(checker: Checker, node: TSESTree.Node): boolean {
  const binding = node.type === AST_NODE_TYPES.Identifier ? getBindingSource(checker.sourceCode, node) : undefined;
  return (
    binding?.path.length === 1 &&
    binding.path[0] === 'env' &&
    isIdentifierNamed(binding.init, 'process')
  );
}

/**
 * `secret` where `const secret = creds.secretAccessKey`, `const { SessionToken } = Credentials`, or `config` where
 * `const config = { credentials: { secretAccessKey } }`: reported where it is logged, with the inner finding's name.
 */
function findResolvedLeaks(checker: Checker, node: TSESTree.Node, stringified: boolean, depth: number): Leak[] {
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) {
    return [];
  }
  const destructured = node.type === AST_NODE_TYPES.Identifier ? getDestructuredSecret(checker, node) : undefined;
  if (destructured) {
    return [{ node, what: destructured, fix: { kind: 'secret' } }];
  }
  const resolved = resolveValue(checker.sourceCode, node);
  if (!resolved || resolved === node) {
    return [];
  }
  const [inner] = findLeaks(checker, resolved, stringified, depth + 1);
  if (!inner) {
    return [];
  }
  // The suggestion can still drop the argument, but it cannot name the access key ID of an object it does not see.
  return [{ node, what: inner.what, fix: inner.fix.kind === 'secret' ? { kind: 'secret' } : { kind: 'none' } }];
}

/**
 * A member that holds a secret whatever its object: `x.secretAccessKey`, `x.SessionToken`,
 * `process.env.AWS_SECRET_ACCESS_KEY`, and `x.Token` when `x` is credential-shaped (IMDS / container JSON).
 */
function getSecretMember(
  checker: Checker,
  node: TSESTree.Node,
): { what: string; accessKeyId: string | undefined } | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) {
    return undefined;
  }
  const name = getPropertyName(node);
  if (name === undefined) {
    return undefined;
  }
  if (isProcessEnv(node.object)) {
    return SECRET_VARIABLES.has(name)
      ? { what: `\`process.env.${name}\``, accessKeyId: 'process.env.AWS_ACCESS_KEY_ID' }
      : undefined;
  }
  const accessKeyId = SECRET_MEMBERS.get(name) ?? (name === 'Token' ? 'AccessKeyId' : undefined);
  if (accessKeyId === undefined || (name === 'Token' && !isCredentialShaped(checker, node.object))) {
    return undefined;
  }
  return { what: `\`${name}\``, accessKeyId: `${getMemberObjectText(checker.sourceCode, node)}${accessKeyId}` };
}

/** `creds.` or `creds?.` for `creds.secretAccessKey` / `creds?.['secretAccessKey']`. */
function getMemberObjectText(sourceCode: SourceCode, member: TSESTree.MemberExpression): string {
  return `${sourceCode.getText(member.object)}${member.optional ? '?.' : '.'}`;
}

/**
 * A binding destructured out of a secret member: `const { secretAccessKey } = creds`,
 * `const { SessionToken: token } = Credentials`, `const { AWS_SESSION_TOKEN } = process.env`.
 */
function getDestructuredSecret(checker: Checker, identifier: TSESTree.Identifier): string | undefined {
  const binding = getBindingSource(checker.sourceCode, identifier);
  const key = binding?.path.at(-1);
  if (!binding || key === undefined) {
    return undefined;
  }
  const init = skipTransparent(binding.init);
  if (binding.path.length === 1 && isProcessEnv(init) && SECRET_VARIABLES.has(key)) {
    return `\`process.env.${key}\``;
  }
  if (SECRET_MEMBERS.has(key)) {
    return `\`${key}\``;
  }
  const holder = binding.path.at(-2);
  const tokenOfCredentials =
    key === 'Token' && (holder === undefined ? isCredentialShaped(checker, init) : isCredentialsName(holder));
  return tokenOfCredentials ? '`Token`' : undefined;
}

/**
 * An object that holds AWS credentials as far as the file shows: named so (`creds`, `data.Credentials`), built with
 * `AccessKeyId`/`SecretAccessKey`, or traced to an STS response or a resolved provider. Keeps `oauth.Token` quiet.
 */
function isCredentialShaped(checker: Checker, node: TSESTree.Node): boolean {
  const object = skipTransparent(node);
  const name =
    object.type === AST_NODE_TYPES.Identifier
      ? object.name
      : object.type === AST_NODE_TYPES.MemberExpression
        ? getPropertyName(object)
        : undefined;
  if (name !== undefined && isCredentialsName(name)) {
    return true;
  }
  const key =
    object.type === AST_NODE_TYPES.Identifier ? getBindingSource(checker.sourceCode, object)?.path.at(-1) : undefined;
  if (key !== undefined && isCredentialsName(key)) {
    return true;
  }
  const { sourceCode, references } = checker;
  const value = resolveValue(sourceCode, object);
  if (
    value?.type === AST_NODE_TYPES.ObjectExpression &&
    (findProperty(sourceCode, value, 'AccessKeyId') ?? findProperty(sourceCode, value, 'SecretAccessKey'))
  ) {
    return true;
  }
  return references !== undefined && findCredentialSource(sourceCode, references, object) !== undefined;
}

/** E.g. `credentials`, `Credentials`, `imdsCredentials`, `creds`, `awsCreds`, `aws_creds`; not `credit` or `sacred`. */
function isCredentialsName(name: string): boolean {
  return /credential/i.test(name) || /(?:^|_)creds?$/i.test(name) || /[a-z\d]Creds?$/.test(name);
}

/**
 * A whole credential object, found through the SDK references: an STS response or its `Credentials`
 * (`await sts.send(new AssumeRoleCommand(...))`), a resolved identity (`await provider()`,
 * `await client.config.credentials()`), v2 `AWS.config.credentials` / `AWS.config`, a v2 service's
 * `config.credentials`, a v2 credentials instance. `fields` is the replacement the suggestion logs instead.
 */
function getCredentialObject(
  checker: Checker,
  node: TSESTree.Node,
): CredentialObject | undefined {
  const { sourceCode, references } = checker;
  if (!references) {
    return undefined;
  }
  const text = isPlainReference(node) ? sourceCode.getText(node) : undefined;
  const path: string[] = [];
  let current: TSESTree.Node = node;
  for (let steps = 0; steps < MAX_DEPTH; steps++) {
    current = skipTransparent(current);
    const v2 = getV2CredentialObject(checker, current, path, text);
    if (v2) {
      return v2;
    }
    switch (current.type) {
      case AST_NODE_TYPES.MemberExpression: {
        const key = getPropertyName(current);
        if (key === undefined) return undefined;
        path.unshift(key);
        current = current.object;
        break;
      }
      case AST_NODE_TYPES.Identifier: {
        const binding = getBindingSource(sourceCode, current);
        if (!binding) {
          // E.g. v2 callbacks: `sts.assumeRole(params, (err, data) => console.log(data))`.
          return classifySource(findCredentialSource(sourceCode, references, current), path, text);
        }
        path.unshift(...binding.path);
        current = binding.init;
        break;
      }
      case AST_NODE_TYPES.AwaitExpression:
        return classifySource(findCredentialSource(sourceCode, references, current), path, text);
      default:
        return undefined;
    }
  }
  return undefined;
}

/** What a v2 object that holds keys is, and how to log only its access key ID. */
interface CredentialObject {
  what: string;
  fields: string | undefined;
}

/**
 * `AWS.config` and `AWS.config.credentials`, `s3.config.credentials` (a v2 service), `config.credentials`
 * (`new AWS.Config`), `new AWS.EC2MetadataCredentials()`: v2 objects that hold the keys once they are loaded.
 * v3 `client.config.credentials` is a provider function and holds none.
 */
function getV2CredentialObject(
  checker: Checker,
  node: TSESTree.Node,
  path: readonly string[],
  text: string | undefined,
): CredentialObject | undefined {
  const { sourceCode, references } = checker;
  const info = references?.get(node)?.info;
  if (info?.kind === 'v2GlobalConfig') {
    if (path.length === 0) {
      return { what: '`AWS.config`', fields: text && `{ accessKeyId: ${text}.credentials?.accessKeyId }` };
    }
    return path.length === 1 && path[0] === 'credentials'
      ? { what: '`AWS.config.credentials`', fields: text && `{ accessKeyId: ${text}?.accessKeyId }` }
      : undefined;
  }
  if (path.length > 0) {
    return undefined;
  }
  if (info?.kind === 'v2Credentials' && node.type === AST_NODE_TYPES.NewExpression) {
    return V2_KEYLESS_CLASSES.has(info.name)
      ? undefined
      : {
          what: `an \`AWS.${info.name}\` object`,
          fields: text && `{ accessKeyId: ${text}.accessKeyId, expireTime: ${text}.expireTime }`,
        };
  }
  if (!isMemberNamed(node, 'credentials') || !references) {
    return undefined;
  }
  // `AWS.config.credentials` is left to the trace, which names it through `AWS.config`.
  const object = skipTransparent(node.object);
  const holder = references.get(resolveValue(sourceCode, object) ?? object)?.info;
  const client = isMemberNamed(object, 'config') ? resolveValue(sourceCode, object.object) : undefined;
  const clientInfo = client && references.get(client)?.info;
  const isV2Config = holder?.kind === 'v2Config' || (clientInfo?.kind === 'client' && clientInfo.sdk === 'v2');
  return isV2Config
    ? { what: '`config.credentials`', fields: text && `{ accessKeyId: ${text}?.accessKeyId }` }
    : undefined;
}

/** The whole STS response or its `Credentials`, or a whole resolved identity; not their other members. */
function classifySource(
  source: ReturnType<typeof findCredentialSource>,
  path: readonly string[],
  text: string | undefined,
): CredentialObject | undefined {
  if (source?.kind === 'stsResponse' && (path.length === 0 || (path.length === 1 && path[0] === 'Credentials'))) {
    const credentials = text && (path.length === 0 ? `${text}.Credentials` : text);
    return {
      what: 'STS `Credentials`',
      fields: credentials && `{ AccessKeyId: ${credentials}?.AccessKeyId, Expiration: ${credentials}?.Expiration }`,
    };
  }
  if (source?.kind === 'resolvedProvider' && path.length === 0) {
    return {
      what: 'resolved credentials',
      fields: text && `{ accessKeyId: ${text}.accessKeyId, expiration: ${text}.expiration }`,
    };
  }
  return undefined;
}

/** `creds`, `this.creds`, `resp.Credentials`: reading it again reads the same object, with no call in between. */
function isPlainReference(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  return (
    value.type === AST_NODE_TYPES.Identifier ||
    value.type === AST_NODE_TYPES.ThisExpression ||
    (value.type === AST_NODE_TYPES.MemberExpression && !value.computed && isPlainReference(value.object))
  );
}

/**
 * The suggestion's fix, by where the leak sits: a whole argument (removed when others remain, else replaced by the
 * access key ID), an object property (removed), a shorthand or spread of a credential object, or an inner value.
 */
function getSuggestionFix(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  leak: Leak,
): TSESLint.ReportFixFunction | undefined {
  const { fix } = leak;
  const slot = getSlot(leak.node);
  const parent = slot.parent;
  if (fix.kind === 'secret') {
    if (parent === call && call.arguments.length > 1) {
      return (fixer) => removeArgument(fixer, sourceCode, call, slot);
    }
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === slot) {
      return (fixer) => removeProperty(fixer, sourceCode, parent);
    }
    const { accessKeyId } = fix;
    return accessKeyId === undefined ? undefined : (fixer) => fixer.replaceText(leak.node, accessKeyId);
  }
  if (fix.kind !== 'object' || fix.fields === undefined) {
    return undefined;
  }
  const { fields } = fix;
  if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand) {
    return (fixer) => fixer.replaceText(parent, `${sourceCode.getText(parent.key)}: ${fields}`);
  }
  if (parent?.type === AST_NODE_TYPES.SpreadElement && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    // `{ ...creds }` → `{ accessKeyId: creds.accessKeyId, expiration: creds.expiration }`.
    return (fixer) => fixer.replaceText(parent, fields.slice(2, -2));
  }
  // The type assertions around the object (`creds as Credentials`) do not fit the new object: they go with it.
  return (fixer) => fixer.replaceText(slot, fields);
}

/** The outermost expression around `node` that only wraps it (`creds as Credentials`, `creds!`). */
function getSlot(node: TSESTree.Node): TSESTree.Node {
  let slot = node;
  while (slot.parent && slot.parent !== node && skipTransparent(slot.parent) === node) {
    slot = slot.parent;
  }
  return slot;
}

/** Removes one argument of a call with the comma that separates it from its neighbour. */
function removeArgument(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
): TSESLint.RuleFix {
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  const next = call.arguments[index + 1];
  if (next) {
    return fixer.removeRange([argument.range[0], next.range[0]]);
  }
  const previous = call.arguments[index - 1];
  const comma = previous && sourceCode.getTokenAfter(previous);
  return fixer.removeRange([comma?.range[0] ?? argument.range[0], argument.range[1]]);
}
