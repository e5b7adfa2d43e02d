/**
 * AWS knowledge about hosts: the metadata credential endpoints, the hosts of local emulators, AWS service hosts,
 * and what kind of endpoint a client's options set.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isMemberNamed, skipTransparent } from '../ast/nodes.js';
import { UNKNOWN_TEXT, getUrlHost, normalizeHost } from '../ast/urls.js';
import { renderString, type RenderOptions } from '../scope/strings.js';
import { findProperty, resolveValue } from '../scope/values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Which metadata service a host belongs to, and the SDK provider that reads its credentials. */
interface MetadataEndpoint {
  service: 'instance' | 'container';
  provider: string;
}

const INSTANCE: MetadataEndpoint = { service: 'instance', provider: 'fromInstanceMetadata()' };
const ECS: MetadataEndpoint = { service: 'container', provider: 'fromContainerMetadata()' };
const POD_IDENTITY: MetadataEndpoint = { service: 'container', provider: 'fromHttp()' };

/**
 * The link-local credential endpoints, bracketed as URLs write IPv6 hosts: IMDS (IPv4, IPv6), the ECS container
 * agent, EKS Pod Identity (IPv4, IPv6). See `@smithy/credential-provider-imds` and `@aws-sdk/credential-provider-http`.
 */
const METADATA_HOSTS: ReadonlyMap<string, MetadataEndpoint> = new Map([
  ['169.254.169.254', INSTANCE],
  ['[fd00:ec2::254]', INSTANCE],
  ['169.254.170.2', ECS],
  ['169.254.170.23', POD_IDENTITY],
  ['[fd00:ec2::23]', POD_IDENTITY],
]);

/** The same hosts as they appear inside any text: IPv6 unbracketed. */
const METADATA_HOST_TEXTS: readonly string[] = [...METADATA_HOSTS.keys()].map((host) => host.replace(/^\[|\]$/g, ''));

/** IMDS paths that serve credentials or the IMDSv2 session token, under any version prefix (`latest`, a date). */
const INSTANCE_CREDENTIAL_PATHS = ['/meta-data/iam/security-credentials', '/meta-data/identity-credentials', '/api/token'];

/** ECS sets `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` to `/v2/credentials/<id>`. */
const RELATIVE_URI_VARIABLE = 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI';

/** Hosts of local emulators (LocalStack, DynamoDB Local, MinIO in Docker), which need dummy static keys. */
const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0', 'host.docker.internal']);

/** Host suffixes of AWS service endpoints: regional, FIPS, dual-stack, VPC endpoints, China. */
const AWS_HOST_SUFFIXES = ['.amazonaws.com', '.amazonaws.com.cn', '.api.aws'];
const AWS_HOSTS: ReadonlySet<string> = new Set(['amazonaws.com', 'amazonaws.com.cn', 'api.aws']);

/** How far an endpoint value is followed through `??`, `?:`, `new URL()` and `{ url }`. */
const MAX_ENDPOINT_DEPTH = 4;

/**
 * What an `endpoint` may point at: an AWS host (or the SDK's default), loopback or a local emulator, another
 * host (R2, MinIO, Spaces, B2, Wasabi, Ceph), or a value the file does not define (an environment variable, a
 * parameter).
 */
export type EndpointKind = 'aws' | 'local' | 'other' | 'unknown';

/** A cheap text gate: the text spells a metadata address (IPv4 link-local or the IPv6 `fd00:ec2::` prefix). */
export function mentionsMetadataHost(text: string): boolean {
  return text.includes('169.254.') || text.includes('fd00:ec2');
}

/** The text contains one of the metadata credential hosts: E.g. `http://169.254.170.2/v2/credentials/…`. */
export function containsMetadataHost(text: string): boolean {
  return METADATA_HOST_TEXTS.some((host) => text.includes(host));
}

/** A metadata credential host, as URLs write it (IPv6 in brackets), with what it serves. */
export interface MetadataHost extends MetadataEndpoint {
  host: string;
}

/** The metadata endpoint at exactly this host (`parseUrl`'s or `normalizeHost`'s spelling). */
export function getMetadataHost(host: string): MetadataHost | undefined {
  const endpoint = METADATA_HOSTS.get(host);
  return endpoint && { host, ...endpoint };
}

/**
 * The metadata endpoint a URL's host names: the host itself, or its start when the rest is not defined in the
 * file (`` `http://169.254.169.254${rest}` ``).
 */
export function findMetadataHost(host: string): MetadataHost | undefined {
  return getMetadataHost(host) ?? getMetadataHost(host.split(UNKNOWN_TEXT)[0] ?? host);
}

/** Credential and token paths; every path on the container hosts that names credentials (`/v2/credentials/…`). */
export function isCredentialPath(endpoint: MetadataEndpoint, path: string): boolean {
  return endpoint.service === 'container'
    ? path.includes('credentials')
    : INSTANCE_CREDENTIAL_PATHS.some((prefix) => path.includes(prefix));
}

/**
 * `renderString`, knowing that `process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (or a destructured
 * `AWS_CONTAINER_…`) holds `/v2/credentials/<id>`.
 */
export function renderUrl(sourceCode: SourceCode, node: TSESTree.Node, trail?: Set<TSESTree.Node>): string {
  const options: RenderOptions = {
    known: (current) =>
      (current.type === AST_NODE_TYPES.Identifier && current.name === RELATIVE_URI_VARIABLE) ||
      isMemberNamed(current, RELATIVE_URI_VARIABLE)
        ? `/v2/credentials/${UNKNOWN_TEXT}`
        : undefined,
  };
  if (trail) options.trail = trail;
  return renderString(sourceCode, node, options);
}

/** `*.amazonaws.com`, `*.amazonaws.com.cn`, `*.api.aws`, and `amazonaws.com` itself. */
export function isAwsHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return AWS_HOSTS.has(name) || AWS_HOST_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/** `localhost`, `*.localhost`, `127.x.x.x`, `[::1]`, `0.0.0.0`, `host.docker.internal`, a LocalStack host. */
export function isLocalHost(host: string): boolean {
  return (
    LOCAL_HOSTS.has(host) ||
    host.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host.includes('localstack')
  );
}

/**
 * The kind of a host as `parseUrl` gives it. A host with parts the file does not define is `other` only when its
 * known end still names a domain (`￿.r2.cloudflarestorage.com`); `￿` or `s3.￿.com` stay unknown.
 */
export function classifyHost(host: string | undefined): EndpointKind {
  if (!host || host.replaceAll(UNKNOWN_TEXT, '') === '') {
    return 'unknown';
  }
  if (isLocalHost(host)) {
    return 'local';
  }
  if (isAwsHost(host)) {
    return 'aws';
  }
  const knownEnd = host.slice(host.lastIndexOf(UNKNOWN_TEXT) + 1);
  return !host.includes(UNKNOWN_TEXT) || knownEnd.split('.').length > 2 ? 'other' : 'unknown';
}

/**
 * The kinds of endpoint a client's options may set, one per value the `endpoint` can take; empty when there is
 * no `endpoint` (the SDK then uses the AWS endpoint of the region). Options that only shape requests, such as
 * `forcePathStyle` or v2 `s3ForcePathStyle`, say nothing about the host and are not read.
 */
export function getEndpointKinds(
  sourceCode: SourceCode,
  options: TSESTree.ObjectExpression,
  keys: readonly string[] = ['endpoint'],
): Set<EndpointKind> {
  const kinds = new Set<EndpointKind>();
  for (const key of keys) {
    const endpoint = findProperty(sourceCode, options, key);
    if (endpoint) addEndpointKinds(sourceCode, endpoint.value, kinds, 0);
  }
  return kinds;
}

/** The kinds of endpoint one URL expression may name: a string, a template literal, a constant, `new URL('…')`. */
export function getUrlKinds(sourceCode: SourceCode, url: TSESTree.Node): Set<EndpointKind> {
  const kinds = new Set<EndpointKind>();
  addEndpointKinds(sourceCode, url, kinds, 0);
  return kinds;
}

/**
 * E.g. `'https://s3.eu-west-1.amazonaws.com'`, a constant holding it, `` `https://${account}.r2.cloudflarestorage.com` ``,
 * `new URL('…')`, v2 `new AWS.Endpoint('fra1.digitaloceanspaces.com')`, v3 `{ url }` and `{ hostname }` objects,
 * `process.env.S3_ENDPOINT ?? 'http://localhost:4566'`, `isLocal ? LOCAL : undefined`.
 */
function addEndpointKinds(sourceCode: SourceCode, node: TSESTree.Node, kinds: Set<EndpointKind>, depth: number): void {
  if (isDefaultValue(skipTransparent(node))) {
    kinds.add('aws');
    return;
  }
  const value = depth <= MAX_ENDPOINT_DEPTH ? resolveValue(sourceCode, node) : undefined;
  const add = (inner: TSESTree.Node): void => addEndpointKinds(sourceCode, inner, kinds, depth + 1);
  if (!value) {
    kinds.add('unknown');
    return;
  }
  switch (value.type) {
    case AST_NODE_TYPES.LogicalExpression:
      add(value.left);
      add(value.right);
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      add(value.consequent);
      add(value.alternate);
      return;
    case AST_NODE_TYPES.ObjectExpression: {
      const url = findProperty(sourceCode, value, 'url');
      const hostname = findProperty(sourceCode, value, 'hostname');
      if (url) {
        add(url.value);
      } else if (hostname) {
        kinds.add(classifyHost(normalizeHost(renderString(sourceCode, hostname.value))));
      } else {
        kinds.add('unknown');
      }
      return;
    }
    case AST_NODE_TYPES.NewExpression: {
      const [url] = value.arguments;
      const callee = skipTransparent(value.callee);
      if (isEndpointClass(callee) && url) {
        add(url);
        return;
      }
      break;
    }
    default:
      if (isDefaultValue(value)) {
        kinds.add('aws');
        return;
      }
      break;
  }
  kinds.add(classifyHost(getUrlHost(renderString(sourceCode, value))));
}

/** v2 `new AWS.Endpoint('…')`, also a destructured `Endpoint`. */
function isEndpointClass(callee: TSESTree.Node): boolean {
  return (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Endpoint') || isMemberNamed(callee, 'Endpoint');
}

/** `undefined`, `null`, `''`: no endpoint, so the SDK's own. */
function isDefaultValue(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.Literal && (node.value === null || node.value === ''))
  );
}
