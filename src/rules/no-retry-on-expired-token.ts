import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../utils/create-rule.js';
import { CHECK_TEST_FILES_PROPERTY, isSkippedTestFile } from '../utils/modules/files.js';
import { getCredentialModel, type CredentialModel } from '../utils/sdk/credentials.js';
import { findExpiredTokenResends, type ExpiredTokenResend } from '../utils/sdk/expired-tokens.js';
import { mentionsSdk, onSdkReferences } from '../utils/sdk/references.js';

type Options = [{ checkTestFiles?: boolean }];
type MessageId = 'retryWithSameCredentials';

/** What the credentials a client was built with are, as the message says it. */
type Kind = 'static' | 'resolved once';

export default createRule<Options, MessageId>({
  name: 'no-retry-on-expired-token',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retrying after ExpiredToken through a client whose credentials never refresh',
      recommended: 'strict',
      severity: 'error',
    },
    messages: {
      retryWithSameCredentials:
        'This retry after ExpiredToken sends again through `{{ client }}`, whose credentials are {{ kind }}: ' +
        'retrying the same request without refreshing only repeats the failure. Give the client a provider that ' +
        'refreshes its credentials (`fromNodeProviderChain()`, `fromTemporaryCredentials()`).',
    },
    schema: [{ type: 'object', properties: { ...CHECK_TEST_FILES_PROPERTY }, additionalProperties: false }],
    defaultOptions: [{ checkTestFiles: false }],
  },
  create(context, [{ checkTestFiles }]) {
    const { sourceCode } = context;
    // Every report holds a test for the code: a file that never spells it has nothing to check.
    if (!mentionsSdk(sourceCode) || !sourceCode.text.includes('ExpiredToken') || isSkippedTestFile(context, checkTestFiles)) {
      return {};
    }
    return onSdkReferences(context, (sdk) => {
      const model = getCredentialModel(sourceCode, sdk);
      // Nested `catch` clauses may both run the same request again: one report.
      const reported = new Set<TSESTree.Node>();
      for (const resend of findExpiredTokenResends(model)) {
        const kind = reported.has(resend.call) ? undefined : getFixedKind(model, resend);
        if (!kind) continue;
        reported.add(resend.call);
        context.report({ node: resend.call, messageId: 'retryWithSameCredentials', data: { client: getClientName(model, resend), kind } });
      }
    });
  },
});

/**
 * Whether the client's credentials are fixed: a static object or a snapshot (its `credentials`, or v2 top-level keys).
 * A client built with a provider, or with none (the default chain refreshes), is not.
 */
function getFixedKind(model: CredentialModel, { call, client }: ExpiredTokenResend): Kind | undefined {
  const credentials = model.clientCredentialsOf(call);
  if (credentials) {
    for (const value of model.classify(credentials)) {
      if (value.kind === 'static') return 'static';
      if (value.kind === 'oneShot') return 'resolved once';
    }
    return undefined;
  }
  const consumer = model.consumers.find((candidate) => candidate.node === client.node);
  const keys = consumer?.inputs.find((input) => input.kind === 'keys');
  if (!keys) return undefined;
  return model.sourceOf(keys.accessKeyId.value) ? 'resolved once' : 'static';
}

/** `S3Client`, `AWS.S3`, `aws-sdk/clients/s3`: the name the credential model gives the client. */
function getClientName(model: CredentialModel, { client }: ExpiredTokenResend): string {
  return model.consumers.find((candidate) => candidate.node === client.node)?.name ?? client.name;
}
