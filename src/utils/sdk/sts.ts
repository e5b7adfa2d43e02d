/**
 * What the plugin knows of AWS STS: the session-duration limits of each operation, role chaining, which credentials
 * are themselves a role session, and which endpoints are AWS STS. Facts from the STS API reference:
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (and the sibling operations),
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { CREDENTIAL_RESPONSE_OPERATIONS, getOperationMethod, type ProviderName, type V2CredentialsName } from './catalog.js';
import { getEndpointKinds } from './endpoints.js';
import type { SdkReferences } from './references.js';
import { hasUnknownSpread, resolvePropertyObject } from '../scope/objects.js';
import { findProperty, resolveObject, resolveValue } from '../scope/values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The file and its SDK references: what every STS question needs. */
export interface StsScope {
  sourceCode: SourceCode;
  references: SdkReferences;
}

/** STS `DurationSeconds` model constraints per operation. */
export const STS_DURATION_LIMITS: ReadonlyMap<string, { min: number; max: number }> = new Map([
  ['AssumeRole', { min: 900, max: 43_200 }],
  ['AssumeRoleWithSAML', { min: 900, max: 43_200 }],
  ['AssumeRoleWithWebIdentity', { min: 900, max: 43_200 }],
  ['GetFederationToken', { min: 900, max: 129_600 }],
  ['GetSessionToken', { min: 900, max: 129_600 }],
]);

/** A role session assumed with credentials that are themselves a role session lasts at most one hour. */
export const ROLE_CHAINING_MAX_SECONDS = 3600;

/** The STS operation of a v2 `AWS.STS` / v3 aggregated `STS` method: `assumeRole` → `AssumeRole`. */
export const STS_OPERATIONS_BY_METHOD: ReadonlyMap<string, string> = new Map(
  [...(CREDENTIAL_RESPONSE_OPERATIONS.get('sts') ?? [])].map((operation) => [getOperationMethod(operation), operation]),
);

/** `sts.assumeRole(...)` and its siblings: v2 `AWS.STS` and v3 aggregated `STS` methods, to filter by client. */
export const STS_METHOD_CALL_SELECTOR = `CallExpression[callee.type="MemberExpression"][callee.property.name=/^(${[
  ...STS_OPERATIONS_BY_METHOD.keys(),
].join('|')})$/]`;

/** v3 providers whose credentials are a role session (instance or task role, assumed or web-identity role). */
const V3_ROLE_PROVIDERS: ReadonlySet<ProviderName> = new Set<ProviderName>([
  'fromContainerMetadata',
  'fromHttp',
  'fromInstanceMetadata',
  'fromTemporaryCredentials',
  'fromTokenFile',
  'fromWebToken',
]);

/** v2 credentials classes whose credentials are always a role session. */
const V2_ROLE_CREDENTIALS: ReadonlySet<V2CredentialsName> = new Set<V2CredentialsName>([
  'EC2MetadataCredentials',
  'ECSCredentials',
  'RemoteCredentials',
  'SAMLCredentials',
  'TokenFileWebIdentityCredentials',
  'WebIdentityCredentials',
]);

/** v2 classes that call AssumeRole when their params carry a `RoleArn`, and GetSessionToken otherwise. */
const V2_TEMPORARY_CREDENTIALS: ReadonlySet<V2CredentialsName> = new Set<V2CredentialsName>([
  'ChainableTemporaryCredentials',
  'TemporaryCredentials',
]);

/** E.g. `masterCredentials: fromInstanceMetadata()`, a `const` holding another `fromTemporaryCredentials(...)`. */
export function isV3RoleSession({ sourceCode, references }: StsScope, node: TSESTree.Node | undefined): boolean {
  const value = node && resolveValue(sourceCode, node);
  const info = value && references.get(value)?.info;
  return info?.kind === 'provider' && V3_ROLE_PROVIDERS.has(info.name);
}

/** E.g. `masterCredentials: new AWS.EC2MetadataCredentials()`, or a `ChainableTemporaryCredentials` with a `RoleArn`. */
export function isV2RoleSession({ sourceCode, references }: StsScope, node: TSESTree.Node): boolean {
  const value = resolveValue(sourceCode, node);
  const info = value && references.get(value)?.info;
  if (info?.kind !== 'v2Credentials' || value?.type !== AST_NODE_TYPES.NewExpression) {
    return false;
  }
  if (V2_ROLE_CREDENTIALS.has(info.name)) {
    return true;
  }
  if (!V2_TEMPORARY_CREDENTIALS.has(info.name)) {
    return false;
  }
  // GetSessionToken credentials (e.g. an MFA session) are not a role session: AssumeRole from them is not chaining.
  const options = value.arguments[0] && resolveObject(sourceCode, value.arguments[0]);
  const params =
    info.name === 'ChainableTemporaryCredentials' && options ? resolvePropertyObject(sourceCode, options, 'params') : options;
  return params !== undefined && getV2TemporaryOperation(sourceCode, params) === 'AssumeRole';
}

/**
 * The STS operation v2 temporary credentials call with `params`: AssumeRole with a `RoleArn`, GetSessionToken
 * without one. `undefined` when a spread the file does not define could hide a `RoleArn`.
 */
export function getV2TemporaryOperation(sourceCode: SourceCode, params: TSESTree.ObjectExpression): string | undefined {
  if (findProperty(sourceCode, params, 'RoleArn')) {
    return 'AssumeRole';
  }
  return hasUnknownSpread(sourceCode, params) ? undefined : 'GetSessionToken';
}

/**
 * The STS client is built with role-session credentials: `new STSClient({ credentials: fromInstanceMetadata() })`,
 * `new AWS.STS({ credentials: new AWS.ECSCredentials() })`, directly or through a `const`.
 */
export function isRoleChainingClient(scope: StsScope, node: TSESTree.Node): boolean {
  const { sourceCode, references } = scope;
  const client = resolveValue(sourceCode, node);
  const reference = client && references.get(client);
  if (reference?.info.kind !== 'client' || client?.type !== AST_NODE_TYPES.NewExpression || !client.arguments[0]) {
    return false;
  }
  const config = resolveObject(sourceCode, client.arguments[0]);
  const credentials = config && findProperty(sourceCode, config, 'credentials');
  if (!credentials) {
    return false;
  }
  return reference.info.sdk === 'v3' ? isV3RoleSession(scope, credentials.value) : isV2RoleSession(scope, credentials.value);
}

/** An STS client constructed in the file with an `endpoint` that is not AWS (MinIO, LocalStack, Ceph: other limits). */
export function isNonAwsClient({ sourceCode, references }: StsScope, node: TSESTree.Node): boolean {
  const client = resolveValue(sourceCode, node);
  if (client?.type !== AST_NODE_TYPES.NewExpression || references.get(client)?.info.kind !== 'client') {
    return false;
  }
  const config = client.arguments[0] && resolveObject(sourceCode, client.arguments[0]);
  return hasNonAwsEndpoint(sourceCode, config);
}

/**
 * `config` sets an `endpoint` that is not an AWS STS host, or one the file does not define: an STS-compatible
 * service (MinIO, LocalStack) may allow other durations.
 */
export function hasNonAwsEndpoint(sourceCode: SourceCode, config: TSESTree.ObjectExpression | undefined): boolean {
  return config !== undefined && [...getEndpointKinds(sourceCode, config)].some((kind) => kind !== 'aws');
}
