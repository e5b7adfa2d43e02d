import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, getEnclosingFunction, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { getCredentialModel } from '../utils/sdk/credentials.js';
import { onSdkReferences } from '../utils/sdk/references.js';
import type { Flow } from '../utils/scope/flow.js';

type MessageId = 'reusedSignedRequest' | 'copyRequest';

export default createRule<[], MessageId>({
  name: 'no-reused-signed-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow signing a request options object built once, outside the function that signs it, with aws4',
      recommended: 'recommended',
      severity: 'error',
    },
    hasSuggestions: true,
    messages: {
      reusedSignedRequest:
        '`{{ name }}` writes `X-Amz-Date` and `Authorization` into this request object, built {{ place }}, and signs ' +
        'a request that already has an `X-Amz-Date` with that first date: later calls send the first signature ' +
        'again, and AWS rejects them with "Signature expired" once it is 5 minutes old. Sign a copy per call.',
      copyRequest: 'Sign a copy with its own headers: `{{ copy }}`.',
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return onSdkReferences(context, (references) => {
      const signs = references.ofKind('signer').filter(({ info, node }) => info.signsRequest && node.type === AST_NODE_TYPES.CallExpression);
      if (signs.length === 0) return;
      const { flow } = getCredentialModel(sourceCode, references);
      for (const { node, info } of signs) {
        const [request] = (node as TSESTree.CallExpression).arguments;
        const fn = getEnclosingFunction(node);
        const object = request && fn ? findOuterObject(flow, request, fn) : undefined;
        if (!request || !object) continue;
        const place = getEnclosingFunction(object) ? 'in an enclosing function' : 'once at module level';
        context.report({ node: request, messageId: 'reusedSignedRequest', data: { name: info.name, place }, suggest: suggestCopy(sourceCode, request) });
      }
    });
  },
});

/**
 * The object literal `request` may hold that is built outside `fn`, in a scope around it (module level, a class
 * field, an enclosing function's `const`): one object for every call of `fn`. An object a helper builds and returns
 * (`buildRequest()`) is new at each call.
 */
function findOuterObject(flow: Flow, request: TSESTree.Node, fn: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  for (const value of flow.valuesOf(request)) {
    const node = skipTransparent(value.node);
    if (value.path.length > 0 || node.type !== AST_NODE_TYPES.ObjectExpression || containsNode(fn, node)) continue;
    const builder = getEnclosingFunction(node);
    if (!builder || containsNode(builder, fn)) return node;
  }
  return undefined;
}

/** `{ ...options, headers: { ...options.headers } }`, when the argument can be spelled twice (a name, `this.k`). */
function suggestCopy(sourceCode: Readonly<TSESLint.SourceCode>, request: TSESTree.Node): TSESLint.SuggestionReportDescriptor<MessageId>[] {
  const path = skipTransparent(request);
  if (!isPlainPath(path)) {
    return [];
  }
  // `options as Request` → `{ ...options, … }`: the copy is an object literal of its own.
  const text = sourceCode.getText(path);
  const copy = `{ ...${text}, headers: { ...${text}.headers } }`;
  return [{ messageId: 'copyRequest', data: { copy }, fix: (fixer) => fixer.replaceText(request, copy) }];
}

/** `options`, `this.request`, `config.aws.request`: reading it twice reads the same object. */
function isPlainPath(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && !node.optional && isPlainPath(node.object);
}
