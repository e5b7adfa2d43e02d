import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction, getPropertyName, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { replacePropertyValue } from '../utils/fix/replace-property.js';
import { onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { getConstantValue } from '../utils/scope/constants.js';
import { mayHaveProperty } from '../utils/scope/functions.js';
import { getHoldingExpressions } from '../utils/scope/reads.js';
import { findProperty, resolveObject, resolveValue } from '../utils/scope/values.js';

type MessageId =
  | 'expiryTooLong'
  | 'expiryOutlivesCredentials'
  | 'syncGetSignedUrl'
  | 'clampExpiry'
  | 'useGetSignedUrlPromise';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

/** SigV4 presigning rejects longer expiries: `MAX_PRESIGNED_TTL` in v3 (smithy-typescript
 * `packages/signature-v4/src/constants.ts`), the same check in v2 (aws-sdk `lib/signers/presign.js`).
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
        'Enforce presigned S3 URL expiries that the signer accepts and that do not outlive temporary credentials',
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
      syncGetSignedUrl:
        '`{{ method }}` without a callback signs synchronously with whatever credentials the client has cached and ' +
        'never refreshes them: once they expire it keeps returning URLs that fail with ExpiredToken.',
      clampExpiry: 'Set `{{ key }}` to {{ seconds }} ({{ duration }}).',
      useGetSignedUrlPromise: 'Use `await {{ object }}.getSignedUrlPromise(...)`, which refreshes credentials first.',
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return onSdkReferences(context, (references) => {
      // Options shared by several calls are one object: one report.
      const reported = new Set<TSESTree.Node>();
      for (const presign of references.ofKind('presign')) {
        if (presign.node.type !== AST_NODE_TYPES.CallExpression) continue;
        const [client, , options] = presign.node.arguments;
        const expiresIn = options && findExpiryProperty(sourceCode, options, 'expiresIn');
        if (!expiresIn || reported.has(expiresIn.property)) continue;
        const longTermKeys = usesLongTermKeys(sourceCode, references, client);
        const maximum = longTermKeys ? MAX_EXPIRY_SECONDS : CREDENTIALS_LIFETIME_SECONDS;
        if (expiresIn.seconds > maximum) {
          reported.add(expiresIn.property);
          reportExpiry(context, expiresIn, maximum);
        }
      }

      for (const { call, client } of findV2PresignCalls(sourceCode, references)) {
        const [, params] = call.arguments;
        const expires = params && findExpiryProperty(sourceCode, params, 'Expires');
        if (expires && expires.seconds > MAX_EXPIRY_SECONDS && !reported.has(expires.property)) {
          reported.add(expires.property);
          reportExpiry(context, expires, MAX_EXPIRY_SECONDS);
        }
        const callee = skipTransparent(call.callee) as TSESTree.MemberExpression;
        const isSynchronous = getPropertyName(callee) === 'getSignedUrl' && isSynchronousForm(call);
        if (isSynchronous && !hasLongTermKeys(sourceCode, client)) {
          context.report({
            node: callee,
            messageId: 'syncGetSignedUrl',
            data: { method: `${sourceCode.getText(callee.object)}.getSignedUrl` },
            suggest: getPromiseSuggestion(sourceCode, call, callee),
          });
        }
      }
    });
  },
});

/** A v2 `getSignedUrl`/`getSignedUrlPromise` call and the `new AWS.S3(...)` it is made on. */
interface V2PresignCall {
  call: TSESTree.CallExpression;
  client: TSESTree.NewExpression;
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
function reportExpiry(
  context: Readonly<TSESLint.RuleContext<MessageId, []>>,
  expiry: Expiry,
  maximum: number,
): void {
  const { sourceCode } = context;
  const tooLong = expiry.seconds > MAX_EXPIRY_SECONDS;
  const bounds = [CREDENTIALS_LIFETIME_SECONDS, MAX_EXPIRY_SECONDS].filter((bound) => bound <= maximum);
  context.report({
    node: expiry.property,
    messageId: tooLong ? 'expiryTooLong' : 'expiryOutlivesCredentials',
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

/**
 * True when the v3 client given to `getSignedUrl` visibly signs with long-term keys: a credentials object literal
 * with `accessKeyId` and no `sessionToken`. Its URLs may last the full 7 days.
 */
function usesLongTermKeys(
  sourceCode: SourceCode,
  references: SdkReferences,
  client: TSESTree.Node | undefined,
): boolean {
  const construction = client && resolveValue(sourceCode, client);
  if (construction?.type !== AST_NODE_TYPES.NewExpression || references.get(construction)?.info.kind !== 'client') {
    return false;
  }
  const [config] = construction.arguments;
  const options = config && resolveObject(sourceCode, config);
  const credentials = options && findProperty(sourceCode, options, 'credentials');
  return credentials !== undefined && hasLongTermKeysIn(sourceCode, credentials.value);
}

/**
 * True when a v2 S3 client visibly holds long-term keys (`accessKeyId` and no `sessionToken` among its options):
 * static keys are what the synchronous `getSignedUrl` is documented for (aws-sdk `lib/services/s3.js`, `getSignedUrl`).
 */
function hasLongTermKeys(sourceCode: SourceCode, construction: TSESTree.NewExpression): boolean {
  const [options] = construction.arguments;
  return options !== undefined && hasLongTermKeysIn(sourceCode, options);
}

/** An object literal with `accessKeyId` that cannot hold a `sessionToken`. */
function hasLongTermKeysIn(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const keys = resolveObject(sourceCode, node);
  return (
    keys !== undefined &&
    findProperty(sourceCode, keys, 'accessKeyId') !== undefined &&
    !mayHaveProperty(sourceCode, keys, 'sessionToken')
  );
}

/**
 * `s3.getSignedUrl(...)` and `s3.getSignedUrlPromise(...)` where `s3` is a v2 S3 client the file builds:
 * `new AWS.S3()`, `new S3()` of `aws-sdk/clients/s3`, directly or through a binding.
 */
function findV2PresignCalls(sourceCode: SourceCode, references: SdkReferences): V2PresignCall[] {
  const calls: V2PresignCall[] = [];
  for (const client of references.ofKind('client')) {
    if (client.info.sdk !== 'v2' || client.info.service !== 's3' || client.node.type !== AST_NODE_TYPES.NewExpression) {
      continue;
    }
    for (const receiver of getHoldingExpressions(sourceCode, client.node)) {
      const member = receiver.parent;
      const call = member?.parent;
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === receiver &&
        (getPropertyName(member) === 'getSignedUrl' || getPropertyName(member) === 'getSignedUrlPromise') &&
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee === member
      ) {
        calls.push({ call, client: client.node as TSESTree.NewExpression });
      }
    }
  }
  return calls;
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

/** 604800 → `7 days`, 7200 → `2 hours`, 5400 → `90 minutes`, 100 → `100 seconds`. */
function formatDuration(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    const count = seconds / size;
    if (Number.isInteger(count) && Math.abs(count) >= 1) {
      return `${count} ${unit}${Math.abs(count) === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}
