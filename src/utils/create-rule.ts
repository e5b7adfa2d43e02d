import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';

/** The `docs` block every rule of this plugin declares. */
export interface PluginDocs {
  description: string;
  /** The smallest shipped config that enables the rule; absent means `all` only. */
  recommended?: 'recommended' | 'strict';
  /** The severity the shipped configs give the rule; `error` unless it says `warn`. */
  severity?: 'error' | 'warn';
  requiresTypeChecking?: boolean;
}

type RuleModule<MessageId extends string, Options extends readonly unknown[]> = TSESLint.RuleModule<
  MessageId,
  Options,
  PluginDocs
> & { name: string };

const REPOSITORY = 'https://github.com/eslint-plugin-aws-credentials/eslint-plugin-aws-credentials';

/**
 * Builds a rule whose docs URL is derived from its name, so the two cannot drift apart, and whose `create` receives
 * its options merged over `meta.defaultOptions`.
 *
 * typescript-eslint's `RuleCreator` does the same with a `structuredClone` of the defaults on every file, for every
 * rule: 1% of a lint run on the benchmark corpus, for nothing. Here the defaults are frozen once and handed over as
 * they are when the user gives no options (as in the shipped configs). Every option of this plugin is one flat object,
 * so a user's object is spread over the defaults; arrays replace, as in ESLint's own merge.
 */
export function createRule<Options extends readonly unknown[], MessageId extends string>({
  name,
  meta,
  create,
}: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageId, PluginDocs>>): RuleModule<MessageId, Options> {
  const defaults = deepFreeze(meta.defaultOptions ?? []) as unknown as Options;
  // ESLint hands every file a new `options` array that holds the config's own option object: merge that once.
  const mergedByOption = new WeakMap<object, Options>();
  const resolveOptions = (given: Options): Options => {
    const [first] = given;
    if (given.length === 0) return defaults;
    if (given.length > 1 || !isPlainObject(first)) return mergeOptions(defaults, given);
    let merged = mergedByOption.get(first);
    if (merged === undefined) {
      merged = mergeOptions(defaults, given);
      mergedByOption.set(first, merged);
    }
    return merged;
  };
  return {
    name,
    meta: {
      ...meta,
      docs: { ...meta.docs, url: `${REPOSITORY}/blob/main/docs/rules/${name}.md` },
      // ESLint 10.2 refuses a rule on a language it does not declare; JavaScript (TypeScript and components included) unless said.
      languages: meta.languages ?? ['js/js'],
    },
    create: (context) => create(context, resolveOptions(context.options)),
  };
}

function mergeOptions<Options extends readonly unknown[]>(defaults: Options, given: Options): Options {
  const length = Math.max(defaults.length, given.length);
  const merged: unknown[] = [];
  for (let index = 0; index < length; index++) {
    const fallback: unknown = defaults[index];
    const value: unknown = given[index];
    if (value === undefined) merged.push(fallback);
    else if (isPlainObject(value) && isPlainObject(fallback)) merged.push(Object.freeze({ ...fallback, ...value }));
    else merged.push(value);
  }
  return Object.freeze(merged) as unknown as Options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
