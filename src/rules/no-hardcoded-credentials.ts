import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getAssignedNames } from '../utils/ast/names.js';
import { isJsonDocument, isProcessEnv, skipTransparent } from '../utils/ast/nodes.js';
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
  findTextCredentials,
  getCredentialsArgumentName,
  isPlaceholderCredential,
  isSecretAccessKeyName,
  isSecretAccessKeyValue,
  isSessionTokenName,
  isSessionTokenValue,
  mayHoldCredential,
  maskSecret,
} from '../utils/sdk/secrets.js';
import { removeProperties } from '../utils/fix/fixes.js';
import { findDefaultChainRemovalOf } from '../utils/sdk/credential-removal.js';
import { getCredentialModel, type CredentialModel } from '../utils/sdk/credentials.js';
import { getEnvironmentVariableName } from '../utils/sdk/environment.js';
import { mentionsSdk, onSdkReferences } from '../utils/sdk/references.js';

type Options = [{ allowedValues?: string[] }];
type MessageId =
  | 'hardcodedAccessKeyId'
  | 'hardcodedSecretAccessKey'
  | 'hardcodedSessionToken'
  | 'removeCredentials'
  | 'readFromEnvironment';
type StringNode = TSESTree.Literal | TSESTree.TemplateElement;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Report = TSESLint.ReportDescriptor<MessageId>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

/** Where the listeners put what they find. */
interface Collector {
  sourceCode: SourceCode;
  findings: Finding[];
}

/** A finding, reported at the end of the file once the SDK pass can say whether it sits in a client's credentials. */
interface Finding {
  report: Report;
  /** The whole string value that is the credential, and the name it is stored under: what a suggestion replaces. */
  value?: TSESTree.Node;
  name?: string;
}

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
      removeCredentials: 'Remove the credentials so that the client uses the default provider chain.',
      readFromEnvironment: 'Read `{{ name }}` from the environment variable `{{ variable }}`.',
    },
    hasSuggestions: true,
    // Also keys in JSON configuration (`@eslint/json`): `config/default.json`, `appsettings.json`, `cdk.context.json`.
    languages: ['js/js', 'json/json', 'json/jsonc', 'json/json5'],
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
    if (isJsonDocument(context.sourceCode.ast)) {
      return { Document: () => reportTextCredentials(context.sourceCode, context.report, isAllowed) };
    }
    const findings: Finding[] = [];
    const collector: Collector = { sourceCode: context.sourceCode, findings };
    // The SDK pass runs at `Program:exit` (only in files that name the SDK); the findings are reported after it.
    let model: CredentialModel | undefined;
    const sdkListeners = mentionsSdk(context.sourceCode)
      ? onSdkReferences(context, (sdk) => (model = findings.length > 0 ? getCredentialModel(context.sourceCode, sdk) : undefined))
      : {};
    return {
      ...sdkListeners,
      Literal(node) {
        // Cheapest test first: most literals are not strings or are too short to hold any credential.
        if (typeof node.value === 'string' && node.value.length >= ACCESS_KEY_ID_LENGTH) {
          checkString(collector, node, node.value, node, isAllowed);
        }
      },
      TemplateElement(node) {
        const text = node.value.cooked;
        // Only a template without expressions is a whole value that a name can describe.
        const isWhole = node.parent.type === AST_NODE_TYPES.TemplateLiteral && node.parent.quasis.length === 1;
        if (text !== null && text.length >= ACCESS_KEY_ID_LENGTH) checkString(collector, node, text, isWhole ? node.parent : undefined, isAllowed);
      },
      'Program:exit'(program) {
        sdkListeners['Program:exit']?.(program);
        for (const finding of findings) {
          context.report({ ...finding.report, suggest: getSuggestions(context.sourceCode, model, finding) } as Report);
        }
      },
    };
  },
});

/** The credentials of a JSON document (`@eslint/json`), found in its text: no suggestion, a data file has no code. */
function reportTextCredentials(sourceCode: SourceCode, report: (descriptor: Report) => void, isAllowed: (value: string) => boolean): void {
  for (const match of findTextCredentials(sourceCode.text)) {
    if (isAllowed(match.value)) continue;
    const loc = { start: sourceCode.getLocFromIndex(match.index), end: sourceCode.getLocFromIndex(match.index + match.value.length) };
    const value = maskSecret(match.value);
    if (match.kind === 'accessKeyId') {
      report({ loc, messageId: 'hardcodedAccessKeyId', data: { kind: describeAccessKeyId(match.value), value } });
    } else {
      report({ loc, messageId: match.isSessionToken ? 'hardcodedSessionToken' : 'hardcodedSecretAccessKey', data: { name: match.name, value } });
    }
  }
}

/** Every credential in one string: key IDs, a whole value judged by its name, and named credentials inline. */
function checkString(
  collector: Collector,
  node: StringNode,
  text: string,
  wholeValue: TSESTree.Node | undefined,
  isAllowed: (value: string) => boolean,
): void {
  reportMatches(collector, node, text, findAccessKeyIds(text), isAllowed, wholeValue, ({ value }) => ({
    messageId: 'hardcodedAccessKeyId',
    data: { kind: describeAccessKeyId(value), value: maskSecret(value) },
  }));
  if (wholeValue && (text.length === SECRET_ACCESS_KEY_LENGTH || text.length >= MIN_SESSION_TOKEN_LENGTH)) {
    reportNamedValue(collector.findings, wholeValue, text, isAllowed);
  }
  if (text.length >= MIN_NAMED_CREDENTIAL_LENGTH) {
    reportMatches(collector, node, text, findNamedCredentials(text), isAllowed, undefined, ({ value, name, isSessionToken }) => ({
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
  { sourceCode, findings }: Collector,
  node: StringNode,
  text: string,
  matches: readonly Match[],
  isAllowed: (value: string) => boolean,
  wholeValue: TSESTree.Node | undefined,
  describe: (match: Match) => { messageId: MessageId; data: Record<string, string> },
): void {
  let rawCursor = 0;
  for (const match of matches) {
    if (isAllowed(match.value)) continue;
    const located = locateInString(sourceCode, node, text, match.index, match.value, rawCursor);
    rawCursor = located.nextCursor;
    // A value that is the credential and nothing else can be read from elsewhere; one inside a longer text cannot.
    const value = match.value === text ? wholeValue : undefined;
    const name = value && getAssignedNames(value, getCredentialsArgumentName)[0];
    findings.push({ report: { ...located.target, ...describe(match) } as Report, value, name });
  }
}

/** A whole string that is a secret key or a session token, judged by the name it is given. */
function reportNamedValue(
  findings: Finding[],
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
      findings.push({
        report: {
          node: valueNode,
          messageId: isSecret ? 'hardcodedSecretAccessKey' : 'hardcodedSessionToken',
          data: { name, value: maskSecret(text) },
        },
        value: valueNode,
        name,
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
  sourceCode: SourceCode,
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

/**
 * Inside the static credentials of an SDK client, removing them (the default provider chain); elsewhere, reading
 * the value from an environment variable named after its key, where a member expression may take its place.
 */
function getSuggestions(sourceCode: SourceCode, model: CredentialModel | undefined, { value, name }: Finding): Suggestion[] {
  if (!value) return [];
  const removal = model && findDefaultChainRemovalOf(model, value);
  if (removal) {
    return [{ messageId: 'removeCredentials', fix: (fixer) => removeProperties(fixer, sourceCode, removal) }];
  }
  const variable = name === undefined ? undefined : getEnvironmentVariableName(name);
  if (!name || !variable || !isReplaceableValue(value)) return [];
  return [
    {
      messageId: 'readFromEnvironment',
      data: { name, variable },
      fix: (fixer) => fixer.replaceText(value, `process.env.${variable}`),
    },
  ];
}

/**
 * A position an expression may take: not a JSX attribute (it needs braces) nor an enum member (a constant), and not
 * a value written to the environment itself (`process.env.AWS_ACCESS_KEY_ID = '…'`).
 */
function isReplaceableValue(value: TSESTree.Node): boolean {
  const { parent } = value;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) {
    const target = skipTransparent(parent.left);
    return !(target.type === AST_NODE_TYPES.MemberExpression && isProcessEnv(target.object));
  }
  return parent?.type !== AST_NODE_TYPES.JSXAttribute && parent?.type !== AST_NODE_TYPES.TSEnumMember;
}
