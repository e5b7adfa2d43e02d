/**
 * S3 presigning as the file shows it: the v2 clients' presigning methods, and whether the client that signs visibly
 * holds long-term keys (then what it signs may last the full 7 days; otherwise its temporary credentials end first).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName } from '../ast/nodes.js';
import { mayHaveProperty } from '../scope/functions.js';
import { getHoldingExpressions } from '../scope/reads.js';
import { findProperty, resolveObject, resolveValue } from '../scope/values.js';
import type { SdkReferences } from './references.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * The v2 S3 methods that sign with the client's credentials, and the index of their params argument:
 * `getSignedUrl(operation, params[, callback])`, `getSignedUrlPromise(operation, params)` and
 * `createPresignedPost(params[, callback])` (aws-sdk `lib/services/s3.js`).
 */
export const V2_S3_PRESIGN_METHODS = { getSignedUrl: 1, getSignedUrlPromise: 1, createPresignedPost: 0 } as const;

export type V2PresignMethod = keyof typeof V2_S3_PRESIGN_METHODS;

/** A v2 presigning call and the `new AWS.S3(...)` it is made on. */
export interface V2PresignCall {
  call: TSESTree.CallExpression;
  client: TSESTree.NewExpression;
  method: V2PresignMethod;
}

/**
 * `s3.getSignedUrl(...)`, `s3.getSignedUrlPromise(...)` and `s3.createPresignedPost(...)` where `s3` is a v2 S3
 * client the file builds: `new AWS.S3()`, `new S3()` of `aws-sdk/clients/s3`, directly or through a binding.
 */
export function findV2PresignCalls(sourceCode: SourceCode, references: SdkReferences): V2PresignCall[] {
  const calls: V2PresignCall[] = [];
  for (const client of references.ofKind('client')) {
    if (client.info.sdk !== 'v2' || client.info.service !== 's3' || client.node.type !== AST_NODE_TYPES.NewExpression) {
      continue;
    }
    for (const receiver of getHoldingExpressions(sourceCode, client.node)) {
      const member = receiver.parent;
      const call = member?.parent;
      const method = member?.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(member) : undefined;
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === receiver &&
        method !== undefined &&
        Object.hasOwn(V2_S3_PRESIGN_METHODS, method) &&
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee === member
      ) {
        calls.push({ call, client: client.node as TSESTree.NewExpression, method: method as V2PresignMethod });
      }
    }
  }
  return calls;
}

/**
 * True when the v3 client given to a presigner visibly signs with long-term keys: a credentials object literal with
 * `accessKeyId` and no `sessionToken`. What it signs may last the full 7 days.
 */
export function usesLongTermKeys(
  sourceCode: SourceCode,
  references: SdkReferences,
  client: TSESTree.Node | undefined,
): boolean {
  const construction = client && resolveValue(sourceCode, client);
  if (construction?.type !== AST_NODE_TYPES.NewExpression || references.get(construction)?.info.kind !== 'client') {
    return false;
  }
  const [config] = construction.arguments;
  const options = config && resolveObject(sourceCode, config);
  const credentials = options && findProperty(sourceCode, options, 'credentials');
  return credentials !== undefined && hasLongTermKeysIn(sourceCode, credentials.value);
}

/**
 * True when a v2 S3 client visibly holds long-term keys (`accessKeyId` and no `sessionToken` among its options):
 * static keys are what the synchronous `getSignedUrl` is documented for (aws-sdk `lib/services/s3.js`, `getSignedUrl`).
 */
export function hasLongTermKeys(sourceCode: SourceCode, construction: TSESTree.NewExpression): boolean {
  const [options] = construction.arguments;
  return options !== undefined && hasLongTermKeysIn(sourceCode, options);
}

/** An object literal with `accessKeyId` that cannot hold a `sessionToken`. */
function hasLongTermKeysIn(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const keys = resolveObject(sourceCode, node);
  return (
    keys !== undefined &&
    findProperty(sourceCode, keys, 'accessKeyId') !== undefined &&
    !mayHaveProperty(sourceCode, keys, 'sessionToken')
  );
}
