/**
 * Short-lived bearer artifacts the SDK signs: IAM database auth tokens (`@aws-sdk/rds-signer` `getAuthToken()`,
 * `@aws-sdk/dsql-signer` `getDbConnectAuthToken()` / `getDbConnectAdminAuthToken()`, v2 `AWS.RDS.Signer`) and S3
 * presigned URLs (v3 `getSignedUrl`, v2 `s3.getSignedUrl()` / `getSignedUrlPromise()`). Each is a URL signed with the
 * caller's credentials, session token included, that anyone holding it can use until it expires.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isFunction, skipTransparent } from '../ast/nodes.js';
import { getFlow, type FlowValue } from '../scope/flow.js';
import { AUTH_TOKEN_METHODS, type SdkInfo } from './catalog.js';
import type { SdkReferences } from './references.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A value that is a signed artifact, and the call that signed it. */
export interface BearerArtifact {
  kind: 'authToken' | 'presignedUrl';
  /** The call that returns it: `signer.getAuthToken()`, `getSignedUrl(client, command)`. */
  call: TSESTree.CallExpression;
  /** For messages: `Signer.getAuthToken`, `DsqlSigner.getDbConnectAdminAuthToken`, `getSignedUrl`. */
  source: string;
  sdk: 'v2' | 'v3';
}

/** v2 `s3.getSignedUrl(operation, params[, callback])` and `s3.getSignedUrlPromise(operation, params)`. */
const V2_PRESIGN_METHODS: ReadonlySet<string> = new Set(['getSignedUrl', 'getSignedUrlPromise']);

/**
 * What `value` (a value the flow model found) is, when it is a signed artifact itself: the token or URL a call
 * resolves to (v3 and `getSignedUrlPromise`: awaited, or delivered to `.then`; v2 `getAuthToken` and `getSignedUrl`:
 * returned at once without a callback, or delivered to the callback).
 */
export function getBearerArtifact(
  sourceCode: SourceCode,
  references: SdkReferences,
  value: FlowValue,
): BearerArtifact | undefined {
  const call = skipTransparent(value.node);
  if (call.type !== AST_NODE_TYPES.CallExpression || value.path.length > 0) {
    return undefined;
  }
  const info = references.get(call)?.info;
  if (info?.kind === 'presign') {
    return value.awaited ? { kind: 'presignedUrl', call, source: 'getSignedUrl', sdk: 'v3' } : undefined;
  }
  const callee = skipTransparent(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
  if (method === undefined || callee.type !== AST_NODE_TYPES.MemberExpression) {
    return undefined;
  }
  const callback = call.arguments.length > 0 && isFunction(call.arguments.at(-1)!);
  for (const holder of getFlow(sourceCode).valuesOf(callee.object, value)) {
    const held = references.get(skipTransparent(holder.node))?.info;
    if (!held || !isArtifactSigner(held)) continue;
    if (held.kind === 'signer' || held.kind === 'authTokenSigner') {
      if (!Object.hasOwn(AUTH_TOKEN_METHODS, held.name) || !AUTH_TOKEN_METHODS[held.name]!.includes(method)) continue;
      const sdk = held.kind === 'signer' ? 'v3' : 'v2';
      // v3 returns a promise; v2 returns the token at once, unless it hands it to a callback.
      const resolved = sdk === 'v3' ? value.awaited : value.awaited || !callback;
      if (resolved) return { kind: 'authToken', call, source: `${held.name}.${method}`, sdk };
    }
    if (held.kind === 'client' && V2_PRESIGN_METHODS.has(method)) {
      const resolved = method === 'getSignedUrl' ? value.awaited || !callback : value.awaited;
      if (resolved) return { kind: 'presignedUrl', call, source: `${held.name}.${method}`, sdk: 'v2' };
    }
  }
  return undefined;
}

/** What signs the artifacts `getBearerArtifact` knows: the v3 presigner, the database signers, a v2 S3 client. */
function isArtifactSigner(info: SdkInfo): boolean {
  return (
    info.kind === 'presign' ||
    info.kind === 'signer' ||
    info.kind === 'authTokenSigner' ||
    (info.kind === 'client' && info.sdk === 'v2' && info.service === 's3')
  );
}

const signingFiles = new WeakMap<SdkReferences, boolean>();

/**
 * Whether the file holds anything that signs an artifact: only a call of this file is one (`getBearerArtifact`
 * looks calls up in the file's own references), so a file without a signer never asks the flow model, which would
 * read every module a logged value is imported from.
 */
function signsArtifacts(references: SdkReferences): boolean {
  let signs = signingFiles.get(references);
  if (signs === undefined) {
    signs = references.all.some(({ info }) => isArtifactSigner(info));
    signingFiles.set(references, signs);
  }
  return signs;
}

/** The first signed artifact among the values `node` may hold. */
export function findBearerArtifact(
  sourceCode: SourceCode,
  references: SdkReferences,
  node: TSESTree.Node,
): BearerArtifact | undefined {
  if (!signsArtifacts(references)) {
    return undefined;
  }
  for (const value of getFlow(sourceCode).valuesOf(node)) {
    const artifact = getBearerArtifact(sourceCode, references, value);
    if (artifact) return artifact;
  }
  return undefined;
}
