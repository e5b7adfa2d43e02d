import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { CREDENTIAL_PROVIDERS_MODULE } from '../utils/sdk/catalog.js';
import { CHECK_TEST_FILES_PROPERTY, isSkippedTestFile } from '../utils/modules/files.js';
import { isInStatementList, removeProperties, removeStatement } from '../utils/fix/fixes.js';
import { planModuleProvider } from '../utils/fix/module-provider.js';
import { getProviderCallFix } from '../utils/fix/provider-call.js';
import { getNewProviderGetterFix } from '../utils/fix/provider-getter.js';
import {
  getCredentialModel,
  type CredentialConsumer,
  type CredentialInput,
  type CredentialModel,
} from '../utils/sdk/credentials.js';
import { getDefaultChainRemoval, isLongTermKeyStsClient } from '../utils/sdk/credential-removal.js';
import { findStaticCredentials, findTypedStaticCredentials } from '../utils/sdk/static-credentials.js';
import { getEndpointKinds } from '../utils/sdk/endpoints.js';
import { signsForOtherHost } from '../utils/sdk/signer-hosts.js';
import { getStaticCredentialsGetter } from '../utils/sdk/provider-rewrites.js';
import { mentionsSdk, onSdkReferences } from '../utils/sdk/references.js';
import type { V2OptionsSite } from '../utils/sdk/v2-config.js';
import { isSameBindingAt } from '../utils/scope/names.js';

type Options = [{ allowLocalEndpoints?: boolean; checkTestFiles?: boolean }];
type MessageId =
  | 'staticCredentials'
  | 'importedStaticCredentials'
  | 'staticTypedCredentials'
  | 'staticSignerCredentials'
  | 'staticFixedSignerCredentials'
  | 'removeCredentials'
  | 'useProviderChain'
  | 'usePerCallProvider'
  | 'useProviderGetter';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

/** One static credentials object, found where an SDK client or config receives it. */
interface Finding {
  node: TSESTree.Node;
  client: string;
  /** The message: a signer outside the SDK clients (`SignatureV4`) has no provider chain to shadow. */
  messageId: MessageId;
  suggest: Suggestion[];
  /** Where the object was built, when another module built it. */
  origin?: string;
  /** Typed mode: the type that shows the value is static. */
  type?: string;
}

/** What every check needs: the file, its credential model and the options. */
interface Checker {
  sourceCode: SourceCode;
  model: CredentialModel;
  allowLocalEndpoints: boolean;
}

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
      importedStaticCredentials:
        'The static credentials built at `{{ origin }}` and given to `{{ client }}` never refresh and shadow the ' +
        'default provider chain (instance or task role, SSO, environment): calls fail with ExpiredToken once ' +
        'temporary keys expire, and long-term keys end up in code or config.',
      staticTypedCredentials:
        '`{{ client }}` is given credentials of type `{{ type }}`, a static object with `accessKeyId` and ' +
        '`secretAccessKey` that never refreshes and shadows the default provider chain: calls fail with ExpiredToken ' +
        'once temporary keys expire. Give the client a provider instead.',
      staticSignerCredentials:
        '`{{ client }}` keeps the static credentials it is given and never asks for new ones: the requests it signs ' +
        'fail with ExpiredToken once temporary keys expire. Give it a provider that refreshes them.',
      staticFixedSignerCredentials:
        '`{{ client }}` keeps the keys it is built with and takes no provider: once temporary keys expire, every ' +
        'request it signs fails with ExpiredToken. Build a new `{{ client }}` per request from what a provider ' +
        'such as `fromNodeProviderChain()` resolves.',
      removeCredentials: 'Remove the static credentials so that the SDK uses its default provider chain.',
      useProviderChain: 'Resolve credentials with `{{ provider }}`, which refreshes them before they expire.',
      usePerCallProvider:
        'Sign with `await {{ name }}()`, where `const {{ name }} = {{ provider }}` is created once: the provider ' +
        'caches the credentials and refreshes them before they expire.',
      useProviderGetter:
        'Use `getCredentials: {{ getter }}` with a provider created once at module level: temporary credentials it ' +
        'returns carry `expiration`, so the signer asks again once they expire.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ...CHECK_TEST_FILES_PROPERTY,
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
    defaultOptions: [{ allowLocalEndpoints: true, checkTestFiles: false }],
  },
  create(context, [{ allowLocalEndpoints = true, checkTestFiles }]) {
    // The SDK gate first: most files reach no SDK and never need their path looked at.
    if (!mentionsSdk(context.sourceCode) || isSkippedTestFile(context, checkTestFiles)) {
      return {};
    }
    return onSdkReferences(context, (references) => {
      const checker: Checker = {
        sourceCode: context.sourceCode,
        model: getCredentialModel(context.sourceCode, references),
        allowLocalEndpoints,
      };
      // A config object shared by several clients is one object: one report.
      const reported = new Set<TSESTree.Node>();
      for (const { node, client, messageId, suggest, origin, type } of checker.model.consumers.flatMap((consumer) => check(checker, consumer))) {
        if (reported.has(node)) continue;
        reported.add(node);
        context.report({ node, messageId, data: { client, ...(origin ? { origin } : {}), ...(type === undefined ? {} : { type }) }, suggest });
      }
    });
  },
});

/** The static credentials one consumer receives, at each place it takes them. */
function check(checker: Checker, consumer: CredentialConsumer): Finding[] {
  const { model, allowLocalEndpoints } = checker;
  if (consumer.name === 'fromTemporaryCredentials' || isLongTermKeyStsClient(model, consumer) || signsForOtherHost(model, consumer, allowLocalEndpoints)) {
    return [];
  }
  return consumer.inputs.flatMap((input) => {
    if ((input.kind === 'property' || input.kind === 'keys') && isCustomEndpointConfig(checker, input.options)) {
      return [];
    }
    const finding = checkStaticInput(checker, consumer, input);
    return finding ? [finding] : [];
  });
}

function checkStaticInput(checker: Checker, consumer: CredentialConsumer, input: CredentialInput): Finding | undefined {
  const { sourceCode, model } = checker;
  switch (input.kind) {
    case 'property': {
      const { property } = input;
      const getter = getStaticCredentialsGetter(model, consumer, property);
      if (getter) return checkStaticGetter(sourceCode, consumer, property, getter.provider);
      const found = findStaticCredentials(model, property.value, consumer.sdk);
      if (!found) return checkTypedStatic(model, consumer, property, property.value);
      const { object, origin } = found;
      // `options.credentials || { … }`, `useProfile ? fromIni() : { … }`: only the static branch is replaced.
      const isBranch = object !== undefined && object !== skipTransparent(property.value) && containsNode(property.value, object);
      const removal = getDefaultChainRemoval(consumer, input, object);
      const suggest: Suggestion[] = removal
        ? [{ messageId: 'removeCredentials', fix: (fixer) => removeProperties(fixer, sourceCode, removal) }]
        : [];
      const chain =
        consumer.sdk === 'v3'
          ? getProviderChainSuggestion(sourceCode, property, isBranch ? object : undefined)
          : !isBranch && canUseChain(model, input.options) && getV2ProviderChainSuggestion(sourceCode, consumer.site, property, []);
      if (chain) suggest.push(chain);
      return { node: property, client: consumer.name, messageId: getMessageId(consumer, origin), suggest, origin };
    }
    case 'keys': {
      const { accessKeyId, secretAccessKey } = input;
      if ([accessKeyId, secretAccessKey].some((key) => model.sourceOf(key.value))) return undefined;
      // A signer (aws4fetch) needs its keys: no provider to give it, no chain to fall back on.
      const removal = getDefaultChainRemoval(consumer, input, undefined);
      const keys = removal ?? [];
      const suggest: Suggestion[] = removal
        ? [{ messageId: 'removeCredentials', fix: (fixer) => removeProperties(fixer, sourceCode, removal) }]
        : [];
      const chain =
        canUseChain(model, input.options) &&
        getV2ProviderChainSuggestion(sourceCode, consumer.site, accessKeyId, keys.slice(1));
      if (chain) suggest.push(chain);
      return { node: accessKeyId, client: consumer.name, messageId: getMessageId(consumer, undefined), suggest };
    }
    case 'assignment': {
      const { assignment } = input;
      const found = findStaticCredentials(model, assignment.right, 'v2');
      if (!found) return checkTypedStatic(model, consumer, assignment.right, assignment.right);
      const statement = assignment.parent;
      const suggest: Suggestion[] =
        statement.type === AST_NODE_TYPES.ExpressionStatement && isInStatementList(statement)
          ? [{ messageId: 'removeCredentials', fix: (fixer) => removeStatement(fixer, sourceCode, statement) }]
          : [];
      const { object = assignment.right, origin } = found;
      return { node: object, client: 'AWS.config', messageId: origin ? 'importedStaticCredentials' : 'staticCredentials', suggest, origin };
    }
    case 'argument': {
      const found = findStaticCredentials(model, input.argument, 'v3');
      if (!found) return undefined;
      const { object = input.argument, origin } = found;
      const provider = getPerCallProviderSuggestion(sourceCode, input.argument, object);
      return { node: object, client: consumer.name, messageId: getMessageId(consumer, origin), suggest: provider ? [provider] : [], origin };
    }
  }
}

/** Typed mode: not for signers, often built per request from what the caller resolved; no suggestion (built elsewhere). */
function checkTypedStatic(model: CredentialModel, consumer: CredentialConsumer, node: TSESTree.Node, value: TSESTree.Node): Finding | undefined {
  const type = getMessageId(consumer, undefined) === 'staticCredentials' ? findTypedStaticCredentials(model, value) : undefined;
  return type === undefined ? undefined : { node, client: consumer.name, messageId: 'staticTypedCredentials', suggest: [], type };
}

function getMessageId({ reference: { info } }: CredentialConsumer, origin: string | undefined): MessageId {
  if (info.kind !== 'signer') return origin ? 'importedStaticCredentials' : 'staticCredentials';
  return info.option === 'flattenedKeys' ? 'staticFixedSignerCredentials' : 'staticSignerCredentials';
}

/** `getCredentials: () => provider()` for static keys an opensearch getter returns, the provider created once. */
function checkStaticGetter(sourceCode: SourceCode, consumer: CredentialConsumer, property: TSESTree.Property, existing?: TSESTree.Identifier): Finding {
  const getter = getNewProviderGetterFix(sourceCode, property, existing, CREDENTIAL_PROVIDERS_MODULE, PROVIDER_CHAIN);
  const suggest: Suggestion[] = getter ? [{ messageId: 'useProviderGetter', data: { getter: getter.getter }, fix: getter.fix }] : [];
  return { node: property, client: consumer.name, messageId: 'staticSignerCredentials', suggest };
}

/** v2 `credentialProvider` already set: a chain suggestion would be a second one. */
function canUseChain(model: CredentialModel, options: TSESTree.ObjectExpression): boolean {
  return !model.propertyOf(options, 'credentialProvider');
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

/** `credentials: fromNodeProviderChain()`; with `branch`, in place of that static branch of the value only. */
function getProviderChainSuggestion(sourceCode: SourceCode, credentials: TSESTree.Property, branch?: TSESTree.Node): Suggestion | undefined {
  const plan = getProviderCallFix(sourceCode, credentials, CREDENTIAL_PROVIDERS_MODULE, PROVIDER_CHAIN, branch);
  return plan && { messageId: 'useProviderChain', data: { provider: plan.call }, fix: plan.fix };
}

/**
 * `aws4.sign(request, await credentialProvider())` with `const credentialProvider = fromNodeProviderChain();` at
 * module level, in an async function: the provider memoizes what it resolves and resolves again before it expires
 * (`defaultProvider` of `@aws-sdk/credential-provider-node`). In place of `object`, or of the argument that holds it.
 */
function getPerCallProviderSuggestion(sourceCode: SourceCode, argument: TSESTree.Node, object: TSESTree.Node): Suggestion | undefined {
  const replaced = containsNode(argument, object) ? object : argument;
  const plan = planModuleProvider(sourceCode, replaced, CREDENTIAL_PROVIDERS_MODULE, PROVIDER_CHAIN, 'credentialProvider');
  return plan && { messageId: 'usePerCallProvider', data: { name: plan.name, provider: plan.provider }, fix: plan.fix };
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
