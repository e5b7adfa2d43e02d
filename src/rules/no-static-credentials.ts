import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../utils/create-rule.js';
import { findOneShotSource } from '../utils/sdk/one-shot-sources.js';
import {
  planImport,
  isInStatementList,
  removeProperties,
  removeStatement,
} from '../utils/fix/fixes.js';
import type { SdkInfo } from '../utils/sdk/catalog.js';
import { getEndpointKinds } from '../utils/sdk/endpoints.js';
import { onSdkReferences, type SdkReference, type SdkReferences } from '../utils/sdk/references.js';
import { getGlobalConfigAssignment, getV2OptionsSites, type V2OptionsSite } from '../utils/sdk/v2-config.js';
import { findProperty, getVariable, resolveObject, resolveOptionsArgument, resolveValue } from '../utils/scope/values.js';

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
              '(localhost, 127.0.0.1, [::1], 0.0.0.0, host.docker.internal, a LocalStack host). Clients whose ' +
              '`endpoint` is another non-AWS host, or a value the file does not define, are never reported.',
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
    isCustomEndpointConfig(checker, config) ||
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
  if (!options || isCustomEndpointConfig(checker, options)) {
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

/**
 * The options set an `endpoint` that is not AWS, or one the file does not define: S3-compatible storage (R2,
 * MinIO, Spaces, B2) takes only static keys. An emulator endpoint (LocalStack, DynamoDB Local) counts only with
 * `allowLocalEndpoints`; one that may also be AWS (`isProd ? undefined : 'http://localhost:4566'`) still counts.
 */
function isCustomEndpointConfig(checker: Checker, options: TSESTree.ObjectExpression): boolean {
  const kinds = getEndpointKinds(checker.sourceCode, options);
  return kinds.has('local') ? checker.allowLocalEndpoints : kinds.has('other') || kinds.has('unknown');
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
  if (!namespace || !expected || ASTUtils.findVariable(sourceCode.getScope(replaced), namespace.name) !== expected) {
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
