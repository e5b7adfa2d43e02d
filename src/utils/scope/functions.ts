/** Custom credential provider functions: which function a value names, and what that function returns. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  getPropertyName,
  getReturnedExpressions,
  isFunction,
  isMemberNamed,
  skipTransparent,
  type FunctionNode,
} from '../ast/nodes.js';
import { findProperty, getVariable, resolveValue } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** What a function returns, as far as the file shows. */
export interface ReturnedObjects {
  /** The object literals it returns, directly or through local bindings and `a ?? b` / `c ? a : b`. */
  objects: TSESTree.ObjectExpression[];
  /** Some return is a value the file does not define (a call into another module, a parameter, …). */
  hasUnknown: boolean;
}

/**
 * The function `node` holds: an inline arrow or function expression, a local function declaration, a
 * `const fn = async () => …`, or what a local factory call returns. `undefined` when the file does not show one.
 */
export function resolveFunction(sourceCode: SourceCode, node: TSESTree.Node): FunctionNode | undefined {
  const value = skipTransparent(node);
  if (isFunction(value)) {
    return value;
  }
  const resolved = resolveValue(sourceCode, value);
  return isFunction(resolved) ? resolved : undefined;
}

/** The object literals `fn` returns. E.g. `return { … }`, `return creds` (a local object), `return a ?? { … }`. */
export function collectReturnedObjects(sourceCode: SourceCode, fn: FunctionNode): ReturnedObjects {
  const result: ReturnedObjects = { objects: [], hasUnknown: false };
  const visit = (node: TSESTree.Node): void => {
    const current = skipTransparent(node);
    switch (current.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        visit(current.consequent);
        visit(current.alternate);
        return;
      case AST_NODE_TYPES.LogicalExpression:
        visit(current.left);
        visit(current.right);
        return;
      case AST_NODE_TYPES.AwaitExpression:
        visit(current.argument);
        return;
      default: {
        const value = resolveValue(sourceCode, current);
        if (value?.type === AST_NODE_TYPES.ObjectExpression && !isMutatedLocal(sourceCode, current)) {
          result.objects.push(value);
        } else {
          result.hasUnknown = true;
        }
      }
    }
  };
  getReturnedExpressions(fn).forEach(visit);
  return result;
}

/**
 * Whether the object may hold `name` at run time: the property is written (also inside spreads of local objects),
 * or a spread or computed key the file cannot resolve might bring it.
 */
export function mayHaveProperty(sourceCode: SourceCode, object: TSESTree.ObjectExpression, name: string): boolean {
  if (findProperty(sourceCode, object, name)) {
    return true;
  }
  return object.properties.some((member) => {
    if (member.type === AST_NODE_TYPES.SpreadElement) {
      const spread = resolveValue(sourceCode, member.argument);
      return spread?.type !== AST_NODE_TYPES.ObjectExpression || mayHaveProperty(sourceCode, spread, name);
    }
    return member.computed && getPropertyName(member) === undefined;
  });
}

/**
 * `creds` of `return creds` when the function changes the object after building it: `creds.expiration = …`,
 * `Object.assign(creds, …)`. Its literal then no longer tells what is returned.
 */
function isMutatedLocal(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const variable = getVariable(sourceCode, node);
  return (variable?.references ?? []).some(({ identifier }) => {
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
      const assignment = parent.parent;
      return assignment.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === parent;
    }
    return (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === identifier &&
      isMemberNamed(skipTransparent(parent.callee), 'assign')
    );
  });
}
