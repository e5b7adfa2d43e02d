/**
 * What a refreshing provider written in place of credentials can be built from, as far as the file shows: the
 * AssumeRole input visible at the site, a provider the module already creates once, or the SDK provider a snapshot
 * was resolved from. Text and nodes only: the fixers in `fix/` write them.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipTransparent } from '../ast/nodes.js';
import { getTopLevelStatements } from '../ast/walk.js';
import { isSameBindingAt, isVisibleAt } from '../scope/names.js';
import type { ProviderName } from './catalog.js';
import type { CredentialConsumer, CredentialModel, CredentialSource } from './credentials.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The default chain: what a provider created for a consumer that had none is. */
export const DEFAULT_CHAIN_PROVIDERS: ReadonlySet<ProviderName> = new Set<ProviderName>([
  'defaultProvider',
  'fromNodeProviderChain',
]);

/** A provider to call again: a module-level binding the file has, or an SDK provider call to create once. */
export type ProviderOrigin =
  | { kind: 'existing'; name: TSESTree.Identifier }
  | { kind: 'create'; call: TSESTree.CallExpression };

/** `params` when the input is a binding visible at `location`, else the object literal's text if its names are. */
export function getParamsText(
  model: CredentialModel,
  sourceCode: SourceCode,
  input: TSESTree.Node,
  location: TSESTree.Node,
): string | undefined {
  const value = skipTransparent(input);
  const [object, ...others] = model.objectsOf(value);
  if (!object || others.length > 0) {
    return undefined;
  }
  if (value.type === AST_NODE_TYPES.Identifier && isVisibleAt(sourceCode, value, location)) {
    return value.name;
  }
  return isVisibleAt(sourceCode, object, location) ? sourceCode.getText(object) : undefined;
}

/**
 * A top-level `const name = fromNodeProviderChain()` (an SDK provider call whose name is in `names`, without
 * arguments) that means the same at `location`: a provider the file creates once and can call again.
 */
export function findModuleProvider(
  model: CredentialModel,
  names: ReadonlySet<ProviderName>,
  location: TSESTree.Node,
): TSESTree.Identifier | undefined {
  for (const statement of getTopLevelStatements(model.sourceCode.ast)) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') continue;
    for (const { id, init } of declaration.declarations) {
      const call = init && skipTransparent(init);
      const info = call && model.sdk.get(call)?.info;
      if (
        id.type === AST_NODE_TYPES.Identifier &&
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.arguments.length === 0 &&
        info?.kind === 'provider' &&
        names.has(info.name) &&
        isSameBindingAt(model.sourceCode, id, location)
      ) {
        return id;
      }
    }
  }
  return undefined;
}

/**
 * The provider a snapshot was resolved from, when calling it again keeps the same identity: `provider` of
 * `await provider()` where `provider` is a module-level SDK provider, or `fromIni()` of `await fromIni()()` (an SDK
 * provider call without arguments, to create once; a module-level provider of the same name is reused).
 */
export function getSnapshotProvider(
  model: CredentialModel,
  source: CredentialSource,
  location: TSESTree.Node,
): ProviderOrigin | undefined {
  if (source.kind !== 'resolvedProvider') {
    return undefined;
  }
  const callee = skipTransparent(source.call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const values = model.flow.valuesOf(callee);
    const [value] = values;
    const info = value && values.length === 1 ? model.referenceOf(value)?.info : undefined;
    if (info?.kind !== 'provider') return undefined;
    const existing = findModuleProvider(model, new Set([info.name]), location);
    return existing?.name === callee.name ? { kind: 'existing', name: existing } : undefined;
  }
  const info = model.sdk.get(callee)?.info;
  if (callee.type !== AST_NODE_TYPES.CallExpression || info?.kind !== 'provider' || callee.arguments.length > 0) {
    return undefined;
  }
  const existing = findModuleProvider(model, new Set([info.name]), location);
  return existing ? { kind: 'existing', name: existing } : { kind: 'create', call: callee };
}

/**
 * opensearch's `AwsSigv4Signer({ getCredentials })` whose function returns static keys (an object literal, through
 * `Promise.resolve`, `async`, a binding): the signer keeps them until they carry an expiry in the past, so for good.
 * `provider` is the module-level default chain the file already has, if any, for the getter to call instead.
 */
export function getStaticCredentialsGetter(
  model: CredentialModel,
  consumer: CredentialConsumer,
  property: TSESTree.Property,
): { provider: TSESTree.Identifier | undefined } | undefined {
  const { info } = consumer.reference;
  if (info.kind !== 'signer' || info.option !== 'getCredentials') {
    return undefined;
  }
  const returned = model
    .classify(property.value)
    .flatMap((value) => (value.kind === 'provider' ? model.returnsOf(value.fn) : []));
  const isStatic = returned.some((value) => value.kind === 'static' && value.object.type === AST_NODE_TYPES.ObjectExpression);
  return isStatic ? { provider: findModuleProvider(model, DEFAULT_CHAIN_PROVIDERS, property) } : undefined;
}
