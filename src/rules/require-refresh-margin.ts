import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipTransparent } from '../utils/ast/nodes.js';
import { isNewDate, readsNow, mentionsNow } from '../utils/ast/time.js';
import { createRule } from '../utils/create-rule.js';
import { CHECK_TEST_FILES_PROPERTY, isSkippedTestFile } from '../utils/modules/files.js';
import { getAdditiveOperandText } from '../utils/fix/operand-text.js';
import { isCredentialExpiry } from '../utils/sdk/credential-holders.js';
import { isExpiryName } from '../utils/sdk/credential-keys.js';
import { onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { collectTimeTerms, skipClamp, solveTimeDifference, type TimeDifference } from '../utils/scope/time-terms.js';

type Options = [{ minimumMarginMs?: number; checkTestFiles?: boolean }];
type MessageId = 'refreshAtExpiry' | 'timerAtExpiry' | 'subtractMargin';
type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;
type Candidate = TSESTree.BinaryExpression | TSESTree.CallExpression;
type Suggestions = TSESLint.SuggestionReportDescriptor<MessageId>[];

/**
 * `EXPIRATION_MS` of `memoizeIdentityProvider` (smithy-typescript `packages/core`): the SDK refreshes 5 minutes
 * before expiration.
 */
const SDK_REFRESH_WINDOW_MS = 300_000;
const RELATIONAL_OPERATORS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);
const MINUTE_MS = 60_000;

/** What every check of one file shares. */
interface FileCheck {
  context: Context;
  minimumMarginMs: number;
  nowAliases: ReadonlySet<string>;
  /** The file's SDK references, computed on first need; `undefined` when it uses no SDK module. */
  getReferences: () => SdkReferences | undefined;
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
          ...CHECK_TEST_FILES_PROPERTY,
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
    defaultOptions: [{ minimumMarginMs: SDK_REFRESH_WINDOW_MS, checkTestFiles: false }],
  },
  create(context, [{ minimumMarginMs = SDK_REFRESH_WINDOW_MS, checkTestFiles }]) {
    // Every shape needs the current time (`Date.now()`, `new Date()`) and an expiry field (all contain "xpir").
    const { text } = context.sourceCode;
    if (!text.includes('Date') || !text.includes('xpir') || isSkippedTestFile(context, checkTestFiles)) {
      return {};
    }
    const candidates: Candidate[] = [];
    const nowAliases = new Set<string>();
    let references: SdkReferences | undefined;
    const sdkListeners = onSdkReferences(context, (found) => {
      references = found;
    });
    return {
      ImportExpression: (node) => sdkListeners.ImportExpression?.(node),
      // E.g. `const now = Date.now()`, `const left = exp.getTime() - Date.now()`, `const clock = () => Date.now()`.
      VariableDeclarator(node) {
        if (node.id.type === AST_NODE_TYPES.Identifier && node.init && readsNow(node.init, nowAliases)) {
          nowAliases.add(node.id.name);
        }
      },
      FunctionDeclaration(node) {
        if (node.id && readsNow(node, nowAliases)) nowAliases.add(node.id.name);
      },
      BinaryExpression(node) {
        if (RELATIONAL_OPERATORS.has(node.operator)) candidates.push(node);
      },
      'CallExpression[callee.name="setTimeout"]'(node: TSESTree.CallExpression) {
        if (node.arguments.length >= 2) candidates.push(node);
      },
      'Program:exit'(program) {
        // The SDK pass runs only when a margin check needs to know where an expiry was read from.
        const getReferences = (): SdkReferences | undefined => (sdkListeners['Program:exit']?.(program), references);
        const check: FileCheck = { context, minimumMarginMs, nowAliases, getReferences: once(getReferences) };
        for (const candidate of candidates) checkCandidate(check, candidate);
      },
    };
  },
});

function checkCandidate(check: FileCheck, node: Candidate): void {
  const { context, minimumMarginMs } = check;
  const isTimer = node.type === AST_NODE_TYPES.CallExpression;
  const finding = isTimer ? findTimerMargin(check, node) : findComparisonMargin(check, node);
  if (!finding || finding.margin >= minimumMarginMs) {
    return;
  }
  const { sourceCode } = context;
  const margin = formatMs(minimumMarginMs);
  const display = sourceCode.getText(finding.instant.instant.display);
  const data = {
    expiry: display.length <= 60 ? display : finding.instant.instant.name,
    margin: String(finding.margin),
    minimum: String(minimumMarginMs),
  };
  if (isTimer) {
    const root = skipClamp(sourceCode, node.arguments[1] as TSESTree.Node);
    // E.g. `setTimeout(refresh, exp - Date.now())` → `setTimeout(refresh, exp - Date.now() - 5 * 60_000)`.
    const text = getAdditiveOperandText(sourceCode, root);
    const fix: TSESLint.ReportFixFunction = (fixer) => fixer.replaceText(root, `${text} - ${margin}`);
    const suggest = suggestMargin(check, finding, () => fix);
    context.report({ node: node.arguments[1] as TSESTree.Node, messageId: 'timerAtExpiry', data, suggest });
  } else {
    const suggest = suggestMargin(check, finding, () => suggestComparisonMargin(check, node, finding));
    context.report({ node, messageId: 'refreshAtExpiry', data, suggest });
  }
}

/** `exp - now` compared with a constant, in either operand order, unless the comparison only validates. */
function findComparisonMargin(check: FileCheck, node: TSESTree.BinaryExpression): TimeDifference | undefined {
  if (
    !(mentionsNow(node.left, check.nowAliases) || mentionsNow(node.right, check.nowAliases)) ||
    isValidationOrAssertion(node)
  ) {
    return undefined;
  }
  const { sourceCode } = check.context;
  const terms = [
    ...collectTimeTerms(sourceCode, node.left, 1, isExpiryName),
    ...collectTimeTerms(sourceCode, node.right, -1, isExpiryName),
  ];
  return solveForCredentials(check, solveTimeDifference(terms));
}

/** `setTimeout(fn, exp - Date.now() - margin)`: the delay must end before the expiry (the expiry counted `+`). */
function findTimerMargin(check: FileCheck, node: TSESTree.CallExpression): TimeDifference | undefined {
  const delay = node.arguments[1] as TSESTree.Node;
  if (!mentionsNow(delay, check.nowAliases)) {
    return undefined;
  }
  const { sourceCode } = check.context;
  const difference = solveTimeDifference(collectTimeTerms(sourceCode, skipClamp(sourceCode, delay), 1, isExpiryName));
  return difference?.instantSign === 1 ? solveForCredentials(check, difference) : undefined;
}

/** Keeps a difference whose instant is the expiry of credentials (see the rule docs for the evidence accepted). */
function solveForCredentials(check: FileCheck, difference: TimeDifference | undefined): TimeDifference | undefined {
  return difference && isCredentialExpiry(check.context.sourceCode, check.getReferences(), difference.instant.instant)
    ? difference
    : undefined;
}

/**
 * `subtractMargin`: replaces the one constant margin with the value that makes the margin `minimumMarginMs`, or,
 * with no constant, uses `whenNoConstant`.
 */
function suggestMargin(
  check: FileCheck,
  finding: TimeDifference,
  whenNoConstant: () => TSESLint.ReportFixFunction | undefined,
): Suggestions {
  const { minimumMarginMs } = check;
  const data = { margin: formatMs(minimumMarginMs) };
  const [constant, ...others] = finding.constants;
  if (!constant) {
    const fix = whenNoConstant();
    return fix ? [{ messageId: 'subtractMargin', data, fix }] : [];
  }
  if (others.length > 0 || !constant.direct || constant.value === undefined) {
    return [];
  }
  // The margin moves by -instantSign * sign for each unit the constant grows.
  const value = constant.value - finding.instantSign * constant.sign * (minimumMarginMs - finding.margin);
  if (value < 0) {
    return [];
  }
  return [{ messageId: 'subtractMargin', data, fix: (fixer) => fixer.replaceText(constant.node, formatMs(value)) }];
}

/** E.g. `Date.now() >= exp.getTime()` → `Date.now() >= exp.getTime() - 5 * 60_000`. */
function suggestComparisonMargin(
  check: FileCheck,
  comparison: TSESTree.BinaryExpression,
  finding: TimeDifference,
): TSESLint.ReportFixFunction | undefined {
  const { sourceCode } = check.context;
  const margin = formatMs(check.minimumMarginMs);
  const { instant, now } = finding;
  const operand = (node: TSESTree.Node): string => getAdditiveOperandText(sourceCode, node);
  if (instant.direct && instant.numeric && instant.node.parent === comparison) {
    return (fixer) => fixer.replaceText(instant.node, `${operand(instant.node)} - ${margin}`);
  }
  if (!now.direct || now.node.parent !== comparison) {
    return undefined;
  }
  // Move "now" forward instead, keeping its type: a number stays a number, a `Date` stays a `Date`.
  if (now.numeric) {
    return (fixer) => fixer.replaceText(now.node, `${operand(now.node)} + ${margin}`);
  }
  if (isNewDate(skipTransparent(now.node))) {
    return (fixer) => fixer.replaceText(now.node, `new Date(Date.now() + ${margin})`);
  }
  return (fixer) => fixer.replaceText(now.node, `new Date(${operand(now.node)}.getTime() + ${margin})`);
}

/** A function that computes `compute()` once. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      done = true;
      value = compute();
    }
    return value;
  };
}

/** `5 * 60_000` when the value is whole minutes, else the number itself. */
function formatMs(value: number): string {
  return value > 0 && value % MINUTE_MS === 0 ? `${value / MINUTE_MS} * 60_000` : String(value);
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
