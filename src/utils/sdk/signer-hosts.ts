/** The host a signer outside the SDK clients signs for, when its caller names one. */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { CredentialConsumer, CredentialModel } from './credentials.js';
import { getEndpointKinds } from './endpoints.js';

/**
 * A signer given the host it signs for, when that host is not AWS or not defined by the file: aws4's request
 * `host`/`hostname` (absent, aws4 derives an AWS host) and aws4fetch `AwsV4Signer`'s `url`. S3-compatible storage
 * (MinIO, R2) takes only static keys. A local host counts only with `allowLocal`. aws4fetch `AwsClient` learns its
 * host at each `fetch`, which is not followed.
 */
export function signsForOtherHost(model: CredentialModel, { node, name, reference }: CredentialConsumer, allowLocal: boolean): boolean {
  if (reference.info.kind !== 'signer' || node.type === AST_NODE_TYPES.AssignmentExpression) return false;
  const [request] = 'arguments' in node ? node.arguments : [];
  const keys = name === 'aws4.sign' ? ['host', 'hostname'] : name === 'AwsV4Signer' ? ['url'] : undefined;
  if (!keys || !request) return false;
  return model.objectsOf(request).some((object) => {
    const kinds = getEndpointKinds(model.sourceCode, object, keys);
    return kinds.has('local') ? allowLocal : kinds.has('other') || kinds.has('unknown');
  });
}
