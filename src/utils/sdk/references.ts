/**
 * What the file does with the AWS SDK, found in one pass per file and shared by every rule: the SDK catalog of
 * `sdk-modules.ts` turned into trace maps for `module-references.ts`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  CALL,
  CONSTRUCT,
  ESM,
  READ,
  findModuleReferences,
  type ModuleReference,
  type TraceMap,
} from '../modules/module-references.js';
import { getModuleLoader, type LoadedModule, type ModuleLoader } from '../modules/module-graph.js';
import { collectNodes } from '../ast/walk.js';
import {
  AUTH_SESSION_PACKAGES,
  PROVIDER_PACKAGES,
  SDK_TEXT_MARKERS,
  SDK_MODULE_GLOBALS,
  V2_CLIENT_PREFIX,
  V2_CREDENTIALS_CLASSES,
  V3_CLIENT_PREFIX,
  classifyV2Member,
  classifyV3ClientExport,
  getSigners,
  getV2NestedAuthSigners,
  getV2NestedClients,
  isSdkModule,
  normalizeService,
  type AuthSessionName,
  type SdkInfo,
  type SignerInfo,
} from './catalog.js';

type SdkTraceMap = TraceMap<SdkInfo>;
type SdkTraceMapObject = SdkTraceMap[string];

/** One use of an SDK export: a call, a construction, or a read of a member such as `AWS.config`. */
export type SdkReference<Info extends SdkInfo = SdkInfo> = ModuleReference<Info>;

/** Everything the file does with the AWS SDK, found in one pass and shared by every rule. */
export interface SdkReferences {
  readonly all: readonly SdkReference[];
  /** The reference whose node is `node`, if any: `get(newExpression)?.info.kind === 'client'`. */
  get(node: TSESTree.Node): SdkReference | undefined;
  ofKind<K extends SdkInfo['kind']>(kind: K): readonly SdkReference<Extract<SdkInfo, { kind: K }>>[];
  /** Reads the local modules the file imports, so that the models can follow values into them; none without a path. */
  readonly modules: ModuleLoader | undefined;
}

interface FileState {
  /** Whether the text names an SDK module at all; when not, nothing else is ever computed. */
  mentionsSdk: boolean;
  dynamicImports: Set<TSESTree.ImportExpression>;
  /** `null` once the file is known to use no SDK module. */
  result?: SdkReferences | null;
}

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const fileStates = new WeakMap<TSESTree.Program, FileState>();
const moduleReferences = new WeakMap<LoadedModule, SdkReferences>();

/**
 * Returns the listeners a rule needs to receive the file's SDK references once, at `Program:exit`.
 * `handler` is not called for a file that imports no SDK module.
 */
export function onSdkReferences(
  context: RuleContext,
  handler: (references: SdkReferences) => void,
): TSESLint.RuleListener {
  const { sourceCode } = context;
  const state = getFileState(sourceCode);
  if (!state.mentionsSdk) {
    return {};
  }
  return {
    ImportExpression(node) {
      state.dynamicImports.add(node);
    },
    'Program:exit'() {
      state.result ??= collectSdkReferences(sourceCode, state.dynamicImports, getModuleLoader(context));
      if (state.result) {
        handler(state.result);
      }
    },
  };
}

/** Whether the file's text names an SDK module at all (cached per file): the gate for SDK-only listeners. */
export function mentionsSdk(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return getFileState(sourceCode).mentionsSdk;
}

function getFileState(sourceCode: Readonly<TSESLint.SourceCode>): FileState {
  let state = fileStates.get(sourceCode.ast);
  if (!state) {
    state = { dynamicImports: new Set(), mentionsSdk: mentionsSdkModule(sourceCode.text) };
    fileStates.set(sourceCode.ast, state);
  }
  return state;
}

/** The markers as one alternation: one scan of the text, three times faster than a search per marker. */
const SDK_TEXT_MARKER_PATTERN = new RegExp(SDK_TEXT_MARKERS.map((marker) => marker.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')).join('|'), 'u');

/**
 * A file whose text holds none of the catalog's markers loads no SDK module, so its SDK rules add no listener at
 * all. This is what makes the plugin cost almost nothing on the files that make up most projects.
 */
function mentionsSdkModule(text: string): boolean {
  return SDK_TEXT_MARKER_PATTERN.test(text);
}

function collectSdkReferences(
  sourceCode: Readonly<TSESLint.SourceCode>,
  dynamicImports: ReadonlySet<TSESTree.ImportExpression>,
  modules: ModuleLoader | undefined,
): SdkReferences | null {
  const found = findModuleReferences(sourceCode, dynamicImports, {
    covers: isSdkModule,
    moduleGlobals: SDK_MODULE_GLOBALS,
    createTraceMap: (moduleIds) => createTraceMap(moduleIds, collectPascalCaseNames(sourceCode.ast)),
  });
  return found ? createSdkReferences(found, modules) : null;
}

/**
 * The SDK references of a module another file imports, computed once per read of it: none when it loads no SDK
 * module (a configuration module that only builds an object), which still lets the models look into it.
 */
export function getModuleSdkReferences(module: LoadedModule): SdkReferences {
  let references = moduleReferences.get(module);
  if (!references) {
    const { sourceCode } = module;
    const imports = mentionsSdk(sourceCode)
      ? (collectNodes(sourceCode.ast, (node) => node.type === 'ImportExpression') as TSESTree.ImportExpression[])
      : undefined;
    references = (imports && collectSdkReferences(sourceCode, new Set(imports), module.loader)) || createSdkReferences([], module.loader);
    moduleReferences.set(module, references);
  }
  return references;
}

/** The PascalCase identifiers the file spells: every client or command export it can possibly reach. */
function collectPascalCaseNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const token of program.tokens ?? []) {
    if (token.type === 'Identifier' && isPascalCase(token.value)) {
      names.add(token.value);
    }
  }
  return names;
}

function isPascalCase(name: string): boolean {
  const first = name.charCodeAt(0);
  return first >= 65 && first <= 90;
}

function createTraceMap(moduleIds: ReadonlySet<string>, names: ReadonlySet<string>): SdkTraceMap {
  const traceMap: SdkTraceMap = {};
  for (const moduleId of moduleIds) {
    traceMap[moduleId] = createModuleTraceMap(moduleId, names);
  }
  return traceMap;
}

/**
 * The trace map of one SDK module. Client packages export hundreds of classes, too many to list, and a file can
 * only reach the exports whose names it spells, so the map lists just those `names`, classified by their shape.
 */
function createModuleTraceMap(moduleId: string, names: ReadonlySet<string>): SdkTraceMapObject {
  if (moduleId.startsWith(V3_CLIENT_PREFIX)) {
    const service = normalizeService(moduleId.slice(V3_CLIENT_PREFIX.length));
    return { [ESM]: true, ...leaves(names, CONSTRUCT, (name) => classifyV3ClientExport(service, name)) };
  }
  if (moduleId.startsWith(V2_CLIENT_PREFIX)) {
    const name = moduleId.slice(V2_CLIENT_PREFIX.length);
    const service = normalizeService(name);
    // E.g. `new DynamoDB.DocumentClient()` after `require('aws-sdk/clients/dynamodb')`.
    return { [CONSTRUCT]: { kind: 'client', sdk: 'v2', service, name }, ...nestedClients(service, names) };
  }
  if (moduleId === 'aws-sdk' || moduleId === 'aws-sdk/global') {
    // `aws-sdk/global` is the same namespace without the service classes.
    const services = moduleId === 'aws-sdk' ? leaves(names, CONSTRUCT, classifyV2Member) : {};
    for (const service of Object.values(services)) {
      const info = service[CONSTRUCT];
      if (info?.kind === 'client') Object.assign(service, nestedClients(info.service, names));
    }
    return { ...services, ...V2_CORE_TRACE_MAP };
  }
  if (moduleId === '@aws-sdk/s3-request-presigner') {
    return { [ESM]: true, getSignedUrl: { [CALL]: { kind: 'presign' } } };
  }
  if (moduleId === '@aws-sdk/s3-presigned-post') {
    return { [ESM]: true, createPresignedPost: { [CALL]: { kind: 'presignedPost' } } };
  }
  if (moduleId === '@smithy/property-provider') {
    return { [ESM]: true, memoize: { [CALL]: { kind: 'memoize' } } };
  }
  const authSessions = AUTH_SESSION_PACKAGES[moduleId];
  if (authSessions) {
    return authSessionTraceMap(authSessions);
  }
  const signers = getSigners(moduleId);
  if (signers.length > 0) {
    return signerTraceMap(moduleId, signers);
  }
  const providers = PROVIDER_PACKAGES[moduleId] ?? [];
  return { [ESM]: true, ...leaves(providers, CALL, (name) => ({ kind: 'provider', name })) };
}

/**
 * `aws-opensearch-connector` is the module's own function (CommonJS `module.exports`); `aws4` is CommonJS too, so its
 * map has no `ESM` mark: `import aws4 from 'aws4'`, `import { sign } from 'aws4'` and `require('aws4').sign` all reach
 * `sign`.
 */
function signerTraceMap(moduleId: string, signers: readonly SignerInfo[]): SdkTraceMapObject {
  const [first] = signers;
  if (signers.length === 1 && first?.name === moduleId) {
    return { [first.construct ? CONSTRUCT : CALL]: first };
  }
  const map: SdkTraceMapObject = signers.some((signer) => signer.member) ? {} : { [ESM]: true };
  for (const signer of signers) {
    map[signer.member ?? signer.name] = { [signer.construct ? CONSTRUCT : CALL]: signer };
  }
  return map;
}

/** `{ Auth: { currentCredentials: { [CALL]: … } } }` from the member paths of an Amplify module's auth calls. */
function authSessionTraceMap(paths: readonly (readonly string[])[]): SdkTraceMapObject {
  const root: SdkTraceMapObject = { [ESM]: true };
  for (const path of paths) {
    let holder = root;
    for (const key of path.slice(0, -1)) holder = holder[key] ??= {};
    const name = path.at(-1) as AuthSessionName;
    holder[name] = { [CALL]: { kind: 'authSession', name } };
  }
  return root;
}

const V2_CORE_TRACE_MAP: Record<string, SdkTraceMapObject> = {
  ...leaves(V2_CREDENTIALS_CLASSES, CONSTRUCT, (name) => ({ kind: 'v2Credentials', name })),
  Config: { [CONSTRUCT]: { kind: 'v2Config' } },
  MetadataService: { [CONSTRUCT]: { kind: 'v2MetadataService' } },
  config: { [READ]: { kind: 'v2GlobalConfig' } },
};

/** `DocumentClient: { [CONSTRUCT]: … }` (and `RDS.Signer`) for the nested classes of a v2 service that the file spells. */
function nestedClients(service: string, names: ReadonlySet<string>): Record<string, SdkTraceMapObject> {
  const result: Record<string, SdkTraceMapObject> = {};
  for (const { member, info } of [...getV2NestedClients(service), ...getV2NestedAuthSigners(service)]) {
    if (names.has(member)) result[member] = { [CONSTRUCT]: info };
  }
  return result;
}

function leaves<Name extends string>(
  names: Iterable<Name>,
  type: typeof CALL | typeof CONSTRUCT,
  classify: (name: Name) => SdkInfo | undefined,
): Record<string, SdkTraceMapObject> {
  const result: Record<string, SdkTraceMapObject> = {};
  for (const name of names) {
    const info = classify(name);
    if (info) result[name] = { [type]: info };
  }
  return result;
}

function createSdkReferences(found: readonly SdkReference[], modules: ModuleLoader | undefined): SdkReferences {
  const byNode = new Map<TSESTree.Node, SdkReference>();
  for (const reference of found) {
    if (!byNode.has(reference.node)) byNode.set(reference.node, reference);
  }
  const all = [...byNode.values()];
  return {
    all,
    modules,
    get: (node) => byNode.get(node),
    ofKind: <K extends SdkInfo['kind']>(kind: K) =>
      all.filter(
        (reference): reference is SdkReference<Extract<SdkInfo, { kind: K }>> => reference.info.kind === kind,
      ),
  };
}
