import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction, skipTransparent } from '../utils/ast/nodes.js';
import { formatDuration } from '../utils/ast/time.js';
import { createRule } from '../utils/create-rule.js';
import { replacePropertyValue } from '../utils/fix/replace-property.js';
import {
  V2_S3_PRESIGN_METHODS,
  findV2PresignCalls,
  hasLongTermKeys,
  usesLongTermKeys,
} from '../utils/sdk/presign.js';
import { onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { getConstantValue } from '../utils/scope/constants.js';
import { findProperty, resolveObject } from '../utils/scope/values.js';

type MessageId =
  | 'expiryTooLong'
  | 'expiryOutlivesCredentials'
  | 'postExpiryPastSignatureAge'
  | 'postExpiryOutlivesCredentials'
  | 'syncGetSignedUrl'
  | 'clampExpiry'
  | 'useGetSignedUrlPromise';

type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

/** SigV4 presigning rejects longer expiries: `MAX_PRESIGNED_TTL` in v3 (smithy-typescript
 * `packages/signature-v4/src/constants.ts`), the same check in v2 (aws-sdk `lib/signers/presign.js`). S3 documents
 * SigV4 signatures, presigned POST included, as valid for 7 days at most (the `s3:signatureAge` condition key), but
 * neither SDK checks a POST policy's `Expires` against it.
 */
const MAX_EXPIRY_SECONDS = 604_800;
/** How long temporary credentials commonly last (an assumed role's default session); past it URLs may die early. */
const CREDENTIALS_LIFETIME_SECONDS = 3600;

export default createRule<[], MessageId>({
  name: 'valid-presign-expiry',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Enforce presigned S3 URL and POST expiries that S3 accepts and that do not outlive temporary credentials',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      expiryTooLong:
        '`{{ key }}` is {{ seconds }} seconds ({{ duration }}), more than the 7 days (604800 seconds) a SigV4 ' +
        'presigned URL may last: the signer throws instead of returning a URL.',
      expiryOutlivesCredentials:
        '`{{ key }}` is {{ seconds }} seconds ({{ duration }}): a URL signed with temporary credentials (an assumed ' +
        'role, SSO, the Lambda, ECS or EC2 role) stops working when they expire, typically after an hour, ' +
        'whatever `{{ key }}` says, and then fails with ExpiredToken.',
      postExpiryPastSignatureAge:
        '`{{ key }}` is {{ seconds }} seconds ({{ duration }}), more than the 7 days S3 accepts a SigV4 signature ' +
        'for, presigned POST included: the SDK signs the policy without complaint, but S3 refuses uploads once the ' +
        'signature is 7 days old, whatever the policy\'s `expiration` says.',
      postExpiryOutlivesCredentials:
        '`{{ key }}` is {{ seconds }} seconds ({{ duration }}): a POST policy signed with temporary credentials (an ' +
        'assumed role, SSO, the Lambda, ECS or EC2 role) carries their session token in its fields, so S3 refuses ' +
        'the upload with ExpiredToken once they expire, typically after an hour, whatever `{{ key }}` says.',
      syncGetSignedUrl:
        '`{{ method }}` without a callback signs synchronously with whatever credentials the client has cached and ' +
        'never refreshes them: once they expire it keeps returning URLs that fail with ExpiredToken.',
      clampExpiry: 'Set `{{ key }}` to {{ seconds }} ({{ duration }}).',
      useGetSignedUrlPromise: 'Use `await {{ object }}.getSignedUrlPromise(...)`, which refreshes credentials first.',
    },
    schema: [],
  },
  create(context) {
    return onSdkReferences(context, (sdk) => {
      // Options shared by several calls are one object: one report.
      const reported = new Set<TSESTree.Node>();
      checkV3Presigns(context, sdk, reported);
      checkV2Presigns(context, sdk, reported);
    });
  },
});

/**
 * v3 `getSignedUrl(client, command, { expiresIn })` and `createPresignedPost(client, { Expires })`: past 7 days, or
 * past an hour unless the client visibly signs with long-term keys.
 */
function checkV3Presigns(context: Context, sdk: SdkReferences, reported: Set<TSESTree.Node>): void {
  const { sourceCode } = context;
  const calls = [...sdk.ofKind('presign'), ...sdk.ofKind('presignedPost')];
  for (const { node, info } of calls) {
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    const post = info.kind === 'presignedPost';
    const [client] = node.arguments;
    const options = node.arguments[post ? 1 : 2];
    const expiry = options && findExpiryProperty(sourceCode, options, post ? 'Expires' : 'expiresIn');
    if (!expiry || reported.has(expiry.property)) continue;
    const longTermKeys = usesLongTermKeys(sourceCode, sdk, client);
    const maximum = longTermKeys ? MAX_EXPIRY_SECONDS : CREDENTIALS_LIFETIME_SECONDS;
    if (expiry.seconds > maximum) {
      reported.add(expiry.property);
      reportExpiry(context, expiry, maximum, post ? postMessage(longTermKeys) : urlMessage(expiry));
    }
  }
}

/**
 * v2 `s3.getSignedUrl`/`getSignedUrlPromise` with an `Expires` past 7 days, or the synchronous `getSignedUrl`;
 * `s3.createPresignedPost({ Expires })` past 7 days, or past an hour unless the client holds long-term keys.
 */
function checkV2Presigns(context: Context, sdk: SdkReferences, reported: Set<TSESTree.Node>): void {
  const { sourceCode } = context;
  for (const { call, client, method } of findV2PresignCalls(sourceCode, sdk)) {
    const params = call.arguments[V2_S3_PRESIGN_METHODS[method]];
    const expires = params && findExpiryProperty(sourceCode, params, 'Expires');
    const post = method === 'createPresignedPost';
    const longTermKeys = hasLongTermKeys(sourceCode, client);
    const maximum = post && !longTermKeys ? CREDENTIALS_LIFETIME_SECONDS : MAX_EXPIRY_SECONDS;
    if (expires && expires.seconds > maximum && !reported.has(expires.property)) {
      reported.add(expires.property);
      reportExpiry(context, expires, maximum, post ? postMessage(longTermKeys) : urlMessage(expires));
    }
    const callee = skipTransparent(call.callee) as TSESTree.MemberExpression;
    if (method === 'getSignedUrl' && isSynchronousForm(call) && !longTermKeys) {
      context.report({
        node: callee,
        messageId: 'syncGetSignedUrl',
        data: { method: `${sourceCode.getText(callee.object)}.getSignedUrl` },
        suggest: getPromiseSuggestion(sourceCode, call, callee),
      });
    }
  }
}

/** A presigned URL past 7 days is refused by the signer; below that, it outlives temporary credentials. */
function urlMessage(expiry: Expiry): MessageId {
  return expiry.seconds > MAX_EXPIRY_SECONDS ? 'expiryTooLong' : 'expiryOutlivesCredentials';
}

/** A POST policy signed with long-term keys is reported past 7 days only; otherwise its session ends first. */
function postMessage(longTermKeys: boolean): MessageId {
  return longTermKeys ? 'postExpiryPastSignatureAge' : 'postExpiryOutlivesCredentials';
}

/** An expiry property with a constant number of seconds. */
interface Expiry {
  key: string;
  property: TSESTree.Property;
  seconds: number;
}

/** `{ expiresIn: 8 * 24 * 3600 }`, through constants and spreads; `undefined` when not a known number. */
function findExpiryProperty(sourceCode: SourceCode, node: TSESTree.Node, key: string): Expiry | undefined {
  if (node.type === AST_NODE_TYPES.SpreadElement) {
    return undefined;
  }
  const object = resolveObject(sourceCode, node);
  const property = object && findProperty(sourceCode, object, key);
  const seconds = property && getConstantValue(sourceCode, property.value);
  return property && typeof seconds === 'number' && Number.isFinite(seconds) ? { key, property, seconds } : undefined;
}

/** Reports `expiry`, offering each bound the rule accepts at this call (`maximum`): a clamp never leaves a report. */
function reportExpiry(context: Context, expiry: Expiry, maximum: number, messageId: MessageId): void {
  const { sourceCode } = context;
  const bounds = [CREDENTIALS_LIFETIME_SECONDS, MAX_EXPIRY_SECONDS].filter((bound) => bound <= maximum);
  context.report({
    node: expiry.property,
    messageId,
    data: { key: expiry.key, seconds: String(expiry.seconds), duration: formatDuration(expiry.seconds) },
    suggest: bounds.map(
      (seconds): Suggestion => ({
        messageId: 'clampExpiry',
        data: { key: expiry.key, seconds: String(seconds), duration: formatDuration(seconds) },
        fix: (fixer) => replacePropertyValue(fixer, sourceCode, expiry.property, String(seconds)),
      }),
    ),
  });
}

/** `s3.getSignedUrl(operation, params)`: two plain arguments and no callback. */
function isSynchronousForm(call: TSESTree.CallExpression): boolean {
  return (
    call.arguments.length === 2 &&
    call.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement)
  );
}

/** `await s3.getSignedUrlPromise(...)`, offered only where `await` is allowed: inside an `async` function. */
function getPromiseSuggestion(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
): Suggestion[] {
  const enclosing = getEnclosingFunction(call);
  if (!enclosing?.async || callee.computed) {
    return [];
  }
  const parent = call.parent;
  const awaited = parent.type === AST_NODE_TYPES.AwaitExpression;
  const needsParentheses =
    (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === call) ||
    (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === call) ||
    (parent.type === AST_NODE_TYPES.NewExpression && parent.callee === call) ||
    parent.type === AST_NODE_TYPES.TaggedTemplateExpression ||
    (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '**');
  return [
    {
      messageId: 'useGetSignedUrlPromise',
      data: { object: sourceCode.getText(callee.object) },
      fix: (fixer) => {
        const rename = fixer.replaceText(callee.property, 'getSignedUrlPromise');
        if (awaited) return [rename];
        return needsParentheses
          ? [fixer.insertTextBefore(call, '(await '), rename, fixer.insertTextAfter(call, ')')]
          : [fixer.insertTextBefore(call, 'await '), rename];
      },
    },
  ];
}
