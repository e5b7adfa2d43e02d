import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isMemberNamed, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { planImport, isInStatementList, removeProperties, removeStatement } from '../utils/fix/fixes.js';
import {
  getCredentialModel,
  type CredentialConsumer,
  type CredentialInput,
  type CredentialModel,
} from '../utils/sdk/credentials.js';
import { onSdkReferences } from '../utils/sdk/references.js';
import type { V2OptionsSite } from '../utils/sdk/v2-config.js';
import { isSameBindingAt } from '../utils/scope/names.js';
import { findProperty, getStaticValue, resolveValue } from '../utils/scope/values.js';

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

/** What every check needs: the file, its credential model and the options. */
interface Checker {
  sourceCode: SourceCode;
  model: CredentialModel;
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
      const checker: Checker = {
        sourceCode: context.sourceCode,
        model: getCredentialModel(context.sourceCode, references),
        allowLocalEndpoints,
      };
      // A config object shared by several clients is one object: one report.
      const reported = new Set<TSESTree.Node>();
      for (const { node, client, suggest } of checker.model.consumers.flatMap((consumer) => check(checker, consumer))) {
        if (reported.has(node)) continue;
        reported.add(node);
        context.report({ node, messageId: 'staticCredentials', data: { client }, suggest });
      }
    });
  },
});

/** The static credentials one consumer receives, at each place it takes them. */
function check(checker: Checker, consumer: CredentialConsumer): Finding[] {
  if (consumer.name === 'fromTemporaryCredentials' || isLongTermKeyStsClient(checker, consumer)) {
    return [];
  }
  return consumer.inputs.flatMap((input) => {
    if (input.kind !== 'assignment' && isLocalEndpointConfig(checker, input.options)) {
      return [];
    }
    const finding = checkInput(checker, consumer, input);
    return finding ? [finding] : [];
  });
}

function checkInput(checker: Checker, consumer: CredentialConsumer, input: CredentialInput): Finding | undefined {
  const { sourceCode, model } = checker;
  switch (input.kind) {
    case 'property': {
      const { property } = input;
      if (!isStatic(model, property.value, consumer.sdk)) return undefined;
      const suggest: Suggestion[] = [
        { messageId: 'removeCredentials', fix: (fixer) => removeProperties(fixer, sourceCode, [property]) },
      ];
      const chain =
        consumer.sdk === 'v3'
          ? getProviderChainSuggestion(sourceCode, property)
          : canUseChain(model, input.options) && getV2ProviderChainSuggestion(sourceCode, consumer.site, property, []);
      if (chain) suggest.push(chain);
      return { node: property, client: consumer.name, suggest };
    }
    case 'keys': {
      const { accessKeyId, secretAccessKey, sessionToken } = input;
      if ([accessKeyId, secretAccessKey].some((key) => model.sourceOf(key.value))) return undefined;
      const keys = sessionToken ? [accessKeyId, secretAccessKey, sessionToken] : [accessKeyId, secretAccessKey];
      const suggest: Suggestion[] = [
        { messageId: 'removeCredentials', fix: (fixer) => removeProperties(fixer, sourceCode, keys) },
      ];
      const chain =
        canUseChain(model, input.options) &&
        getV2ProviderChainSuggestion(sourceCode, consumer.site, accessKeyId, keys.slice(1));
      if (chain) suggest.push(chain);
      return { node: accessKeyId, client: consumer.name, suggest };
    }
    case 'assignment': {
      const { assignment } = input;
      const first = model.classify(assignment.right).find((value) => value.kind === 'static');
      if (!first) return undefined;
      const statement = assignment.parent;
      const suggest: Suggestion[] =
        statement.type === AST_NODE_TYPES.ExpressionStatement && isInStatementList(statement)
          ? [{ messageId: 'removeCredentials', fix: (fixer) => removeStatement(fixer, sourceCode, statement) }]
          : [];
      return { node: first.object, client: 'AWS.config', suggest };
    }
  }
}

/** Static credentials among the values `node` may hold; v3 takes only object literals, v2 also `new AWS.Credentials`. */
function isStatic(model: CredentialModel, node: TSESTree.Node, sdk: 'v2' | 'v3'): boolean {
  return model
    .classify(node)
    .some((value) => value.kind === 'static' && (sdk === 'v2' || value.object.type === AST_NODE_TYPES.ObjectExpression));
}

/** v2 `credentialProvider` already set: a chain suggestion would be a second one. */
function canUseChain(model: CredentialModel, options: TSESTree.ObjectExpression): boolean {
  return !model.propertyOf(options, 'credentialProvider');
}

/**
 * STS `GetFederationToken` and `GetSessionToken` must be called with an IAM user's long-term keys (a role's
 * credentials are refused), so an STS client in a file that sends them is given static keys on purpose.
 */
function isLongTermKeyStsClient(checker: Checker, consumer: CredentialConsumer): boolean {
  const { info } = consumer.reference;
  return (
    info.kind === 'client' &&
    info.service === 'sts' &&
    checker.model.references
      .ofKind('command')
      .some(({ info: command }) => command.operation === 'GetFederationToken' || command.operation === 'GetSessionToken')
  );
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
  site: V2OptionsSite | undefined,
  replaced: TSESTree.Property,
  removed: TSESTree.Property[],
): Suggestion | undefined {
  const namespace = site?.namespace;
  if (!site?.defaultChain || !namespace || !isSameBindingAt(sourceCode, namespace, replaced)) {
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
