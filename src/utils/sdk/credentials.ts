/**
 * The credential model: for any value given to a credential consumer, what kind of credentials it is (a static
 * object, a one-shot snapshot and of which source, a provider, an SDK provider, or unknown), and every place the file
 * gives credentials to the SDK. Built on the flow model, once per file, shared by every rule.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { DEFAULT_EXPORT, findModuleExports } from '../ast/exports.js';
import { getEnclosingFunction, getPropertyName, getReturnedExpressions, isFunction, isIdentifierNamed, isMemberNamed, skipTransparent, type FunctionNode } from '../ast/nodes.js';
import { collectNodes } from '../ast/walk.js';
import { getFlow, type Flow, type FlowValue } from '../scope/flow.js';
import { getBindingSource } from '../scope/values.js';
import { getMethodOperation, isCredentialResponseOperation, type AuthSessionName, type ProviderName, type SdkInfo, type SignerInfo, type V2CredentialsName } from './catalog.js';
import { CREDENTIAL_KEYS, isExpiryName } from './credential-keys.js';
import { describeModuleLocation, getLoadedModule } from '../modules/module-graph.js';
import { getModuleSdkReferences, type SdkReference, type SdkReferences } from './references.js';
import { getTypedCredentials, type TypedCredential } from './typed-credentials.js';
import { getV2OptionsSites, getGlobalConfigAssignment, type V2OptionsSite } from './v2-config.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Where a snapshot of credentials came from. */
export type CredentialSource =
  /** `await sts.send(new AssumeRoleCommand(input))`, `sts.assumeRole(input).promise()`, a callback's `data`. */
  | {
      kind: 'response';
      service: string;
      operation: string;
      input: TSESTree.Node | undefined;
      call: TSESTree.CallExpression;
    }
  /** `await fromIni()()`, `await client.config.credentials()`: a provider called once and its result kept. */
  | { kind: 'resolvedProvider'; call: TSESTree.CallExpression }
  /** v2 `AWS.config.credentials.accessKeyId`: the keys a refreshing credentials object held at that moment. */
  | { kind: 'v2Snapshot'; node: TSESTree.Node }
  /**
   * Amplify: the `credentials` of `await fetchAuthSession()`, `await Auth.currentCredentials()`,
   * `Auth.essentialCredentials(c)`: a Cognito identity pool's keys of that moment, valid for an hour.
   */
  | { kind: 'authSession'; name: AuthSessionName; call: TSESTree.CallExpression };

/**
 * The kind of credentials one value is. `origin` says where, in another module the file imports, the value was built
 * (`config/aws.js:3`); report nodes and fixes stay in the file being linted.
 */
export type CredentialValue = CredentialKind & { readonly origin?: string };

type CredentialKind =
  /** An object literal or `new AWS.Credentials(…)` whose keys come from no one-shot source. */
  | { kind: 'static'; value: FlowValue; object: TSESTree.ObjectExpression | TSESTree.NewExpression }
  /** A copy of credentials resolved once. `object` is the literal that holds the copy, if there is one. */
  | {
      kind: 'oneShot';
      value: FlowValue;
      source: CredentialSource;
      object: TSESTree.ObjectExpression | TSESTree.NewExpression | undefined;
    }
  /** A function the file defines, called by the consumer for credentials. */
  | { kind: 'provider'; value: FlowValue; fn: FunctionNode }
  /** An SDK provider (`fromIni()`, `new AWS.SharedIniFileCredentials()`, `memoize(fn)`). */
  | { kind: 'sdkProvider'; value: FlowValue; name: ProviderName | V2CredentialsName | 'memoize'; profileFile: boolean }
  | { kind: 'unknown'; value: FlowValue };

/** One place the consumer takes credentials. */
export type CredentialInput =
  /** `credentials: X` in client options, `masterCredentials: X` of `fromTemporaryCredentials`. */
  | { kind: 'property'; property: TSESTree.Property; options: TSESTree.ObjectExpression }
  /** v2 flattened keys: `new AWS.S3({ accessKeyId, secretAccessKey })`, both present. */
  | {
      kind: 'keys';
      options: TSESTree.ObjectExpression;
      accessKeyId: TSESTree.Property;
      secretAccessKey: TSESTree.Property;
      sessionToken: TSESTree.Property | undefined;
    }
  /** `AWS.config.credentials = X`. */
  | { kind: 'assignment'; assignment: TSESTree.AssignmentExpression }
  /** The argument is the credentials object: `aws4.sign(request, X)`. */
  | { kind: 'argument'; call: TSESTree.CallExpression | TSESTree.NewExpression; argument: TSESTree.Expression };

/** A place the file gives credentials to the SDK. */
export interface CredentialConsumer {
  reference: SdkReference;
  /** The construction or call that takes them: `new S3Client(…)`, `AWS.config.update(…)`, an assignment. */
  node: TSESTree.Node;
  /** What messages name: `S3Client`, `AWS.S3`, `AWS.config`, `fromTemporaryCredentials`. */
  name: string;
  sdk: 'v2' | 'v3';
  /** The v2 options site, for v2 consumers that take options. */
  site: V2OptionsSite | undefined;
  inputs: readonly CredentialInput[];
}

/**
 * A place where the file hands the SDK a function it calls for credentials: client `credentials`, an argument of
 * `createCredentialChain(…)`, `memoize(fn, …)` of `@smithy/property-provider`, `roleAssumer` /
 * `roleAssumerWithWebIdentity` or `clientConfig: { credentials }` in an SDK provider's options, and a value the module
 * exports under a role-assumer name (`export const roleAssumer = …`), which the module that imports it hands to an
 * SDK provider. Most of these memoize what the function returns and call it again only once the result's
 * `expiration` is near (RULES.md, "Provider functions the client memoizes"). Not `credentialDefaultProvider`: the
 * client calls the provider that factory returns on every request.
 */
export interface ProviderHandoff {
  /**
   * `credentials`: `new S3Client({ credentials: fn })` (v3, not a getter); `chain`: an argument of
   * `createCredentialChain(…)`; `roleAssumer`: a role-assumer key in an SDK provider's options; `clientConfig`:
   * `clientConfig: { credentials }` of an SDK provider; `memoize`: the first argument of `memoize(…)`; `export`: a
   * value exported under a role-assumer name.
   */
  kind: 'credentials' | 'chain' | 'roleAssumer' | 'clientConfig' | 'memoize' | 'export';
  /** The expression handed over: the function itself, its name, or a call that returns it. */
  node: TSESTree.Node;
  /** Who takes it: `S3Client`, `createCredentialChain`, `fromIni`, `memoize`, the exported name. */
  name: string;
  /**
   * Where it goes: `credentials`, `createCredentialChain`, `memoize`, `roleAssumer`, `roleAssumerWithWebIdentity`,
   * `clientConfig.credentials`, or the exported name.
   */
  slot: string;
  /** The `createCredentialChain(…)` or `memoize(…)` call. */
  call?: TSESTree.CallExpression;
  /** A chain with `.expireAfter(ms)`: the client calls its functions again after `ms`, `expiration` or not. */
  expireAfter?: boolean;
  /** `memoize(fn)` with no `isExpired`: the first result is kept forever, `expiration` or not. */
  cachesForever?: boolean;
}

/** The options of SDK providers that take a function returning credentials (`fromIni`, `fromTokenFile`, …). */
export const ROLE_ASSUMER_KEYS: readonly string[] = ['roleAssumer', 'roleAssumerWithWebIdentity'];

/** The questions of the credential model, for one file. */
export interface CredentialModel {
  readonly sourceCode: SourceCode;
  readonly flow: Flow;
  /** The file's SDK references the model is built on. */
  readonly sdk: SdkReferences;
  /** Every place the file gives credentials to the SDK, in source order of the SDK references. */
  readonly consumers: readonly CredentialConsumer[];
  /** The object literals `node` may hold. */
  objectsOf(node: TSESTree.Node): TSESTree.ObjectExpression[];
  /** The property that gives `object` its `key` at run time (the last one, spreads of local objects included). */
  propertyOf(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined;
  /**
   * Where a credential field value came from, when it is a snapshot of credentials resolved once. With `within`,
   * `node` is read as in the call that value was reached through (a member of a returned object).
   */
  sourceOf(node: TSESTree.Node, within?: FlowValue): CredentialSource | undefined;
  /** What kinds of credentials `node` may give a consumer, one per value it may hold. */
  classify(node: TSESTree.Node): readonly CredentialValue[];
  /** What kind of credentials one value of the flow model is (in this file or in a module it imports). */
  classifyValue(value: FlowValue): CredentialValue;
  /** Where a snapshot one value of the flow model holds came from, if it is one. */
  sourceOfValue(value: FlowValue): CredentialSource | undefined;
  /**
   * Where `node` is, when it belongs to another module the file imports: `config/aws.js:3`. `undefined` for the
   * file's own nodes: only those may be reported or rewritten.
   */
  originOf(node: TSESTree.Node): string | undefined;
  /** The SDK reference a value ends at, if any. */
  referenceOf(value: FlowValue): SdkReference | undefined;
  /**
   * The `credentials` the client that made `call` was built with: `fromIni()` in
   * `new STSClient({ credentials: fromIni() }).send(…)`.
   */
  clientCredentialsOf(call: TSESTree.CallExpression): TSESTree.Node | undefined;
  /** The one-shot credentials a provider function keeps outside the call and hands out again, never refreshed. */
  cachedSnapshotsOf(fn: FunctionNode): readonly CredentialValue[];
  /** What kinds of credentials a provider function returns, one per value it may return (awaited, if a promise). */
  returnsOf(fn: FunctionNode): readonly CredentialValue[];
  /** Every place the file hands the SDK a provider function (see `ProviderHandoff`), in source order. */
  readonly providerHandoffs: readonly ProviderHandoff[];
  /**
   * The consumer signs with what it is given at this call, or is built per call (`aws4.sign`, aws4fetch), and
   * `source` was resolved in the same function: a new snapshot at each call, E.g. `aws4.sign(request, await
   * provider())`.
   */
  isResolvedPerUse(consumer: CredentialConsumer, source: CredentialSource): boolean;
  /**
   * Typed mode (the config gives the parser a program, `sdk/typed-credentials.ts`): what the type of a value the
   * model leaves unknown says it is, or what a provider function's signature returns when none of its returns is an
   * object the flow model sees. `undefined` without type information: rules then give today's results.
   */
  typeOf(value: CredentialValue): TypedCredential | undefined;
}

const models = new WeakMap<SdkReferences, CredentialModel>();
const modelsByProgram = new WeakMap<TSESTree.Program, CredentialModel>();

/** The credential model of the file whose SDK references are `references`, built on first use. */
export function getCredentialModel(sourceCode: SourceCode, references: SdkReferences): CredentialModel {
  let model = models.get(references);
  if (!model) {
    model = createCredentialModel(sourceCode, references);
    models.set(references, model);
    modelsByProgram.set(sourceCode.ast, model);
  }
  return model;
}

function createCredentialModel(sourceCode: SourceCode, references: SdkReferences): CredentialModel {
  const flow = getFlow(sourceCode);
  flow.setTerminals((node) => references.get(node) !== undefined);
  const { modules } = references;
  if (modules) {
    // An imported module gets its own model (its SDK references, its own imports) before the flow looks into it.
    flow.setModules({
      flowOf(specifier) {
        const module = modules.load(specifier);
        return module && getCredentialModel(module.sourceCode, getModuleSdkReferences(module)).flow;
      },
    });
  }
  /** The model of the other module `node` belongs to. */
  const ownerOf = (node: TSESTree.Node): CredentialModel | undefined => {
    const owner = flow.ownerOf(node);
    return owner && modelsByProgram.get(owner.program);
  };
  const originOf = (node: TSESTree.Node): string | undefined => {
    const owner = flow.ownerOf(node);
    const module = owner && getLoadedModule(owner.program);
    return module && describeModuleLocation(module, node);
  };
  let consumers: CredentialConsumer[] | undefined;
  let handoffs: ProviderHandoff[] | undefined;

  const referenceOf = (value: FlowValue): SdkReference | undefined => references.get(skipTransparent(value.node));
  const infoOf = (value: FlowValue): SdkInfo | undefined => (value.path.length === 0 ? referenceOf(value)?.info : undefined);

  const objectsOf = (node: TSESTree.Node): TSESTree.ObjectExpression[] =>
    flow
      .valuesOf(node)
      .filter((value) => value.path.length === 0)
      .map((value) => skipTransparent(value.node))
      .filter((value): value is TSESTree.ObjectExpression => value.type === AST_NODE_TYPES.ObjectExpression);

  const propertyOf = (object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined => {
    const found = flow.lookup({ node: object, path: [], awaited: false, via: [] }, key);
    return found.kind === 'found' ? found.properties[0] : undefined;
  };

  function sourceOf(node: TSESTree.Node, within?: FlowValue): CredentialSource | undefined {
    return findSource(flow.valuesOf(node, within), node);
  }

  /** The first snapshot among `values`; `spelled` is the expression they were read from, to name v2 holders. */
  function findSource(values: readonly FlowValue[], spelled: TSESTree.Node): CredentialSource | undefined {
    for (const value of values) {
      const source = sourceOfValue(value);
      if (source?.kind === 'v2Snapshot') return { kind: 'v2Snapshot', node: getSnapshotHolder(sourceCode, spelled) ?? source.node };
      if (source) return source;
    }
    return undefined;
  }

  function sourceOfValue(value: FlowValue): CredentialSource | undefined {
    const owner = ownerOf(value.node);
    if (owner) return owner.sourceOfValue(value);
    const node = skipTransparent(value.node);
    const session = getAuthSessionSource(value);
    if (session) return session;
    if (value.awaited && node.type === AST_NODE_TYPES.CallExpression) {
      const source = getResolvedCallSource(node);
      if (source) return source;
    }
    return getV2Snapshot(value);
  }

  /** What an awaited call (or the call a callback's result comes from) resolves to. */
  function getResolvedCallSource(call: TSESTree.CallExpression): CredentialSource | undefined {
    const callee = skipTransparent(call.callee);
    // v2: `await sts.assumeRole(input).promise()`.
    if (isMemberNamed(callee, 'promise') && call.arguments.length === 0) {
      const inner = skipTransparent(callee.object);
      return inner.type === AST_NODE_TYPES.CallExpression ? getMethodResponse(inner) : undefined;
    }
    if (isMemberNamed(callee, 'getCredentials') && isV2Config(callee.object)) {
      // `AWS.config.getCredentials((err, credentials) => …)`.
      return { kind: 'v2Snapshot', node: call };
    }
    return getSendResponse(call) ?? getMethodResponse(call) ?? getProviderInvocation(call);
  }

  /** `client.send(new AssumeRoleCommand(input))`, the command possibly held in a binding. */
  function getSendResponse(call: TSESTree.CallExpression): CredentialSource | undefined {
    const [argument] = call.arguments;
    if (!isMemberNamed(skipTransparent(call.callee), 'send') || !argument) {
      return undefined;
    }
    for (const value of flow.valuesOf(argument)) {
      const info = infoOf(value);
      const command = skipTransparent(value.node);
      if (info?.kind === 'command' && command.type === AST_NODE_TYPES.NewExpression && isCredentialResponseOperation(info.service, info.operation)) {
        return { kind: 'response', service: info.service, operation: info.operation, input: command.arguments[0], call };
      }
    }
    return undefined;
  }

  /** `sts.assumeRole(input)` on a client of the file (v3 aggregated, v2), also with a callback as last argument. */
  function getMethodResponse(call: TSESTree.CallExpression): CredentialSource | undefined {
    const callee = skipTransparent(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !method) {
      return undefined;
    }
    const operation = getMethodOperation(method);
    for (const value of flow.valuesOf(callee.object)) {
      const info = infoOf(value);
      if (info?.kind === 'client' && isCredentialResponseOperation(info.service, operation)) {
        return { kind: 'response', service: info.service, operation, input: call.arguments[0], call };
      }
    }
    return undefined;
  }

  /** `fromIni()()`, `provider()` where `const provider = fromNodeProviderChain()`, `client.config.credentials()`. */
  function getProviderInvocation(call: TSESTree.CallExpression): CredentialSource | undefined {
    const callee = skipTransparent(call.callee);
    if (isMemberNamed(callee, 'credentials') && isMemberNamed(skipTransparent(callee.object), 'config')) {
      return { kind: 'resolvedProvider', call };
    }
    const isProvider = flow.valuesOf(callee).some((value) => {
      const info = infoOf(value);
      return info?.kind === 'provider' || info?.kind === 'memoize';
    });
    return isProvider ? { kind: 'resolvedProvider', call } : undefined;
  }

  /**
   * A refreshing v2 credentials object read as plain keys: `AWS.config.credentials.accessKeyId`, the keys of
   * `new AWS.EC2MetadataCredentials()`, `s3.config.credentials.secretAccessKey` of a v2 client.
   */
  function getV2Snapshot(value: FlowValue): CredentialSource | undefined {
    const info = referenceOf(value)?.info;
    const [first, second, third] = value.path;
    const isSnapshot =
      (info?.kind === 'v2GlobalConfig' && first === 'credentials' && second !== undefined && CREDENTIAL_KEYS.has(second)) ||
      (info?.kind === 'v2Credentials' && info.name !== 'Credentials' && first !== undefined && CREDENTIAL_KEYS.has(first)) ||
      (info?.kind === 'client' &&
        info.sdk === 'v2' &&
        first === 'config' &&
        second === 'credentials' &&
        third !== undefined &&
        CREDENTIAL_KEYS.has(third));
    return isSnapshot ? { kind: 'v2Snapshot', node: value.node } : undefined;
  }

  /**
   * The credentials of an Amplify auth call's result, or one of their keys: `(await fetchAuthSession()).credentials`,
   * `await Auth.currentCredentials()`, `Auth.essentialCredentials(c).accessKeyId`; not the session's `tokens`.
   */
  function getAuthSessionSource(value: FlowValue): CredentialSource | undefined {
    const node = skipTransparent(value.node);
    const info = referenceOf(value)?.info;
    if (info?.kind !== 'authSession' || node.type !== AST_NODE_TYPES.CallExpression) {
      return undefined;
    }
    const [first, ...rest] = value.path;
    const keys = info.name === 'fetchAuthSession' ? (first === 'credentials' ? rest : undefined) : value.path;
    const [key, ...deeper] = keys ?? [];
    const isCredentials = keys !== undefined && deeper.length === 0 && (key === undefined || CREDENTIAL_KEYS.has(key));
    // `essentialCredentials` returns its copy at once; the others return a promise.
    const resolved = value.awaited || info.name === 'essentialCredentials';
    return isCredentials && resolved ? { kind: 'authSession', name: info.name, call: node } : undefined;
  }

  /** `AWS.config`, or `s3.config` of a v2 client the file constructs. */
  function isV2Config(node: TSESTree.Node): boolean {
    return flow.valuesOf(node).some((value) => {
      const info = referenceOf(value)?.info;
      return (
        (info?.kind === 'v2GlobalConfig' && value.path.length === 0) ||
        (info?.kind === 'client' && info.sdk === 'v2' && value.path.length === 1 && value.path[0] === 'config')
      );
    });
  }

  function classify(node: TSESTree.Node): readonly CredentialValue[] {
    return flow.valuesOf(node).map(classifyValue);
  }

  function classifyValue(value: FlowValue): CredentialValue {
    const owner = ownerOf(value.node);
    if (owner) {
      const origin = originOf(value.node);
      return { ...owner.classifyValue(value), ...(origin && { origin }) };
    }
    const node = skipTransparent(value.node);
    const session = getAuthSessionSource(value);
    if (session) return { kind: 'oneShot', value, source: session, object: undefined };
    if (value.path.length > 0 || value.awaited) {
      const source = sourceOfValue(value);
      return source ? { kind: 'oneShot', value, source, object: undefined } : { kind: 'unknown', value };
    }
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      return classifyObject(value, node);
    }
    if (isFunction(node)) {
      return { kind: 'provider', value, fn: node };
    }
    const info = referenceOf(value)?.info;
    if (info?.kind === 'v2Credentials' && node.type === AST_NODE_TYPES.NewExpression) {
      if (info.name !== 'Credentials') {
        return { kind: 'sdkProvider', value, name: info.name, profileFile: info.name === 'SharedIniFileCredentials' };
      }
      // E.g. `new AWS.Credentials(id, secret)`, `new AWS.Credentials({ accessKeyId: id, secretAccessKey: secret })`.
      const [first] = node.arguments;
      const keys = node.arguments.length === 1 && first ? objectsOf(first).flatMap(getKeyValues) : [];
      const source = findFirstSource([...node.arguments, ...keys]);
      return source ? { kind: 'oneShot', value, source, object: node } : { kind: 'static', value, object: node };
    }
    if (info?.kind === 'provider') {
      return { kind: 'sdkProvider', value, name: info.name, profileFile: info.name === 'fromIni' };
    }
    if (info?.kind === 'memoize') {
      return { kind: 'sdkProvider', value, name: 'memoize', profileFile: false };
    }
    return { kind: 'unknown', value };
  }

  /** An object literal with `accessKeyId` or `secretAccessKey`: static, unless its keys or spreads are a snapshot. */
  function classifyObject(value: FlowValue, object: TSESTree.ObjectExpression): CredentialValue {
    let hasKeys = false;
    let source: CredentialSource | undefined;
    for (const key of ['accessKeyId', 'secretAccessKey']) {
      const found = flow.lookup(value, key);
      if (found.kind !== 'found') continue;
      hasKeys = true;
      source ??= findSource(found.values, found.properties[0]?.value ?? object);
    }
    // E.g. `{ ...Credentials }`, `{ ...toIdentity(Credentials) }` where the helper is in another file.
    for (const member of object.properties) {
      if (member.type === AST_NODE_TYPES.SpreadElement) source ??= sourceOf(member.argument, value);
    }
    if (source) {
      return { kind: 'oneShot', value, source, object };
    }
    return hasKeys ? { kind: 'static', value, object } : { kind: 'unknown', value };
  }

  function getKeyValues(object: TSESTree.ObjectExpression): TSESTree.Node[] {
    return ['accessKeyId', 'secretAccessKey'].flatMap((key) => propertyOf(object, key)?.value ?? []);
  }

  function findFirstSource(values: readonly TSESTree.Node[]): CredentialSource | undefined {
    for (const value of values) {
      const source = sourceOf(value);
      if (source) return source;
    }
    return undefined;
  }

  function findConsumers(): CredentialConsumer[] {
    const found: CredentialConsumer[] = [];
    for (const client of references.ofKind('client')) {
      if (client.info.sdk !== 'v3' || client.node.type !== AST_NODE_TYPES.NewExpression) continue;
      const [argument] = client.node.arguments;
      const inputs = argument ? propertyInputs(argument, 'credentials') : [];
      found.push({ reference: client, node: client.node, name: client.name, sdk: 'v3', site: undefined, inputs });
    }
    for (const site of getV2OptionsSites(references)) {
      const inputs = site.options ? v2OptionInputs(site.options) : [];
      found.push({ reference: site.reference, node: site.node, name: site.name, sdk: 'v2', site, inputs });
    }
    for (const config of references.ofKind('v2GlobalConfig')) {
      const assigned = getGlobalConfigAssignment(config.node);
      if (assigned?.key !== 'credentials' || assigned.assignment.operator !== '=') continue;
      const inputs: CredentialInput[] = [{ kind: 'assignment', assignment: assigned.assignment }];
      found.push({ reference: config, node: assigned.assignment, name: 'AWS.config', sdk: 'v2', site: undefined, inputs });
    }
    for (const provider of references.ofKind('provider')) {
      if (provider.info.name !== 'fromTemporaryCredentials' || provider.node.type !== AST_NODE_TYPES.CallExpression) continue;
      const [argument] = provider.node.arguments;
      const inputs = argument ? propertyInputs(argument, 'masterCredentials') : [];
      found.push({ reference: provider, node: provider.node, name: 'fromTemporaryCredentials', sdk: 'v3', site: undefined, inputs });
    }
    for (const signer of references.ofKind('signer')) {
      const { node, info } = signer;
      if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) continue;
      found.push({ reference: signer, node, name: info.name, sdk: 'v3', site: undefined, inputs: signerInputs(node, info) });
    }
    return found;
  }

  /**
   * The snapshots a provider function hands out again on every later call: it returns a value kept outside the
   * call (a module-level `let`, `this.k`, a `Map`, a captured `const`) that holds one-shot credentials, and nothing
   * in the function looks at an expiry or the clock. E.g. `if (cached) return cached; … cached = { …Credentials }`.
   */
  function cachedSnapshotsOf(fn: FunctionNode): CredentialValue[] {
    if (checksAge(fn)) {
      return [];
    }
    const snapshots = getReturnedExpressions(fn)
      .filter((returned) => isKeptOutside(unwrapResolve(returned), fn))
      .flatMap((returned) => classify(returned).filter((value) => value.kind === 'oneShot'));
    // `if (cached) return cached; … return cached;` hands out one snapshot.
    const seen = new Set<TSESTree.Node>();
    return snapshots.filter((snapshot) => {
      const node = (snapshot.kind === 'oneShot' && snapshot.object) || snapshot.value.node;
      return !seen.has(node) && Boolean(seen.add(node));
    });
  }

  /** `fn`, or a local function it calls (`if (isFresh(cached)) return cached`), reads an expiry or the clock. */
  function checksAge(fn: FunctionNode): boolean {
    if (readsExpiryOrClock(fn)) {
      return true;
    }
    const calls = collectNodes(fn.body, (node) => node.type === AST_NODE_TYPES.CallExpression) as TSESTree.CallExpression[];
    return calls.some((call) => flow.calleesOf(call).some((callee) => callee !== fn && readsExpiryOrClock(callee)));
  }

  function isKeptOutside(node: TSESTree.Node, fn: FunctionNode): boolean {
    if (node.type === AST_NODE_TYPES.Identifier) {
      const block = flow.variableOf(node)?.scope.block;
      return block !== undefined && !(fn.range[0] <= block.range[0] && block.range[1] <= fn.range[1]);
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      return skipTransparent(node.object).type === AST_NODE_TYPES.ThisExpression;
    }
    return node.type === AST_NODE_TYPES.CallExpression && isMemberNamed(skipTransparent(node.callee), 'get');
  }

  function clientCredentialsOf(call: TSESTree.CallExpression): TSESTree.Node | undefined {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) {
      return undefined;
    }
    for (const client of flow.valuesOf(callee.object)) {
      const node = skipTransparent(client.node);
      const [options] = node.type === AST_NODE_TYPES.NewExpression && client.path.length === 0 ? node.arguments : [];
      const [config] = options ? objectsOf(options) : [];
      const credentials = config && propertyOf(config, 'credentials');
      if (credentials) return credentials.value;
    }
    return undefined;
  }

  function propertyInputs(argument: TSESTree.Node, key: string): CredentialInput[] {
    // Options another module builds whole are not followed: reports and fixes stay in this file.
    return objectsOf(argument).flatMap((options) => {
      if (flow.ownerOf(options)) return [];
      const property = propertyOf(options, key);
      return property ? [{ kind: 'property' as const, property, options }] : [];
    });
  }

  function v2OptionInputs(argument: TSESTree.Node): CredentialInput[] {
    // `AWS.Config` wraps top-level keys into `new AWS.Credentials(options)` only when both are set.
    return [...propertyInputs(argument, 'credentials'), ...keyInputs(argument)];
  }

  /** `accessKeyId` and `secretAccessKey` (both) at the top level of the objects `argument` may hold. */
  function keyInputs(argument: TSESTree.Node): CredentialInput[] {
    return objectsOf(argument).flatMap((options) => {
      const accessKeyId = propertyOf(options, 'accessKeyId');
      const secretAccessKey = propertyOf(options, 'secretAccessKey');
      const sessionToken = propertyOf(options, 'sessionToken');
      return accessKeyId && secretAccessKey ? [{ kind: 'keys' as const, options, accessKeyId, secretAccessKey, sessionToken }] : [];
    });
  }

  /**
   * Where a signer takes credentials: an option of its first argument, its whole second argument
   * (`aws4.sign(request, credentials)`; none given, aws4 reads `process.env` at each call), or keys flattened into its
   * first argument (aws4fetch).
   */
  function signerInputs(node: TSESTree.CallExpression | TSESTree.NewExpression, info: SignerInfo): CredentialInput[] {
    const [first, second] = node.arguments;
    switch (info.option) {
      case 'secondArgument':
        return second && second.type !== AST_NODE_TYPES.SpreadElement ? [{ kind: 'argument', call: node, argument: second }] : [];
      case 'flattenedKeys':
        return first ? keyInputs(first) : [];
      default:
        return first ? propertyInputs(first, info.option) : [];
    }
  }

  function findProviderHandoffs(): ProviderHandoff[] {
    const found: ProviderHandoff[] = [];
    for (const consumer of consumers ?? (consumers = findConsumers())) {
      if (consumer.sdk !== 'v3' || consumer.reference.info.kind !== 'client') continue;
      for (const input of consumer.inputs) {
        // A getter (`get credentials() { … }`) yields the credentials object itself, not a provider.
        if (input.kind === 'property' && input.property.kind === 'init') {
          found.push({ kind: 'credentials', node: input.property.value, name: consumer.name, slot: 'credentials' });
        }
      }
    }
    for (const provider of references.ofKind('provider')) {
      const call = provider.node;
      const { name } = provider.info;
      if (call.type !== AST_NODE_TYPES.CallExpression) continue;
      if (name === 'createCredentialChain') {
        const expireAfter = hasExpireAfter(call);
        for (const argument of call.arguments) {
          if (argument.type !== AST_NODE_TYPES.SpreadElement) found.push({ kind: 'chain', node: argument, name, slot: name, call, expireAfter });
        }
        continue;
      }
      const [argument] = call.arguments;
      for (const options of argument ? objectsOf(argument) : []) {
        for (const key of ROLE_ASSUMER_KEYS) {
          const property = propertyOf(options, key);
          if (property) found.push({ kind: 'roleAssumer', node: property.value, name, slot: key });
        }
        const clientConfig = propertyOf(options, 'clientConfig');
        for (const config of clientConfig ? objectsOf(clientConfig.value) : []) {
          const credentials = propertyOf(config, 'credentials');
          if (credentials) found.push({ kind: 'clientConfig', node: credentials.value, name, slot: 'clientConfig.credentials' });
        }
      }
    }
    for (const memoize of references.ofKind('memoize')) {
      const call = memoize.node;
      const [fn, isExpired] = call.type === AST_NODE_TYPES.CallExpression ? call.arguments : [];
      if (fn && fn.type !== AST_NODE_TYPES.SpreadElement && call.type === AST_NODE_TYPES.CallExpression) {
        found.push({ kind: 'memoize', node: fn, name: 'memoize', slot: 'memoize', call, cachesForever: isExpired === undefined });
      }
    }
    // Every role-assumer key spells `roleAssumer`: a cheap gate before the walk over the top-level statements.
    if (sourceCode.text.includes('roleAssumer')) {
      for (const { name, node } of getExportedValues(sourceCode.ast)) {
        if (ROLE_ASSUMER_KEYS.includes(name)) found.push({ kind: 'export', node, name, slot: name });
      }
    }
    return found;
  }

  /**
   * `createCredentialChain(…).expireAfter(ms)`, also called later on what holds the chain
   * (`const chain = createCredentialChain(fn); chain.expireAfter(ms);`): `expireAfter` changes the chain in place.
   */
  function hasExpireAfter(chain: TSESTree.CallExpression): boolean {
    return [chain, ...flow.usesOf(chain).map((use) => use.node)].some((node) => {
      const member = node.parent;
      return (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === node &&
        isMemberNamed(member, 'expireAfter') &&
        member.parent.type === AST_NODE_TYPES.CallExpression &&
        member.parent.callee === member
      );
    });
  }

  function isResolvedPerUse(consumer: CredentialConsumer, source: CredentialSource): boolean {
    const { info } = consumer.reference;
    if (info.kind !== 'signer' || (info.option !== 'secondArgument' && info.option !== 'flattenedKeys')) {
      return false;
    }
    const resolved = source.kind === 'v2Snapshot' ? source.node : source.call;
    const fn = getEnclosingFunction(consumer.node);
    return fn !== undefined && getEnclosingFunction(resolved) === fn;
  }

  function typeOf(value: CredentialValue): TypedCredential | undefined {
    // Types are this file's program's: a value another module built has none here.
    if (value.origin) return undefined;
    const typed = getTypedCredentials(sourceCode);
    if (value.kind === 'unknown') return typed?.valueOf(value.value);
    const unfollowed = (returned: FlowValue): boolean =>
      returned.path.length > 0 || returned.awaited || (skipTransparent(returned.node).type !== AST_NODE_TYPES.ObjectExpression && !isFunction(skipTransparent(returned.node)));
    return typed && value.kind === 'provider' && flow.returnsOf(value.fn).every(unfollowed) ? typed.functionOf(value.fn) : undefined;
  }

  return {
    isResolvedPerUse,
    typeOf,
    sourceCode,
    flow,
    sdk: references,
    get consumers() {
      consumers ??= findConsumers();
      return consumers;
    },
    objectsOf,
    propertyOf,
    sourceOf,
    classify,
    classifyValue,
    sourceOfValue,
    originOf,
    referenceOf,
    cachedSnapshotsOf,
    returnsOf: (fn) => flow.returnsOf(fn).map(classifyValue),
    clientCredentialsOf,
    get providerHandoffs() {
      handoffs ??= findProviderHandoffs();
      return handoffs;
    },
  };
}

/** The values the module exports by name, the members of a default-exported object literal included. */
function getExportedValues(program: TSESTree.Program): { name: string; node: TSESTree.Node }[] {
  return findModuleExports(program).flatMap((entry): { name: string; node: TSESTree.Node }[] => {
    if (entry.kind !== 'value') return [];
    const { node } = entry;
    // `export default { k }` (the members of `module.exports = { k }` are exports of their own already).
    const isDefaultObject = node.type === AST_NODE_TYPES.ObjectExpression && node.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
    if (entry.name !== DEFAULT_EXPORT || !isDefaultObject) return [entry];
    return node.properties.flatMap((member) => {
      const name = member.type === AST_NODE_TYPES.Property ? getPropertyName(member) : undefined;
      return member.type === AST_NODE_TYPES.Property && name !== undefined ? [{ name, node: member.value }] : [];
    });
  });
}

/**
 * The expression a v2 snapshot reads its keys from, as the file spells it where they are read: `creds` of
 * `creds.accessKeyId ?? ''`, `AWS.config.credentials` of `const { accessKeyId } = AWS.config.credentials`.
 */
function getSnapshotHolder(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node | undefined {
  let current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.LogicalExpression) current = skipTransparent(current.left);
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const key = getPropertyName(current);
    return key !== undefined && CREDENTIAL_KEYS.has(key) ? current.object : undefined;
  }
  const binding = current.type === AST_NODE_TYPES.Identifier ? getBindingSource(sourceCode, current) : undefined;
  return binding?.path.length === 1 && CREDENTIAL_KEYS.has(binding.path[0] as string) ? binding.init : undefined;
}

/** `Promise.resolve(x)` → `x`. */
function unwrapResolve(node: TSESTree.Node): TSESTree.Node {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.CallExpression && isMemberNamed(skipTransparent(value.callee), 'resolve')) {
    const [first] = value.arguments;
    if (first && first.type !== AST_NODE_TYPES.SpreadElement) return skipTransparent(first);
  }
  return value;
}

/** The function reads an expiry field (`Expiration`, `expiresAt`, …) or the clock: a cache that checks its age. */
function readsExpiryOrClock(fn: FunctionNode): boolean {
  return collectNodes(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const key = getPropertyName(node);
      if (key === 'now' && isIdentifierNamed(node.object, 'Date')) return true;
      return key !== undefined && isExpiryName(key) && !isCopiedField(node);
    }
    return node.type === AST_NODE_TYPES.NewExpression && isIdentifierNamed(node.callee, 'Date');
  }).length > 0;
}

/** `expiration: Credentials.Expiration` in an object literal: the expiry is copied, not checked. */
function isCopiedField(member: TSESTree.MemberExpression): boolean {
  let current: TSESTree.Node = member;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.ChainExpression || current.parent.type === AST_NODE_TYPES.TSNonNullExpression || current.parent.type === AST_NODE_TYPES.TSAsExpression)) {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.Property && current.parent.value === current;
}

/** The call or read a snapshot was taken at. */
export function getSourceNode(source: CredentialSource): TSESTree.Node {
  return source.kind === 'v2Snapshot' ? source.node : source.call;
}

/** How a message names a source: `AssumeRole`, `fromIni()`, `client.config.credentials()`, `AWS.config.credentials`. */
export function describeSource(model: CredentialModel, sourceCode: SourceCode, source: CredentialSource): string {
  // A source in a module the file imports is spelled as that module spells it.
  const owner = model.flow.ownerOf(getSourceNode(source));
  const ownerModel = owner && modelsByProgram.get(owner.program);
  if (ownerModel) {
    return describeSource(ownerModel, ownerModel.sourceCode, source);
  }
  switch (source.kind) {
    case 'response':
      return source.operation;
    case 'resolvedProvider': {
      const callee = skipTransparent(source.call.callee);
      for (const value of model.flow.valuesOf(callee)) {
        const info = model.referenceOf(value)?.info;
        if (info?.kind === 'provider' && value.path.length === 0) return `${info.name}()`;
      }
      return `${sourceCode.getText(callee)}()`;
    }
    case 'authSession':
      return source.name === 'fetchAuthSession' ? 'fetchAuthSession()' : `Auth.${source.name}()`;
    case 'v2Snapshot': {
      const { node } = source;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        return sourceCode.getText(skipTransparent(node.callee)).replace(/\.getCredentials$/, '.credentials');
      }
      const reference = model.sdk.get(node);
      return reference?.info.kind === 'v2GlobalConfig' ? `${sourceCode.getText(node)}.credentials` : sourceCode.getText(node);
    }
  }
}
