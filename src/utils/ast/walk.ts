/** A bounded walk over a subtree, for the shared models only: rules never walk the tree themselves. */
import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/** Type positions hold no value the models follow (calls, assignments, functions): the walk skips them. */
const TYPE_KEYS: ReadonlySet<string> = new Set(['typeAnnotation', 'typeArguments', 'typeParameters', 'returnType']);
/** Keys that point back up or sideways, never into children (for node types the visitor keys do not know). */
const NON_CHILD_KEYS: ReadonlySet<string> = new Set(['parent', 'loc', 'range', 'tokens', 'comments']);

const childKeysByType = new Map<string, readonly string[]>(
  Object.entries(visitorKeys).map(([type, keys = []]) => [type, keys.filter((key) => !TYPE_KEYS.has(key))]),
);

/**
 * The nodes under `root` (itself included) that `test` accepts, in source order. Children are found through
 * typescript-eslint's visitor keys; a node type they do not know (another parser's) through its own keys.
 */
export function collectNodes(root: TSESTree.Node, test: (node: TSESTree.Node) => boolean): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (test(node)) found.push(node);
    const keys = childKeysByType.get(node.type) ?? Object.keys(node).filter((key) => !NON_CHILD_KEYS.has(key) && !TYPE_KEYS.has(key));
    // Pushed in reverse, so that the first child is visited first.
    for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex--) {
      const value = (node as unknown as Record<string, unknown>)[keys[keyIndex] as string];
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index--) {
          const item: unknown = value[index];
          if (isNode(item)) stack.push(item);
        }
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
  return found;
}

/** A value that is an AST node: an object with a string `type`. */
export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

const topLevelStatements = new WeakMap<TSESTree.Program, readonly TSESTree.ProgramStatement[]>();

/**
 * The statements at the top level of the file's scripts. A component parser that keeps markup in the program may
 * nest a `<script>` block's statements in an element of its own (svelte-eslint-parser's `SvelteScriptElement`: a
 * node ESTree does not know, with a `body` of statements); those are top-level statements too.
 */
export function getTopLevelStatements(program: TSESTree.Program): readonly TSESTree.ProgramStatement[] {
  let statements = topLevelStatements.get(program);
  if (!statements) {
    const isScriptElement = (statement: TSESTree.Node): boolean =>
      !childKeysByType.has(statement.type) && Array.isArray((statement as { body?: unknown }).body);
    statements = program.body.some(isScriptElement)
      ? program.body.flatMap((statement) =>
          isScriptElement(statement) ? (statement as unknown as { body: TSESTree.ProgramStatement[] }).body : [statement],
        )
      : program.body;
    topLevelStatements.set(program, statements);
  }
  return statements;
}
