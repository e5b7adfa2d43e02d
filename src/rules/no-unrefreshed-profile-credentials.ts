import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { CREDENTIAL_PROVIDERS_MODULE, EXPIRE_AFTER } from '../utils/sdk/catalog.js';
import { CHECK_TEST_FILES_PROPERTY, isSkippedTestFile } from '../utils/modules/files.js';
import { planImport } from '../utils/fix/fixes.js';
import { insertProperty } from '../utils/fix/insert-property.js';
import { mayRunLong } from '../utils/modules/program-kind.js';
import { findOptionValues, resolveAlternatives } from '../utils/scope/alternatives.js';
import { findMethodCallsOnBinding } from '../utils/scope/binding-uses.js';
import { mayHaveProperty } from '../utils/scope/functions.js';
import { getCredentialModel } from '../utils/sdk/credentials.js';
import { getSignerProviders } from '../utils/sdk/profile-signers.js';
import { mentionsSdk, onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { getGlobalConfigAssignment, getGlobalConfigCall } from '../utils/sdk/v2-config.js';
import { findProperty, getStaticValue, resolveObject, resolveValue } from '../utils/scope/values.js';

type Options = [{ profilesAssumingRoles?: string[]; checkTestFiles?: boolean }];
type MessageId = 'profileNeverReread' | 'profileNotRefreshed' | 'v2ProfileNotRefreshed' | 'wrapInCredentialChain';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** A profile provider that reaches a client's `credentials`, and the client (or v2 config) that receives it. */
interface Finding {
  provider: TSESTree.CallExpression | TSESTree.NewExpression;
  /** `S3Client`, `AWS.S3`, `AWS.config`: what the report names. */
  target: string;
  /** The `createCredentialChain(...)` call without `.expireAfter()` that wraps `provider`, if any. */
  chain?: TSESTree.CallExpression;
}

/** Whether `fromIni` re-reads the profile files on each call: `ignoreCache: true` present, absent, or not known. */
type IgnoreCache = 'absent' | 'enabled' | 'unknown';

export default createRule<Options, MessageId>({
  name: 'no-unrefreshed-profile-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow profile-file credentials pinned in long-lived AWS SDK clients with no refresh',
      recommended: 'recommended',
      severity: 'warn',
    },
    hasSuggestions: true,
    messages: {
      profileNeverReread:
        '`fromIni` gives `{{ client }}` profile credentials with no expiration, and the profile file is cached for the whole process (no `ignoreCache: true`): the client resolves the keys once and keeps them, so once the file is rotated (SSO re-login, `credential_process`, a sidecar) the process still signs with the old keys and calls fail with ExpiredToken.',
      profileNotRefreshed:
        '`fromIni` gives `{{ client }}` profile credentials with no expiration: the client resolves them once and never calls the provider again, whether or not it would re-read the file, so once the file is rotated (SSO re-login, `credential_process`, a sidecar) the process still signs with the old keys and calls fail with ExpiredToken.',
      v2ProfileNotRefreshed:
        '`SharedIniFileCredentials` given to `{{ client }}` has no expiration for a static profile: it re-reads the file only after a request has failed with ExpiredToken and a retry remains, so after a rotation calls fail first, and keys that were revoked rather than expired are never reloaded.',
      wrapInCredentialChain:
        'Wrap it in `createCredentialChain(...).expireAfter({{ expireAfter }})` with `ignoreCache: true`, so that the client re-reads the profile every few minutes.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ...CHECK_TEST_FILES_PROPERTY,
          profilesAssumingRoles: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Profile names whose credentials carry an expiration (`role_arn`, SSO, a `credential_process` that returns `Expiration`), so the client refreshes them; a provider that names one of them as a constant `profile` is not reported.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ profilesAssumingRoles: [], checkTestFiles: false }],
  },
  create(context, [{ profilesAssumingRoles = [], checkTestFiles }]) {
    // The SDK gate first: most files reach no SDK and never need their path looked at.
    if (!mentionsSdk(context.sourceCode) || isSkippedTestFile(context, checkTestFiles)) {
      return {};
    }
    const { sourceCode } = context;
    const refreshingProfiles = new Set(profilesAssumingRoles);

    return onSdkReferences(context, (references) => {
      const findings = [...findProfileProviders(sourceCode, references)].filter(
        ({ provider }) => !refreshingProfiles.has(getProfileName(sourceCode, provider) ?? ''),
      );
      // What kind of program the file is costs a pass of its own: asked only once a provider is found.
      if (findings.length === 0 || !mayRunLong(sourceCode)) {
        return;
      }
      const reported = new Set<TSESTree.Node>();
      for (const finding of findings) {
        const { provider } = finding;
        if (reported.has(provider)) continue;
        reported.add(provider);
        if (provider.type === AST_NODE_TYPES.NewExpression) {
          context.report({ node: provider, messageId: 'v2ProfileNotRefreshed', data: { client: finding.target } });
          continue;
        }
        const ignoreCache = getIgnoreCache(sourceCode, provider);
        context.report({
          node: provider,
          messageId: ignoreCache === 'absent' ? 'profileNeverReread' : 'profileNotRefreshed',
          data: { client: finding.target },
          suggest: suggestCredentialChain(sourceCode, finding, provider, ignoreCache),
        });
      }
    });
  },
});

/**
 * Every `fromIni(...)` given to a v3 client as `credentials`, and every `new AWS.SharedIniFileCredentials(...)`
 * given to a v2 service, `new AWS.Config`, `AWS.config.update` or `AWS.config.credentials`.
 */
function* findProfileProviders(sourceCode: SourceCode, references: SdkReferences): Generator<Finding> {
  for (const client of references.ofKind('client')) {
    if (client.node.type !== AST_NODE_TYPES.NewExpression) continue;
    // v2 sites are named as written (`DynamoDB`, `SQS`), not by `getV2DisplayName`: the reports quote the code.
    const target = client.info.sdk === 'v3' ? client.info.name : sourceCode.getText(client.node.callee);
    for (const value of findOptionValues(sourceCode, client.node.arguments[0], 'credentials')) {
      yield* client.info.sdk === 'v3'
        ? findFromIniCalls(sourceCode, references, value, target)
        : findSharedIniCredentials(references, value, target);
    }
  }
  for (const config of references.ofKind('v2Config')) {
    if (config.node.type !== AST_NODE_TYPES.NewExpression) continue;
    const target = sourceCode.getText(config.node.callee);
    for (const value of findOptionValues(sourceCode, config.node.arguments[0], 'credentials')) {
      yield* findSharedIniCredentials(references, value, target);
    }
  }
  for (const global of references.ofKind('v2GlobalConfig')) {
    const target = sourceCode.getText(global.node);
    for (const value of findGlobalConfigCredentials(sourceCode, global.node)) {
      yield* findSharedIniCredentials(references, value, target);
    }
  }
  // Signers outside the clients (`SignatureV4`, the RDS and DSQL signers, opensearch), from the credential model.
  for (const { value, target } of getSignerProviders(getCredentialModel(sourceCode, references))) yield* findFromIniCalls(sourceCode, references, value, target);
}

/** E.g. `AWS.config.update({ credentials })`, `AWS.config.credentials = creds`. */
function findGlobalConfigCredentials(sourceCode: SourceCode, config: TSESTree.Node): TSESTree.Node[] {
  const update = getGlobalConfigCall(config, 'update');
  if (update) {
    return findOptionValues(sourceCode, update.arguments[0], 'credentials');
  }
  const assigned = getGlobalConfigAssignment(config);
  return assigned?.key === 'credentials' && assigned.assignment.operator === '='
    ? resolveAlternatives(sourceCode, assigned.assignment.right)
    : [];
}

/**
 * `fromIni(...)` as the credentials themselves, or as a link of `createCredentialChain(...)` that has no
 * `.expireAfter()` (the chain then adds no expiration either). `createCredentialChain(...).expireAfter(n)` is fine.
 */
function* findFromIniCalls(sourceCode: SourceCode, references: SdkReferences, value: TSESTree.Node, target: string): Generator<Finding> {
  if (value.type !== AST_NODE_TYPES.CallExpression) {
    return;
  }
  const reference = references.get(value);
  if (reference?.info.kind !== 'provider') {
    return;
  }
  if (reference.info.name === 'fromIni') {
    yield { provider: value, target };
  } else if (reference.info.name === 'createCredentialChain' &&
    // E.g. `const chain = createCredentialChain(...); chain.expireAfter(ms);` sets the chain's own expiration.
    findMethodCallsOnBinding(sourceCode, value, 'expireAfter').length === 0) {
    for (const link of value.arguments.flatMap((argument) => resolveAlternatives(sourceCode, argument))) {
      if (link.type === AST_NODE_TYPES.CallExpression && isFromIni(references, link)) {
        yield { provider: link, target, chain: value };
      }
    }
  }
}

function isFromIni(references: SdkReferences, node: TSESTree.Node): boolean {
  const info = references.get(node)?.info;
  return info?.kind === 'provider' && info.name === 'fromIni';
}

function* findSharedIniCredentials(references: SdkReferences, value: TSESTree.Node, target: string): Generator<Finding> {
  const info = references.get(value)?.info;
  if (
    value.type === AST_NODE_TYPES.NewExpression &&
    info?.kind === 'v2Credentials' &&
    info.name === 'SharedIniFileCredentials'
  ) {
    yield { provider: value, target };
  }
}

/** The `profile` the provider names as a constant: `fromIni({ profile: 'ci' })`, `{ profile: PROFILE }`. */
function getProfileName(
  sourceCode: SourceCode,
  provider: TSESTree.CallExpression | TSESTree.NewExpression,
): string | undefined {
  const [init] = provider.arguments;
  const object = init && resolveObject(sourceCode, init);
  const property = object && findProperty(sourceCode, object, 'profile');
  const value = property && getStaticValue(sourceCode, property.value);
  return typeof value === 'string' ? value : undefined;
}

function getIgnoreCache(sourceCode: SourceCode, call: TSESTree.CallExpression): IgnoreCache {
  const [init] = call.arguments;
  if (!init) {
    return 'absent';
  }
  const object = init.type === AST_NODE_TYPES.SpreadElement ? undefined : resolveObject(sourceCode, init);
  if (!object) {
    return 'unknown';
  }
  const property = findProperty(sourceCode, object, 'ignoreCache');
  if (!property) {
    return mayHaveProperty(sourceCode, object, 'ignoreCache') ? 'unknown' : 'absent';
  }
  const value = resolveValue(sourceCode, property.value);
  if (value?.type !== AST_NODE_TYPES.Literal) {
    return 'unknown';
  }
  return value.value ? 'enabled' : 'absent';
}

/**
 * `fromIni(init)` → `createCredentialChain(fromIni({ ...init, ignoreCache: true })).expireAfter(15 * 60_000)`,
 * or `.expireAfter(...)` appended to the `createCredentialChain(...)` that already wraps it. None when
 * `createCredentialChain` cannot be imported under its name (another binding holds it).
 */
function suggestCredentialChain(
  sourceCode: SourceCode,
  finding: Finding,
  provider: TSESTree.CallExpression,
  ignoreCache: IgnoreCache,
): TSESLint.SuggestionReportDescriptor<MessageId>[] {
  const enableCache = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] =>
    ignoreCache === 'enabled' ? [] : enableIgnoreCache(fixer, sourceCode, provider);
  const suggestion = { messageId: 'wrapInCredentialChain', data: { expireAfter: EXPIRE_AFTER } } as const;
  const { chain } = finding;
  if (chain) {
    return [
      { ...suggestion, fix: (fixer) => [...enableCache(fixer), fixer.insertTextAfter(chain, `.expireAfter(${EXPIRE_AFTER})`)] },
    ];
  }
  const plan = planImport(sourceCode, provider, CREDENTIAL_PROVIDERS_MODULE, 'createCredentialChain');
  if (!plan) {
    return [];
  }
  return [
    {
      ...suggestion,
      fix: (fixer) => [
        ...plan.addImport(fixer),
        fixer.insertTextBefore(provider, `${plan.callee}(`),
        ...enableCache(fixer),
        fixer.insertTextAfter(provider, `).expireAfter(${EXPIRE_AFTER})`),
      ],
    },
  ];
}

/** Sets `ignoreCache: true` in the call's own text, keeping every other option as written. */
function enableIgnoreCache(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
): TSESLint.RuleFix[] {
  const [init] = call.arguments;
  if (!init) {
    const open = sourceCode.getTokenAfter(call.typeArguments ?? call.callee, {
      filter: (token) => token.value === '(',
    });
    return open ? [fixer.insertTextAfter(open, '{ ignoreCache: true }')] : [];
  }
  if (init.type === AST_NODE_TYPES.SpreadElement) {
    return [];
  }
  const object = skipTransparent(init);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) {
    // E.g. `fromIni(options)`: the options stay as they are, spread into a new literal.
    return [fixer.replaceText(init, `{ ...${sourceCode.getText(init)}, ignoreCache: true }`)];
  }
  const lastIgnoreCache = object.properties.findLastIndex(
    (member) => member.type === AST_NODE_TYPES.Property && getPropertyName(member) === 'ignoreCache',
  );
  const own = object.properties[lastIgnoreCache];
  const overriddenBySpread = object.properties
    .slice(lastIgnoreCache + 1)
    .some((member) => member.type === AST_NODE_TYPES.SpreadElement);
  if (own?.type === AST_NODE_TYPES.Property && !overriddenBySpread) {
    return [fixer.replaceText(own, 'ignoreCache: true')];
  }
  return [insertProperty(fixer, sourceCode, object, 'ignoreCache: true')];
}
