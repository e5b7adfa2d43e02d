import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { removeProperty } from '../utils/fix/fixes.js';
import { removeArgument } from '../utils/fix/remove-argument.js';
import { mayCallLogger, onLogCalls } from '../utils/modules/loggers.js';
import type { CredentialFile } from '../utils/sdk/credential-values.js';
import { findOutputSecrets, mayOutputSecrets, type Leak } from '../utils/sdk/output-secrets.js';
import { mentionsSdk, onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';

type MessageId = 'credentialLogged' | 'logAccessKeyIdOnly';
type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;
type SourceCode = Readonly<TSESLint.SourceCode>;

export default createRule<[], MessageId>({
  name: 'no-credential-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing AWS secret keys, session tokens and credential objects to logs',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      credentialLogged:
        'This call logs {{ what }}: logs are kept and shipped to other systems, and anyone who reads them can ' +
        'use the secret key and session token until the credentials expire (long-term access keys: until they ' +
        'are rotated).',
      logAccessKeyIdOnly:
        'Log only what identifies the credentials (access key ID, expiration), never the secret key or session token.',
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    // Files that name no SDK module are checked only when their text can hold both a secret and a logger.
    const { text } = sourceCode;
    if (!mentionsSdk(sourceCode) && !(mayOutputSecrets(text) && mayCallLogger(text))) {
      return {};
    }
    let references: SdkReferences | undefined;
    // Object-level shapes (an STS response, a resolved identity) need the SDK references; the member and
    // `process.env` shapes do not, so log calls are checked at `Program:exit` for every file, after the SDK pass.
    const sdk = onSdkReferences(context, (found) => {
      references = found;
    });
    const logs = onLogCalls(sourceCode, (calls) => reportLoggedSecrets(context, { sourceCode, references }, calls));
    return {
      ...logs,
      ImportExpression(node) {
        sdk.ImportExpression?.(node);
        logs.ImportExpression?.(node);
      },
      'Program:exit'(program) {
        sdk['Program:exit']?.(program);
        logs['Program:exit']?.(program);
      },
    };
  },
});

/** Reports every secret the calls output, once per node (an argument shared by two calls is one leak). */
function reportLoggedSecrets(context: Context, file: CredentialFile, calls: readonly TSESTree.CallExpression[]): void {
  const reported = new Set<TSESTree.Node>();
  for (const call of calls) {
    for (const leak of call.arguments.flatMap((argument) => findOutputSecrets(file, argument))) {
      if (reported.has(leak.node)) continue;
      reported.add(leak.node);
      const fix = getSuggestionFix(context.sourceCode, call, leak);
      context.report({
        node: leak.node,
        messageId: 'credentialLogged',
        data: { what: leak.what },
        suggest: fix ? [{ messageId: 'logAccessKeyIdOnly', fix }] : [],
      });
    }
  }
}

/**
 * The suggestion's fix, by where the leak sits: a whole argument (removed when others remain, else replaced by the
 * access key ID), an object property (removed), a shorthand or spread of a credential object, or an inner value.
 */
function getSuggestionFix(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  leak: Leak,
): TSESLint.ReportFixFunction | undefined {
  const { fix } = leak;
  const slot = getSlot(leak.node);
  const parent = slot.parent;
  if (fix.kind === 'secret') {
    if (parent === call && call.arguments.length > 1) {
      return (fixer) => removeArgument(fixer, sourceCode, call, slot);
    }
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === slot) {
      return (fixer) => removeProperty(fixer, sourceCode, parent);
    }
    const { accessKeyId } = fix;
    return accessKeyId === undefined ? undefined : (fixer) => fixer.replaceText(leak.node, accessKeyId);
  }
  if (fix.kind !== 'object' || fix.fields === undefined) {
    return undefined;
  }
  const { fields } = fix;
  if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand) {
    return (fixer) => fixer.replaceText(parent, `${sourceCode.getText(parent.key)}: ${fields}`);
  }
  if (parent?.type === AST_NODE_TYPES.SpreadElement && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    // `{ ...creds }` → `{ accessKeyId: creds.accessKeyId, expiration: creds.expiration }`.
    return (fixer) => fixer.replaceText(parent, fields.slice(2, -2));
  }
  // The type assertions around the object (`creds as Credentials`) do not fit the new object: they go with it.
  return (fixer) => fixer.replaceText(slot, fields);
}

/** The outermost expression around `node` that only wraps it (`creds as Credentials`, `creds!`). */
function getSlot(node: TSESTree.Node): TSESTree.Node {
  let slot = node;
  while (slot.parent && slot.parent !== node && skipTransparent(slot.parent) === node) {
    slot = slot.parent;
  }
  return slot;
}
