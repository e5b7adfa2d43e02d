import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getAssignedNames } from '../utils/ast/names.js';
import { createRule } from '../utils/create-rule.js';
import {
  ACCESS_KEY_ID_LENGTH,
  MIN_NAMED_CREDENTIAL_LENGTH,
  MIN_SESSION_TOKEN_LENGTH,
  SECRET_ACCESS_KEY_LENGTH,
  describeAccessKeyId,
  type CredentialMatch,
  findAccessKeyIds,
  findNamedCredentials,
  getCredentialsArgumentName,
  isPlaceholderCredential,
  isSecretAccessKeyName,
  isSecretAccessKeyValue,
  isSessionTokenName,
  isSessionTokenValue,
  mayHoldCredential,
  maskSecret,
} from '../utils/sdk/secrets.js';

type Options = [{ allowedValues?: string[] }];
type MessageId = 'hardcodedAccessKeyId' | 'hardcodedSecretAccessKey' | 'hardcodedSessionToken';
type StringNode = TSESTree.Literal | TSESTree.TemplateElement;
type Context = Readonly<TSESLint.RuleContext<MessageId, Options>>;

export default createRule<Options, MessageId>({
  name: 'no-hardcoded-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow AWS access key IDs, secret access keys and session tokens written in source',
      recommended: 'recommended',
      severity: 'error',
    },
    messages: {
      hardcodedAccessKeyId:
        'The AWS {{ kind }} `{{ value }}` is written in source: anyone with the code can use the key (its secret is rarely far away), and it cannot be rotated without a code change. Revoke the key and load credentials from the provider chain.',
      hardcodedSecretAccessKey:
        'The AWS secret access key `{{ value }}` is written in source as `{{ name }}`: anyone with the code can sign requests with it, and it cannot be rotated without a code change. Revoke the key and load credentials from the provider chain.',
      hardcodedSessionToken:
        'The AWS session token `{{ value }}` is written in source as `{{ name }}`: anyone with the code can use it until it expires, and from then on every call fails with ExpiredToken until the code changes. Load credentials from the provider chain.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowedValues: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Exact key IDs, secret keys or session tokens never to report (e.g. the fixed credentials of a local emulator).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowedValues: [] }],
  },
  create(context, [{ allowedValues = [] }]) {
    if (!mayHoldCredential(context.sourceCode.text)) {
      return {};
    }
    const allowed = new Set(allowedValues);
    const isAllowed = (value: string): boolean => allowed.has(value) || isPlaceholderCredential(value);

    return {
      Literal(node) {
        // Cheapest test first: most literals are not strings or are too short to hold any credential.
        if (typeof node.value !== 'string' || node.value.length < ACCESS_KEY_ID_LENGTH) {
          return;
        }
        checkString(context, node, node.value, node, isAllowed);
      },
      TemplateElement(node) {
        const text = node.value.cooked;
        if (text === null || text.length < ACCESS_KEY_ID_LENGTH) {
          return;
        }
        // Only a template without expressions is a whole value that a name can describe.
        const { parent } = node;
        const isWhole = parent.type === AST_NODE_TYPES.TemplateLiteral && parent.quasis.length === 1;
        checkString(context, node, text, isWhole ? parent : undefined, isAllowed);
      },
    };
  },
});

/** Every credential in one string: key IDs, a whole value judged by its name, and named credentials inline. */
function checkString(
  context: Context,
  node: StringNode,
  text: string,
  wholeValue: TSESTree.Node | undefined,
  isAllowed: (value: string) => boolean,
): void {
  reportMatches(context, node, text, findAccessKeyIds(text), isAllowed, ({ value }) => ({
    messageId: 'hardcodedAccessKeyId',
    data: { kind: describeAccessKeyId(value), value: maskSecret(value) },
  }));
  if (wholeValue && (text.length === SECRET_ACCESS_KEY_LENGTH || text.length >= MIN_SESSION_TOKEN_LENGTH)) {
    reportNamedValue(context, wholeValue, text, isAllowed);
  }
  if (text.length >= MIN_NAMED_CREDENTIAL_LENGTH) {
    reportMatches(context, node, text, findNamedCredentials(text), isAllowed, ({ value, name, isSessionToken }) => ({
      messageId: isSessionToken ? 'hardcodedSessionToken' : 'hardcodedSecretAccessKey',
      data: { name, value: maskSecret(value) },
    }));
  }
}

/**
 * Reports each of `matches` (found in the string's value `text`) where it is written, unless allowed: access key
 * IDs anywhere in a string, and `aws_secret_access_key = …` and the like inside text (an embedded credentials file,
 * `.env`, JSON, header).
 */
function reportMatches<Match extends CredentialMatch>(
  context: Context,
  node: StringNode,
  text: string,
  matches: readonly Match[],
  isAllowed: (value: string) => boolean,
  describe: (match: Match) => { messageId: MessageId; data: Record<string, string> },
): void {
  let rawCursor = 0;
  for (const match of matches) {
    if (isAllowed(match.value)) continue;
    const located = locateInString(context.sourceCode, node, text, match.index, match.value, rawCursor);
    rawCursor = located.nextCursor;
    context.report({ ...located.target, ...describe(match) });
  }
}

/** A whole string that is a secret key or a session token, judged by the name it is given. */
function reportNamedValue(
  context: Context,
  valueNode: TSESTree.Node,
  text: string,
  isAllowed: (value: string) => boolean,
): void {
  const isSecret = isSecretAccessKeyValue(text);
  if ((!isSecret && !isSessionTokenValue(text)) || isAllowed(text)) {
    return;
  }
  for (const name of getAssignedNames(valueNode, getCredentialsArgumentName)) {
    if (isSecret ? isSecretAccessKeyName(name) : isSessionTokenName(name)) {
      context.report({
        node: valueNode,
        messageId: isSecret ? 'hardcodedSecretAccessKey' : 'hardcodedSessionToken',
        data: { name, value: maskSecret(text) },
      });
      return;
    }
  }
}

/**
 * Where `value`, found at `index` of the string's value, is written in the file. Without escapes the two line up;
 * with escapes the value is searched in the source text after `rawCursor`; failing that, the whole string is used.
 */
function locateInString(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: StringNode,
  text: string,
  index: number,
  value: string,
  rawCursor: number,
): { target: { node: StringNode } | { loc: TSESTree.SourceLocation }; nextCursor: number } {
  // Content starts after the opening quote, backtick or `}`, and ends before the closing quote, backtick or `${`.
  const start = node.range[0] + 1;
  const end = node.range[1] - (node.type === AST_NODE_TYPES.TemplateElement && !node.tail ? 2 : 1);
  const source = sourceCode.text.slice(start, end);
  const offset = source === text ? index : source.indexOf(value, Math.max(index, rawCursor));
  if (offset === -1) {
    return { target: { node }, nextCursor: rawCursor };
  }
  return {
    target: {
      loc: {
        start: sourceCode.getLocFromIndex(start + offset),
        end: sourceCode.getLocFromIndex(start + offset + value.length),
      },
    },
    nextCursor: offset + value.length,
  };
}
