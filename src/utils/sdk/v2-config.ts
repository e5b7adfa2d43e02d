/**
 * Where v2 code hands the SDK configuration: service constructions, `new AWS.Config(…)`, `AWS.config.update(…)` and
 * `AWS.config.<key> = value`, with the names the rules report and the `AWS` namespace their suggestions write with.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isMemberNamed, skipTransparent } from '../ast/nodes.js';
import { V2_CLIENT_PREFIX, type SdkInfo } from './catalog.js';
import type { SdkReference, SdkReferences } from './references.js';

/** The references that can take v2 configuration options: clients (v2 only), `AWS.Config`, `AWS.config`. */
export type V2OptionsInfo = Extract<SdkInfo, { kind: 'client' | 'v2Config' | 'v2GlobalConfig' }>;

/** A v2 place that takes configuration options: a service construction, `new AWS.Config`, `AWS.config.update`. */
export interface V2OptionsSite {
  reference: SdkReference<V2OptionsInfo>;
  /** The `new` expression, or the `AWS.config.update(…)` call. */
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  options: TSESTree.CallExpressionArgument | undefined;
  /** What reports name: `AWS.S3`, `aws-sdk/clients/s3`, `AWS.Config`, `AWS.config`. */
  name: string;
  /** The `AWS` identifier the site reaches the SDK through, when it has one. */
  namespace: TSESTree.Identifier | undefined;
  /**
   * Whether the SDK behind the site resolves credentials through the Node default provider chain. Not the browser
   * global of a script tag: the browser build leaves `AWS.CredentialProviderChain.defaultProviders` empty (aws-sdk
   * `lib/credentials/credential_provider_chain.js`; only `lib/node_loader.js` fills it).
   */
  defaultChain: boolean;
}

/** `AWS.config.<key> = value`, with any assignment operator. */
export interface GlobalConfigAssignment {
  key: string;
  assignment: TSESTree.AssignmentExpression;
}

const V2_NAMESPACE_MODULES: ReadonlySet<string> = new Set(['aws-sdk', 'aws-sdk/global']);

/** The file's v2 service constructions, `new AWS.Config(…)` and `AWS.config.update(…)` calls, in this order. */
export function getV2OptionsSites(references: SdkReferences): V2OptionsSite[] {
  return [...references.ofKind('client'), ...references.ofKind('v2Config'), ...references.ofKind('v2GlobalConfig')]
    .map(getV2OptionsSite)
    .filter((site) => site !== undefined);
}

/** The options site of one reference: `undefined` for a v3 client, or for an `AWS.config` read that is no `update`. */
export function getV2OptionsSite(reference: SdkReference<V2OptionsInfo>): V2OptionsSite | undefined {
  const { node, info } = reference;
  if (info.kind === 'v2GlobalConfig') {
    const call = getGlobalConfigCall(node, 'update');
    const namespace = getV2Namespace(reference);
    const defaultChain = reference.global === undefined;
    return call && { reference, node: call, options: call.arguments[0], name: 'AWS.config', namespace, defaultChain };
  }
  if ((info.kind === 'client' && info.sdk !== 'v2') || node.type !== AST_NODE_TYPES.NewExpression) {
    return undefined;
  }
  const name = getV2DisplayName(reference);
  const namespace = getV2Namespace(reference);
  return { reference, node, options: node.arguments[0], name, namespace, defaultChain: reference.global === undefined };
}

/** `AWS.S3` for the namespace, `aws-sdk/clients/s3` for a per-service module, `AWS.Config`, `AWS.config`. */
export function getV2DisplayName(reference: SdkReference<V2OptionsInfo>): string {
  const { info } = reference;
  if (info.kind === 'v2Config') return 'AWS.Config';
  if (info.kind === 'v2GlobalConfig') return 'AWS.config';
  // `aws-sdk/clients/s3` exports an anonymous class: its module id names it best. Not its `DocumentClient`.
  return reference.moduleId.startsWith(V2_CLIENT_PREFIX) && reference.name === reference.moduleId
    ? reference.moduleId
    : `AWS.${info.name}`;
}

/**
 * `AWS` in `new AWS.S3()` / `AWS.config`, when `AWS` is the whole `aws-sdk` (or `aws-sdk/global`) namespace, the
 * browser global included. Not `window.AWS`, which is no identifier.
 */
export function getV2Namespace(reference: SdkReference): TSESTree.Identifier | undefined {
  const { node, info } = reference;
  let object = skipTransparent(node.type === AST_NODE_TYPES.NewExpression ? node.callee : node);
  // `AWS.DynamoDB.DocumentClient` is two members below the namespace; `window.AWS.S3` has none.
  const depth = info.kind === 'client' ? info.name.split('.').length : 1;
  for (let level = 0; level < depth; level++) {
    if (object.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    object = skipTransparent(object.object);
  }
  return V2_NAMESPACE_MODULES.has(reference.moduleId) && object.type === AST_NODE_TYPES.Identifier
    ? object
    : undefined;
}

/** `AWS.config.<method>(…)`, the call, when `config` is the `AWS.config` read. */
export function getGlobalConfigCall(config: TSESTree.Node, method: string): TSESTree.CallExpression | undefined {
  const member = config.parent;
  const call = member?.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === config &&
    isMemberNamed(member, method) &&
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee === member
    ? call
    : undefined;
}

/** `AWS.config.<key> = value` (or `+=`, `??=`, …), when `config` is the `AWS.config` read. */
export function getGlobalConfigAssignment(config: TSESTree.Node): GlobalConfigAssignment | undefined {
  const member = config.parent;
  const assignment = member?.parent;
  const key = member?.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(member) : undefined;
  return member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === config &&
    key !== undefined &&
    assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
    assignment.left === member
    ? { key, assignment }
    : undefined;
}

/** The `AWS.Config` methods that change a configuration after it is built: `config.update(…)`, `loadFromPath`. */
export const V2_CONFIG_MUTATORS: ReadonlySet<string> = new Set(['update', 'loadFromPath']);
