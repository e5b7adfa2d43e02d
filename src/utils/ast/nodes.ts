/** Pure node predicates and accessors: no scope, no SDK knowledge. */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/**
 * Strips what does not change a value: TS `as`, `satisfies`, `<T>x`, `x!`, `x<T>` and the optional-chain wrapper.
 * E.g. `(creds as Credentials)!`, `resp?.Credentials satisfies X`.
 */
export function skipTransparent(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSInstantiationExpression:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

export function isFunction(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** The static name of a property or member key: `a`, `'a'`, `['a']`, `` [`a`] ``; `undefined` when computed. */
export function getKeyName(
  key: TSESTree.Expression | TSESTree.PrivateIdentifier,
  computed: boolean,
): string | undefined {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) {
    return key.name;
  }
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

export function getPropertyName(property: TSESTree.Property | TSESTree.MemberExpression): string | undefined {
  return property.type === AST_NODE_TYPES.Property
    ? getKeyName(property.key, property.computed)
    : getKeyName(property.property, property.computed);
}

/** The last property of `object` named `name`, ignoring spreads (see `findProperty` in values.ts for those). */
export function getOwnProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index];
    if (property?.type === AST_NODE_TYPES.Property && getPropertyName(property) === name) {
      return property;
    }
  }
  return undefined;
}

/** `obj.name` or `obj?.['name']` with the given static name. */
export function isMemberNamed(node: TSESTree.Node, name: string): node is TSESTree.MemberExpression {
  return node.type === AST_NODE_TYPES.MemberExpression && getPropertyName(node) === name;
}

/** `(x as T)!` for `x` in it: the outermost node that still holds the same value as `node`. */
export function getOutermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && skipTransparent(current.parent) === skipTransparent(node)) {
    current = current.parent;
  }
  return current;
}

/** The string a literal spells: `'a'`, `` `a` `` (no substitutions); `undefined` for anything else. */
export function getStringLiteral(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) {
    return typeof node.value === 'string' ? node.value : undefined;
  }
  return node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0
    ? (node.quasis[0]?.value.cooked ?? undefined)
    : undefined;
}

/** `module.exports`. */
export function isModuleExports(node: TSESTree.Node): node is TSESTree.MemberExpression {
  return isMemberNamed(node, 'exports') && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'module';
}

/** `process.env`, also `process?.env` and `process['env']`. */
export function isProcessEnv(node: TSESTree.Node): node is TSESTree.MemberExpression {
  const inner = skipTransparent(node);
  return (
    isMemberNamed(inner, 'env') &&
    inner.object.type === AST_NODE_TYPES.Identifier &&
    inner.object.name === 'process'
  );
}

/**
 * The expressions a function returns, found by walking its statements (never into nested functions or
 * expressions). An arrow with an expression body returns that expression.
 */
export function getReturnedExpressions(fn: FunctionNode): TSESTree.Expression[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return [fn.body];
  }
  const returned: TSESTree.Expression[] = [];
  const visit = (statement: TSESTree.Statement | null | undefined): void => {
    switch (statement?.type) {
      case AST_NODE_TYPES.ReturnStatement:
        if (statement.argument) returned.push(statement.argument);
        break;
      case AST_NODE_TYPES.BlockStatement:
        statement.body.forEach(visit);
        break;
      case AST_NODE_TYPES.IfStatement:
        visit(statement.consequent);
        visit(statement.alternate);
        break;
      case AST_NODE_TYPES.TryStatement:
        visit(statement.block);
        visit(statement.handler?.body);
        visit(statement.finalizer);
        break;
      case AST_NODE_TYPES.SwitchStatement:
        for (const switchCase of statement.cases) switchCase.consequent.forEach(visit);
        break;
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        visit(statement.body);
        break;
      default:
        break;
    }
  };
  fn.body.body.forEach(visit);
  return returned;
}

/** The function whose body holds `node`, found by walking up its ancestors. */
export function getEnclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** `inner` lies within `outer` (or is it). */
export function containsNode(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** `name`, as an identifier (through TS wrappers). */
export function isIdentifierNamed(node: TSESTree.Node, name: string): boolean {
  const value = skipTransparent(node);
  return value.type === AST_NODE_TYPES.Identifier && value.name === name;
}

/**
 * `Credentials`, `resp.Credentials`, `this.creds`, `creds!`: an expression that only reads, so that writing it
 * again elsewhere reads the same.
 */
export function isPlainReference(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  return (
    value.type === AST_NODE_TYPES.Identifier ||
    value.type === AST_NODE_TYPES.ThisExpression ||
    (value.type === AST_NODE_TYPES.MemberExpression && !value.computed && isPlainReference(value.object))
  );
}

/**
 * Finds `name` inside a binding `pattern` and returns the keys that lead to it and the innermost `= default`.
 * E.g. `b` in `{ a: { b = 1 } }` → `{ path: ['a', 'b'], defaultValue: 1 }`.
 */
export function locateInPattern(
  pattern: TSESTree.Node,
  name: TSESTree.Node,
): { path: string[]; defaultValue?: TSESTree.Expression } | undefined {
  if (pattern === name) {
    return { path: [] };
  }
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) {
    const inner = locateInPattern(pattern.left, name);
    return inner && { ...inner, defaultValue: inner.defaultValue ?? pattern.right };
  }
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) {
    return undefined;
  }
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || !containsNode(property.value, name)) continue;
    const key = getPropertyName(property);
    const inner = key === undefined ? undefined : locateInPattern(property.value, name);
    return inner && { ...inner, path: [key as string, ...inner.path] };
  }
  return undefined;
}

/** Where a function's head ends (`async (a) =>`, `function name(a)`): a report on a function stops there. */
export function getFunctionHeadLocation(
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.SourceLocation {
  return ASTUtils.getFunctionHeadLocation(fn, sourceCode);
}

/** The name an expression ends in: `f` of `f`, `x.f`, `x?.['f']` (through TS wrappers); `undefined` when computed. */
export function getEndName(node: TSESTree.Node): string | undefined {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    return value.name;
  }
  return value.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(value) : undefined;
}

/** Whether `ast` is a JSON document of `@eslint/json` (`Document`), not a JavaScript program. */
export function isJsonDocument(ast: { type: string }): boolean {
  return ast.type === 'Document';
}
