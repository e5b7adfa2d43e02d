import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isMemberNamed, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { STS_CREDENTIAL_OPERATIONS } from '../utils/sdk/credential-sources.js';
import type { ProviderName, V2CredentialsName } from '../utils/sdk/catalog.js';
import { getEndpointKinds } from '../utils/sdk/endpoints.js';
import { mentionsSdk, onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { findProperty, getStaticValue, resolveObject, resolveValue } from '../utils/scope/values.js';

type MessageId = 'durationTooShort' | 'durationTooLong' | 'chainedDurationTooLong' | 'clampDuration';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;

/** One `DurationSeconds` / `durationSeconds` given to an STS operation. */
interface DurationSite {
  /** The object literal that holds the duration (the operation's input, or a provider's options). */
  params: TSESTree.ObjectExpression | undefined;
  key: 'DurationSeconds' | 'durationSeconds';
  operation: string;
  /** The source credentials are themselves a role session: AssumeRole is then role chaining. */
  chained: boolean;
}

/** What every check needs: the file and its SDK references. */
interface Checker {
  sourceCode: SourceCode;
  references: SdkReferences;
}

/** STS `DurationSeconds` model constraints per operation (sdk-facts A5). */
const DURATION_LIMITS: ReadonlyMap<string, { min: number; max: number }> = new Map([
  ['AssumeRole', { min: 900, max: 43_200 }],
  ['AssumeRoleWithSAML', { min: 900, max: 43_200 }],
  ['AssumeRoleWithWebIdentity', { min: 900, max: 43_200 }],
  ['GetFederationToken', { min: 900, max: 129_600 }],
  ['GetSessionToken', { min: 900, max: 129_600 }],
]);

/** A role session assumed with credentials that are themselves a role session lasts at most one hour (A4). */
const ROLE_CHAINING_MAX = 3600;

/** How deep spreads of spreads are followed before the object counts as unknown. */
const MAX_SPREAD_DEPTH = 4;

/** `sts.assumeRole(...)` and its siblings: v2 `AWS.STS` and v3 aggregated `STS` methods, filtered by client later. */
const STS_METHOD_CALL =
  'CallExpression[callee.type="MemberExpression"][callee.property.name=/^(assumeRole(WithWebIdentity|WithSAML)?|getSessionToken|getFederationToken)$/]';

const STS_METHODS: ReadonlyMap<string, string> = new Map(
  [...STS_CREDENTIAL_OPERATIONS].map(([operation, method]) => [method, operation]),
);

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

/** v2 classes that call AssumeRole when their params carry a `RoleArn`, and GetSessionToken otherwise (B4). */
const V2_TEMPORARY_CREDENTIALS: ReadonlySet<V2CredentialsName> = new Set<V2CredentialsName>([
  'ChainableTemporaryCredentials',
  'TemporaryCredentials',
]);

export default createRule<[], MessageId>({
  name: 'valid-session-duration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce STS session durations within the limits of each operation and of role chaining',
      recommended: 'recommended',
      severity: 'error',
    },
    hasSuggestions: true,
    messages: {
      durationTooShort:
        'A session duration of {{ value }} seconds is below the {{ min }}-second minimum of STS {{ operation }}: ' +
        'the request fails with a ValidationError and no credentials are issued.',
      durationTooLong:
        'A session duration of {{ value }} seconds exceeds the {{ max }}-second maximum of STS {{ operation }}: ' +
        'STS answers with a ValidationError and no credentials are issued.',
      chainedDurationTooLong:
        'A session duration of {{ value }} seconds exceeds the {{ max }}-second cap of role chaining: the source ' +
        'credentials are themselves a role session, so STS {{ operation }} answers "The requested DurationSeconds ' +
        'exceeds the 1 hour session limit for roles assumed by role chaining" and no credentials are issued.',
      clampDuration: 'Use {{ bound }} seconds, the nearest duration STS accepts here.',
    },
    schema: [],
  },
  create(context) {
    // STS calls need an SDK client: a file that names no SDK module makes none.
    if (!mentionsSdk(context.sourceCode)) {
      return {};
    }
    const methodCalls: TSESTree.CallExpression[] = [];
    return {
      ...onSdkReferences(context, (references) => {
        const checker: Checker = { sourceCode: context.sourceCode, references };
        const sites = [
          ...getCommandSites(checker),
          ...methodCalls.flatMap((call) => getMethodSites(checker, call)),
          ...getV3ProviderSites(checker),
          ...getV2CredentialsSites(checker),
        ];
        // A params object shared by several calls is one value: one report.
        const reported = new Set<TSESTree.Node>();
        for (const site of sites) {
          reportDuration(context, site, reported);
        }
      }),
      [STS_METHOD_CALL](node: TSESTree.CallExpression) {
        methodCalls.push(node);
      },
    };
  },
});

/** E.g. `new AssumeRoleCommand(input)`, `sts.send(new GetSessionTokenCommand({ DurationSeconds }))`. */
function getCommandSites(checker: Checker): DurationSite[] {
  const { sourceCode, references } = checker;
  return references.ofKind('command').flatMap((command) => {
    const { service, operation } = command.info;
    if (service !== 'sts' || !DURATION_LIMITS.has(operation) || command.node.type !== AST_NODE_TYPES.NewExpression) {
      return [];
    }
    const clients = getSendingClients(sourceCode, command.node);
    if (clients.some((client) => isNonAwsClient(checker, client))) {
      return [];
    }
    const input = command.node.arguments[0];
    return [
      {
        params: input && resolveObject(sourceCode, input),
        key: 'DurationSeconds',
        operation,
        chained: operation === 'AssumeRole' && clients.some((client) => isRoleChainingClient(checker, client)),
      },
    ];
  });
}

/** `client` in `client.send(command)`, the command constructed in the call or held in a `const`. */
function getSendingClients(sourceCode: SourceCode, command: TSESTree.NewExpression): TSESTree.Node[] {
  const declarator = command.parent;
  if (
    declarator.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== command ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  ) {
    const client = getSendReceiver(command);
    return client ? [client] : [];
  }
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  return (variable?.references ?? []).flatMap((reference) => {
    const client = reference.isRead() ? getSendReceiver(reference.identifier as TSESTree.Node) : undefined;
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
function getMethodSites(checker: Checker, call: TSESTree.CallExpression): DurationSite[] {
  const { sourceCode, references } = checker;
  const callee = call.callee as TSESTree.MemberExpression;
  const operation = STS_METHODS.get(getPropertyName(callee) ?? '');
  const client = resolveValue(sourceCode, callee.object);
  const info = client && references.get(client)?.info;
  const input = call.arguments[0];
  if (!operation || !client || info?.kind !== 'client' || info.service !== 'sts' || !input || isNonAwsClient(checker, client)) {
    return [];
  }
  return [
    {
      params: resolveObject(sourceCode, input),
      key: 'DurationSeconds',
      operation,
      chained: operation === 'AssumeRole' && isRoleChainingClient(checker, callee.object),
    },
  ];
}

/** `fromTemporaryCredentials({ params: { DurationSeconds } })`, `fromWebToken({ durationSeconds })`, `fromTokenFile`. */
function getV3ProviderSites(checker: Checker): DurationSite[] {
  const { sourceCode } = checker;
  return checker.references.ofKind('provider').flatMap((provider): DurationSite[] => {
    const argument = provider.node.type === AST_NODE_TYPES.CallExpression ? provider.node.arguments[0] : undefined;
    const options = argument && resolveObject(sourceCode, argument);
    if (!options || hasNonAwsEndpoint(sourceCode, getObjectProperty(sourceCode, options, 'clientConfig'))) {
      return [];
    }
    switch (provider.info.name) {
      case 'fromTemporaryCredentials':
        return [
          {
            params: getObjectProperty(sourceCode, options, 'params'),
            key: 'DurationSeconds',
            operation: 'AssumeRole',
            chained: isV3RoleSession(checker, getV3SourceCredentials(sourceCode, options)),
          },
        ];
      case 'fromTokenFile':
      case 'fromWebToken':
        return [{ params: options, key: 'durationSeconds', operation: 'AssumeRoleWithWebIdentity', chained: false }];
      default:
        return [];
    }
  });
}

/**
 * v2: `new AWS.ChainableTemporaryCredentials({ params, masterCredentials })`, `new AWS.TemporaryCredentials(params)`,
 * `new AWS.WebIdentityCredentials(params)`, `new AWS.SAMLCredentials(params)`.
 */
function getV2CredentialsSites(checker: Checker): DurationSite[] {
  const { sourceCode } = checker;
  return checker.references.ofKind('v2Credentials').flatMap((credentials): DurationSite[] => {
    const argument = credentials.node.type === AST_NODE_TYPES.NewExpression ? credentials.node.arguments[0] : undefined;
    const options = argument && resolveObject(sourceCode, argument);
    if (!options || hasNonAwsEndpoint(sourceCode, getV2StsConfig(sourceCode, credentials.info.name, credentials.node, options))) {
      return [];
    }
    switch (credentials.info.name) {
      case 'ChainableTemporaryCredentials': {
        const params = getObjectProperty(sourceCode, options, 'params');
        const operation = params && getV2TemporaryOperation(sourceCode, params);
        if (!operation) return [];
        const master = findProperty(sourceCode, options, 'masterCredentials');
        const chained = operation === 'AssumeRole' && master !== undefined && isV2RoleSession(checker, master.value);
        return [{ params, key: 'DurationSeconds', operation, chained }];
      }
      case 'TemporaryCredentials': {
        // The deprecated class collapses its `masterCredentials` to the root: chaining is not followed (B4).
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
  });
}

function reportDuration(context: Context, site: DurationSite, reported: Set<TSESTree.Node>): void {
  const { sourceCode } = context;
  const limits = DURATION_LIMITS.get(site.operation);
  const property = site.params && findProperty(sourceCode, site.params, site.key);
  const value = property && getStaticValue(sourceCode, property.value);
  if (!limits || !property || typeof value !== 'number' || reported.has(property)) {
    return;
  }
  const data = { value: String(value), operation: site.operation };
  if (value < limits.min) {
    reportWithClamp(context, property, 'durationTooShort', { ...data, min: String(limits.min) }, limits.min);
  } else if (site.chained && value > ROLE_CHAINING_MAX) {
    reportWithClamp(context, property, 'chainedDurationTooLong', { ...data, max: String(ROLE_CHAINING_MAX) }, ROLE_CHAINING_MAX);
  } else if (value > limits.max) {
    reportWithClamp(context, property, 'durationTooLong', { ...data, max: String(limits.max) }, limits.max);
  } else {
    return;
  }
  reported.add(property);
}

function reportWithClamp(
  context: Context,
  property: TSESTree.Property,
  messageId: MessageId,
  data: Record<string, string>,
  bound: number,
): void {
  const key = context.sourceCode.getText(property.key);
  context.report({
    node: property.value,
    messageId,
    data,
    suggest: [
      {
        messageId: 'clampDuration',
        data: { bound: String(bound) },
        // `{ DurationSeconds }` shorthand: the key must be written out.
        fix: (fixer) =>
          property.shorthand
            ? fixer.replaceText(property, `${key}: ${bound}`)
            : fixer.replaceText(property.value, String(bound)),
      },
    ],
  });
}

/** The object literal a property of `object` holds, e.g. `params` of `fromTemporaryCredentials` options. */
function getObjectProperty(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  name: string,
): TSESTree.ObjectExpression | undefined {
  const property = findProperty(sourceCode, object, name);
  return property && resolveObject(sourceCode, property.value);
}

/**
 * The source credentials of `fromTemporaryCredentials`: `masterCredentials`, else `clientConfig.credentials` (A4).
 * `undefined` when neither is written (the caller's default chain: unknown here).
 */
function getV3SourceCredentials(sourceCode: SourceCode, options: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  const master = findProperty(sourceCode, options, 'masterCredentials');
  if (master) {
    return master.value;
  }
  const clientConfig = getObjectProperty(sourceCode, options, 'clientConfig');
  return clientConfig && findProperty(sourceCode, clientConfig, 'credentials')?.value;
}

/** E.g. `masterCredentials: fromInstanceMetadata()`, a `const` holding another `fromTemporaryCredentials(...)`. */
function isV3RoleSession({ sourceCode, references }: Checker, node: TSESTree.Node | undefined): boolean {
  const value = node && resolveValue(sourceCode, node);
  const info = value && references.get(value)?.info;
  return info?.kind === 'provider' && V3_ROLE_PROVIDERS.has(info.name);
}

/** E.g. `masterCredentials: new AWS.EC2MetadataCredentials()`, or a `ChainableTemporaryCredentials` with a `RoleArn`. */
function isV2RoleSession({ sourceCode, references }: Checker, node: TSESTree.Node): boolean {
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
    info.name === 'ChainableTemporaryCredentials' && options ? getObjectProperty(sourceCode, options, 'params') : options;
  return params !== undefined && getV2TemporaryOperation(sourceCode, params) === 'AssumeRole';
}

/**
 * The STS operation v2 temporary credentials call with `params`: AssumeRole with a `RoleArn`, GetSessionToken
 * without one (B4). `undefined` when a spread the file does not define could hide a `RoleArn`.
 */
function getV2TemporaryOperation(sourceCode: SourceCode, params: TSESTree.ObjectExpression): string | undefined {
  if (findProperty(sourceCode, params, 'RoleArn')) {
    return 'AssumeRole';
  }
  return hasUnknownSpread(sourceCode, params) ? undefined : 'GetSessionToken';
}

/** A spread in `object` (or in the object literals it spreads) whose value the file does not define. */
function hasUnknownSpread(sourceCode: SourceCode, object: TSESTree.ObjectExpression, depth = 0): boolean {
  return object.properties.some((member) => {
    if (member.type !== AST_NODE_TYPES.SpreadElement) return false;
    const spread = depth < MAX_SPREAD_DEPTH ? resolveObject(sourceCode, member.argument) : undefined;
    return !spread || hasUnknownSpread(sourceCode, spread, depth + 1);
  });
}

/**
 * The STS client is built with role-session credentials: `new STSClient({ credentials: fromInstanceMetadata() })`,
 * `new AWS.STS({ credentials: new AWS.ECSCredentials() })`, directly or through a `const`.
 */
function isRoleChainingClient(checker: Checker, node: TSESTree.Node): boolean {
  const { sourceCode, references } = checker;
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
  return reference.info.sdk === 'v3'
    ? isV3RoleSession(checker, credentials.value)
    : isV2RoleSession(checker, credentials.value);
}

/** The STS client configuration of v2 credentials: `stsConfig` of ChainableTemporaryCredentials, the second argument of WebIdentityCredentials. */
function getV2StsConfig(
  sourceCode: SourceCode,
  name: V2CredentialsName,
  node: TSESTree.Node,
  options: TSESTree.ObjectExpression,
): TSESTree.ObjectExpression | undefined {
  if (name === 'ChainableTemporaryCredentials') {
    return getObjectProperty(sourceCode, options, 'stsConfig');
  }
  const clientConfig = name === 'WebIdentityCredentials' && node.type === AST_NODE_TYPES.NewExpression ? node.arguments[1] : undefined;
  return clientConfig && resolveObject(sourceCode, clientConfig);
}

/** An STS client constructed in the file with an `endpoint` that is not AWS (MinIO, LocalStack, Ceph: other limits). */
function isNonAwsClient({ sourceCode, references }: Checker, node: TSESTree.Node): boolean {
  const client = resolveValue(sourceCode, node);
  if (client?.type !== AST_NODE_TYPES.NewExpression || references.get(client)?.info.kind !== 'client') {
    return false;
  }
  const config = client.arguments[0] && resolveObject(sourceCode, client.arguments[0]);
  return hasNonAwsEndpoint(sourceCode, config);
}

/**
 * `config` sets an `endpoint` that is not an AWS STS host, or one the file does not define: an STS-compatible
 * service (MinIO, LocalStack) may allow other durations, so the rule stays quiet.
 */
function hasNonAwsEndpoint(sourceCode: SourceCode, config: TSESTree.ObjectExpression | undefined): boolean {
  return config !== undefined && [...getEndpointKinds(sourceCode, config)].some((kind) => kind !== 'aws');
}
