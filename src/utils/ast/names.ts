/** The names code gives a value: the key, variable or target it is written to. Pure node questions: no scope. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getKeyName, getPropertyName } from './nodes.js';

/**
 * The names a value is stored under: a property key, variable, assignment target, default value, JSX attribute,
 * enum member, or the name `getArgumentName` gives an argument position of a `new` call. Climbs through TS
 * wrappers, `??`/`||` and `?:` first. E.g. `{ secretAccessKey: '…' }`, `const AWS_SECRET_KEY = '…'`,
 * `process.env.AWS_SESSION_TOKEN = '…'`, `const { secretAccessKey = '…' } = options`.
 */
export function getAssignedNames(
  valueNode: TSESTree.Node,
  getArgumentName: (call: TSESTree.NewExpression, index: number) => string | undefined = () => undefined,
): string[] {
  let current = valueNode;
  let parent = current.parent;
  while (parent && isValuePreserving(parent, current)) {
    current = parent;
    parent = parent.parent;
  }
  switch (parent?.type) {
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === current ? compact(getKeyName(parent.key, parent.computed)) : [];
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier ? [parent.id.name] : [];
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === current ? getTargetNames(parent.left) : [];
    case AST_NODE_TYPES.AssignmentPattern: {
      if (parent.right !== current) return [];
      // `{ secretAccessKey: secret = '…' }` names the value twice: the local binding and the property.
      const owner = parent.parent;
      const keyName =
        owner.type === AST_NODE_TYPES.Property && owner.value === parent
          ? getKeyName(owner.key, owner.computed)
          : undefined;
      return [...getTargetNames(parent.left), ...compact(keyName)];
    }
    case AST_NODE_TYPES.JSXAttribute:
      return parent.name.type === AST_NODE_TYPES.JSXIdentifier ? [parent.name.name] : [];
    case AST_NODE_TYPES.TSEnumMember:
      return parent.initializer === current ? compact(getKeyName(parent.id, false)) : [];
    case AST_NODE_TYPES.NewExpression:
      return compact(getArgumentName(parent, parent.arguments.indexOf(current as TSESTree.Expression)));
    default:
      return [];
  }
}

/** Parents that hand the value on unchanged (or as one of two alternatives). */
function isValuePreserving(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== child;
    default:
      return false;
  }
}

/** `name`, `obj.name`, `process.env['NAME']`. */
function getTargetNames(target: TSESTree.Node): string[] {
  if (target.type === AST_NODE_TYPES.Identifier) return [target.name];
  if (target.type === AST_NODE_TYPES.MemberExpression) return compact(getPropertyName(target));
  return [];
}

function compact(name: string | undefined): string[] {
  return name === undefined ? [] : [name];
}
