import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../utils/create-rule.js';
import { CREDENTIAL_PROVIDERS_MODULE } from '../utils/sdk/catalog.js';
import { CHECK_TEST_FILES_PROPERTY, isSkippedTestFile } from '../utils/modules/files.js';
import { planImport, removeProperties } from '../utils/fix/fixes.js';
import { getHoistedProviderGetterFix, getProviderGetterFix } from '../utils/fix/provider-getter.js';
import { getSessionProviderText } from '../utils/fix/session-provider.js';
import { describeSource, getCredentialModel, getSourceNode, type CredentialConsumer, type CredentialInput, type CredentialModel, type CredentialSource } from '../utils/sdk/credentials.js';
import { isOperationSession } from '../utils/sdk/operation-sessions.js';
import { getParamsText, getSnapshotProvider } from '../utils/sdk/provider-rewrites.js';
import { mentionsSdk, onSdkReferences, type SdkReference } from '../utils/sdk/references.js';
import { getGlobalConfigAssignment, getV2Namespace } from '../utils/sdk/v2-config.js';
import { isVisibleAt } from '../utils/scope/names.js';

type Options = [{ checkTestFiles?: boolean }];
type MessageId = 'oneShotCredentials' | 'importedOneShotCredentials' | 'oneShotFixedKeys' | 'cachedCredentials' | 'useTemporaryCredentials' | 'useChainableTemporaryCredentials' | 'useSessionProvider' | 'useProviderGetter';
type SourceCode = Readonly<TSESLint.SourceCode>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

/** Credentials resolved once, found where an SDK client or config receives them as static values. */
interface Finding {
  /** The `credentials` property, `new AWS.Credentials(…)`, the v2 `accessKeyId` property, an assignment target. */
  node: TSESTree.Node;
  target: string;
  source: CredentialSource;
  /** A provider that hands out a cached snapshot again: reported where the snapshot is built. */
  cached?: boolean;
  fixedKeys?: boolean; // A signer that keeps the keys it is built with and takes no provider (aws4fetch).
  replacement?: Replacement;
  /** opensearch's `getCredentials: …` that hands out the cache: it can call the snapshot's provider instead. */
  getter?: TSESTree.Property;
}

/** How a refreshing provider expression can take the place of the static credentials. */
interface Replacement {
  sdk: 'v2' | 'v3';
  /** Where the provider is written: the names it uses must mean the same there. */
  location: TSESTree.Node;
  /** v2: the `AWS` identifier the site reaches the SDK through. */
  namespace?: TSESTree.Identifier | undefined;
  apply(fixer: TSESLint.RuleFixer, provider: string): TSESLint.RuleFix[];
}

const TEMPORARY_CREDENTIALS = 'fromTemporaryCredentials';

export default createRule<Options, MessageId>({
  name: 'no-one-shot-credentials',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow credentials resolved once (STS response, awaited provider, v2 snapshot) passed on as static values',
      recommended: 'recommended',
      severity: 'error',
    },
    hasSuggestions: true,
    messages: {
      cachedCredentials:
        'The provider given to `{{ target }}` returns credentials from `{{ source }}` kept in a cache it never ' +
        'checks for expiry: once they expire it hands out the same dead keys and every call fails with ' +
        'ExpiredToken. Check the expiry, 5 minutes early, before returning the cache.',
      oneShotCredentials:
        '`{{ target }}` receives credentials resolved once from `{{ source }}`: these keys expire at `Expiration` ' +
        'and will never be refreshed: calls fail with ExpiredToken after that. Pass a provider that refreshes them.',
      importedOneShotCredentials:
        '`{{ target }}` receives credentials resolved once from `{{ source }}` at `{{ origin }}`: these keys expire ' +
        'at `Expiration` and will never be refreshed: calls fail with ExpiredToken after that. Pass a provider that ' +
        'refreshes them.',
      oneShotFixedKeys:
        '`{{ target }}` keeps the keys resolved once from `{{ source }}` for its whole life and takes no provider: once they expire every request it signs fails with ExpiredToken. Build a new `{{ target }}` per request from what a provider resolves.',
      useTemporaryCredentials:
        'Pass `fromTemporaryCredentials({ params })` with the same AssumeRole input: the client assumes the role ' +
        'again 5 minutes before the keys expire.',
      useChainableTemporaryCredentials:
        'Pass `new {{ namespace }}.ChainableTemporaryCredentials({ params })` with the same AssumeRole input: ' +
        'it assumes the role again before the keys expire.',
      useSessionProvider:
        'Pass a provider that calls `{{ source }}` each time: Amplify refreshes the session, and the client asks again before `expiration`.',
      useProviderGetter:
        'Use `getCredentials: {{ getter }}` with the provider created once at module level: the credentials it returns carry `expiration`, so the signer asks again once they expire.',
    },
    schema: [{ type: 'object', properties: { ...CHECK_TEST_FILES_PROPERTY }, additionalProperties: false }],
    defaultOptions: [{ checkTestFiles: false }],
  },
  create(context, [{ checkTestFiles }]) {
    const { sourceCode } = context;
    // The SDK gate first: most files reach no SDK and never need their path looked at.
    if (!mentionsSdk(context.sourceCode) || isSkippedTestFile(context, checkTestFiles)) {
      return {};
    }
    return onSdkReferences(context, (sdk) => {
      const model = getCredentialModel(sourceCode, sdk);
      const findings = [
        ...model.consumers.flatMap((consumer) => consumer.inputs.flatMap((input) => checkOneShotInput(model, consumer, input))),
        ...sdk.ofKind('v2Credentials').flatMap((credentials) => findOneShotV2Credentials(model, credentials)),
        ...sdk.ofKind('v2GlobalConfig').flatMap((config) => checkV2KeyAssignment(model, config)),
      ];
      // A config object shared by several clients is one object: one report.
      const reported = new Set<TSESTree.Node>();
      for (const finding of findings) {
        if (reported.has(finding.node)) continue;
        reported.add(finding.node);
        // A source in another module: a rewrite would copy its input (`params`) here, where its names mean nothing.
        const origin = model.originOf(getSourceNode(finding.source));
        context.report({
          node: finding.node,
          messageId: finding.cached ? 'cachedCredentials' : finding.fixedKeys ? 'oneShotFixedKeys' : origin ? 'importedOneShotCredentials' : 'oneShotCredentials',
          data: { target: finding.target, source: describeSource(model, sourceCode, finding.source), ...(origin ? { origin } : {}) },
          suggest: origin ? [] : getSuggestions(model, sourceCode, finding),
        });
      }
    });
  },
});

/** `credentials: { accessKeyId: Credentials.AccessKeyId, … }`, v2 `accessKeyId: …`, `AWS.config.credentials = …`. */
function checkOneShotInput(model: CredentialModel, consumer: CredentialConsumer, input: CredentialInput): Finding[] {
  const target = getTargetName(consumer);
  const namespace = consumer.site?.namespace;
  switch (input.kind) {
    case 'property': {
      const { property } = input;
      const source = findOneShot(model, property.value);
      const { info } = consumer.reference;
      const getter = info.kind === 'signer' && info.option === 'getCredentials' ? property : undefined;
      if (!source) return findCachedSnapshots(model, property.value, target, getter);
      if (source.kind === 'authSession' && isOperationSession(model, consumer, property.value)) return []; // Fresh at each call.
      const apply = (fixer: TSESLint.RuleFixer, provider: string): TSESLint.RuleFix[] => [
        // A shorthand property's key is an identifier.
        property.shorthand
          ? fixer.replaceText(property, `${(property.key as TSESTree.Identifier).name}: ${provider}`)
          : fixer.replaceText(property.value, provider),
      ];
      return [{ node: property, target, source, replacement: { sdk: consumer.sdk, location: property, namespace, apply } }];
    }
    case 'keys':
      return checkV2Keys(model, consumer, input, namespace);
    case 'assignment': {
      const { left, right } = input.assignment;
      const source = findOneShot(model, right);
      const apply = (fixer: TSESLint.RuleFixer, provider: string): TSESLint.RuleFix[] => [fixer.replaceText(right, provider)];
      return source
        ? [{ node: left, target: 'AWS.config.credentials', source, replacement: { sdk: 'v2', location: right, namespace: getV2Namespace(consumer.reference), apply } }]
        : [];
    }
    case 'argument':
    case 'imported': {
      // `aws4.sign(request, await provider())` in the function that signs: resolved again at each call.
      const [node, value] = input.kind === 'argument' ? [input.argument, input.argument] : [input.at, input.property.value];
      const source = findOneShot(model, value);
      return source && !model.isResolvedPerUse(consumer, source) ? [{ node, target, source }] : [];
    }
  }
}

/**
 * The source of the first one-shot value `node` may hold. A `new AWS.Credentials(…)` is reported where it is built
 * (`findOneShotV2Credentials`), wherever it goes: one object, one report.
 */
function findOneShot(model: CredentialModel, node: TSESTree.Node): CredentialSource | undefined {
  for (const value of model.classify(node)) {
    if (value.kind === 'oneShot' && value.object?.type !== AST_NODE_TYPES.NewExpression) return value.source;
  }
  return undefined;
}

/** Provider functions among the values of `node` that hand out a cached snapshot, reported where it is built. */
function findCachedSnapshots(model: CredentialModel, node: TSESTree.Node, target: string, getter?: TSESTree.Property): Finding[] {
  return model.classify(node).flatMap((value) =>
    // A provider another module defines is reported there, where its cache is.
    value.kind === 'provider' && !value.origin
      ? model.cachedSnapshotsOf(value.fn).flatMap((snapshot) =>
          snapshot.kind === 'oneShot'
            ? [{ node: snapshot.object ?? snapshot.value.node, target, source: snapshot.source, cached: true, getter }]
            : [],
        )
      : [],
  );
}

/** v2 top-level `accessKeyId` + `secretAccessKey`, reported on `accessKeyId` like `no-static-credentials` does. */
function checkV2Keys(model: CredentialModel, consumer: CredentialConsumer, input: Extract<CredentialInput, { kind: 'keys' }>, namespace: TSESTree.Identifier | undefined): Finding[] {
  const { options, accessKeyId, secretAccessKey, sessionToken } = input;
  const source = model.sourceOf(accessKeyId.value) ?? model.sourceOf(secretAccessKey.value);
  // aws4fetch `new AwsClient({ … })` built in the function that resolved the keys: a new client per call.
  if (!source || model.isResolvedPerUse(consumer, source)) {
    return [];
  }
  const target = getTargetName(consumer);
  if (consumer.reference.info.kind === 'signer') return [{ node: accessKeyId, target, source, fixedKeys: true }];
  const removed = sessionToken ? [secretAccessKey, sessionToken] : [secretAccessKey];
  // Keys spread in from another object, or a `credentials` key already there: no safe rewrite.
  const canRewrite =
    [accessKeyId, ...removed].every((property) => property.parent === options) && !model.propertyOf(options, 'credentials');
  const apply = (fixer: TSESLint.RuleFixer, provider: string): TSESLint.RuleFix[] => [
    fixer.replaceText(accessKeyId, `credentials: ${provider}`),
    ...removeProperties(fixer, model.sourceCode, removed),
  ];
  return [
    {
      node: accessKeyId,
      target,
      source,
      replacement: canRewrite ? { sdk: 'v2', location: accessKeyId, namespace, apply } : undefined,
    },
  ];
}

/** `new AWS.Credentials(Credentials.AccessKeyId, …)`, `new AWS.Credentials({ accessKeyId, … })`, wherever it is. */
function findOneShotV2Credentials(model: CredentialModel, credentials: SdkReference): Finding[] {
  const { node } = credentials;
  const [value] = model.classify(node);
  if (value?.kind !== 'oneShot' || node.type !== AST_NODE_TYPES.NewExpression) {
    return [];
  }
  const apply = (fixer: TSESLint.RuleFixer, provider: string): TSESLint.RuleFix[] => [fixer.replaceText(node, provider)];
  return [
    {
      node,
      target: 'AWS.Credentials',
      source: value.source,
      replacement: { sdk: 'v2', location: node, namespace: getV2Namespace(credentials), apply },
    },
  ];
}

/** `AWS.config.accessKeyId = Credentials.AccessKeyId` (its companion assignments are the same finding). */
function checkV2KeyAssignment(model: CredentialModel, config: SdkReference): Finding[] {
  const assigned = getGlobalConfigAssignment(config.node);
  const source = assigned?.key === 'accessKeyId' && assigned.assignment.operator === '=' ? model.sourceOf(assigned.assignment.right) : undefined;
  return assigned && source ? [{ node: assigned.assignment.left, target: 'AWS.config.accessKeyId', source }] : [];
}

/** The message names the call that receives the keys: `AWS.config.update`, not `AWS.config`. */
function getTargetName(consumer: CredentialConsumer): string {
  return consumer.reference.info.kind === 'v2GlobalConfig' && consumer.site ? 'AWS.config.update' : consumer.name;
}

/**
 * A refreshing provider built from the AssumeRole input, when the file shows that input and its names mean the
 * same where the provider goes: `fromTemporaryCredentials({ params })` (v3) or
 * `new AWS.ChainableTemporaryCredentials({ params })` (v2), which assume the role again before the session expires;
 * for an Amplify session, a provider that asks Amplify again (v3 consumers only: v2 `credentials` takes no function).
 */
function getSuggestions(model: CredentialModel, sourceCode: SourceCode, { source, replacement, getter }: Finding): Suggestion[] {
  if (getter) {
    const origin = getSnapshotProvider(model, source, getter);
    const fix = origin?.kind === 'existing'
      ? getProviderGetterFix(sourceCode, getter, { kind: 'existing', name: origin.name.name })
      : origin && getHoistedProviderGetterFix(sourceCode, getter, origin.call);
    return fix ? [{ messageId: 'useProviderGetter', data: { getter: fix.getter }, fix: fix.fix }] : [];
  }
  if (source.kind === 'authSession' && replacement?.sdk === 'v3') {
    const provider = getSessionProviderText(sourceCode, source.call, source.name, replacement.location);
    const data = { source: describeSource(model, sourceCode, source) };
    return provider ? [{ messageId: 'useSessionProvider', data, fix: (fixer) => replacement.apply(fixer, provider) }] : [];
  }
  if (!replacement || source.kind !== 'response' || source.operation !== 'AssumeRole' || !source.input) {
    return [];
  }
  const params = getParamsText(model, sourceCode, source.input, replacement.location);
  // The identity that assumed the role must stay the same: carry the STS client's own credentials over.
  const master = model.clientCredentialsOf(source.call);
  if (params === undefined || (master && !isVisibleAt(sourceCode, master, replacement.location))) {
    return [];
  }
  const init = [
    params === 'params' ? 'params' : `params: ${params}`,
    ...(master ? [`masterCredentials: ${sourceCode.getText(master)}`] : []),
  ].join(', ');
  if (replacement.sdk === 'v2') {
    const { namespace } = replacement;
    if (!namespace || !isVisibleAt(sourceCode, namespace, replacement.location)) {
      return [];
    }
    const provider = `new ${namespace.name}.ChainableTemporaryCredentials({ ${init} })`;
    return [
      {
        messageId: 'useChainableTemporaryCredentials',
        data: { namespace: namespace.name },
        fix: (fixer) => replacement.apply(fixer, provider),
      },
    ];
  }
  const plan = planImport(sourceCode, replacement.location, CREDENTIAL_PROVIDERS_MODULE, TEMPORARY_CREDENTIALS);
  if (!plan) {
    return [];
  }
  const provider = `${plan.callee}({ ${init} })`;
  return [
    {
      messageId: 'useTemporaryCredentials',
      fix: (fixer) => [
        ...replacement.apply(fixer, provider),
        ...plan.addImport(fixer),
      ],
    },
  ];
}
