/**
 * Profile-file providers given to signers outside the SDK clients: `new SignatureV4({ credentials: fromIni() })`,
 * the RDS and DSQL signers, opensearch `AwsSigv4Signer({ getCredentials: fromIni() })`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { skipTransparent } from '../ast/nodes.js';
import type { CredentialModel } from './credentials.js';

/** A provider expression one signer receives, and the name reports give the signer. */
export interface SignerProvider {
  target: string;
  /** The call that makes the provider: `fromIni(…)`, `createCredentialChain(…)`. */
  value: TSESTree.CallExpression;
}

/**
 * The provider calls each signer's `credentials` or `getCredentials` may hold (through bindings, via the flow
 * model), and for `getCredentials` the provider a function calls (`() => fromIni()()`, `async () => await
 * fromIni(init)()`): opensearch calls it again only once the cached object carries an expiry, which a profile's keys
 * do not. A signer that asks its provider at every signature (`asksEachSignature`) re-reads the profile each time
 * when the provider's file cache is off (`fromIni({ ignoreCache: true })`), so such providers are left out.
 */
export function getSignerProviders(model: CredentialModel): SignerProvider[] {
  const found: SignerProvider[] = [];
  for (const consumer of model.consumers) {
    const { info } = consumer.reference;
    if (info.kind !== 'signer' || (info.option !== 'credentials' && info.option !== 'getCredentials')) continue;
    for (const input of consumer.inputs) {
      if (input.kind !== 'property') continue;
      for (const value of model.flow.valuesOf(input.property.value)) {
        const node = skipTransparent(value.node);
        const call = value.path.length > 0 ? undefined : info.option === 'getCredentials' ? getCalledProvider(node) ?? node : node;
        if (call?.type !== AST_NODE_TYPES.CallExpression) continue;
        if (info.asksEachSignature && rereadsProfile(model, call)) continue;
        found.push({ target: consumer.name, value: call });
      }
    }
  }
  return found;
}

/** `() => fromIni()()`, `async () => await fromIni(init)()`, `function () { return fromIni()(); }`: `fromIni(…)`. */
function getCalledProvider(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  const body = node.body;
  const [only] = body.type === AST_NODE_TYPES.BlockStatement ? body.body : [];
  const returned = body.type !== AST_NODE_TYPES.BlockStatement ? body : only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : undefined;
  let call = returned && skipTransparent(returned);
  if (call?.type === AST_NODE_TYPES.AwaitExpression) call = skipTransparent(call.argument);
  return call?.type === AST_NODE_TYPES.CallExpression ? skipTransparent(call.callee) : undefined;
}

/**
 * `fromIni({ ignoreCache: true })` (or options the file does not show), and a `createCredentialChain(…)` whose
 * `fromIni` links all do: each call reads the profile file again.
 */
function rereadsProfile(model: CredentialModel, call: TSESTree.CallExpression): boolean {
  const info = model.sdk.get(call)?.info;
  if (info?.kind !== 'provider') return false;
  if (info.name === 'createCredentialChain') {
    return call.arguments.every((link) => {
      const inner = skipTransparent(link);
      return inner.type !== AST_NODE_TYPES.CallExpression || rereadsProfile(model, inner) || model.sdk.get(inner)?.info.kind !== 'provider';
    });
  }
  if (info.name !== 'fromIni') return false;
  const [init] = call.arguments;
  if (!init) return false;
  const objects = model.objectsOf(init);
  if (objects.length === 0) return true;
  return objects.every((object) => {
    const property = model.propertyOf(object, 'ignoreCache');
    const value = property && skipTransparent(property.value);
    return value?.type === AST_NODE_TYPES.Literal ? value.value === true : property !== undefined;
  });
}
