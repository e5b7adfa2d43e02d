import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { removeProperty } from '../utils/fix/fixes.js';
import { CHECK_TEST_FILES_PROPERTY, isSkippedTestFile } from '../utils/modules/files.js';
import { getChildProcessFunction, refersToProcessEnv } from '../utils/modules/processes.js';
import { CREDENTIAL_ENV_VARIABLES } from '../utils/sdk/environment.js';
import { getStaticString, iterateStaticProperties } from '../utils/scope/static-keys.js';
import { findProperty, resolveObject } from '../utils/scope/values.js';

type MessageId = 'envWrite' | 'childEnv' | 'removeEnvWrite' | 'removeEnvKey';
type Options = [{ checkTestFiles?: boolean }];
type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;
type SourceCode = Readonly<TSESLint.SourceCode>;
/** A report on a node; each node is reported once even when several uses reach it (a shared env constant). */
type Report = TSESLint.ReportDescriptor<MessageId> & { node: TSESTree.Node };

/** Statement lists a statement can be removed from without leaving an `if (x)` with no body. */
const STATEMENT_CONTAINERS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.TSModuleBlock,
]);

export default createRule<Options, MessageId>({
  name: 'no-credentials-in-env',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing AWS credentials into `process.env` or into the environment of a child process',
      recommended: 'recommended',
      severity: 'error',
    },
    hasSuggestions: true,
    messages: {
      envWrite:
        '`{{ name }}` is written into `process.env`: environment credentials carry no expiration unless AWS_CREDENTIAL_EXPIRATION is set, so the default chain caches them for the life of the process and they shadow the instance/task role and profiles; once they expire every call fails with ExpiredToken. They also leak into every child process. Pass a credential provider (e.g. `fromTemporaryCredentials(...)`) to the client instead.',
      childEnv:
        '`{{ name }}` is passed in the `env` of `{{ call }}()`: the child process gets credentials that never refresh (its calls fail with ExpiredToken once they expire) and the secret is exposed to everything the child runs. Let the child resolve its own credentials from the role or profile.',
      removeEnvWrite: 'Remove this write to `process.env` (then give the client a credential provider).',
      removeEnvKey: 'Remove `{{ name }}` from this environment object.',
    },
    schema: [{ type: 'object', properties: { ...CHECK_TEST_FILES_PROPERTY }, additionalProperties: false }],
    defaultOptions: [{ checkTestFiles: false }],
  },
  create(context, [{ checkTestFiles }]) {
    const { sourceCode } = context;
    // Every form needs the variable's name spelled in this file (a constant from another file stays unknown),
    // and the child form needs `child_process`: files without them cost one string search.
    if (!sourceCode.text.includes('AWS_') || isSkippedTestFile(context, checkTestFiles)) {
      return {};
    }
    const checksChildProcesses = sourceCode.text.includes('child_process');
    const reported = new Set<TSESTree.Node>();
    const report = (descriptor: Report): void => {
      if (!reported.has(descriptor.node)) {
        reported.add(descriptor.node);
        context.report(descriptor);
      }
    };

    return {
      AssignmentExpression(node) {
        checkAssignment(context, report, node);
      },
      CallExpression(node) {
        const [target, second] = node.arguments;
        if (!target || !second) {
          return;
        }
        if (isEnvMutatorCall(node.callee)) {
          if (refersToProcessEnv(sourceCode, target)) reportEnvMutation(context, report, node);
          return;
        }
        if (checksChildProcesses) {
          reportChildEnv(context, report, node);
        }
      },
    };
  },
});

/** E.g. `process.env.AWS_SESSION_TOKEN = t`, `env[NAMES.token] ??= t`, `process.env = { ...process.env, … }`. */
function checkAssignment(
  context: Context,
  report: (descriptor: Report) => void,
  assignment: TSESTree.AssignmentExpression,
): void {
  const { sourceCode } = context;
  const left = skipTransparent(assignment.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression) {
    return;
  }
  if (getPropertyName(left) === 'env') {
    if (refersToProcessEnv(sourceCode, left)) reportEnvObject(context, report, assignment.right, 'envWrite');
    return;
  }
  const name = getEnvWriteKey(sourceCode, left);
  if (name !== undefined && !isClearingValue(assignment.right)) {
    report({
      node: left,
      messageId: 'envWrite',
      data: { name },
      suggest: getRemoveStatementSuggestion(sourceCode, assignment, name),
    });
  }
}

/**
 * The credential variable a write into `process.env` targets, cheapest test first: a static name must be one of
 * ours before anything is resolved. E.g. `env.AWS_SESSION_TOKEN`, `env['AWS_SESSION_TOKEN']`, `env[KEY]` with
 * `const KEY = '…'`, `process.env[NAMES.token]` with `const NAMES = { token: '…' } as const`.
 */
function getEnvWriteKey(sourceCode: SourceCode, member: TSESTree.MemberExpression): string | undefined {
  const staticName = getPropertyName(member);
  if (staticName !== undefined && !CREDENTIAL_ENV_VARIABLES.has(staticName)) {
    return undefined;
  }
  // A computed key costs a constant lookup: only once the object is `process.env`, never per `obj[key] = …`.
  if ((staticName === undefined && !member.computed) || !refersToProcessEnv(sourceCode, member.object)) {
    return undefined;
  }
  const name = staticName ?? getStaticString(sourceCode, member.property);
  return name !== undefined && CREDENTIAL_ENV_VARIABLES.has(name) ? name : undefined;
}

/** `''`, `undefined`, `null`: a write that clears the variable, which `fromEnv` then ignores. */
function isClearingValue(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && (value.value === '' || value.value === null)) ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') ||
    (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void')
  );
}

/** `Object.assign`, `Object.defineProperty`, `Object.defineProperties`, `Reflect.set`. */
function isEnvMutatorCall(callee: TSESTree.Node): callee is TSESTree.MemberExpression {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const method = getPropertyName(callee);
  return callee.object.name === 'Object'
    ? method === 'assign' || method === 'defineProperty' || method === 'defineProperties'
    : callee.object.name === 'Reflect' && method === 'set';
}

/** E.g. `Object.assign(process.env, { AWS_ACCESS_KEY_ID: id })`, `Object.defineProperty(process.env, 'AWS_…', d)`. */
function reportEnvMutation(
  context: Context,
  report: (descriptor: Report) => void,
  call: TSESTree.CallExpression,
): void {
  const { sourceCode } = context;
  const method = getPropertyName(call.callee as TSESTree.MemberExpression);
  const [, key, value] = call.arguments;
  if (method === 'assign' || method === 'defineProperties') {
    for (const source of call.arguments.slice(1)) {
      // `defineProperties` keys name variables too; their values are descriptors, never cleared values.
      reportEnvObject(context, report, source, 'envWrite', method === 'defineProperties');
    }
    return;
  }
  const name = key && getStaticString(sourceCode, key);
  const isCleared = method === 'set' && value !== undefined && isClearingValue(value);
  if (name === undefined || !CREDENTIAL_ENV_VARIABLES.has(name) || isCleared) {
    return;
  }
  report({
    node: key as TSESTree.Node,
    messageId: 'envWrite',
    data: { name },
    suggest: getRemoveStatementSuggestion(sourceCode, call, name),
  });
}

/**
 * `spawn(cmd, args, { env: { ...process.env, AWS_SESSION_TOKEN: t } })` and the other `child_process` functions,
 * the options and the env object possibly held in constants; `promisify(exec)` too.
 */
function reportChildEnv(
  context: Context,
  report: (descriptor: Report) => void,
  call: TSESTree.CallExpression,
): void {
  const { sourceCode } = context;
  for (const argument of call.arguments.slice(1)) {
    const options =
      argument.type === AST_NODE_TYPES.ObjectExpression || argument.type === AST_NODE_TYPES.Identifier
        ? resolveObject(sourceCode, argument)
        : undefined;
    const env = options && findProperty(sourceCode, options, 'env');
    if (!env) continue;
    const name = getChildProcessFunction(sourceCode, call.callee);
    if (name !== undefined) {
      reportEnvObject(context, report, env.value, 'childEnv', false, name);
    }
    return;
  }
}

/**
 * Reports each credential variable an environment object sets: an object literal (spreads followed), a constant
 * holding one, or `Object.assign({}, process.env, { … })`.
 */
function reportEnvObject(
  context: Context,
  report: (descriptor: Report) => void,
  node: TSESTree.Node,
  messageId: 'envWrite' | 'childEnv',
  keysOnly = false,
  call?: string,
): void {
  const { sourceCode } = context;
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.CallExpression && isEnvMutatorCall(value.callee)) {
    // E.g. `env: Object.assign({}, process.env, { AWS_SESSION_TOKEN: token })`.
    if (getPropertyName(value.callee) === 'assign') {
      for (const source of value.arguments) reportEnvObject(context, report, source, messageId, keysOnly, call);
    }
    return;
  }
  const object = resolveObject(sourceCode, value);
  if (!object) {
    return;
  }
  for (const { property, name, inline } of iterateStaticProperties(sourceCode, object)) {
    if (!CREDENTIAL_ENV_VARIABLES.has(name) || (!keysOnly && isClearingValue(property.value))) {
      continue;
    }
    // Only an object written where it is used can lose a key without changing another use of it.
    const removable = inline && object === value;
    report({
      node: property,
      messageId,
      data: call === undefined ? { name } : { name, call },
      suggest: removable
        ? [{ messageId: 'removeEnvKey', data: { name }, fix: (fixer) => removeProperty(fixer, sourceCode, property) }]
        : [],
    });
  }
}

/** `removeEnvWrite` when the write is a statement of its own: removing it leaves valid code. */
function getRemoveStatementSuggestion(
  sourceCode: SourceCode,
  expression: TSESTree.Node,
  name: string,
): TSESLint.SuggestionReportDescriptor<MessageId>[] {
  const statement = expression.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !STATEMENT_CONTAINERS.has(statement.parent.type)) {
    return [];
  }
  return [
    {
      messageId: 'removeEnvWrite',
      data: { name },
      fix: (fixer) => {
        // Take the line break before the statement with it, so no blank line is left behind.
        const before = sourceCode.getTokenBefore(statement, { includeComments: true });
        const start = before ? before.range[1] : statement.range[0];
        const after = before ? undefined : sourceCode.getTokenAfter(statement, { includeComments: true });
        return fixer.removeRange([start, after ? after.range[0] : statement.range[1]]);
      },
    },
  ];
}
