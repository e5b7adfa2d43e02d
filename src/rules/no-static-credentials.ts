import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isMemberNamed, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { findOneShotSource } from '../utils/sdk/one-shot-sources.js';
import {
  planImport,
  isInStatementList,
  removeProperties,
  removeStatement,
} from '../utils/fix/fixes.js';
import type { SdkInfo } from '../utils/sdk/catalog.js';
import { onSdkReferences, type SdkReference, type SdkReferences } from '../utils/sdk/references.js';
import { getGlobalConfigAssignment, getV2OptionsSites, type V2OptionsSite } from '../utils/sdk/v2-config.js';
import { findProperty, getStaticValue, getVariable, resolveObject, resolveOptionsArgument, resolveValue } from '../utils/scope/values.js';

type Options = [{ allowLocalEndpoints?: boolean }];
type MessageId = 'staticCredentials' | 'removeCredentials' | 'useProviderChain';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

/** One static credentials object, found where an SDK client or config receives it. */
interface Finding {
  node: TSESTree.Node;
  client: string;
  suggest: Suggestion[];
}

/** What every check needs: the file, its SDK references and the options. */
interface Checker {
  sourceCode: SourceCode;
  references: SdkReferences;
  allowLocalEndpoints: boolean;
}

const PROVIDERS_MODULE = '@aws-sdk/credential-providers';
const PROVIDER_CHAIN = 'fromNodeProviderChain';

/** Hosts of local emulators (LocalStack, DynamoDB Local, MinIO in Docker), which need dummy static keys. */
const LOCAL_HOSTS: ReadonlySet<string> = new Set([
  'localhost',
  '127.0.0.1',
  '[::1]',
  '0.0.0.0',
  'host.docker.internal',
]);

export default createRule<Options, MessageId>({
  name: 'no-static-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow static credentials objects in AWS SDK client and config options',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      staticCredentials:
        'Static credentials given to `{{ client }}` never refresh and shadow the default provider chain ' +
        '(instance or task role, SSO, environment): calls fail with ExpiredToken once temporary keys expire, ' +
        'and long-term keys end up in code or config.',
      removeCredentials: 'Remove the static credentials so that the SDK uses its default provider chain.',
      useProviderChain: 'Resolve credentials with `{{ provider }}`, which refreshes them before they expire.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowLocalEndpoints: {
            type: 'boolean',
            description:
              'Allow static credentials for clients whose `endpoint` is loopback or a local emulator ' +
              '(localhost, 127.0.0.1, [::1], 0.0.0.0, host.docker.internal, a LocalStack host).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowLocalEndpoints: true }],
  },
  create(context, [{ allowLocalEndpoints = true }]) {
    return onSdkReferences(context, (references) => {
      const checker: Checker = { sourceCode: context.sourceCode, references, allowLocalEndpoints };
      const findings = [
        ...references.ofKind('client').flatMap((client) => checkV3Client(checker, client)),
        ...getV2OptionsSites(references).flatMap((site) => checkV2Options(checker, site)),
        ...references.ofKind('v2GlobalConfig').flatMap((config) => checkV2CredentialsAssignment(checker, config)),
      ];
      // A config object shared by several clients is one object: one report.
      const reported = new Set<TSESTree.Node>();
      for (const { node, client, suggest } of findings) {
        if (reported.has(node)) continue;
        reported.add(node);
        context.report({ node, messageId: 'staticCredentials', data: { client }, suggest });
      }
    });
  },
});

/** E.g. `new S3Client({ credentials: { accessKeyId, secretAccessKey } })`, `new S3(config)` with a shared config. */
function checkV3Client(checker: Checker, client: SdkReference<Extract<SdkInfo, { kind: 'client' }>>): Finding[] {
  const { sourceCode } = checker;
  if (client.info.sdk !== 'v3') {
    return [];
  }
  const config = resolveOptionsArgument(sourceCode, client.node);
  const credentials = config && findProperty(sourceCode, config, 'credentials');
  if (
    !config ||
    !credentials ||
    isLocalEndpointConfig(checker, config) ||
    isLongTermKeyStsClient(checker, client) ||
    !isStaticCredentialsObject(checker, credentials.value)
  ) {
    return [];
  }
  const suggest: Suggestion[] = [
    { messageId: 'removeCredentials', fix: (fixer) => removeProperties(fixer, sourceCode, [credentials]) },
  ];
  const providerChain = getProviderChainSuggestion(sourceCode, credentials);
  if (providerChain) suggest.push(providerChain);
  return [{ node: credentials, client: client.name, suggest }];
}

/** E.g. `new AWS.S3({ accessKeyId, secretAccessKey })`, `AWS.config.update({ credentials: new AWS.Credentials() })`. */
function checkV2Options(checker: Checker, site: V2OptionsSite): Finding[] {
  const { sourceCode } = checker;
  const options = site.options && resolveObject(sourceCode, site.options);
  if (!options || isLocalEndpointConfig(checker, options)) {
    return [];
  }
  const findings: Finding[] = [];
  const canUseChain = !findProperty(sourceCode, options, 'credentialProvider');

  // `AWS.Config` wraps top-level keys into `new AWS.Credentials(options)` only when both are set (sdk-facts B2).
  const accessKeyId = findProperty(sourceCode, options, 'accessKeyId');
  const secretAccessKey = findProperty(sourceCode, options, 'secretAccessKey');
  if (accessKeyId && secretAccessKey && !hasCredentialSource(checker, [accessKeyId.value, secretAccessKey.value])) {
    const sessionToken = findProperty(sourceCode, options, 'sessionToken');
    const keys = sessionToken ? [accessKeyId, secretAccessKey, sessionToken] : [accessKeyId, secretAccessKey];
    const suggest: Suggestion[] = [
      { messageId: 'removeCredentials', fix: (fixer) => removeProperties(fixer, sourceCode, keys) },
    ];
    const providerChain = canUseChain && getV2ProviderChainSuggestion(sourceCode, site, accessKeyId, keys.slice(1));
    if (providerChain) suggest.push(providerChain);
    findings.push({ node: accessKeyId, client: site.name, suggest });
  }

  const credentials = findProperty(sourceCode, options, 'credentials');
  if (credentials && isStaticV2Credentials(checker, credentials.value)) {
    const suggest: Suggestion[] = [
      { messageId: 'removeCredentials', fix: (fixer) => removeProperties(fixer, sourceCode, [credentials]) },
    ];
    const providerChain = canUseChain && getV2ProviderChainSuggestion(sourceCode, site, credentials, []);
    if (providerChain) suggest.push(providerChain);
    findings.push({ node: credentials, client: site.name, suggest });
  }
  return findings;
}

/** E.g. `AWS.config.credentials = new AWS.Credentials(accessKeyId, secretAccessKey);`. */
function checkV2CredentialsAssignment(checker: Checker, config: SdkReference): Finding[] {
  const assigned = getGlobalConfigAssignment(config.node);
  if (assigned?.key !== 'credentials' || assigned.assignment.operator !== '=') {
    return [];
  }
  const { assignment } = assigned;
  const value = resolveValue(checker.sourceCode, assignment.right);
  if (!value || !isStaticV2Credentials(checker, value)) {
    return [];
  }
  const statement = assignment.parent;
  const suggest: Suggestion[] =
    statement.type === AST_NODE_TYPES.ExpressionStatement && isInStatementList(statement)
      ? [{ messageId: 'removeCredentials', fix: (fixer) => removeStatement(fixer, checker.sourceCode, statement) }]
      : [];
  return [{ node: value, client: 'AWS.config', suggest }];
}

/**
 * STS `GetFederationToken` and `GetSessionToken` must be called with an IAM user's long-term keys (a role's
 * credentials are refused), so an STS client in a file that sends them is given static keys on purpose.
 */
function isLongTermKeyStsClient(
  checker: Checker,
  client: SdkReference<Extract<SdkInfo, { kind: 'client' }>>,
): boolean {
  return (
    client.info.service === 'sts' &&
    checker.references
      .ofKind('command')
      .some(({ info }) => info.operation === 'GetFederationToken' || info.operation === 'GetSessionToken')
  );
}

/**
 * An object literal with `accessKeyId` or `secretAccessKey`, directly, through a `const`, or returned by a local
 * function. Values copied from an STS response or a resolved provider belong to `no-one-shot-credentials`.
 */
function isStaticCredentialsObject(checker: Checker, node: TSESTree.Node): boolean {
  const { sourceCode } = checker;
  const value = resolveValue(sourceCode, node);
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) {
    return false;
  }
  const keys = [findProperty(sourceCode, value, 'accessKeyId'), findProperty(sourceCode, value, 'secretAccessKey')]
    .filter((property) => property !== undefined)
    .map((property) => property.value);
  return keys.length > 0 && !hasCredentialSource(checker, keys);
}

/** A static object as above, or `new AWS.Credentials(...)`: the v2 class that never reloads its keys (sdk-facts B1). */
function isStaticV2Credentials(checker: Checker, node: TSESTree.Node): boolean {
  const { sourceCode, references } = checker;
  const value = resolveValue(sourceCode, node);
  if (value?.type !== AST_NODE_TYPES.NewExpression) {
    return isStaticCredentialsObject(checker, node);
  }
  const info = references.get(value)?.info;
  if (info?.kind !== 'v2Credentials' || info.name !== 'Credentials') {
    return false;
  }
  // E.g. `new AWS.Credentials(id, secret)`, `new AWS.Credentials({ accessKeyId: id, secretAccessKey: secret })`.
  const [first] = value.arguments;
  const options = value.arguments.length === 1 && first ? resolveObject(sourceCode, first) : undefined;
  const keys = options
    ? [findProperty(sourceCode, options, 'accessKeyId'), findProperty(sourceCode, options, 'secretAccessKey')]
        .filter((property) => property !== undefined)
        .map((property) => property.value)
    : [];
  return !hasCredentialSource(checker, [...value.arguments, ...keys]);
}

function hasCredentialSource(checker: Checker, values: readonly TSESTree.Node[]): boolean {
  return values.some((value) => findOneShotSource(checker.sourceCode, checker.references, value) !== undefined);
}

function isLocalEndpointConfig(checker: Checker, options: TSESTree.ObjectExpression): boolean {
  const endpoint = checker.allowLocalEndpoints ? findProperty(checker.sourceCode, options, 'endpoint') : undefined;
  return endpoint !== undefined && isLocalEndpoint(checker.sourceCode, endpoint.value, 0);
}

/**
 * E.g. `'http://localhost:4566'`, a constant holding it, `new URL('http://127.0.0.1:8000')`,
 * `` `http://localhost:${port}` ``, `process.env.AWS_ENDPOINT ?? 'http://localstack:4566'`, v3 `{ url }` objects.
 */
function isLocalEndpoint(sourceCode: SourceCode, node: TSESTree.Node, depth: number): boolean {
  const text = getStaticValue(sourceCode, node);
  if (typeof text === 'string') {
    return isLocalHost(getHost(`${text}/`));
  }
  const value = depth < 4 ? resolveValue(sourceCode, node) : undefined;
  switch (value?.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      // Only a host the first static part spells out in full counts: `http://${host}:4566` stays unknown.
      return isLocalHost(getHost(value.quasis[0]?.value.cooked ?? ''));
    case AST_NODE_TYPES.LogicalExpression:
      return isLocalEndpoint(sourceCode, value.left, depth + 1) || isLocalEndpoint(sourceCode, value.right, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return (
        isLocalEndpoint(sourceCode, value.consequent, depth + 1) ||
        isLocalEndpoint(sourceCode, value.alternate, depth + 1)
      );
    case AST_NODE_TYPES.NewExpression: {
      // `new URL('…')`, v2 `new AWS.Endpoint('…')`.
      const [url] = value.arguments;
      const callee = skipTransparent(value.callee);
      const isUrlClass =
        (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'URL') || isMemberNamed(callee, 'Endpoint');
      return isUrlClass && url !== undefined && isLocalEndpoint(sourceCode, url, depth + 1);
    }
    case AST_NODE_TYPES.ObjectExpression: {
      // v3 endpoint objects: `{ url: new URL('…') }`, `{ hostname: 'localhost', protocol: 'http:' }`.
      const url = findProperty(sourceCode, value, 'url');
      const hostname = findProperty(sourceCode, value, 'hostname');
      const host = hostname && getStaticValue(sourceCode, hostname.value);
      return (url !== undefined && isLocalEndpoint(sourceCode, url.value, depth + 1)) ||
        (typeof host === 'string' && isLocalHost(host));
    }
    default:
      return false;
  }
}

/** The host of `http://user@host:port/path`, `host:port/`, `[::1]:4566/`: only when a `:`, `/`, `?` or `#` ends it. */
function getHost(url: string): string | undefined {
  const rest = url.replace(/^[a-z][a-z\d+.-]*:\/\//i, '').replace(/^[^@/?#]*@/, '');
  return /^(\[[^\]]*\]|[^/:?#\s]+)[:/?#]/.exec(rest)?.[1]?.toLowerCase();
}

function isLocalHost(host: string | undefined): boolean {
  return (
    host !== undefined &&
    (LOCAL_HOSTS.has(host) ||
      host.endsWith('.localhost') ||
      /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
      host.includes('localstack'))
  );
}

/** `credentials: fromNodeProviderChain()`, imported from `@aws-sdk/credential-providers` unless the file has it. */
function getProviderChainSuggestion(sourceCode: SourceCode, credentials: TSESTree.Property): Suggestion | undefined {
  const plan = planImport(sourceCode, credentials, PROVIDERS_MODULE, PROVIDER_CHAIN);
  if (!plan) {
    return undefined;
  }
  const call = `${plan.callee}()`;
  return {
    messageId: 'useProviderChain',
    data: { provider: call },
    fix: (fixer) => [
      credentials.shorthand
        ? fixer.replaceText(credentials, `credentials: ${call}`)
        : fixer.replaceText(credentials.value, call),
      ...plan.addImport(fixer),
    ],
  };
}

/**
 * v2: `credentialProvider: new AWS.CredentialProviderChain()` in place of `replaced`, the other `removed` keys gone.
 * Not `credentials:`: a chain given as `credentials` is asked for keys it never loads; only `credentialProvider`
 * is resolved through the chain (aws-sdk `lib/config.js` `getCredentials`).
 */
function getV2ProviderChainSuggestion(
  sourceCode: SourceCode,
  site: V2OptionsSite,
  replaced: TSESTree.Property,
  removed: TSESTree.Property[],
): Suggestion | undefined {
  const { namespace } = site;
  const expected = namespace && getVariable(sourceCode, namespace);
  if (!site.defaultChain || !namespace || !expected || ASTUtils.findVariable(sourceCode.getScope(replaced), namespace.name) !== expected) {
    return undefined;
  }
  const provider = `new ${namespace.name}.CredentialProviderChain()`;
  return {
    messageId: 'useProviderChain',
    data: { provider },
    fix: (fixer) => [
      fixer.replaceText(replaced, `credentialProvider: ${provider}`),
      ...removeProperties(fixer, sourceCode, removed),
    ],
  };
}
