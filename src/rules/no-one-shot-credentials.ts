import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunction, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import type { CredentialSource } from '../utils/sdk/credential-sources.js';
import { planImport, removeProperties } from '../utils/fix/fixes.js';
import { describeCredentialSource, findOneShotSource, resolveCachedValue } from '../utils/sdk/one-shot-sources.js';
import type { SdkInfo } from '../utils/sdk/catalog.js';
import { onSdkReferences, type SdkReference, type SdkReferences } from '../utils/sdk/references.js';
import {
  getGlobalConfigAssignment,
  getGlobalConfigCall,
  getV2Namespace,
  getV2OptionsSite,
  type V2OptionsSite,
} from '../utils/sdk/v2-config.js';
import { findProperty, resolveObject, resolveValue } from '../utils/scope/values.js';

type MessageId = 'oneShotCredentials' | 'useTemporaryCredentials' | 'useChainableTemporaryCredentials';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

/** Credentials resolved once, found where an SDK client or config receives them as static values. */
interface Finding {
  /** The `credentials` property, `new AWS.Credentials(…)`, the v2 `accessKeyId` property, an assignment target. */
  node: TSESTree.Node;
  target: string;
  source: CredentialSource;
  replacement?: Replacement;
}

/** How a refreshing provider expression can take the place of the static credentials. */
interface Replacement {
  sdk: 'v2' | 'v3';
  /** Where the provider is written: the names it uses must mean the same there. */
  location: TSESTree.Node;
  /** v2: the `AWS` identifier the site reaches the SDK through. */
  namespace?: TSESTree.Identifier;
  apply(fixer: TSESLint.RuleFixer, provider: string): TSESLint.RuleFix[];
}

/** What every check needs. */
interface Checker {
  sourceCode: SourceCode;
  references: SdkReferences;
}

const PROVIDERS_MODULE = '@aws-sdk/credential-providers';
const TEMPORARY_CREDENTIALS = 'fromTemporaryCredentials';
/** The keys whose source decides between this rule and `no-static-credentials`: one object, one report. */
const KEY_NAMES = ['accessKeyId', 'secretAccessKey'] as const;

export default createRule<[], MessageId>({
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
      oneShotCredentials:
        '`{{ target }}` receives credentials resolved once from `{{ source }}`: these keys expire at `Expiration` ' +
        'and will never be refreshed: calls fail with ExpiredToken after that. Pass a provider that refreshes them.',
      useTemporaryCredentials:
        'Pass `fromTemporaryCredentials({ params })` with the same AssumeRole input: the client assumes the role ' +
        'again 5 minutes before the keys expire.',
      useChainableTemporaryCredentials:
        'Pass `new {{ namespace }}.ChainableTemporaryCredentials({ params })` with the same AssumeRole input: ' +
        'it assumes the role again before the keys expire.',
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return onSdkReferences(context, (references) => {
      const checker: Checker = { sourceCode, references };
      const findings = [
        ...references.ofKind('client').flatMap((client) => checkClient(checker, client)),
        ...references.ofKind('v2Config').flatMap((config) => checkV2Options(checker, getV2OptionsSite(config))),
        ...references.ofKind('v2Credentials').flatMap((credentials) => checkV2Credentials(checker, credentials)),
        ...references.ofKind('v2GlobalConfig').flatMap((config) => checkV2GlobalConfig(checker, config)),
      ];
      // A config object shared by several clients is one object: one report.
      const reported = new Set<TSESTree.Node>();
      for (const finding of findings) {
        if (reported.has(finding.node)) continue;
        reported.add(finding.node);
        context.report({
          node: finding.node,
          messageId: 'oneShotCredentials',
          data: { target: finding.target, source: describeCredentialSource(sourceCode, references, finding.source) },
          suggest: getSuggestions(sourceCode, finding),
        });
      }
    });
  },
});

/** `new S3Client({ credentials: { accessKeyId: Credentials.AccessKeyId, … } })`, v2 `new AWS.S3({ accessKeyId })`. */
function checkClient(checker: Checker, client: SdkReference<Extract<SdkInfo, { kind: 'client' }>>): Finding[] {
  if (client.info.sdk === 'v2') {
    return checkV2Options(checker, getV2OptionsSite(client));
  }
  return client.node.type === AST_NODE_TYPES.NewExpression
    ? checkOptions(checker, client.node.arguments[0], { target: client.name, sdk: 'v3' })
    : [];
}

/** `new AWS.S3({ accessKeyId })`, `new AWS.Config({ accessKeyId: data.Credentials.AccessKeyId, … })`. */
function checkV2Options(checker: Checker, site: V2OptionsSite | undefined): Finding[] {
  return site ? checkOptions(checker, site.options, { target: site.name, sdk: 'v2', namespace: site.namespace }) : [];
}

/**
 * The options object of a client, `new AWS.Config` or `AWS.config.update`: its `credentials` and, in v2, the
 * top-level keys (`AWS.Config` turns them into `new AWS.Credentials(options)` when both are set, sdk-facts B2).
 */
function checkOptions(
  checker: Checker,
  argument: TSESTree.Node | undefined,
  site: { target: string; sdk: 'v2' | 'v3'; namespace?: TSESTree.Identifier | undefined },
): Finding[] {
  const { sourceCode } = checker;
  const options = argument && resolveObject(sourceCode, argument);
  if (!options) {
    return [];
  }
  const findings: Finding[] = [];
  const credentials = findProperty(sourceCode, options, 'credentials');
  const credentialsSource = credentials && findCredentialsValueSource(checker, credentials.value);
  if (credentials && credentialsSource) {
    findings.push({
      node: credentials,
      target: site.target,
      source: credentialsSource,
      replacement: {
        sdk: site.sdk,
        location: credentials,
        namespace: site.namespace,
        apply: (fixer, provider) => [
          credentials.shorthand
            ? fixer.replaceText(credentials, `credentials: ${provider}`)
            : fixer.replaceText(credentials.value, provider),
        ],
      },
    });
  }
  if (site.sdk === 'v2') {
    const keys = findV2Keys(checker, options, site);
    if (keys) findings.push(keys);
  }
  return findings;
}

/** v2 top-level `accessKeyId` + `secretAccessKey`, reported on `accessKeyId` like `no-static-credentials` does. */
function findV2Keys(
  checker: Checker,
  options: TSESTree.ObjectExpression,
  site: { target: string; namespace?: TSESTree.Identifier | undefined },
): Finding | undefined {
  const { sourceCode } = checker;
  const [accessKeyId, secretAccessKey] = KEY_NAMES.map((name) => findProperty(sourceCode, options, name));
  const source =
    accessKeyId && secretAccessKey ? findFirstSource(checker, [accessKeyId.value, secretAccessKey.value]) : undefined;
  if (!accessKeyId || !secretAccessKey || !source) {
    return undefined;
  }
  const sessionToken = findProperty(sourceCode, options, 'sessionToken');
  const removed = sessionToken ? [secretAccessKey, sessionToken] : [secretAccessKey];
  // Keys spread in from another object, or a `credentials` key already there: no safe rewrite.
  const canRewrite =
    [accessKeyId, ...removed].every((property) => property.parent === options) &&
    !findProperty(sourceCode, options, 'credentials');
  return {
    node: accessKeyId,
    target: site.target,
    source,
    replacement: canRewrite
      ? {
          sdk: 'v2',
          location: accessKeyId,
          namespace: site.namespace,
          apply: (fixer, provider) => [
            fixer.replaceText(accessKeyId, `credentials: ${provider}`),
            ...removeProperties(fixer, sourceCode, removed),
          ],
        }
      : undefined,
  };
}

/** `new AWS.Credentials(Credentials.AccessKeyId, …)`, `new AWS.Credentials({ accessKeyId, … })` (sdk-facts B1). */
function checkV2Credentials(checker: Checker, credentials: SdkReference): Finding[] {
  const { node } = credentials;
  if (
    credentials.info.kind !== 'v2Credentials' ||
    credentials.info.name !== 'Credentials' ||
    node.type !== AST_NODE_TYPES.NewExpression
  ) {
    return [];
  }
  const [first] = node.arguments;
  const options = node.arguments.length === 1 && first ? resolveObject(checker.sourceCode, first) : undefined;
  const keys = options ? getKeyValues(checker, options) : [];
  const source = findFirstSource(checker, [...node.arguments, ...keys]);
  if (!source) {
    return [];
  }
  return [
    {
      node,
      target: 'AWS.Credentials',
      source,
      replacement: {
        sdk: 'v2',
        location: node,
        namespace: getV2Namespace(credentials),
        apply: (fixer, provider) => [fixer.replaceText(node, provider)],
      },
    },
  ];
}

/**
 * `AWS.config.update({ … })`, `AWS.config.credentials = { … }` and `AWS.config.accessKeyId = …` (the companion
 * `secretAccessKey` / `sessionToken` assignments are the same finding and are not reported again).
 */
function checkV2GlobalConfig(checker: Checker, config: SdkReference): Finding[] {
  const namespace = getV2Namespace(config);
  const update = getGlobalConfigCall(config.node, 'update');
  if (update) {
    // Named with the method, unlike `getV2DisplayName`: this rule's message names the call that receives the keys.
    return checkOptions(checker, update.arguments[0], { target: 'AWS.config.update', sdk: 'v2', namespace });
  }
  const assigned = getGlobalConfigAssignment(config.node);
  if (assigned?.assignment.operator !== '=') {
    return [];
  }
  const { key, assignment } = assigned;
  const { left: member, right } = assignment;
  if (key === 'credentials') {
    const source = findCredentialsValueSource(checker, right);
    return source
      ? [
          {
            node: member,
            target: 'AWS.config.credentials',
            source,
            replacement: {
              sdk: 'v2',
              location: right,
              namespace,
              apply: (fixer, provider) => [fixer.replaceText(right, provider)],
            },
          },
        ]
      : [];
  }
  const source = key === 'accessKeyId' ? findFirstSource(checker, [right]) : undefined;
  return source ? [{ node: member, target: 'AWS.config.accessKeyId', source }] : [];
}

/**
 * Where the value given as `credentials` came from: an object literal (inline, a `const`, a cache filled once, a
 * local function's result) whose keys or spreads come from a one-shot source, or such a source itself
 * (`credentials: Credentials`, `credentials: await fromIni()()`). A function is a provider: not ours.
 */
function findCredentialsValueSource(checker: Checker, node: TSESTree.Node): CredentialSource | undefined {
  const value = resolveCachedValue(checker.sourceCode, node);
  if (isFunction(value)) {
    return undefined;
  }
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) {
    return findFirstSource(checker, [node]);
  }
  // E.g. `{ ...Credentials }`, `{ ...toIdentity(Credentials) }` where the helper is in another file.
  const spreads = value.properties
    .filter((member) => member.type === AST_NODE_TYPES.SpreadElement)
    .map((spread) => spread.argument);
  return findFirstSource(checker, [...getKeyValues(checker, value), ...spreads]);
}

function getKeyValues(checker: Checker, object: TSESTree.ObjectExpression): TSESTree.Node[] {
  return KEY_NAMES.flatMap((name) => findProperty(checker.sourceCode, object, name)?.value ?? []);
}

function findFirstSource(checker: Checker, values: readonly TSESTree.Node[]): CredentialSource | undefined {
  for (const value of values) {
    const source = findOneShotSource(checker.sourceCode, checker.references, value);
    if (source) return source;
  }
  return undefined;
}

/**
 * A refreshing provider built from the AssumeRole input, when the file shows that input and its names mean the
 * same where the provider goes: `fromTemporaryCredentials({ params })` (v3, sdk-facts A4) or
 * `new AWS.ChainableTemporaryCredentials({ params })` (v2, sdk-facts B4).
 */
function getSuggestions(sourceCode: SourceCode, { source, replacement }: Finding): Suggestion[] {
  if (!replacement || source.kind !== 'stsResponse' || source.operation !== 'AssumeRole' || !source.input) {
    return [];
  }
  const params = getParamsText(sourceCode, source.input, replacement.location);
  // The identity that assumed the role must stay the same: carry the STS client's own credentials over.
  const master = getStsClientCredentials(sourceCode, source.call);
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
  const plan = planImport(sourceCode, replacement.location, PROVIDERS_MODULE, TEMPORARY_CREDENTIALS);
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

/**
 * The `credentials` the STS client that made `call` was built with: `fromIni()` in
 * `new STSClient({ credentials: fromIni() })`.
 */
function getStsClientCredentials(sourceCode: SourceCode, call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = skipTransparent(call.callee);
  const client = callee.type === AST_NODE_TYPES.MemberExpression ? resolveValue(sourceCode, callee.object) : undefined;
  const [options] = client?.type === AST_NODE_TYPES.NewExpression ? client.arguments : [];
  const config = options && resolveObject(sourceCode, options);
  return config && findProperty(sourceCode, config, 'credentials')?.value;
}

/** `params` when the input is a binding visible at `location`, else the object literal's text if its names are. */
function getParamsText(sourceCode: SourceCode, input: TSESTree.Node, location: TSESTree.Node): string | undefined {
  const value = skipTransparent(input);
  const object = resolveObject(sourceCode, value);
  if (!object) {
    return undefined;
  }
  if (value.type === AST_NODE_TYPES.Identifier && isVisibleAt(sourceCode, value, location)) {
    return value.name;
  }
  return isVisibleAt(sourceCode, object, location) ? sourceCode.getText(object) : undefined;
}

/** Every name `node` uses resolves, from `location`, to the same variable (or to none, for both). */
function isVisibleAt(sourceCode: SourceCode, node: TSESTree.Node, location: TSESTree.Node): boolean {
  const target = sourceCode.getScope(location);
  const [start, end] = node.range;
  const inside = (range: TSESTree.Range): boolean => start <= range[0] && range[1] <= end;
  const visit = (scope: TSESLint.Scope.Scope): boolean =>
    scope.references.every((reference) => {
      const { identifier, resolved } = reference;
      if (!inside(identifier.range)) return true;
      // Names bound inside the expression itself, e.g. an arrow function's parameters.
      if (resolved && resolved.defs.length > 0 && resolved.defs.every((def) => inside(def.name.range))) return true;
      return ASTUtils.findVariable(target, identifier.name) === resolved;
    }) && scope.childScopes.every(visit);
  return visit(sourceCode.getScope(node));
}
