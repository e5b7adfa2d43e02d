/**
 * Time arithmetic read through the file's bindings: an expression split into signed summands (the current time,
 * a named instant such as `creds.Expiration`, constants), and the margin such a difference leaves.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, skipTransparent } from '../ast/nodes.js';
import { getClampOperands, isDateNowMember, isNewDate, unwrapTimeConversion } from '../ast/time.js';
import { getBindingSource, getStaticValue, resolveValue } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** How many bindings one term may be followed through; guards against cycles. */
const MAX_TERM_BINDINGS = 6;

/** Where a named instant is read, as `base.<path…>.<name>`: `creds.Expiration`, `const { Expiration } = creds`. */
export interface InstantRead {
  base: TSESTree.Node;
  /** Keys from `base` to the object that holds the instant (empty for `creds.Expiration`). */
  path: string[];
  name: string;
  /** What a message shows: `creds.Expiration`, or the variable that holds it. */
  display: TSESTree.Node;
}

/** One summand of a time difference: `expiry - now + constant`, each with its sign. */
export interface TimeTerm {
  kind: 'now' | 'instant' | 'constant' | 'unknown';
  sign: 1 | -1;
  /** The node as written (TS wrappers included), where a suggestion edits. */
  node: TSESTree.Node;
  /** False when the term was found through a variable (`const left = exp - Date.now()`): not editable in place. */
  direct: boolean;
  /** The value is known to be a number (`Date.now()`, `x.getTime()`), not a `Date`. */
  numeric: boolean;
  value?: number;
  instant?: InstantRead;
}

/** A difference `instant - now` (or its opposite) plus constants, compared with 0. */
export interface TimeDifference {
  /** How long before the instant the difference reaches 0: `exp - now - 60_000 > 0` → 60000. */
  margin: number;
  instant: TimeTerm & { instant: InstantRead };
  now: TimeTerm;
  constants: TimeTerm[];
  /** The sign the instant has in the difference. */
  instantSign: 1 | -1;
}

type TimeKind =
  | { kind: 'now' | 'instant'; numeric: boolean; instant?: InstantRead }
  /** A sum to analyse term by term; `direct` when it is written in place (`new Date(exp - MARGIN)`). */
  | { kind: 'difference'; node: TSESTree.Node; direct: boolean };

/**
 * The signed summands of `node`: E.g. `exp.getTime() - (Date.now() + MARGIN)` → `+instant`, `-now`, `-constant`.
 * Variables holding a difference are followed (`const left = exp - Date.now()`), their terms marked indirect.
 * `isInstantName` says which member names count as instants (E.g. `Expiration`).
 */
export function collectTimeTerms(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  sign: 1 | -1,
  isInstantName: (name: string) => boolean,
): TimeTerm[] {
  function collect(node: TSESTree.Node, sign: 1 | -1, direct: boolean, depth: number): TimeTerm[] {
    const current = skipTransparent(node);
    if (current.type === AST_NODE_TYPES.BinaryExpression && (current.operator === '+' || current.operator === '-')) {
      const rightSign = current.operator === '-' ? (-sign as 1 | -1) : sign;
      return [...collect(current.left, sign, direct, depth), ...collect(current.right, rightSign, direct, depth)];
    }
    const clamped = skipClamp(sourceCode, current);
    if (clamped !== current) {
      return collect(clamped, sign, direct, depth);
    }
    const time = depth <= MAX_TERM_BINDINGS ? classifyTime(sourceCode, current, depth, isInstantName) : undefined;
    if (time?.kind === 'difference') {
      return collect(time.node, sign, direct && time.direct, depth + 1);
    }
    if (time) {
      return [{ kind: time.kind, sign, node, direct, numeric: time.numeric, instant: time.instant }];
    }
    const value = getStaticValue(sourceCode, current);
    return typeof value === 'number'
      ? [{ kind: 'constant', sign, node, direct, numeric: true, value }]
      : [{ kind: 'unknown', sign, node, direct, numeric: false }];
  }
  return collect(node, sign, true, 0);
}

/** `Math.max(0, x)`, `Math.min(x, LIMIT)`: a clamp with a constant does not move the margin; returns `x`. */
export function skipClamp(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node {
  const operands = getClampOperands(node);
  if (!operands) {
    return node;
  }
  const [first, second] = operands;
  if (typeof getStaticValue(sourceCode, first) === 'number') return second;
  if (typeof getStaticValue(sourceCode, second) === 'number') return first;
  return node;
}

/**
 * The margin of `instant - now` compared with constants: one instant and one "now" of opposite signs, constants,
 * nothing unknown. With `D = s * (instant - now) + C` compared with 0, the margin is `-s * C`.
 */
export function solveTimeDifference(terms: readonly TimeTerm[]): TimeDifference | undefined {
  const nows = terms.filter((term) => term.kind === 'now');
  const instants = terms.filter((term) => term.kind === 'instant');
  const [now] = nows;
  const [instant] = instants;
  if (
    nows.length !== 1 ||
    instants.length !== 1 ||
    !now ||
    !instant?.instant ||
    now.sign === instant.sign ||
    terms.some((term) => term.kind === 'unknown')
  ) {
    return undefined;
  }
  const constants = terms.filter((term) => term.kind === 'constant');
  const total = constants.reduce((sum, term) => sum + term.sign * (term.value ?? 0), 0);
  return {
    margin: -instant.sign * total || 0,
    instant: instant as TimeTerm & { instant: InstantRead },
    now,
    constants,
    instantSign: instant.sign,
  };
}

/**
 * Whether `node` is the current time or a named instant, through the conversions that keep the instant
 * (`.getTime()`, `.valueOf()`, unary `+`, `Number(x)`, `Date.parse(x)`, `new Date(x)`) and the bindings that hold it.
 */
function classifyTime(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  depth: number,
  isInstantName: (name: string) => boolean,
): TimeKind | undefined {
  let current = skipTransparent(node);
  let numeric: boolean | undefined;
  for (let unwrapped = unwrapTimeConversion(current); unwrapped; unwrapped = unwrapTimeConversion(current)) {
    numeric ??= unwrapped.numeric;
    current = skipTransparent(unwrapped.inner);
  }
  if (isNowCall(sourceCode, current)) {
    return { kind: 'now', numeric: numeric ?? true };
  }
  if (isNewDate(current)) {
    return { kind: 'now', numeric: numeric ?? false };
  }
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(current);
    if (name === undefined || !isInstantName(name)) return undefined;
    const instant = { base: current.object, path: [], name, display: current };
    return { kind: 'instant', numeric: numeric ?? false, instant };
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
    return isInstantName(name)
      ? {
          kind: 'instant',
          numeric: numeric ?? false,
          instant: { base: source.init, path: source.path.slice(0, -1), name, display: current },
        }
      : undefined;
  }
  const init = skipTransparent(source.init);
  if (init.type === AST_NODE_TYPES.BinaryExpression && (init.operator === '+' || init.operator === '-')) {
    return numeric === undefined ? { kind: 'difference', node: init, direct: false } : undefined;
  }
  const inner = depth < MAX_TERM_BINDINGS ? classifyTime(sourceCode, init, depth + 1, isInstantName) : undefined;
  if (inner?.kind === 'difference') {
    return numeric === undefined ? { ...inner, direct: false } : undefined;
  }
  // The variable holds the instant; a message names the variable.
  return (
    inner && {
      ...inner,
      numeric: numeric ?? inner.numeric,
      instant: inner.instant && { ...inner.instant, display: current },
    }
  );
}

/** `Date.now()`, `now()` with `const now = Date.now`, a local function returning `Date.now()`. */
export function isNowCall(sourceCode: SourceCode, node: TSESTree.Node): boolean {
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
  return returned !== undefined && returned !== node && isNowCall(sourceCode, skipTransparent(returned));
}
