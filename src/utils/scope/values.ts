/**
 * Scope-aware helpers that find what an expression holds within the file. They never guess: a parameter, an
 * import or a call into another file stays unknown.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, getPropertyName, getReturnedExpressions, isFunction, skipTransparent, locateInPattern } from '../ast/nodes.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** How many bindings, members and calls one resolution may follow; guards against cycles like `a = b; b = a`. */
const MAX_STEPS = 12;

/** Where a binding's value comes from: `const { Credentials: c = {} } = init` → `{ init, path: ['Credentials'] }`. */
export interface BindingSource {
  init: TSESTree.Expression;
  /** Property keys from `init` down to the binding; empty for `const x = init`. */
  path: string[];
  /** The `= default` of the innermost pattern, if any. */
  defaultValue?: TSESTree.Expression;
}

/** The variable an identifier refers to, searched from the identifier's own scope. */
export function getVariable(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
}

/**
 * The expression that gives `identifier` its value: the initializer of a `const` (or of a `let`/`var` written
 * once), or the right side of the only assignment to a variable declared without one.
 * `undefined` for parameters, imports, globals, and variables written more than once.
 */
export function getBindingSource(sourceCode: SourceCode, identifier: TSESTree.Identifier): BindingSource | undefined {
  const variable = getVariable(sourceCode, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Variable') {
    return undefined;
  }
  const declarator = def.node;
  // A default in the pattern (`{ a = 1 } = init`) is a write of its own, inside the declarator.
  const laterWrites = variable.references.filter(
    (reference) => reference.isWrite() && !containsNode(declarator, reference.identifier),
  );
  if (declarator.init) {
    return laterWrites.length === 0 ? getPatternBindingSource(declarator.id, def.name, declarator.init) : undefined;
  }
  // E.g. `let cached; … cached = await sts.send(cmd);`
  const [write, ...others] = laterWrites;
  if (!write || others.length > 0) {
    return undefined;
  }
  const assignment = write.identifier.parent;
  return assignment.type === AST_NODE_TYPES.AssignmentExpression && assignment.operator === '='
    ? getPatternBindingSource(assignment.left, write.identifier, assignment.right)
    : undefined;
}

/** Finds `name` inside `pattern` (bound to `init`) and returns the keys that lead to it. */
function getPatternBindingSource(
  pattern: TSESTree.Node,
  name: TSESTree.Node,
  init: TSESTree.Expression,
): BindingSource | undefined {
  const located = locateInPattern(pattern, name);
  return located && { init, ...located };
}

/**
 * What `node` holds, as far as the file shows: follows `const` bindings, destructuring (renames and defaults),
 * members of object literals (spreads included), `await`, TS `as`/`satisfies`/`!`, optional chaining and calls to
 * local functions with one returned expression.
 *
 * Returns the expression where the trail ends (an object literal, a call into the SDK, `process.env.X`, ...), or
 * `undefined` when it ends at a binding the file does not define.
 */
export function resolveValue(sourceCode: SourceCode, node: TSESTree.Node, steps = 0): TSESTree.Node | undefined {
  const current = skipTransparent(node);
  if (steps > MAX_STEPS) {
    return undefined;
  }
  switch (current.type) {
    case AST_NODE_TYPES.Identifier: {
      const source = getBindingSource(sourceCode, current);
      if (source) {
        return resolvePath(sourceCode, source, steps + 1);
      }
      return getLocalFunction(sourceCode, current);
    }
    case AST_NODE_TYPES.MemberExpression: {
      const key = getPropertyName(current);
      const object = key === undefined ? undefined : resolveValue(sourceCode, current.object, steps + 1);
      if (object?.type === AST_NODE_TYPES.ObjectExpression) {
        const property = findProperty(sourceCode, object, key as string, steps + 1);
        return property && resolveValue(sourceCode, property.value, steps + 1);
      }
      return current;
    }
    case AST_NODE_TYPES.AwaitExpression: {
      // `await` of a plain value is that value; of a call into a local async function, what it returns.
      const argument = skipTransparent(current.argument);
      const awaited =
        argument.type === AST_NODE_TYPES.CallExpression
          ? resolveCallResult(sourceCode, argument, steps + 1)
          : resolveValue(sourceCode, argument, steps + 1);
      return awaited?.type === AST_NODE_TYPES.ObjectExpression ? awaited : current;
    }
    case AST_NODE_TYPES.CallExpression:
      return resolveCallResult(sourceCode, current, steps + 1, { awaited: false }) ?? current;
    default:
      return current;
  }
}

/**
 * What a call to a local function with one returned expression yields. Without `await`, a call to an `async`
 * function yields a Promise, not what it returns: that stays unknown.
 */
function resolveCallResult(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  steps: number,
  { awaited } = { awaited: true },
): TSESTree.Node | undefined {
  const callee = resolveValue(sourceCode, call.callee, steps);
  if (!isFunction(callee) || (callee.async && !awaited)) {
    return undefined;
  }
  const returned = getReturnedExpressions(callee);
  return returned.length === 1 && returned[0] ? resolveValue(sourceCode, returned[0], steps) : undefined;
}

function resolvePath(sourceCode: SourceCode, source: BindingSource, steps: number): TSESTree.Node | undefined {
  let value: TSESTree.Node | undefined = source.init;
  for (const key of source.path) {
    const object: TSESTree.Node | undefined = resolveValue(sourceCode, value, steps);
    const property: TSESTree.Property | undefined =
      object?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(sourceCode, object, key, steps) : undefined;
    if (!property) {
      return source.defaultValue ? resolveValue(sourceCode, source.defaultValue, steps) : undefined;
    }
    value = property.value;
  }
  return resolveValue(sourceCode, value, steps);
}

/** A function declared in this file and never reassigned, which `identifier` names. */
export function getLocalFunction(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = getVariable(sourceCode, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'FunctionName' && variable?.references.every((reference) => !reference.isWrite())) {
    return def.node;
  }
  return undefined;
}

/**
 * The property `name` of an object literal as the object would hold it at run time: the last one wins, and
 * spreads of object literals the file defines are searched too (E.g. `{ ...base, region }`).
 */
export function findProperty(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  name: string,
  steps = 0,
): TSESTree.Property | undefined {
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const member = object.properties[index];
    if (member?.type === AST_NODE_TYPES.SpreadElement) {
      const spread = resolveValue(sourceCode, member.argument, steps + 1);
      const found =
        spread?.type === AST_NODE_TYPES.ObjectExpression && steps < MAX_STEPS
          ? findProperty(sourceCode, spread, name, steps + 1)
          : undefined;
      if (found) return found;
    } else if (member?.type === AST_NODE_TYPES.Property && getPropertyName(member) === name) {
      return member;
    }
  }
  return undefined;
}

/** `resolveValue`, kept only when it is an object literal. */
export function resolveObject(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const value = resolveValue(sourceCode, node);
  return value?.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
}

/** The object literal the first argument of a call or `new` holds, when the file defines it: `new S3Client(config)`. */
export function resolveOptionsArgument(
  sourceCode: SourceCode,
  node: TSESTree.Node,
): TSESTree.ObjectExpression | undefined {
  const [argument] =
    node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression ? node.arguments : [];
  return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? resolveObject(sourceCode, argument) : undefined;
}

/** A string or number the file spells out: literals, constants, `a * b`, templates of constants. */
export function getStaticValue(sourceCode: SourceCode, node: TSESTree.Node): string | number | undefined {
  const result = ASTUtils.getStaticValue(node, sourceCode.getScope(node));
  const value: unknown = result?.value;
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}
