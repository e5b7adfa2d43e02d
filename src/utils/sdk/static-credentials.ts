/** Static credentials among the values an expression may hold, wherever the file or a module it imports builds them. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { CredentialModel } from './credentials.js';

/** A static credentials object a consumer receives: `object` when the file builds it, `origin` when a module it imports does. */
export interface StaticCredentials {
  /** The object literal or `new AWS.Credentials(…)`, when this file builds it: only then may it be reported or rewritten. */
  object: TSESTree.ObjectExpression | TSESTree.NewExpression | undefined;
  /** Where another module built it: `config/aws.js:3`. */
  origin: string | undefined;
}

/** The first static credentials `node` may hold; v3 takes only object literals, v2 also `new AWS.Credentials`. */
export function findStaticCredentials(model: CredentialModel, node: TSESTree.Node, sdk: 'v2' | 'v3'): StaticCredentials | undefined {
  for (const value of model.classify(node)) {
    if (value.kind === 'static' && (sdk === 'v2' || value.object.type === AST_NODE_TYPES.ObjectExpression)) {
      return value.origin ? { object: undefined, origin: value.origin } : { object: value.object, origin: undefined };
    }
  }
  return undefined;
}

/**
 * Typed mode: the type of a value the file cannot follow (a parameter, an injected service's field, another
 * package's value) that is a keys object, when `node` may hold one: `AwsKeys`.
 */
export function findTypedStaticCredentials(model: CredentialModel, node: TSESTree.Node): string | undefined {
  for (const value of model.classify(node)) {
    const typed = model.typeOf(value);
    if (typed?.kind === 'static') return typed.type;
  }
  return undefined;
}
