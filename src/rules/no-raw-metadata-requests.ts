import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, skipTransparent } from '../utils/ast/nodes.js';
import { getStringExpression } from '../utils/ast/string-expressions.js';
import { isInTestBlock } from '../utils/ast/test-code.js';
import { isSkippedTestFile } from '../utils/modules/files.js';
import { UNKNOWN_TEXT, isKnownPath, normalizeHost, parseUrl } from '../utils/ast/urls.js';
import { createRule } from '../utils/create-rule.js';
import { findHttpClientCalls } from '../utils/modules/http-clients.js';
import {
  findMetadataHost,
  getMetadataHost,
  isCredentialPath,
  mentionsMetadataHost,
  renderUrl,
  type MetadataHost,
} from '../utils/sdk/endpoints.js';
import { getConstantUses, isLookup } from '../utils/scope/strings.js';
import { findProperty, resolveObject } from '../utils/scope/values.js';

type MessageId = 'rawInstanceMetadataRequest' | 'rawContainerCredentialsRequest';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;
type StringNode = TSESTree.Literal | TSESTree.TemplateLiteral;

/** Where a URL or host is given to an HTTP client: a URL (`url`, `baseURL`, first argument) or a bare host. */
interface UrlSource {
  node: TSESTree.Node;
  kind: 'url' | 'host';
  /** The `path` option beside a host option. */
  path?: TSESTree.Node | undefined;
}

/** Object keys that hold a whole URL, and those that hold a host name, in the options of the clients. */
const URL_KEYS = ['url', 'uri', 'baseURL', 'baseUrl', 'prefixUrl', 'origin'];
const HOST_KEYS = ['hostname', 'host'];

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
    if (!mentionsMetadataHost(context.sourceCode.text) || isSkippedTestFile(context, false)) {
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
      const host = isLookup(sourceCode, expression) ? undefined : findCredentialUrlHost(renderUrl(sourceCode, expression));
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
    const text = renderUrl(sourceCode, source.node, trail);
    const url =
      source.kind === 'url'
        ? parseUrl(text)
        : { host: normalizeHost(text), path: source.path ? renderUrl(sourceCode, source.path) : UNKNOWN_TEXT };
    const endpoint = url && (source.kind === 'url' ? findMetadataHost(url.host) : getMetadataHost(url.host));
    if (!url || !endpoint) {
      continue;
    }
    const { path } = url;
    // The container agent also serves task metadata (`/v2/metadata`, `/v2/stats`), which the SDK has no client for.
    const isTaskMetadata = endpoint.service === 'container' && isKnownPath(path) && !isCredentialPath(endpoint, path);
    // Otherwise, skip a URL already reported where it is written.
    if (!isTaskMetadata && ![...trail].some((node) => reported.has(node))) {
      report(context, source.node, endpoint, reported);
    }
    return;
  }
}

function report(context: Context, node: TSESTree.Node, endpoint: MetadataHost, reported: Set<TSESTree.Node>): void {
  if (reported.has(node) || isInTestBlock(node)) {
    return;
  }
  // `trail`s hold what resolution reaches: the string without its TS wrapper.
  reported.add(node).add(skipTransparent(node));
  context.report({
    node,
    messageId: endpoint.service === 'instance' ? 'rawInstanceMetadataRequest' : 'rawContainerCredentialsRequest',
    data: { host: endpoint.host, provider: endpoint.provider },
  });
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
function getHostOptionWithCredentialPath(sourceCode: SourceCode, candidate: StringNode): MetadataHost | undefined {
  const property = candidate.parent;
  if (property.type !== AST_NODE_TYPES.Property || property.value !== candidate) {
    return undefined;
  }
  const key = getPropertyName(property);
  const host = key !== undefined && HOST_KEYS.includes(key) ? normalizeHost(renderUrl(sourceCode, candidate)) : undefined;
  const endpoint = host === undefined ? undefined : getMetadataHost(host);
  const path =
    property.parent.type === AST_NODE_TYPES.ObjectExpression ? findProperty(sourceCode, property.parent, 'path') : undefined;
  return endpoint && path && isCredentialPath(endpoint, renderUrl(sourceCode, path.value)) ? endpoint : undefined;
}

/** `const IMDS = <expression>` → the strings built on `IMDS` elsewhere (E.g. `` `${IMDS}/latest/api/token` ``). */
function getExtendingExpressions(sourceCode: SourceCode, expression: TSESTree.Node): TSESTree.Node[] {
  return getConstantUses(sourceCode, expression).filter((extended) => extended.type !== AST_NODE_TYPES.Identifier);
}

/**
 * The metadata host of a credential or token URL written as a string of its own: the text starts with the URL
 * (scheme or bare host) or is a `curl`/`wget` command line. Prose that merely cites the URL stays quiet.
 */
function findCredentialUrlHost(text: string): MetadataHost | undefined {
  const trimmed = text.trimStart();
  const candidates = /^(?:curl|wget)\s/.test(trimmed) ? trimmed.split(/\s+/).map((word) => word.replace(/^["']|["']$/g, '')) : [trimmed];
  for (const candidate of candidates) {
    const url = parseUrl(candidate);
    const endpoint = url && findMetadataHost(url.host);
    if (url && endpoint && isCredentialPath(endpoint, url.path)) {
      return endpoint;
    }
  }
  return undefined;
}
