import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isMemberNamed, skipTransparent, type FunctionNode } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { getSiblingFieldText } from '../utils/fix/sibling-field.js';
import { findCredentialSource } from '../utils/sdk/credential-sources.js';
import { planImport, type ImportPlan } from '../utils/fix/fixes.js';
import { getParentProperty, insertProperty } from '../utils/fix/insert-property.js';
import { collectReturnedObjects, mayHaveProperty, resolveFunction } from '../utils/scope/functions.js';
import { onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { findProperty, resolveOptionsArgument } from '../utils/scope/values.js';

type MessageId = 'missingExpiration' | 'addExpiration' | 'wrapWithExpireAfter' | 'addExpireAfter';
type SourceCode = Readonly<TSESLint.SourceCode>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

/** Where a provider function is handed to the SDK, and which fix fits that place. */
interface ProviderUse {
  /** The expression given to the SDK: the function itself, its name, or a call that returns it. */
  value: TSESTree.Node;
  /** Who keeps the result, for the message: "`S3Client`", "`memoize`". */
  consumer: string;
  /**
   * `expireAfter`: the value can be wrapped in `createCredentialChain(…).expireAfter(…)`; `chain`: it already sits
   * in that `createCredentialChain(…)` call, which lacks `.expireAfter(…)`; `none`: no wrapper keeps it working
   * (a role assumer takes two arguments; `memoize(fn)` caches the first result whatever it holds).
   */
  wrap: 'expireAfter' | 'chain' | 'none';
  chain?: TSESTree.CallExpression;
  /** `memoize(fn)` with one argument caches the first result forever: `expiration` cannot help there. */
  staticCache?: boolean;
}

/** The provider options that take a function returning credentials (`fromIni`, `fromTokenFile`, the chain). */
const ROLE_ASSUMER_KEYS = ['roleAssumer', 'roleAssumerWithWebIdentity'] as const;
const CREDENTIAL_PROVIDERS_MODULE = '@aws-sdk/credential-providers';
/** The interval of the `createCredentialChain` README: the client calls the function about every 10 minutes. */
const EXPIRE_AFTER = '15 * 60_000';

export default createRule<[], MessageId>({
  name: 'require-credential-expiration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require custom credential provider functions to return an `expiration`',
      recommended: 'recommended',
      severity: 'error',
    },
    hasSuggestions: true,
    messages: {
      missingExpiration:
        '{{ provider }} returns credentials without `expiration`, so {{ consumer }} calls it only once and keeps the first keys forever: calls fail with ExpiredToken once those keys expire.',
      addExpiration: 'Return `expiration` from the STS response, so the SDK fetches new keys 5 minutes before they expire.',
      wrapWithExpireAfter:
        'Wrap the provider in `createCredentialChain(…).expireAfter(15 * 60_000)`, so the client calls it again about every 10 minutes.',
      addExpireAfter:
        'Call `.expireAfter(15 * 60_000)` on the chain, so the client calls it again about every 10 minutes.',
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return onSdkReferences(context, (references) => {
      const reported = new Set<TSESTree.Node>();
      for (const use of findProviderUses(sourceCode, references)) {
        const fn = reported.has(use.value) ? undefined : resolveFunction(sourceCode, use.value);
        const objects = fn && findObjectsWithoutExpiration(sourceCode, references, fn);
        if (!fn || !objects) continue;
        reported.add(use.value);
        context.report({
          loc: getReportLocation(sourceCode, use.value, fn),
          messageId: 'missingExpiration',
          data: { provider: describeProvider(use.value, fn), consumer: use.consumer },
          suggest: buildSuggestions(sourceCode, use, objects, references),
        });
      }
    });
  },
});

/**
 * Every place where the file hands a function to the SDK as a credential provider. E.g. `new S3Client({
 * credentials: fn })`, `createCredentialChain(fromEnv(), fn)`, `memoize(fn)`, `fromIni({ roleAssumer: fn })`.
 */
function findProviderUses(sourceCode: SourceCode, references: SdkReferences): ProviderUse[] {
  const uses: ProviderUse[] = [];
  for (const client of references.ofKind('client')) {
    const config = client.info.sdk === 'v3' ? resolveOptionsArgument(sourceCode, client.node) : undefined;
    const credentials = config && findProperty(sourceCode, config, 'credentials');
    // A getter (`get credentials() { … }`) yields the credentials object itself, not a provider.
    if (credentials?.kind === 'init') {
      uses.push({ value: credentials.value, consumer: `\`${client.info.name}\``, wrap: 'expireAfter' });
    }
  }
  for (const provider of references.ofKind('provider')) {
    if (provider.node.type !== AST_NODE_TYPES.CallExpression) continue;
    if (provider.info.name === 'createCredentialChain') {
      if (hasExpireAfter(sourceCode, provider.node)) continue;
      for (const argument of provider.node.arguments) {
        if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
        const consumer = 'the client using `createCredentialChain`';
        uses.push({ value: argument, consumer, wrap: 'chain', chain: provider.node });
      }
      continue;
    }
    const init = resolveOptionsArgument(sourceCode, provider.node);
    for (const key of ROLE_ASSUMER_KEYS) {
      const assumer = init && findProperty(sourceCode, init, key);
      if (assumer) {
        uses.push({ value: assumer.value, consumer: `the client using \`${provider.info.name}\``, wrap: 'none' });
      }
    }
  }
  for (const memoize of references.ofKind('memoize')) {
    const [provider, isExpired] = memoize.node.type === AST_NODE_TYPES.CallExpression ? memoize.node.arguments : [];
    if (provider && provider.type !== AST_NODE_TYPES.SpreadElement) {
      const staticCache = isExpired === undefined;
      uses.push({ value: provider, consumer: '`memoize`', wrap: staticCache ? 'none' : 'expireAfter', staticCache });
    }
  }
  return uses;
}


/**
 * `createCredentialChain(…).expireAfter(ms)`, also called later on the variable that holds the chain
 * (`const chain = createCredentialChain(fn); chain.expireAfter(ms);`): `expireAfter` changes the chain in place.
 */
function hasExpireAfter(sourceCode: SourceCode, chain: TSESTree.CallExpression): boolean {
  const parent = chain.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === chain) {
    return isExpireAfterCall(parent);
  }
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== chain) {
    return false;
  }
  return sourceCode
    .getDeclaredVariables(parent)
    .some((variable) =>
      variable.references.some(
        ({ identifier }) =>
          identifier.parent?.type === AST_NODE_TYPES.MemberExpression && isExpireAfterCall(identifier.parent),
      ),
    );
}

function isExpireAfterCall(member: TSESTree.MemberExpression): boolean {
  return (
    isMemberNamed(member, 'expireAfter') &&
    member.parent.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member
  );
}

/**
 * The credential object literals `fn` returns, when none of them can carry `expiration`; `undefined` when the
 * function is fine or the file cannot tell: some return has `expiration` (or an unresolved spread that may hold
 * it), none has `accessKeyId`, the key is a literal (calling again would change nothing), or the keys were fetched
 * once outside the function (a one-shot response, `no-one-shot-credentials`' case: `expiration` alone cannot help).
 */
function findObjectsWithoutExpiration(
  sourceCode: SourceCode,
  references: SdkReferences,
  fn: FunctionNode,
): TSESTree.ObjectExpression[] | undefined {
  const { objects } = collectReturnedObjects(sourceCode, fn);
  if (objects.some((object) => mayHaveProperty(sourceCode, object, 'expiration'))) {
    return undefined;
  }
  const credentials = objects.filter((object) => findProperty(sourceCode, object, 'accessKeyId'));
  const isRefetchable = (object: TSESTree.ObjectExpression): boolean => {
    const accessKeyId = findProperty(sourceCode, object, 'accessKeyId')?.value;
    if (!accessKeyId || isStringLiteral(accessKeyId)) {
      return false;
    }
    const source = findCredentialSource(sourceCode, references, accessKeyId);
    return source?.kind !== 'stsResponse' && source?.kind !== 'resolvedProvider'
      ? true
      : isInside(source.call, fn);
  };
  return credentials.length > 0 && credentials.every(isRefetchable) ? credentials : undefined;
}

function isStringLiteral(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') ||
    (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0)
  );
}

function isInside(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** An inline function is reported from its start to its arrow or parameters; a name or call, where it is used. */
function getReportLocation(sourceCode: SourceCode, value: TSESTree.Node, fn: FunctionNode): TSESTree.SourceLocation {
  if (skipTransparent(value) !== fn) {
    return value.loc;
  }
  // A method (`async credentials() { … }`) starts at its key.
  const start = getParentProperty(fn)?.method ? fn.parent.loc.start : fn.loc.start;
  return { start, end: ASTUtils.getFunctionHeadLocation(fn, sourceCode).end };
}

function describeProvider(value: TSESTree.Node, fn: FunctionNode): string {
  const name = fn.id?.name ?? getVariableName(fn);
  if (name) {
    return `\`${name}\``;
  }
  const used = skipTransparent(value);
  return used.type === AST_NODE_TYPES.Identifier ? `\`${used.name}\`` : 'This credential provider';
}

/** `getCredentials` of `const getCredentials = async () => …`. */
function getVariableName(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id.name
    : undefined;
}

function buildSuggestions(
  sourceCode: SourceCode,
  use: ProviderUse,
  objects: readonly TSESTree.ObjectExpression[],
  references: SdkReferences,
): Suggestion[] {
  if (use.staticCache) {
    return [];
  }
  const expirations = objects.map((object) => getStsExpirationText(sourceCode, references, object));
  if (expirations.every((text) => text !== undefined)) {
    return [
      {
        messageId: 'addExpiration',
        fix: (fixer) =>
          objects.map((object, index) =>
            insertProperty(fixer, sourceCode, object, `expiration: ${expirations[index]}`),
          ),
      },
    ];
  }
  if (use.wrap === 'chain' && use.chain) {
    const chain = use.chain;
    const expireAfter = `.expireAfter(${EXPIRE_AFTER})`;
    return [{ messageId: 'addExpireAfter', fix: (fixer) => fixer.insertTextAfter(chain, expireAfter) }];
  }
  const plan =
    use.wrap === 'expireAfter'
      ? planImport(sourceCode, use.value, CREDENTIAL_PROVIDERS_MODULE, 'createCredentialChain')
      : undefined;
  if (plan) {
    return [{ messageId: 'wrapWithExpireAfter', fix: (fixer) => wrapWithExpireAfter(fixer, sourceCode, use.value, plan) }];
  }
  return [];
}

/** `Credentials.Expiration` for an object whose `accessKeyId` is read from an STS response the file can name again. */
function getStsExpirationText(
  sourceCode: SourceCode,
  references: SdkReferences,
  object: TSESTree.ObjectExpression,
): string | undefined {
  const accessKeyId = findProperty(sourceCode, object, 'accessKeyId')?.value;
  return accessKeyId && findCredentialSource(sourceCode, references, accessKeyId)?.kind === 'stsResponse'
    ? getSiblingFieldText(sourceCode, accessKeyId, 'AccessKeyId', 'Expiration')
    : undefined;
}

/** `credentials: fn` → `credentials: createCredentialChain(fn).expireAfter(15 * 60_000)`, with the import added. */
function wrapWithExpireAfter(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  value: TSESTree.Node,
  plan: ImportPlan,
): TSESLint.RuleFix[] {
  const fixes = plan.addImport(fixer);
  const property = getParentProperty(value);
  const provider = getFunctionText(sourceCode, value, property);
  const wrapped = `${plan.callee}(${provider}).expireAfter(${EXPIRE_AFTER})`;
  // A shorthand `{ credentials }` or a method `{ async credentials() {} }` needs its key written out.
  const replacement =
    property && (property.shorthand || property.method)
      ? fixer.replaceText(property, `${sourceCode.getText(property.key)}: ${wrapped}`)
      : fixer.replaceText(value, wrapped);
  return [...fixes, replacement];
}

/** The text of `value` as an expression: a method `async credentials() { … }` becomes `async function () { … }`. */
function getFunctionText(
  sourceCode: SourceCode,
  value: TSESTree.Node,
  property: TSESTree.Property | undefined,
): string {
  if (!property?.method || value.type !== AST_NODE_TYPES.FunctionExpression) {
    return sourceCode.getText(value);
  }
  return `${value.async ? 'async ' : ''}function${value.generator ? '*' : ''} ${sourceCode.getText(value)}`;
}
