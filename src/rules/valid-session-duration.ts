import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../utils/create-rule.js';
import { replacePropertyValue } from '../utils/fix/replace-property.js';
import { mentionsSdk, onSdkReferences } from '../utils/sdk/references.js';
import { findDurationSites, type DurationSite } from '../utils/sdk/sts-durations.js';
import { ROLE_CHAINING_MAX_SECONDS, STS_DURATION_LIMITS, STS_METHOD_CALL_SELECTOR } from '../utils/sdk/sts.js';
import { findProperty, getStaticValue } from '../utils/scope/values.js';

type MessageId = 'durationTooShort' | 'durationTooLong' | 'chainedDurationTooLong' | 'clampDuration';

type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;

export default createRule<[], MessageId>({
  name: 'valid-session-duration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce STS session durations within the limits of each operation and of role chaining',
      recommended: 'recommended',
      severity: 'error',
    },
    hasSuggestions: true,
    messages: {
      durationTooShort:
        'A session duration of {{ value }} seconds is below the {{ min }}-second minimum of STS {{ operation }}: ' +
        'the request fails with a ValidationError and no credentials are issued.',
      durationTooLong:
        'A session duration of {{ value }} seconds exceeds the {{ max }}-second maximum of STS {{ operation }}: ' +
        'STS answers with a ValidationError and no credentials are issued.',
      chainedDurationTooLong:
        'A session duration of {{ value }} seconds exceeds the {{ max }}-second cap of role chaining: the source ' +
        'credentials are themselves a role session, so STS {{ operation }} answers "The requested DurationSeconds ' +
        'exceeds the 1 hour session limit for roles assumed by role chaining" and no credentials are issued.',
      clampDuration: 'Use {{ bound }} seconds, the nearest duration STS accepts here.',
    },
    schema: [],
  },
  create(context) {
    // STS calls need an SDK client: a file that names no SDK module makes none.
    if (!mentionsSdk(context.sourceCode)) {
      return {};
    }
    const methodCalls: TSESTree.CallExpression[] = [];
    return {
      ...onSdkReferences(context, (references) => {
        const sites = findDurationSites({ sourceCode: context.sourceCode, references }, methodCalls);
        // A params object shared by several calls is one value: one report.
        const reported = new Set<TSESTree.Node>();
        for (const site of sites) {
          reportDuration(context, site, reported);
        }
      }),
      [STS_METHOD_CALL_SELECTOR](node: TSESTree.CallExpression) {
        methodCalls.push(node);
      },
    };
  },
});

function reportDuration(context: Context, site: DurationSite, reported: Set<TSESTree.Node>): void {
  const { sourceCode } = context;
  const limits = STS_DURATION_LIMITS.get(site.operation);
  const property = site.params && findProperty(sourceCode, site.params, site.key);
  const value = property && getStaticValue(sourceCode, property.value);
  if (!limits || !property || typeof value !== 'number' || reported.has(property)) {
    return;
  }
  const data = { value: String(value), operation: site.operation };
  if (value < limits.min) {
    reportWithClamp(context, property, 'durationTooShort', { ...data, min: String(limits.min) }, limits.min);
  } else if (site.chained && value > ROLE_CHAINING_MAX_SECONDS) {
    const max = ROLE_CHAINING_MAX_SECONDS;
    reportWithClamp(context, property, 'chainedDurationTooLong', { ...data, max: String(max) }, max);
  } else if (value > limits.max) {
    reportWithClamp(context, property, 'durationTooLong', { ...data, max: String(limits.max) }, limits.max);
  } else {
    return;
  }
  reported.add(property);
}

function reportWithClamp(
  context: Context,
  property: TSESTree.Property,
  messageId: MessageId,
  data: Record<string, string>,
  bound: number,
): void {
  context.report({
    node: property.value,
    messageId,
    data,
    suggest: [
      {
        messageId: 'clampDuration',
        data: { bound: String(bound) },
        // `{ DurationSeconds }` shorthand: the key must be written out.
        fix: (fixer) => replacePropertyValue(fixer, context.sourceCode, property, String(bound)),
      },
    ],
  });
}
