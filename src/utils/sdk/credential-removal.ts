/**
 * When removing static credentials from a consumer hands it back to the default provider chain, and which
 * properties go: shared by the rules that suggest it (`no-static-credentials`, `no-hardcoded-credentials`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, skipTransparent } from '../ast/nodes.js';
import type { CredentialConsumer, CredentialInput, CredentialModel } from './credentials.js';
import { getEndpointKinds } from './endpoints.js';

/**
 * The properties to remove so that `consumer` falls back to the default chain, for the static `object` it receives
 * at `input`; `undefined` when that is not safe: a signer (it has no chain of its own), or a static branch of a
 * wider value (`options.credentials || { … }`: removing the property would drop the other branch too).
 */
export function getDefaultChainRemoval(
  consumer: CredentialConsumer,
  input: CredentialInput,
  object: TSESTree.Node | undefined,
): TSESTree.Property[] | undefined {
  switch (input.kind) {
    case 'property': {
      const value = input.property.value;
      const isBranch = object !== undefined && object !== skipTransparent(value) && containsNode(value, object);
      return isBranch || consumer.reference.info.kind === 'signer' ? undefined : [input.property];
    }
    case 'keys':
      if (consumer.reference.info.kind === 'signer') return undefined;
      return input.sessionToken
        ? [input.accessKeyId, input.secretAccessKey, input.sessionToken]
        : [input.accessKeyId, input.secretAccessKey];
    case 'assignment':
    case 'argument':
    case 'imported':
      return undefined;
  }
}

/**
 * The removal that drops the literal `node` (a key written in source) from the static credentials an SDK client
 * receives in the same object: `credentials: { accessKeyId: 'AKIA…', … }`, v2 top-level keys. Not for an `endpoint`
 * the file does not show to be AWS (S3-compatible storage takes only static keys).
 */
export function findDefaultChainRemovalOf(model: CredentialModel, node: TSESTree.Node): TSESTree.Property[] | undefined {
  for (const consumer of model.consumers) {
    if (consumer.reference.info.kind !== 'client') continue;
    for (const input of consumer.inputs) {
      if (input.kind === 'assignment' || input.kind === 'argument' || input.kind === 'imported' || !holdsLiteral(input, node)) continue;
      if (getEndpointKinds(model.sourceCode, input.options).size > 0) return undefined;
      const object = input.kind === 'property' ? skipTransparent(input.property.value) : undefined;
      return getDefaultChainRemoval(consumer, input, object);
    }
  }
  return undefined;
}

/** The literal is the value of a key property of the credentials object written at `input`. */
function holdsLiteral(input: Extract<CredentialInput, { kind: 'property' | 'keys' }>, node: TSESTree.Node): boolean {
  if (input.kind === 'keys') {
    return [input.accessKeyId, input.secretAccessKey, input.sessionToken].some((key) => key && skipTransparent(key.value) === node);
  }
  const object = skipTransparent(input.property.value);
  return (
    object.type === AST_NODE_TYPES.ObjectExpression &&
    object.properties.some((member) => member.type === AST_NODE_TYPES.Property && skipTransparent(member.value) === node)
  );
}

/**
 * STS `GetFederationToken` and `GetSessionToken` must be called with an IAM user's long-term keys (a role's
 * credentials are refused), so an STS client in a file that sends them is given static keys on purpose.
 */
export function isLongTermKeyStsClient(model: CredentialModel, consumer: CredentialConsumer): boolean {
  const { info } = consumer.reference;
  return (
    info.kind === 'client' &&
    info.service === 'sts' &&
    model.sdk
      .ofKind('command')
      .some(({ info: command }) => command.operation === 'GetFederationToken' || command.operation === 'GetSessionToken')
  );
}
