import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, getReturnedExpressions, isFunction, isMemberNamed, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { findCredentialSource } from '../utils/sdk/credential-sources.js';
import { onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { findProperty, getBindingSource, getStaticValue, resolveObject, resolveValue } from '../utils/scope/values.js';

type Options = [{ minimumMarginMs?: number }];
type MessageId = 'refreshAtExpiry' | 'timerAtExpiry' | 'subtractMargin';
type SourceCode = Readonly<TSESLint.SourceCode>;

/** `memoizeIdentityProvider`'s `EXPIRATION_MS` (sdk-facts A1): the SDK refreshes 5 minutes before expiration. */
const SDK_REFRESH_WINDOW_MS = 300_000;
const RELATIONAL_OPERATORS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);
/** The expiry fields of AWS credentials: STS `Expiration`, v3 identity `expiration`, v2 `expireTime`. */
const EXPIRY_NAMES: ReadonlySet<string> = new Set(['Expiration', 'expiration', 'expireTime']);
/** Names hand-made caches give the expiry; they count only on an object that visibly holds an access key ID. */
const CACHE_EXPIRY_NAMES: ReadonlySet<string> = new Set(['expiresAt', 'expiry', 'expires', 'expiresOn']);
/** `credentials`, `creds`, `Credentials`, `awsCredentials`, `cachedCreds`, `aws_credentials`. */
const CREDENTIAL_OBJECT_NAME = /^(?:credentials|creds)$|_(?:credentials|creds)$|[a-z\d](?:Credentials|Creds)$/i;
const ACCESS_KEY_ID_NAMES = ['accessKeyId', 'AccessKeyId'] as const;
const MINUTE_MS = 60_000;
/** How many bindings one term may be followed through; guards against cycles. */
const MAX_DEPTH = 6;

/** One summand of a time difference: `expiry - now + constant`, each with its sign. */
interface Term {
  kind: 'now' | 'expiry' | 'constant' | 'unknown';
  sign: 1 | -1;
  /** The node as written (TS wrappers included), where a suggestion edits. */
  node: TSESTree.Node;
  /** False when the term was found through a variable (`const left = exp - Date.now()`): not editable in place. */
  direct: boolean;
  /** The value is known to be a number (`Date.now()`, `x.getTime()`), not a `Date`. */
  numeric: boolean;
  value?: number;
  expiry?: ExpiryReference;
}

/** Where an expiry is read, as `base.<path…>.<name>`: E.g. `creds.Expiration`, `const { Expiration } = creds`. */
interface ExpiryReference {
  base: TSESTree.Node;
  /** Keys from `base` to the object that holds the expiry (empty for `creds.Expiration`). */
  path: string[];
  name: string;
  /** What the message shows: `creds.Expiration`, or the variable that holds it. */
  display: TSESTree.Node;
}

/** A margin check: the difference `expiry - now` compared with `margin`, or the delay of a timer. */
interface Finding {
  margin: number;
  expiry: Term;
  now: Term;
  constants: Term[];
  /** The sign the expiry has in the analysed difference (+1 for a timer). */
  expirySign: 1 | -1;
}

export default createRule<Options, MessageId>({
  name: 'require-refresh-margin',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require hand-written credential expiry checks to refresh at least 5 minutes before expiration',
      recommended: 'recommended',
      severity: 'warn',
    },
    hasSuggestions: true,
    messages: {
      refreshAtExpiry:
        'This check refreshes the credentials {{ margin }} ms before `{{ expiry }}` (at least {{ minimum }} ms required): the credentials are refreshed only at or just before expiry, so requests signed in the last moments (and any clock skew) fail with ExpiredToken. The AWS SDK refreshes 5 minutes early; subtract a margin from the expiration.',
      timerAtExpiry:
        'This timer fires {{ margin }} ms before `{{ expiry }}` (at least {{ minimum }} ms required): the credentials are refreshed only at or just before expiry, so requests signed in the last moments (and any clock skew) fail with ExpiredToken. The AWS SDK refreshes 5 minutes early; subtract a margin from the delay.',
      subtractMargin: 'Refresh `{{ margin }}` ms before the expiration.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          minimumMarginMs: {
            type: 'number',
            minimum: 0,
            description:
              'The smallest accepted margin between a refresh and the expiration, in milliseconds (SDK: 5 minutes).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ minimumMarginMs: SDK_REFRESH_WINDOW_MS }],
  },
  create(context, [{ minimumMarginMs = SDK_REFRESH_WINDOW_MS }]) {
    const { sourceCode } = context;
    // Every shape needs the current time (`Date.now()`, `new Date()`) and an expiry field (all contain "xpir").
    if (!sourceCode.text.includes('Date') || !sourceCode.text.includes('xpir')) {
      return {};
    }
    const margin = formatMs(minimumMarginMs);
    const candidates: (TSESTree.BinaryExpression | TSESTree.CallExpression)[] = [];
    const nowAliases = new Set<string>();
    let references: SdkReferences | undefined;
    const sdkListeners = onSdkReferences(context, (found) => {
      references = found;
    });
    let program: TSESTree.Program | undefined;
    let referencesLoaded = false;
    const analyzer = createAnalyzer(sourceCode, () => {
      // The SDK pass runs only when a candidate needs to know where a credential object came from.
      if (!referencesLoaded && program) {
        referencesLoaded = true;
        sdkListeners['Program:exit']?.(program);
      }
      return references;
    });

    return {
      ImportExpression(node) {
        sdkListeners.ImportExpression?.(node);
      },
      VariableDeclarator(node) {
        // E.g. `const now = Date.now()`, `const left = exp.getTime() - Date.now()`, `const now = Date.now`,
        // `const clock = () => Date.now()`.
        if (node.id.type === AST_NODE_TYPES.Identifier && node.init && readsNow(node.init, nowAliases)) {
          nowAliases.add(node.id.name);
        }
      },
      FunctionDeclaration(node) {
        // E.g. `function now() { return Date.now(); }`.
        if (node.id && readsNow(node, nowAliases)) nowAliases.add(node.id.name);
      },
      BinaryExpression(node) {
        if (RELATIONAL_OPERATORS.has(node.operator)) candidates.push(node);
      },
      'CallExpression[callee.name="setTimeout"]'(node: TSESTree.CallExpression) {
        if (node.arguments.length >= 2) candidates.push(node);
      },
      'Program:exit'(node) {
        program = node;
        for (const candidate of candidates) {
          if (candidate.type === AST_NODE_TYPES.BinaryExpression) {
            checkComparison(candidate);
          } else {
            checkTimer(candidate);
          }
        }
      },
    };

    function checkComparison(node: TSESTree.BinaryExpression): void {
      if (
        !(mentionsNow(node.left, nowAliases) || mentionsNow(node.right, nowAliases)) ||
        isValidationOrAssertion(node)
      ) {
        return;
      }
      const terms = [...analyzer.collectTerms(node.left, 1), ...analyzer.collectTerms(node.right, -1)];
      const finding = analyzer.solve(terms);
      if (!finding || finding.margin >= minimumMarginMs) {
        return;
      }
      context.report({
        node,
        messageId: 'refreshAtExpiry',
        data: describeFinding(finding),
        suggest: suggestMargin(finding, () => suggestComparisonMargin(node, finding)),
      });
    }

    function checkTimer(node: TSESTree.CallExpression): void {
      const delay = node.arguments[1] as TSESTree.Node;
      if (!mentionsNow(delay, nowAliases)) {
        return;
      }
      const root = analyzer.skipClamp(delay);
      const finding = analyzer.solve(analyzer.collectTerms(root, 1));
      if (!finding || finding.expirySign !== 1 || finding.margin >= minimumMarginMs) {
        return;
      }
      context.report({
        node: delay,
        messageId: 'timerAtExpiry',
        data: describeFinding(finding),
        // E.g. `setTimeout(refresh, exp - Date.now())` → `setTimeout(refresh, exp - Date.now() - 5 * 60_000)`.
        suggest: suggestMargin(finding, () => (fixer) => fixer.replaceText(root, `${wrap(root)} - ${margin}`)),
      });
    }

    function describeFinding(finding: Finding): Record<string, string> {
      const display = finding.expiry.expiry?.display ?? finding.expiry.node;
      const text = sourceCode.getText(display);
      return {
        expiry: text.length <= 60 ? text : (finding.expiry.expiry?.name ?? 'expiration'),
        margin: String(finding.margin),
        minimum: String(minimumMarginMs),
      };
    }

    /**
     * `subtractMargin`: replaces the one constant margin with the value that makes the margin `minimumMarginMs`, or,
     * with no constant, uses `whenNoConstant`.
     */
    function suggestMargin(
      finding: Finding,
      whenNoConstant: () => TSESLint.ReportFixFunction | undefined,
    ): TSESLint.SuggestionReportDescriptor<MessageId>[] {
      const data = { margin };
      const [constant, ...others] = finding.constants;
      if (!constant) {
        const fix = whenNoConstant();
        return fix ? [{ messageId: 'subtractMargin', data, fix }] : [];
      }
      if (others.length > 0 || !constant.direct || constant.value === undefined) {
        return [];
      }
      // The margin moves by -expirySign * sign for each unit the constant grows.
      const value = constant.value - finding.expirySign * constant.sign * (minimumMarginMs - finding.margin);
      if (value < 0) {
        return [];
      }
      return [{ messageId: 'subtractMargin', data, fix: (fixer) => fixer.replaceText(constant.node, formatMs(value)) }];
    }

    /** E.g. `Date.now() >= exp.getTime()` → `Date.now() >= exp.getTime() - 5 * 60_000`. */
    function suggestComparisonMargin(
      comparison: TSESTree.BinaryExpression,
      finding: Finding,
    ): TSESLint.ReportFixFunction | undefined {
      const { expiry, now } = finding;
      if (expiry.direct && expiry.numeric && expiry.node.parent === comparison) {
        return (fixer) => fixer.replaceText(expiry.node, `${wrap(expiry.node)} - ${margin}`);
      }
      if (!now.direct || now.node.parent !== comparison) {
        return undefined;
      }
      // Move "now" forward instead, keeping its type: a number stays a number, a `Date` stays a `Date`.
      if (now.numeric) {
        return (fixer) => fixer.replaceText(now.node, `${wrap(now.node)} + ${margin}`);
      }
      if (isNewDate(skipTransparent(now.node))) {
        return (fixer) => fixer.replaceText(now.node, `new Date(Date.now() + ${margin})`);
      }
      return (fixer) => fixer.replaceText(now.node, `new Date(${wrap(now.node)}.getTime() + ${margin})`);
    }

    function wrap(node: TSESTree.Node): string {
      const text = sourceCode.getText(node);
      return needsParentheses(node) ? `(${text})` : text;
    }
  },
});

/** `5 * 60_000` when the value is whole minutes, else the number itself. */
function formatMs(value: number): string {
  return value > 0 && value % MINUTE_MS === 0 ? `${value / MINUTE_MS} * 60_000` : String(value);
}

/** Whether `node` must be parenthesized to be the left operand of `-` or `+`. */
function needsParentheses(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
      return false;
    case AST_NODE_TYPES.BinaryExpression:
      return !['+', '-', '*', '/', '%', '**'].includes(node.operator);
    default:
      return true;
  }
}

/**
 * A cheap, syntactic test: does the expression read the current time? `Date.now()`, `new Date()`, `Date.now`
 * passed around, or a variable declared from one of them. No scope lookup.
 */
function mentionsNow(node: TSESTree.Node, aliases: ReadonlySet<string>, depth = 0): boolean {
  const current = skipTransparent(node);
  if (depth > MAX_DEPTH) {
    return false;
  }
  switch (current.type) {
    case AST_NODE_TYPES.Identifier:
      return aliases.has(current.name);
    case AST_NODE_TYPES.MemberExpression:
      return isDateNowMember(current) || mentionsNow(current.object, aliases, depth + 1);
    case AST_NODE_TYPES.NewExpression:
      return (
        (isDateCallee(current.callee) && current.arguments.length === 0) ||
        current.arguments.some((argument) => mentionsNow(argument, aliases, depth + 1))
      );
    case AST_NODE_TYPES.CallExpression:
      return (
        mentionsNow(current.callee, aliases, depth + 1) ||
        current.arguments.some((argument) => mentionsNow(argument, aliases, depth + 1))
      );
    case AST_NODE_TYPES.BinaryExpression:
      return mentionsNow(current.left, aliases, depth + 1) || mentionsNow(current.right, aliases, depth + 1);
    case AST_NODE_TYPES.UnaryExpression:
      return mentionsNow(current.argument, aliases, depth + 1);
    default:
      return false;
  }
}

/** `mentionsNow`, or a function returning such a value. */
function readsNow(node: TSESTree.Node, aliases: ReadonlySet<string>): boolean {
  return isFunction(node)
    ? getReturnedExpressions(node).some((returned) => mentionsNow(returned, aliases))
    : mentionsNow(node, aliases);
}

function isDateNowMember(node: TSESTree.Node): boolean {
  return (
    isMemberNamed(node, 'now') && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'Date'
  );
}

/**
 * Comparisons that check, not schedule: `if (expired) throw …` (a loader rejecting stale credentials, as the SDK's
 * own `credential_process` does), `if (expired) credentials = extend(credentials, …)` (expired credentials given a
 * new lease, as the SDK's instance-metadata static stability does: nothing is fetched), and assertions
 * (`assert(…)`, `expect(…)`).
 */
function isValidationOrAssertion(comparison: TSESTree.BinaryExpression): boolean {
  let current: TSESTree.Node = comparison;
  while (
    current.parent?.type === AST_NODE_TYPES.LogicalExpression ||
    (current.parent?.type === AST_NODE_TYPES.UnaryExpression && current.parent.operator === '!')
  ) {
    current = current.parent;
  }
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.IfStatement && parent.test === current) {
    const body = parent.consequent;
    const only = body.type === AST_NODE_TYPES.BlockStatement && body.body.length === 1 ? body.body[0] : body;
    return (
      only?.type === AST_NODE_TYPES.ThrowStatement ||
      (only?.type === AST_NODE_TYPES.ExpressionStatement && isSelfExtension(only.expression))
    );
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== current) {
    let callee: TSESTree.Node = parent.callee;
    while (callee.type === AST_NODE_TYPES.MemberExpression) callee = callee.object;
    return callee.type === AST_NODE_TYPES.Identifier && (callee.name === 'assert' || callee.name === 'expect');
  }
  return false;
}

/** `credentials = extend(credentials, …)`: a new value made from the same credentials, not fetched anew. */
function isSelfExtension(expression: TSESTree.Expression): boolean {
  if (
    expression.type !== AST_NODE_TYPES.AssignmentExpression ||
    expression.operator !== '=' ||
    expression.left.type !== AST_NODE_TYPES.Identifier
  ) {
    return false;
  }
  const { name } = expression.left;
  const value = skipTransparent(expression.right);
  return (
    value.type === AST_NODE_TYPES.CallExpression &&
    value.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === name)
  );
}

/** The term analysis, sharing the file's SDK references (loaded on first need). */
function createAnalyzer(sourceCode: SourceCode, getReferences: () => SdkReferences | undefined) {
  /**
   * The signed summands of `node`: E.g. `exp.getTime() - (Date.now() + MARGIN)` → `+expiry`, `-now`, `-constant`.
   * Variables holding a difference are followed (`const left = exp - Date.now()`), their terms marked indirect.
   */
  function collectTerms(node: TSESTree.Node, sign: 1 | -1, direct = true, depth = 0): Term[] {
    const current = skipTransparent(node);
    if (current.type === AST_NODE_TYPES.BinaryExpression && (current.operator === '+' || current.operator === '-')) {
      const rightSign = current.operator === '-' ? (-sign as 1 | -1) : sign;
      return [
        ...collectTerms(current.left, sign, direct, depth),
        ...collectTerms(current.right, rightSign, direct, depth),
      ];
    }
    const clamped = skipClamp(current);
    if (clamped !== current) {
      return collectTerms(clamped, sign, direct, depth);
    }
    const time = depth <= MAX_DEPTH ? classifyTime(current, depth) : undefined;
    if (time?.kind === 'difference') {
      return collectTerms(time.node, sign, direct && time.direct, depth + 1);
    }
    if (time) {
      return [{ kind: time.kind, sign, node, direct, numeric: time.numeric, expiry: time.expiry }];
    }
    const value = getStaticValue(sourceCode, current);
    return typeof value === 'number'
      ? [{ kind: 'constant', sign, node, direct, numeric: true, value }]
      : [{ kind: 'unknown', sign, node, direct, numeric: false }];
  }

  /** `Math.max(0, x)`, `Math.min(x, LIMIT)`: a clamp with a constant does not move the margin. */
  function skipClamp(node: TSESTree.Node): TSESTree.Node {
    const current = skipTransparent(node);
    if (
      current.type !== AST_NODE_TYPES.CallExpression ||
      current.arguments.length !== 2 ||
      !(isMemberNamed(current.callee, 'max') || isMemberNamed(current.callee, 'min')) ||
      current.callee.object.type !== AST_NODE_TYPES.Identifier ||
      current.callee.object.name !== 'Math'
    ) {
      return node;
    }
    const [first, second] = current.arguments as [TSESTree.Node, TSESTree.Node];
    if (typeof getStaticValue(sourceCode, first) === 'number') return second;
    if (typeof getStaticValue(sourceCode, second) === 'number') return first;
    return node;
  }

  type TimeKind =
    | { kind: 'now' | 'expiry'; numeric: boolean; expiry?: ExpiryReference }
    /** A sum to analyse term by term; `direct` when it is written in place (`new Date(exp - MARGIN)`). */
    | { kind: 'difference'; node: TSESTree.Node; direct: boolean };

  /**
   * Whether `node` is the current time or an expiry, through the conversions that keep the instant:
   * `.getTime()`, `.valueOf()`, unary `+`, `Number(x)`, `Date.parse(x)`, `new Date(x)`.
   */
  function classifyTime(node: TSESTree.Node, depth: number): TimeKind | undefined {
    let current = skipTransparent(node);
    let numeric: boolean | undefined;
    for (let unwrapped = unwrapConversion(current); unwrapped; unwrapped = unwrapConversion(current)) {
      numeric ??= unwrapped.numeric;
      current = skipTransparent(unwrapped.inner);
    }
    if (isNowCall(current)) {
      return { kind: 'now', numeric: numeric ?? true };
    }
    if (isNewDate(current)) {
      return { kind: 'now', numeric: numeric ?? false };
    }
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getPropertyName(current);
      if (name === undefined || !isExpiryName(name)) return undefined;
      const expiry = { base: current.object, path: [], name, display: current };
      return { kind: 'expiry', numeric: numeric ?? false, expiry };
    }
    if (current.type === AST_NODE_TYPES.BinaryExpression && numeric !== undefined) {
      // `new Date(exp.getTime() - MARGIN)`: a difference inside a conversion.
      return current.operator === '+' || current.operator === '-'
        ? { kind: 'difference', node: current, direct: true }
        : undefined;
    }
    if (current.type !== AST_NODE_TYPES.Identifier) {
      return undefined;
    }
    const source = getBindingSource(sourceCode, current);
    if (!source) {
      return undefined;
    }
    const name = source.path.at(-1);
    if (name !== undefined) {
      // E.g. `const { Expiration } = Credentials`, `const { Credentials: { Expiration: expiresAt } } = response`.
      return isExpiryName(name)
        ? {
            kind: 'expiry',
            numeric: numeric ?? false,
            expiry: { base: source.init, path: source.path.slice(0, -1), name, display: current },
          }
        : undefined;
    }
    const init = skipTransparent(source.init);
    if (init.type === AST_NODE_TYPES.BinaryExpression && (init.operator === '+' || init.operator === '-')) {
      return numeric === undefined ? { kind: 'difference', node: init, direct: false } : undefined;
    }
    const inner = depth < MAX_DEPTH ? classifyTime(init, depth + 1) : undefined;
    if (inner?.kind === 'difference') {
      return numeric === undefined ? { ...inner, direct: false } : undefined;
    }
    // The variable holds the instant; the message names the variable.
    return (
      inner && {
        ...inner,
        numeric: numeric ?? inner.numeric,
        expiry: inner.expiry && { ...inner.expiry, display: current },
      }
    );
  }

  /** `Date.now()`, `now()` with `const now = Date.now`, a local function returning `Date.now()`. */
  function isNowCall(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0) {
      return false;
    }
    if (isDateNowMember(skipTransparent(node.callee))) {
      return true;
    }
    const callee = resolveValue(sourceCode, node.callee);
    if (callee && isDateNowMember(callee)) {
      return true;
    }
    const returned = resolveValue(sourceCode, node);
    return returned !== undefined && returned !== node && isNowCall(skipTransparent(returned));
  }

  /** Whether an expiry reference reads a credential object (see the rule docs for the evidence accepted). */
  function isCredentialExpiry(expiry: ExpiryReference): boolean {
    const { base, path, name } = expiry;
    if (!EXPIRY_NAMES.has(name)) {
      // A cache's `expiresAt` counts only next to an access key ID.
      return holdsAccessKeyId(base, path);
    }
    if (hasCredentialName(base, path) || holdsAccessKeyId(base, path)) {
      return true;
    }
    const references = getReferences();
    return references !== undefined && findCredentialSource(sourceCode, references, base) !== undefined;
  }

  function hasCredentialName(base: TSESTree.Node, path: readonly string[]): boolean {
    const last = path.at(-1);
    if (last !== undefined) {
      return CREDENTIAL_OBJECT_NAME.test(last);
    }
    const current = skipTransparent(base);
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      return CREDENTIAL_OBJECT_NAME.test(getPropertyName(current) ?? '');
    }
    if (current.type !== AST_NODE_TYPES.Identifier) {
      return false;
    }
    if (CREDENTIAL_OBJECT_NAME.test(current.name)) {
      return true;
    }
    // E.g. `const { Credentials: c } = response`, `const c = response.Credentials`.
    const source = getBindingSource(sourceCode, current);
    const key = source?.path.at(-1);
    if (key !== undefined) {
      return CREDENTIAL_OBJECT_NAME.test(key);
    }
    const resolved = source && resolveValue(sourceCode, source.init);
    return (
      resolved?.type === AST_NODE_TYPES.MemberExpression &&
      CREDENTIAL_OBJECT_NAME.test(getPropertyName(resolved) ?? '')
    );
  }

  /** The object holding the expiry is an object literal (as far as the file shows) with an access key ID. */
  function holdsAccessKeyId(base: TSESTree.Node, path: readonly string[]): boolean {
    let object = resolveObject(sourceCode, base);
    for (const key of path) {
      const property = object && findProperty(sourceCode, object, key);
      object = property && resolveObject(sourceCode, property.value);
    }
    return object !== undefined && ACCESS_KEY_ID_NAMES.some((key) => findProperty(sourceCode, object, key));
  }

  /**
   * The margin of `expiry - now` compared with a constant: one expiry and one "now" of opposite signs, constants,
   * nothing unknown. With `D = s * (expiry - now) + C` compared with 0, the margin is `-s * C`.
   */
  function solve(terms: readonly Term[]): Finding | undefined {
    const nows = terms.filter((term) => term.kind === 'now');
    const expiries = terms.filter((term) => term.kind === 'expiry');
    const constants = terms.filter((term) => term.kind === 'constant');
    const [now] = nows;
    const [expiry] = expiries;
    if (
      nows.length !== 1 ||
      expiries.length !== 1 ||
      !now ||
      !expiry?.expiry ||
      now.sign === expiry.sign ||
      terms.some((term) => term.kind === 'unknown') ||
      !isCredentialExpiry(expiry.expiry)
    ) {
      return undefined;
    }
    const total = constants.reduce((sum, term) => sum + term.sign * (term.value ?? 0), 0);
    return { margin: -expiry.sign * total || 0, expiry, now, constants, expirySign: expiry.sign };
  }

  return { collectTerms, skipClamp, solve };
}

/** A numeric or `Date` conversion around an instant, and what it converts. */
function unwrapConversion(node: TSESTree.Node): { inner: TSESTree.Node; numeric: boolean } | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(node.callee);
      const [argument] = node.arguments;
      if (node.arguments.length === 0 && (isMemberNamed(callee, 'getTime') || isMemberNamed(callee, 'valueOf'))) {
        return { inner: callee.object, numeric: true };
      }
      const isNumber = callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Number';
      const isDateParse = isMemberNamed(callee, 'parse') && isDateCallee(callee.object);
      return argument && node.arguments.length === 1 && (isNumber || isDateParse)
        ? { inner: argument, numeric: true }
        : undefined;
    }
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '+' ? { inner: node.argument, numeric: true } : undefined;
    case AST_NODE_TYPES.NewExpression: {
      const [argument] = node.arguments;
      return argument && node.arguments.length === 1 && isDateCallee(node.callee)
        ? { inner: argument, numeric: false }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** `new Date()`: the current time as a `Date`. */
function isNewDate(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.NewExpression && isDateCallee(node.callee) && node.arguments.length === 0;
}

function isExpiryName(name: string): boolean {
  return EXPIRY_NAMES.has(name) || CACHE_EXPIRY_NAMES.has(name);
}

function isDateCallee(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'Date';
}
