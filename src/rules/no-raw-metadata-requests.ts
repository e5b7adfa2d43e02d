import { relative } from 'node:path';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isMemberNamed, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { findHttpClientCalls } from '../utils/modules/http-clients.js';
import { findProperty, resolveObject, resolveValue } from '../utils/scope/values.js';

type MessageId = 'rawInstanceMetadataRequest' | 'rawContainerCredentialsRequest';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;
type StringNode = TSESTree.Literal | TSESTree.TemplateLiteral;

/** Which metadata service a host belongs to, and the SDK provider that reads its credentials. */
interface MetadataEndpoint {
  service: 'instance' | 'container';
  provider: string;
}

/** Where a URL or host is given to an HTTP client: a URL (`url`, `baseURL`, first argument) or a bare host. */
interface UrlSource {
  node: TSESTree.Node;
  kind: 'url' | 'host';
  /** The `path` option beside a host option. */
  path?: TSESTree.Node | undefined;
}

const INSTANCE: MetadataEndpoint = { service: 'instance', provider: 'fromInstanceMetadata()' };
const ECS: MetadataEndpoint = { service: 'container', provider: 'fromContainerMetadata()' };
const POD_IDENTITY: MetadataEndpoint = { service: 'container', provider: 'fromHttp()' };

/** The link-local credential endpoints (sdk-facts A4), bracketed as URLs write IPv6 hosts. */
const METADATA_HOSTS: ReadonlyMap<string, MetadataEndpoint> = new Map([
  ['169.254.169.254', INSTANCE],
  ['[fd00:ec2::254]', INSTANCE],
  ['169.254.170.2', ECS],
  ['169.254.170.23', POD_IDENTITY],
  ['[fd00:ec2::23]', POD_IDENTITY],
]);

/** IMDS paths that serve credentials or the IMDSv2 session token, under any version prefix (`latest`, a date). */
const INSTANCE_CREDENTIAL_PATHS = ['/meta-data/iam/security-credentials', '/meta-data/identity-credentials', '/api/token'];

/** Stands for a part of a string the file does not define. */
const UNKNOWN = '\uFFFF';
/** ECS sets `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` to `/v2/credentials/<id>`. */
const RELATIVE_URI_VARIABLE = 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI';
/** How far a URL is followed through constants, templates and concatenations. */
const MAX_DEPTH = 8;

/** Object keys that hold a whole URL, and those that hold a host name, in the options of the clients. */
const URL_KEYS = ['url', 'uri', 'baseURL', 'baseUrl', 'prefixUrl', 'origin'];
const HOST_KEYS = ['hostname', 'host'];

/** Calls that compare or search with a string rather than request it, e.g. an SSRF filter's `url.startsWith(x)`. */
const LOOKUP_METHODS: ReadonlySet<string> = new Set([
  'endsWith',
  'has',
  'includes',
  'indexOf',
  'lastIndexOf',
  'match',
  'matchAll',
  'replace',
  'replaceAll',
  'search',
  'split',
  'startsWith',
  'test',
]);
const COMPARISONS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=']);

/** Test files by name or Jest folder, relative to the working directory: `*.test.ts`, `*.spec.js`, `__tests__/`. */
const TEST_FILE = /(?:^|[/\\])(?:__tests__|__mocks__)[/\\]|\.(?:test|spec)\.[cm]?[jt]sx?$/;
/** Test-framework calls (Jest, Vitest, Mocha, node:test) whose arguments are test code. */
const TEST_FUNCTIONS: ReadonlySet<string> = new Set([
  'afterAll',
  'afterEach',
  'beforeAll',
  'beforeEach',
  'describe',
  'expect',
  'it',
  'suite',
  'test',
]);

export default createRule<[], MessageId>({
  name: 'no-raw-metadata-requests',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hand-made HTTP requests to the instance and container metadata credential endpoints',
      recommended: 'recommended',
      severity: 'error',
    },
    messages: {
      rawInstanceMetadataRequest:
        'This request to the instance metadata service ({{ host }}) is made by hand: it misses the IMDSv2 token ' +
        'handling, retries and timeouts of the SDK, and credentials read this way get neither the static-stability ' +
        'extension nor a refresh, so calls fail with ExpiredToken once they expire. Use `{{ provider }}` or the ' +
        'default provider chain for credentials, `@aws-sdk/ec2-metadata-service` for other instance metadata.',
      rawContainerCredentialsRequest:
        'This request to the container credentials endpoint ({{ host }}) is made by hand: it misses the ' +
        'authorization token, retries and timeouts of the SDK, and the credentials it reads are never refreshed, so ' +
        'calls fail with ExpiredToken once they expire. Use `{{ provider }}` or the default provider chain.',
    },
    schema: [],
  },
  create(context) {
    // A file that never spells a metadata address requests none (a module constant is spelled in the file too);
    // test fixtures and SSRF tests spell these URLs on purpose.
    if (
      !mentionsMetadataHost(context.sourceCode.text) ||
      TEST_FILE.test(relative(context.cwd, context.filename))
    ) {
      return {};
    }
    const candidates: StringNode[] = [];
    const dynamicImports: TSESTree.ImportExpression[] = [];
    return {
      Literal(node) {
        // Runs on every string of every file: two substring tests before anything else.
        if (typeof node.value === 'string' && mentionsMetadataHost(node.value)) {
          candidates.push(node);
        }
      },
      TemplateLiteral(node) {
        if (node.quasis.some((quasi) => mentionsMetadataHost(quasi.value.raw))) {
          candidates.push(node);
        }
      },
      ImportExpression(node) {
        dynamicImports.push(node);
      },
      'Program:exit'() {
        // A file that never spells a metadata address makes no request to one that it defines.
        if (candidates.length === 0) {
          return;
        }
        const reported = new Set<TSESTree.Node>();
        for (const candidate of candidates) {
          reportWrittenEndpoint(context, candidate, reported);
        }
        for (const call of findHttpClientCalls(context.sourceCode, dynamicImports)) {
          reportClientRequest(context, call.node, reported);
        }
      },
    };
  },
});

function mentionsMetadataHost(text: string): boolean {
  return text.includes('169.254.') || text.includes('fd00:ec2');
}

/**
 * A credential or token URL written in the file, wherever it goes: E.g. `'http://169.254.169.254/latest/api/token'`,
 * `` `${IMDS}/latest/meta-data/iam/security-credentials/${role}` ``, `{ hostname: '169.254.169.254', path }`.
 */
function reportWrittenEndpoint(context: Context, candidate: StringNode, reported: Set<TSESTree.Node>): void {
  const { sourceCode } = context;
  const optionsHost = getHostOptionWithCredentialPath(sourceCode, candidate);
  if (optionsHost) {
    report(context, candidate, optionsHost, reported);
    return;
  }
  let expressions: TSESTree.Node[] = [getStringExpression(candidate)];
  // Follow the constant that holds the string into the templates and concatenations that build on it.
  for (let depth = 0; depth < 3 && expressions.length > 0; depth++) {
    const next: TSESTree.Node[] = [];
    for (const expression of expressions) {
      const host = isLookup(sourceCode, expression) ? undefined : findCredentialUrlHost(renderString(sourceCode, expression));
      if (host) {
        report(context, expression, host, reported);
      } else {
        next.push(...getExtendingExpressions(sourceCode, expression));
      }
    }
    expressions = next;
  }
}

/** A URL or host given to an HTTP client call: E.g. `fetch(url)`, `axios.create({ baseURL })`, `http.get({ host })`. */
function reportClientRequest(
  context: Context,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  reported: Set<TSESTree.Node>,
): void {
  const { sourceCode } = context;
  for (const source of getUrlSources(sourceCode, call)) {
    const trail = new Set<TSESTree.Node>();
    const text = renderString(sourceCode, source.node, trail);
    const url =
      source.kind === 'url'
        ? parseUrl(text)
        : { host: normalizeHost(text), path: source.path ? renderString(sourceCode, source.path) : UNKNOWN };
    const endpoint = url && METADATA_HOSTS.get(url.host);
    if (!url || !endpoint) {
      continue;
    }
    const { host, path } = url;
    // The container agent also serves task metadata (`/v2/metadata`, `/v2/stats`), which the SDK has no client for.
    const isTaskMetadata = endpoint.service === 'container' && isKnownPath(path) && !isCredentialPath(endpoint, path);
    // Otherwise, skip a URL already reported where it is written.
    if (!isTaskMetadata && ![...trail].some((node) => reported.has(node))) {
      report(context, source.node, host, reported);
    }
    return;
  }
}

function report(context: Context, node: TSESTree.Node, host: string, reported: Set<TSESTree.Node>): void {
  const endpoint = METADATA_HOSTS.get(host);
  if (!endpoint || reported.has(node) || isInTestBlock(node)) {
    return;
  }
  // `trail`s hold what resolution reaches: the string without its TS wrapper.
  reported.add(node).add(skipTransparent(node));
  context.report({
    node,
    messageId: endpoint.service === 'instance' ? 'rawInstanceMetadataRequest' : 'rawContainerCredentialsRequest',
    data: { host, provider: endpoint.provider },
  });
}

/** `node` sits in a test or an assertion: E.g. `it('blocks IMDS', () => …)`, `expect(isAllowed('http://…'))`. */
function isInTestBlock(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CallExpression && isTestFunction(current.callee)) {
      return true;
    }
  }
  return false;
}

/** `it`, `test.each([...])`, `describe.skip`, `expect(x).not`: the identifier at the root of the callee. */
function isTestFunction(callee: TSESTree.Node): boolean {
  let current = skipTransparent(callee);
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    current = skipTransparent(current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee);
  }
  return current.type === AST_NODE_TYPES.Identifier && TEST_FUNCTIONS.has(current.name);
}

/** The URL and host arguments of a client call: a URL string or `URL`, or the URL keys of an options object. */
function getUrlSources(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): UrlSource[] {
  const sources: UrlSource[] = [];
  for (const [index, argument] of call.arguments.slice(0, 2).entries()) {
    const options = resolveObject(sourceCode, argument);
    if (options) {
      for (const key of URL_KEYS) {
        const property = findProperty(sourceCode, options, key);
        if (property) sources.push({ node: property.value, kind: 'url' });
      }
      const path = findProperty(sourceCode, options, 'path')?.value;
      for (const key of HOST_KEYS) {
        const property = findProperty(sourceCode, options, key);
        if (property) sources.push({ node: property.value, kind: 'host', path });
      }
    } else if (index === 0) {
      sources.push({ node: argument, kind: 'url' });
    }
  }
  return sources;
}

/**
 * The host of `{ host: '169.254.169.254', path: '/latest/api/token' }` when `candidate` is that host and the path is
 * a credential or token path: a request's options, whatever function receives them.
 */
function getHostOptionWithCredentialPath(sourceCode: SourceCode, candidate: StringNode): string | undefined {
  const property = candidate.parent;
  if (property.type !== AST_NODE_TYPES.Property || property.value !== candidate) {
    return undefined;
  }
  const key = getPropertyName(property);
  const host = key !== undefined && HOST_KEYS.includes(key) ? normalizeHost(renderString(sourceCode, candidate)) : undefined;
  const endpoint = host === undefined ? undefined : METADATA_HOSTS.get(host);
  const path =
    property.parent.type === AST_NODE_TYPES.ObjectExpression ? findProperty(sourceCode, property.parent, 'path') : undefined;
  return endpoint && path && isCredentialPath(endpoint, renderString(sourceCode, path.value)) ? host : undefined;
}

/** The whole string `node` is part of: E.g. `'http://169.254.169.254' + path`, `` `${'…'}/latest/api/token` ``. */
function getStringExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (
      parent?.type === AST_NODE_TYPES.TemplateLiteral ||
      (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+') ||
      (parent !== undefined && skipTransparent(parent) !== parent)
    ) {
      current = parent;
    } else {
      return current;
    }
  }
}

/** `const IMDS = <expression>` → the strings built on `IMDS` elsewhere (E.g. `` `${IMDS}/latest/api/token` ``). */
function getExtendingExpressions(sourceCode: SourceCode, expression: TSESTree.Node): TSESTree.Node[] {
  return getConstantUses(sourceCode, expression).filter((extended) => extended.type !== AST_NODE_TYPES.Identifier);
}

/** `const X = <expression>` → the string expressions around each read of `X`; empty when it is no such constant. */
function getConstantUses(sourceCode: SourceCode, expression: TSESTree.Node): TSESTree.Node[] {
  const declarator = expression.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== expression ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  ) {
    return [];
  }
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  return (variable?.references ?? [])
    .filter((reference) => reference.isRead())
    .map((reference) => getStringExpression(reference.identifier as TSESTree.Node));
}

/**
 * The string is only compared or searched for, not requested: an SSRF block-list entry, a `host === '…'` check,
 * `url.startsWith(PREFIX)`, also through a constant that is used only that way.
 */
function isLookup(sourceCode: SourceCode, expression: TSESTree.Node): boolean {
  const uses = getConstantUses(sourceCode, expression);
  return uses.length > 0 ? uses.every((use) => isLookupSite(use)) : isLookupSite(expression);
}

function isLookupSite(expression: TSESTree.Node): boolean {
  const parent = expression.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.BinaryExpression:
      return COMPARISONS.has(parent.operator);
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.SwitchCase:
      return true;
    case AST_NODE_TYPES.Property:
      return parent.key === expression;
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(parent.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
      return parent.arguments.includes(expression as TSESTree.CallExpressionArgument) && method !== undefined && LOOKUP_METHODS.has(method);
    }
    case AST_NODE_TYPES.NewExpression:
      return parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'RegExp';
    default:
      return false;
  }
}

/**
 * The text `node` holds, as far as the file defines it; the parts it does not define become `UNKNOWN`.
 * Follows constants, object members, templates, `+`, `new URL(path, base)`, `new Request(url)`, `.href`,
 * `.toString()` and `String(x)`. Every node visited goes into `trail`.
 */
function renderString(sourceCode: SourceCode, node: TSESTree.Node, trail = new Set<TSESTree.Node>(), depth = 0): string {
  const current = skipTransparent(node);
  trail.add(current);
  if (depth > MAX_DEPTH) {
    return UNKNOWN;
  }
  const render = (next: TSESTree.Node): string => renderString(sourceCode, next, trail, depth + 1);
  switch (current.type) {
    case AST_NODE_TYPES.Literal:
      return typeof current.value === 'string' || typeof current.value === 'number' ? String(current.value) : UNKNOWN;
    case AST_NODE_TYPES.TemplateLiteral:
      return current.quasis
        .map((quasi, index) => {
          const expression = current.expressions[index];
          return (quasi.value.cooked ?? UNKNOWN) + (expression ? render(expression) : '');
        })
        .join('');
    case AST_NODE_TYPES.BinaryExpression:
      return current.operator === '+' ? render(current.left) + render(current.right) : UNKNOWN;
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      // E.g. `process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`, `env.…`, a destructured `AWS_CONTAINER_…`.
      if (current.type === AST_NODE_TYPES.Identifier ? current.name === RELATIVE_URI_VARIABLE : isMemberNamed(current, RELATIVE_URI_VARIABLE)) {
        return `/v2/credentials/${UNKNOWN}`;
      }
      const resolved = resolveValue(sourceCode, current);
      if (resolved && resolved !== current) {
        return render(resolved);
      }
      // E.g. `new URL(path, base).href`.
      return isMemberNamed(current, 'href') ? render(current.object) : UNKNOWN;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(current.callee);
      if (isMemberNamed(callee, 'toString') && current.arguments.length === 0) {
        return render(callee.object);
      }
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && current.arguments[0]) {
        return render(current.arguments[0]);
      }
      const resolved = resolveValue(sourceCode, current);
      return resolved && resolved !== current ? render(resolved) : UNKNOWN;
    }
    case AST_NODE_TYPES.NewExpression:
      return renderConstructedUrl(current, render);
    default:
      return UNKNOWN;
  }
}

/** `new URL(path, base)`, `new URL(url)`, `new Request(url, init)`. */
function renderConstructedUrl(node: TSESTree.NewExpression, render: (node: TSESTree.Node) => string): string {
  const [input, base] = node.arguments;
  if (node.callee.type !== AST_NODE_TYPES.Identifier || !input) {
    return UNKNOWN;
  }
  if (node.callee.name === 'Request') {
    return render(input);
  }
  if (node.callee.name !== 'URL') {
    return UNKNOWN;
  }
  const path = render(input);
  if (!base || parseUrl(path)?.scheme) {
    return path;
  }
  const root = trimTrailingSlashes(render(base));
  return path.startsWith('/') ? root + path : `${root}/${path}`;
}

/**
 * Splits a URL, with or without scheme, into host (lower case, IPv6 in brackets) and path (after the port).
 * E.g. `http://[FD00:EC2::254]:80/latest/api/token` → `{ host: '[fd00:ec2::254]', path: '/latest/api/token' }`.
 */
function parseUrl(text: string): { scheme: boolean; host: string; path: string } | undefined {
  let rest = text.trimStart();
  const schemeEnd = rest.indexOf('://');
  const scheme = schemeEnd > 0 && /^[a-z][\d+.a-z-]*$/i.test(rest.slice(0, schemeEnd));
  if (scheme) {
    rest = rest.slice(schemeEnd + 3);
  } else if (rest.startsWith('//')) {
    rest = rest.slice(2);
  }
  let hostEnd: number;
  if (rest.startsWith('[')) {
    hostEnd = rest.indexOf(']') + 1;
    if (hostEnd === 0) return undefined;
  } else {
    hostEnd = /[#/:?\uFFFF]|$/.exec(rest)?.index ?? rest.length;
  }
  const host = rest.slice(0, hostEnd).toLowerCase();
  let path = rest.slice(hostEnd);
  if (path.startsWith(':')) {
    path = path.replace(/^:(\d+|\uFFFF)*/, '');
  }
  return { scheme, host, path };
}

/** A path the file spells out: E.g. `/v2/metadata`, not `/v2/${kind}` nor `''`. */
function isKnownPath(path: string): boolean {
  return path.length > 1 && !path.includes(UNKNOWN);
}

/** A host option's value as `METADATA_HOSTS` spells it: IPv6 in brackets, lower case. */
function normalizeHost(text: string): string {
  const host = text.trim().toLowerCase();
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The metadata host of a credential or token URL written as a string of its own: the text starts with the URL
 * (scheme or bare host) or is a `curl`/`wget` command line. Prose that merely cites the URL stays quiet.
 */
function findCredentialUrlHost(text: string): string | undefined {
  const trimmed = text.trimStart();
  const candidates = /^(?:curl|wget)\s/.test(trimmed) ? trimmed.split(/\s+/).map((word) => word.replace(/^["']|["']$/g, '')) : [trimmed];
  for (const candidate of candidates) {
    const url = parseUrl(candidate);
    const endpoint = url && METADATA_HOSTS.get(url.host);
    if (url && endpoint && isCredentialPath(endpoint, url.path)) {
      return url.host;
    }
  }
  return undefined;
}

/** Credential and token paths; every path on the container hosts that names credentials (`/v2/credentials/…`). */
function isCredentialPath(endpoint: MetadataEndpoint, path: string): boolean {
  return endpoint.service === 'container'
    ? path.includes('credentials')
    : INSTANCE_CREDENTIAL_PATHS.some((prefix) => path.includes(prefix));
}

/** `http://host//` → `http://host`, in linear time (a `/\/+$/` replace backtracks on inner runs of slashes). */
function trimTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}
