import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getFunctionHeadLocation, getEnclosingFunction, isFunction, skipTransparent, type FunctionNode } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { planImport, type ImportPlan } from '../utils/fix/fixes.js';
import { getParentProperty, insertProperty } from '../utils/fix/insert-property.js';
import { getSiblingFieldText } from '../utils/fix/sibling-field.js';
import { CHECK_TEST_FILES_PROPERTY, isSkippedTestFile } from '../utils/modules/files.js';
import { CREDENTIAL_PROVIDERS_MODULE, EXPIRE_AFTER } from '../utils/sdk/catalog.js';
import { getCredentialModel, type CredentialModel, type ProviderHandoff } from '../utils/sdk/credentials.js';
import { findReturnedWithoutExpiration, type Returned } from '../utils/sdk/provider-returns.js';
import { mentionsSdk, onSdkReferences } from '../utils/sdk/references.js';

type MessageId = 'missingExpiration' | 'importedMissingExpiration' | 'missingTypedExpiration' | 'addExpiration' | 'wrapWithExpireAfter' | 'addExpireAfter';
type Options = [{ checkTestFiles?: boolean }];
type SourceCode = Readonly<TSESLint.SourceCode>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;
type Report = TSESLint.ReportDescriptor<MessageId>;


export default createRule<Options, MessageId>({
  name: 'require-credential-expiration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require custom credential provider functions to return an `expiration`',
      recommended: 'recommended',
      severity: 'error',
    },
    hasSuggestions: true,
    messages: {
      missingExpiration:
        '{{ provider }} returns credentials without `expiration`, so {{ consumer }} calls it only once and keeps the first keys forever: calls fail with ExpiredToken once those keys expire.',
      importedMissingExpiration:
        '{{ provider }} returns the credentials built at `{{ origin }}` without `expiration`, so {{ consumer }} calls it only once and keeps the first keys forever: calls fail with ExpiredToken once those keys expire.',
      missingTypedExpiration:
        '{{ provider }} has type `{{ type }}`, whose credentials have no `expiration`, so {{ consumer }} calls it only once and keeps the first keys forever: calls fail with ExpiredToken once those keys expire.',
      addExpiration: 'Return `expiration` from the STS response, so the SDK fetches new keys 5 minutes before they expire.',
      wrapWithExpireAfter:
        'Wrap the provider in `createCredentialChain(…).expireAfter(15 * 60_000)`, so the client calls it again about every 10 minutes.',
      addExpireAfter:
        'Call `.expireAfter(15 * 60_000)` on the chain, so the client calls it again about every 10 minutes.',
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
    return onSdkReferences(context, (references) => {
      const model = getCredentialModel(sourceCode, references);
      // One function, one report: a config shared by two clients, an exported assumer also passed in the file.
      const reported = new Set<TSESTree.Node>();
      for (const slot of model.providerHandoffs.filter(isMemoizingPlace)) {
        const report = checkReturns(model, slot, reported) ?? checkTypedProvider(model, slot, reported);
        if (report) context.report(report);
      }
    });
  },
});

/** The first function `slot` may hold whose returned objects the file sees, none with `expiration`. */
function checkReturns(model: CredentialModel, slot: ProviderHandoff, reported: Set<TSESTree.Node>): Report | undefined {
  const found = findProviders(model, slot.node)
    .filter((fn) => !reported.has(fn))
    .map((fn) => ({ fn, returned: findReturnedWithoutExpiration(model, fn) }))
    .find(({ returned }) => returned !== undefined);
  if (!found?.returned) return undefined;
  const { fn, returned } = found;
  reported.add(fn);
  const data = { provider: describeProvider(slot, fn), consumer: describeConsumer(slot) };
  // Objects another module returns are reported where this file hands the provider over, and fixed there.
  const origin = returned.map((entry) => model.originOf(entry.object)).find(Boolean);
  return origin
    ? { loc: slot.node.loc, messageId: 'importedMissingExpiration', data: { ...data, origin } }
    : { loc: getReportLocation(model.sourceCode, slot, fn, returned), messageId: 'missingExpiration', data, suggest: buildSuggestions(model, slot, returned) };
}

/**
 * Typed mode: a provider the file cannot follow (a parameter, an injected service's method), or a function of the
 * file whose returns it cannot see, whose type says its credentials have no `expiration` member at all (an optional
 * one, as in `AwsCredentialIdentityProvider`, may be set: quiet).
 */
function checkTypedProvider(model: CredentialModel, slot: ProviderHandoff, reported: Set<TSESTree.Node>): Report | undefined {
  for (const value of model.classify(slot.node)) {
    const typed = model.typeOf(value);
    const fn = value.kind === 'provider' ? value.fn : undefined;
    if (typed?.kind !== 'provider' || typed.expiration || reported.has(fn ?? slot.node)) continue;
    reported.add(fn ?? slot.node);
    const text = model.sourceCode.getText(slot.node);
    const named = /^[\w$.]{1,40}$/.test(text) ? `\`${text}\`` : 'This credential provider';
    return {
      loc: fn ? getReportLocation(model.sourceCode, slot, fn, []) : slot.node.loc,
      messageId: 'missingTypedExpiration',
      data: { provider: fn ? describeProvider(slot, fn) : named, consumer: describeConsumer(slot), type: typed.type },
      suggest: buildSuggestions(model, slot, []),
    };
  }
  return undefined;
}

/**
 * The SDK memoizes what the function returns and calls it again only once `expiration` is near: not a chain with
 * `.expireAfter(ms)` (the client calls it again after `ms`), nor a provider's `clientConfig.credentials`.
 */
function isMemoizingPlace(slot: ProviderHandoff): boolean {
  return slot.kind !== 'clientConfig' && !slot.expireAfter;
}

/** The functions the file defines that `node` may hold: inline, a local function or `const`, a factory's result. */
function findProviders(model: CredentialModel, node: TSESTree.Node): FunctionNode[] {
  const functions = model.flow
    .valuesOf(node)
    .filter((value) => value.path.length === 0)
    .map((value) => skipTransparent(value.node))
    .filter(isFunction);
  return [...new Set(functions)];
}

/**
 * Where the report goes. An inline function whose own returns lack `expiration`: from its start to its arrow or
 * parameters. A name or a call: where it is handed over. Otherwise the returned object, where `expiration` is
 * missing: the object comes from a method or helper the inline function calls (`() => broker.resolve()`), or the
 * file only exports the function (`export const roleAssumer = …`) and shows no place that takes it.
 */
function getReportLocation(
  sourceCode: SourceCode,
  slot: ProviderHandoff,
  fn: FunctionNode,
  returned: readonly Returned[],
): TSESTree.SourceLocation {
  const value = skipTransparent(slot.node);
  const [first] = returned;
  const isOwnReturn = returned.every(({ object }) => getEnclosingFunction(object) === fn);
  if (first && (slot.kind === 'export' || (value === fn && !isOwnReturn))) {
    return first.object.loc;
  }
  if (value !== fn) {
    return slot.node.loc;
  }
  // A method (`async credentials() { … }`) starts at its key.
  const start = getParentProperty(fn)?.method ? fn.parent.loc.start : fn.loc.start;
  return { start, end: getFunctionHeadLocation(fn, sourceCode).end };
}

function describeProvider(slot: ProviderHandoff, fn: FunctionNode): string {
  const name = fn.id?.name ?? getVariableName(fn);
  if (name) {
    return `\`${name}\``;
  }
  const used = skipTransparent(slot.node);
  if (used.type === AST_NODE_TYPES.Identifier) {
    return `\`${used.name}\``;
  }
  // `exports.roleAssumer = async function () { … }`.
  return slot.kind === 'export' ? `\`${slot.name}\`` : 'This credential provider';
}

/** Who keeps the first result, for the message. */
function describeConsumer(slot: ProviderHandoff): string {
  switch (slot.kind) {
    case 'credentials':
    case 'memoize':
      return `\`${slot.name}\``;
    case 'chain':
    case 'roleAssumer':
    case 'clientConfig':
      return `the client using \`${slot.name}\``;
    case 'export':
      return `the client whose provider takes it as \`${slot.name}\``;
  }
}

/** `getCredentials` of `const getCredentials = async () => …`. */
function getVariableName(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id.name
    : undefined;
}

/**
 * Add the STS `Expiration` when every object reads its keys from a response the file can name again; else make the
 * SDK call the function again: `.expireAfter(…)` on the chain, or a `createCredentialChain` wrapper. A role assumer
 * takes two arguments and `memoize(fn)` caches the first result whatever it holds: no wrapper helps there.
 */
function buildSuggestions(model: CredentialModel, slot: ProviderHandoff, returned: readonly Returned[]): Suggestion[] {
  const { sourceCode } = model;
  if (slot.cachesForever) {
    return [];
  }
  const expirations = returned.map((item) => getStsExpirationText(model, item));
  if (returned.length > 0 && expirations.every((text) => text !== undefined)) {
    return [
      {
        messageId: 'addExpiration',
        fix: (fixer) =>
          returned.map(({ object }, index) => insertProperty(fixer, sourceCode, object, `expiration: ${expirations[index]}`)),
      },
    ];
  }
  const { call } = slot;
  if (slot.kind === 'chain' && call) {
    const expireAfter = `.expireAfter(${EXPIRE_AFTER})`;
    return [{ messageId: 'addExpireAfter', fix: (fixer) => fixer.insertTextAfter(call, expireAfter) }];
  }
  const plan =
    slot.kind === 'credentials' || slot.kind === 'memoize'
      ? planImport(sourceCode, slot.node, CREDENTIAL_PROVIDERS_MODULE, 'createCredentialChain')
      : undefined;
  if (plan) {
    return [{ messageId: 'wrapWithExpireAfter', fix: (fixer) => wrapWithExpireAfter(fixer, sourceCode, slot.node, plan) }];
  }
  return [];
}

/** `Credentials.Expiration` for an object whose `accessKeyId` is read from a credential response. */
function getStsExpirationText(model: CredentialModel, { value, accessKeyId }: Returned): string | undefined {
  return accessKeyId && model.sourceOf(accessKeyId.value, value)?.kind === 'response'
    ? getSiblingFieldText(model.sourceCode, accessKeyId.value, 'AccessKeyId', 'Expiration')
    : undefined;
}

/** `credentials: fn` → `credentials: createCredentialChain(fn).expireAfter(15 * 60_000)`, with the import added. */
function wrapWithExpireAfter(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  value: TSESTree.Node,
  plan: ImportPlan,
): TSESLint.RuleFix[] {
  const fixes = plan.addImport(fixer);
  const property = getParentProperty(value);
  const provider = getFunctionText(sourceCode, value, property);
  const wrapped = `${plan.callee}(${provider}).expireAfter(${EXPIRE_AFTER})`;
  // A shorthand `{ credentials }` or a method `{ async credentials() {} }` needs its key written out.
  const replacement =
    property && (property.shorthand || property.method)
      ? fixer.replaceText(property, `${sourceCode.getText(property.key)}: ${wrapped}`)
      : fixer.replaceText(value, wrapped);
  return [...fixes, replacement];
}

/** The text of `value` as an expression: a method `async credentials() { … }` becomes `async function () { … }`. */
function getFunctionText(
  sourceCode: SourceCode,
  value: TSESTree.Node,
  property: TSESTree.Property | undefined,
): string {
  if (!property?.method || value.type !== AST_NODE_TYPES.FunctionExpression) {
    return sourceCode.getText(value);
  }
  return `${value.async ? 'async ' : ''}function${value.generator ? '*' : ''} ${sourceCode.getText(value)}`;
}
