/** The host a signer outside the SDK clients signs for, when its caller names one. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isMemberNamed, skipTransparent } from '../ast/nodes.js';
import type { CredentialConsumer, CredentialModel } from './credentials.js';
import { getEndpointKinds, getUrlKinds, type EndpointKind } from './endpoints.js';

/** The aws4fetch `AwsClient` methods that take the URL they sign for. */
const AWS_CLIENT_URL_METHODS = ['fetch', 'sign'];

/**
 * A signer given the host it signs for, when that host is not AWS or not defined by the file: aws4's request
 * `host`/`hostname` (absent, aws4 derives an AWS host) and aws4fetch `AwsV4Signer`'s `url`. S3-compatible storage
 * (MinIO, R2) takes only static keys. A local host counts only with `allowLocal`. aws4fetch `AwsClient` learns its
 * host at each `fetch(url)` / `sign(url)`: it counts when the file shows such calls, and every one names a host
 * that is known and not AWS (`awsClientSignsForOtherHost`).
 */
export function signsForOtherHost(model: CredentialModel, consumer: CredentialConsumer, allowLocal: boolean): boolean {
  const { node, name, reference } = consumer;
  if (reference.info.kind !== 'signer' || node.type === AST_NODE_TYPES.AssignmentExpression) return false;
  if (name === 'AwsClient') return awsClientSignsForOtherHost(model, node, allowLocal);
  const [request] = 'arguments' in node ? node.arguments : [];
  const keys = name === 'aws4.sign' ? ['host', 'hostname'] : name === 'AwsV4Signer' ? ['url'] : undefined;
  if (!keys || !request) return false;
  return model.objectsOf(request).some((object) => isOtherHost(getEndpointKinds(model.sourceCode, object, keys), allowLocal));
}

function isOtherHost(kinds: Set<EndpointKind>, allowLocal: boolean): boolean {
  return kinds.has('local') ? allowLocal : kinds.has('other') || kinds.has('unknown');
}

/**
 * `new AwsClient({ … })` followed by the flow model (`usesOf`) to its `.fetch(url)` and `.sign(url)` calls: true
 * when there is at least one, each URL names a known host that is not AWS (or a local one, with `allowLocal`), and
 * the client goes nowhere else: held in bindings and fields, used as a receiver, never exported, returned, passed
 * on or put in an object, where code the file does not show could call it for any host. An unknown URL counts as
 * AWS here: `client.fetch(url)` with a URL from elsewhere is how aws4fetch is used for AWS services.
 */
function awsClientSignsForOtherHost(model: CredentialModel, client: TSESTree.Node, allowLocal: boolean): boolean {
  const urls: TSESTree.Node[] = [];
  for (const use of [client, ...model.flow.usesOf(client).map((next) => next.node)]) {
    const holder = getHolder(use);
    const parent = holder.parent;
    // The field or binding written, listed among its own reads.
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === holder) continue;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === holder) {
      const call = parent.parent;
      if (AWS_CLIENT_URL_METHODS.some((method) => isMemberNamed(parent, method)) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
        const [url] = call.arguments;
        if (!url || url.type === AST_NODE_TYPES.SpreadElement) return false;
        urls.push(url);
      }
    } else if (!isKeptInFile(holder)) {
      return false;
    }
  }
  return (
    urls.length > 0 &&
    urls.every((url) => {
      const kinds = getUrlKinds(model.sourceCode, url);
      return !kinds.has('unknown') && !kinds.has('aws') && isOtherHost(kinds, allowLocal);
    })
  );
}

/** Through `await` and TypeScript wrappers: the expression whose parent uses the value. */
function getHolder(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.AwaitExpression || skipTransparent(current.parent) === skipTransparent(current))) {
    current = current.parent;
  }
  return current;
}

/**
 * Stored where the flow model follows it further and no other module sees it: a binding that is not exported, a
 * `this.k` field; or a statement that discards it.
 */
function isKeptInFile(holder: TSESTree.Node): boolean {
  const parent = holder.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return true;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier && parent.parent.parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration;
    case AST_NODE_TYPES.AssignmentExpression: {
      const target = skipTransparent(parent.left);
      return (
        parent.right === holder &&
        (target.type === AST_NODE_TYPES.Identifier ||
          (target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression))
      );
    }
    default:
      return false;
  }
}
