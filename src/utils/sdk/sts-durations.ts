/**
 * Where a file asks AWS STS for a session of some duration: commands, client methods, v3 providers and v2
 * credentials classes that pass `DurationSeconds` (or `durationSeconds`) to an STS operation.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isMemberNamed, skipTransparent } from '../ast/nodes.js';
import { resolvePropertyObject } from '../scope/objects.js';
import { getDeclaredReads } from '../scope/reads.js';
import { findProperty, resolveObject, resolveValue } from '../scope/values.js';
import {
  STS_DURATION_LIMITS,
  STS_OPERATIONS_BY_METHOD,
  getV2TemporaryOperation,
  hasNonAwsEndpoint,
  isNonAwsClient,
  isRoleChainingClient,
  isV2RoleSession,
  isV3RoleSession,
  type StsScope,
} from './sts.js';
import type { SdkInfo } from './catalog.js';
import type { SdkReference } from './references.js';

type ReferenceOf<K extends SdkInfo['kind']> = SdkReference<Extract<SdkInfo, { kind: K }>>;

/** One `DurationSeconds` / `durationSeconds` given to an STS operation of AWS (not of an STS-compatible service). */
export interface DurationSite {
  /** The object literal that holds the duration (the operation's input, or a provider's options). */
  params: TSESTree.ObjectExpression | undefined;
  key: 'DurationSeconds' | 'durationSeconds';
  operation: string;
  /** The source credentials are themselves a role session: AssumeRole is then role chaining. */
  chained: boolean;
}

/**
 * Every duration site of the file: STS commands and v3 providers and v2 credentials from `scope.references`, and
 * the STS client method calls among `methodCalls` (calls matched by `STS_METHOD_CALL_SELECTOR`).
 */
export function findDurationSites(scope: StsScope, methodCalls: readonly TSESTree.CallExpression[]): DurationSite[] {
  const { references } = scope;
  return [
    ...references.ofKind('command').flatMap((command) => getCommandSites(scope, command)),
    ...methodCalls.flatMap((call) => getMethodSites(scope, call)),
    ...references.ofKind('provider').flatMap((provider) => getV3ProviderSites(scope, provider)),
    ...references.ofKind('v2Credentials').flatMap((credentials) => getV2CredentialsSites(scope, credentials)),
  ];
}

/** E.g. `new AssumeRoleCommand(input)`, `sts.send(new GetSessionTokenCommand({ DurationSeconds }))`. */
function getCommandSites(scope: StsScope, command: ReferenceOf<'command'>): DurationSite[] {
  const { info, node } = command;
  if (info.service !== 'sts' || !STS_DURATION_LIMITS.has(info.operation) || node.type !== AST_NODE_TYPES.NewExpression) {
    return [];
  }
  const clients = getSendingClients(scope, node);
  if (clients.some((client) => isNonAwsClient(scope, client))) {
    return [];
  }
  const input = node.arguments[0];
  const { operation } = info;
  return [
    {
      params: input && resolveObject(scope.sourceCode, input),
      key: 'DurationSeconds',
      operation,
      chained: operation === 'AssumeRole' && clients.some((client) => isRoleChainingClient(scope, client)),
    },
  ];
}

/** `client` in `client.send(command)`, the command constructed in the call or held in a `const`. */
function getSendingClients({ sourceCode }: StsScope, command: TSESTree.NewExpression): TSESTree.Node[] {
  const declarator = command.parent;
  if (
    declarator.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== command ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  ) {
    const client = getSendReceiver(command);
    return client ? [client] : [];
  }
  return getDeclaredReads(sourceCode, declarator).flatMap((read) => {
    const client = getSendReceiver(read);
    return client ? [client] : [];
  });
}

function getSendReceiver(command: TSESTree.Node): TSESTree.Node | undefined {
  const call = command.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== command) {
    return undefined;
  }
  const callee = skipTransparent(call.callee);
  return isMemberNamed(callee, 'send') ? callee.object : undefined;
}

/** E.g. `new STS().assumeRole(input)` (v3 aggregated), `sts.getSessionToken(params, callback)` (v2). */
function getMethodSites(scope: StsScope, call: TSESTree.CallExpression): DurationSite[] {
  const { sourceCode, references } = scope;
  const callee = call.callee as TSESTree.MemberExpression;
  const operation = STS_OPERATIONS_BY_METHOD.get(getPropertyName(callee) ?? '');
  const client = resolveValue(sourceCode, callee.object);
  const info = client && references.get(client)?.info;
  const input = call.arguments[0];
  if (!operation || !client || info?.kind !== 'client' || info.service !== 'sts' || !input || isNonAwsClient(scope, client)) {
    return [];
  }
  return [
    {
      params: resolveObject(sourceCode, input),
      key: 'DurationSeconds',
      operation,
      chained: operation === 'AssumeRole' && isRoleChainingClient(scope, callee.object),
    },
  ];
}

/** `fromTemporaryCredentials({ params: { DurationSeconds } })`, `fromWebToken({ durationSeconds })`, `fromTokenFile`. */
function getV3ProviderSites(scope: StsScope, provider: ReferenceOf<'provider'>): DurationSite[] {
  const { sourceCode } = scope;
  const argument = provider.node.type === AST_NODE_TYPES.CallExpression ? provider.node.arguments[0] : undefined;
  const options = argument && resolveObject(sourceCode, argument);
  if (!options || hasNonAwsEndpoint(sourceCode, resolvePropertyObject(sourceCode, options, 'clientConfig'))) {
    return [];
  }
  switch (provider.info.name) {
    case 'fromTemporaryCredentials':
      return [
        {
          params: resolvePropertyObject(sourceCode, options, 'params'),
          key: 'DurationSeconds',
          operation: 'AssumeRole',
          chained: isV3RoleSession(scope, getV3SourceCredentials(scope, options)),
        },
      ];
    case 'fromTokenFile':
    case 'fromWebToken':
      return [{ params: options, key: 'durationSeconds', operation: 'AssumeRoleWithWebIdentity', chained: false }];
    default:
      return [];
  }
}

/**
 * The source credentials of `fromTemporaryCredentials`: `masterCredentials`, else `clientConfig.credentials`.
 * `undefined` when neither is written (the caller's default chain: unknown here).
 */
function getV3SourceCredentials({ sourceCode }: StsScope, options: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  const master = findProperty(sourceCode, options, 'masterCredentials');
  if (master) {
    return master.value;
  }
  const clientConfig = resolvePropertyObject(sourceCode, options, 'clientConfig');
  return clientConfig && findProperty(sourceCode, clientConfig, 'credentials')?.value;
}

/**
 * v2: `new AWS.ChainableTemporaryCredentials({ params, masterCredentials })`, `new AWS.TemporaryCredentials(params)`,
 * `new AWS.WebIdentityCredentials(params)`, `new AWS.SAMLCredentials(params)`.
 */
function getV2CredentialsSites(scope: StsScope, credentials: ReferenceOf<'v2Credentials'>): DurationSite[] {
  const { sourceCode } = scope;
  const { info, node } = credentials;
  const argument = node.type === AST_NODE_TYPES.NewExpression ? node.arguments[0] : undefined;
  const options = argument && resolveObject(sourceCode, argument);
  if (!options || hasNonAwsEndpoint(sourceCode, getV2StsConfig(scope, credentials, options))) {
    return [];
  }
  switch (info.name) {
    case 'ChainableTemporaryCredentials': {
      const params = resolvePropertyObject(sourceCode, options, 'params');
      const operation = params && getV2TemporaryOperation(sourceCode, params);
      if (!operation) return [];
      const master = findProperty(sourceCode, options, 'masterCredentials');
      const chained = operation === 'AssumeRole' && master !== undefined && isV2RoleSession(scope, master.value);
      return [{ params, key: 'DurationSeconds', operation, chained }];
    }
    case 'TemporaryCredentials': {
      // The deprecated class collapses its `masterCredentials` to the root: chaining is not followed.
      const operation = getV2TemporaryOperation(sourceCode, options);
      return operation ? [{ params: options, key: 'DurationSeconds', operation, chained: false }] : [];
    }
    case 'WebIdentityCredentials':
      return [{ params: options, key: 'DurationSeconds', operation: 'AssumeRoleWithWebIdentity', chained: false }];
    case 'SAMLCredentials':
      return [{ params: options, key: 'DurationSeconds', operation: 'AssumeRoleWithSAML', chained: false }];
    default:
      return [];
  }
}

/** The STS client configuration of v2 credentials: `stsConfig` of ChainableTemporaryCredentials, the second argument of WebIdentityCredentials. */
function getV2StsConfig(
  { sourceCode }: StsScope,
  { info, node }: ReferenceOf<'v2Credentials'>,
  options: TSESTree.ObjectExpression,
): TSESTree.ObjectExpression | undefined {
  if (info.name === 'ChainableTemporaryCredentials') {
    return resolvePropertyObject(sourceCode, options, 'stsConfig');
  }
  const clientConfig =
    info.name === 'WebIdentityCredentials' && node.type === AST_NODE_TYPES.NewExpression ? node.arguments[1] : undefined;
  return clientConfig && resolveObject(sourceCode, clientConfig);
}
