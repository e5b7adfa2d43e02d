/** A bounded walk over a subtree, for the shared models only: rules never walk the tree themselves. */
import type { TSESTree } from '@typescript-eslint/utils';

/** Keys that point back up or sideways, never into children. */
const SKIPPED_KEYS: ReadonlySet<string> = new Set(['parent', 'loc', 'range', 'tokens', 'comments', 'typeAnnotation']);

/**
 * The nodes under `root` (itself included) that `test` accepts, in source order. Children are found through the
 * node's own keys, so every parser's nodes (TypeScript included) are walked the same way.
 */
export function collectNodes(root: TSESTree.Node, test: (node: TSESTree.Node) => boolean): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (test(node)) found.push(node);
    const children: TSESTree.Node[] = [];
    for (const key of Object.keys(node)) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push(item);
      } else if (isNode(value)) {
        children.push(value);
      }
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as TSESTree.Node);
  }
  return found;
}

/** A value that is an AST node: an object with a string `type`. */
export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
