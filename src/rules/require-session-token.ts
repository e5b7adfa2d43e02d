import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, getReturnedExpressions } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { insertProperty } from '../utils/fix/insert-property.js';
import { getSiblingFieldText } from '../utils/fix/sibling-field.js';
import { CHECK_TEST_FILES_PROPERTY, isSkippedTestFile } from '../utils/modules/files.js';
import { MISNAMED_SESSION_TOKEN_KEYS, V2_BEARER_TOKEN_KEY } from '../utils/sdk/credential-keys.js';
import { describeSource, getCredentialModel, type CredentialModel } from '../utils/sdk/credentials.js';
import { mentionsSdk, onSdkReferences, type SdkReference } from '../utils/sdk/references.js';
import { maskSecret } from '../utils/sdk/secrets.js';
import { ENV_SESSION_TOKEN, findTemporaryKeys, type TemporaryKeys } from '../utils/sdk/temporary-keys.js';
import type { FlowValue } from '../utils/scope/flow.js';

type MessageId = 'missingSessionToken' | 'misnamedSessionToken' | 'addSessionToken' | 'renameSessionToken';
type Options = [{ checkTestFiles?: boolean }];
type Report = TSESLint.ReportDescriptor<MessageId> & { node: TSESTree.Node };
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

/** An object literal the file gives the SDK as credentials, or returns to it from a provider function. */
interface CredentialObject {
  object: TSESTree.ObjectExpression;
  /** The flow value the object was reached as: its members read as in the call that returned it. */
  within: FlowValue | undefined;
  /** The top level of v2 options, where `token` is the bearer token. */
  v2Options: boolean;
}

/** What every check needs: the credential model and a report that reports each node once. */
interface Checker {
  model: CredentialModel;
  report(descriptor: Report): void;
}

export default createRule<Options, MessageId>({
  name: 'require-session-token',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require temporary AWS credentials to be passed on with their session token',
      recommended: 'recommended',
      severity: 'error',
    },
    hasSuggestions: true,
    messages: {
      missingSessionToken:
        'These credentials have an access key and a secret key but no `sessionToken`, and {{ reason }}: AWS rejects temporary keys without their session token, so calls fail with InvalidClientTokenId ("The security token included in the request is invalid"; S3 says InvalidAccessKeyId).',
      misnamedSessionToken:
        'The session token is passed as `{{ key }}`, which the SDK ignores (it reads `sessionToken`): the temporary keys go out without their token, so calls fail with InvalidClientTokenId ("The security token included in the request is invalid"; S3 says InvalidAccessKeyId).',
      addSessionToken: 'Pass the session token: `{{ value }}`.',
      renameSessionToken: 'Rename `{{ key }}` to `sessionToken`.',
    },
    schema: [{ type: 'object', properties: { ...CHECK_TEST_FILES_PROPERTY }, additionalProperties: false }],
    defaultOptions: [{ checkTestFiles: false }],
  },
  create(context, [{ checkTestFiles }]) {
    // The SDK gate first: most files reach no SDK and never need their path looked at.
    if (!mentionsSdk(context.sourceCode) || isSkippedTestFile(context, checkTestFiles)) {
      return {};
    }
    return onSdkReferences(context, (references) => {
      const reported = new Set<TSESTree.Node>();
      const checker: Checker = {
        model: getCredentialModel(context.sourceCode, references),
        report(descriptor) {
          if (reported.has(descriptor.node)) return;
          reported.add(descriptor.node);
          context.report(descriptor);
        },
      };
      for (const target of findCredentialObjects(checker.model)) {
        checkObject(checker, target);
      }
      for (const credentials of references.ofKind('v2Credentials')) {
        checkV2CredentialsToken(checker, credentials);
      }
    });
  },
});

/**
 * Every object literal given as credentials: what the consumers take (v3 `credentials`, v2 options and their
 * `credentials`, `AWS.config.update`, `AWS.config.credentials =`, `masterCredentials`), through every flow path, and
 * what the provider functions given to the SDK return (client `credentials`, `createCredentialChain`, `memoize`,
 * `roleAssumer` options, an exported `roleAssumer`).
 */
function findCredentialObjects(model: CredentialModel): CredentialObject[] {
  const found = new Map<TSESTree.ObjectExpression, CredentialObject>();
  const add = (object: TSESTree.ObjectExpression, within: FlowValue | undefined, v2Options: boolean): void => {
    if (!found.has(object)) found.set(object, { object, within, v2Options });
  };
  const addValue = (node: TSESTree.Node, returned = false): void => {
    for (const value of model.classify(node)) {
      // An object another module builds is that module's to fix: this file could not insert a key into it.
      if (value.origin) continue;
      if (value.kind === 'provider' && !returned) {
        getReturnedExpressions(value.fn).forEach((expression) => addValue(expression, true));
      } else if ((value.kind === 'static' || value.kind === 'oneShot') && value.object?.type === AST_NODE_TYPES.ObjectExpression) {
        add(value.object, value.value, false);
      }
    }
  };
  for (const consumer of model.consumers) {
    for (const input of consumer.inputs) {
      if (input.kind === 'keys') add(input.options, undefined, true);
      else if (input.kind === 'property') addValue(input.property.value);
      else addValue(input.kind === 'argument' ? input.argument : input.assignment.right);
    }
  }
  for (const handoff of model.providerHandoffs) {
    addValue(handoff.node);
  }
  return [...found.values()];
}

/** `{ accessKeyId, secretAccessKey }` with no `sessionToken`: misnamed, or missing when the keys are temporary. */
function checkObject(checker: Checker, { object, within, v2Options }: CredentialObject): void {
  const { model } = checker;
  const accessKeyId = model.propertyOf(object, 'accessKeyId');
  const secretAccessKey = model.propertyOf(object, 'secretAccessKey');
  const holder = within ?? { node: object, path: [], awaited: false, via: [] };
  // A spread the file cannot follow may bring the token.
  if (!accessKeyId || !secretAccessKey || model.flow.lookup(holder, 'sessionToken').kind !== 'absent') {
    return;
  }
  const misnamed = findMisnamedToken(model, object, v2Options);
  if (misnamed) {
    const key = getPropertyName(misnamed) ?? '';
    const text = `sessionToken: ${model.sourceCode.getText(misnamed.value)}`;
    checker.report({
      node: misnamed.key,
      messageId: 'misnamedSessionToken',
      data: { key },
      suggest: [{ messageId: 'renameSessionToken', data: { key }, fix: (fixer) => fixer.replaceText(misnamed, text) }],
    });
    return;
  }
  const temporary = findTemporaryKeys(model, accessKeyId.value, secretAccessKey.value, within);
  if (temporary) {
    checker.report({
      node: accessKeyId,
      messageId: 'missingSessionToken',
      data: { reason: describeReason(model, temporary) },
      suggest: suggestSessionToken(model, temporary, accessKeyId.value, (fixer, token) =>
        insertProperty(fixer, model.sourceCode, object, `sessionToken: ${token}`),
      ),
    });
  }
}

/** v2 `new AWS.Credentials(accessKeyId, secretAccessKey)` and `new AWS.Credentials({ … })`, wherever they go. */
function checkV2CredentialsToken(checker: Checker, { node, info }: SdkReference): void {
  if (info.kind !== 'v2Credentials' || info.name !== 'Credentials' || node.type !== AST_NODE_TYPES.NewExpression) {
    return;
  }
  const { model } = checker;
  const [accessKeyId, secretAccessKey, sessionToken] = node.arguments;
  if (accessKeyId && !secretAccessKey) {
    model.objectsOf(accessKeyId).forEach((object) => checkObject(checker, { object, within: undefined, v2Options: false }));
    return;
  }
  if (!accessKeyId || !secretAccessKey || sessionToken || node.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
    return;
  }
  const temporary = findTemporaryKeys(model, accessKeyId, secretAccessKey);
  if (temporary) {
    checker.report({
      node: accessKeyId,
      messageId: 'missingSessionToken',
      data: { reason: describeReason(model, temporary) },
      suggest: suggestSessionToken(model, temporary, accessKeyId, (fixer, token) =>
        fixer.insertTextAfter(secretAccessKey, `, ${token}`),
      ),
    });
  }
}

/** The token under one of the names people mistake for `sessionToken`; `token` is v2 options' bearer token. */
function findMisnamedToken(
  model: CredentialModel,
  object: TSESTree.ObjectExpression,
  v2Options: boolean,
): TSESTree.Property | undefined {
  for (const key of MISNAMED_SESSION_TOKEN_KEYS) {
    if (v2Options && key === V2_BEARER_TOKEN_KEY) continue;
    const property = model.propertyOf(object, key);
    if (property?.kind === 'init') return property;
  }
  return undefined;
}

function describeReason(model: CredentialModel, temporary: TemporaryKeys): string {
  switch (temporary.kind) {
    case 'keyId':
      return `\`${maskSecret(temporary.keyId)}\` is a temporary (STS) key ID`;
    case 'source': {
      const { source } = temporary;
      if (source.kind === 'resolvedProvider') {
        return `the keys come from \`${describeSource(model, model.sourceCode, source)}\`, which may resolve temporary credentials`;
      }
      return source.service === 'sts'
        ? `the keys come from an STS ${source.operation} response`
        : `the keys come from a ${source.operation} response, whose credentials are temporary`;
    }
    case 'metadata':
      return 'the keys come from the metadata service, whose credentials are temporary';
    case 'environment':
      return `this file also reads \`${ENV_SESSION_TOKEN}\`, so the environment holds a session`;
  }
}

/**
 * `sessionToken: <src>.SessionToken` for an STS or Cognito response (Cognito's field is `SessionToken` too),
 * `.sessionToken` for SSO's `roleCredentials` and what a provider resolved, `.Token` for the metadata JSON, `process.env.AWS_SESSION_TOKEN`; none for an `ASIA`
 * literal or when the file cannot name the object the keys were read from again.
 */
function suggestSessionToken(
  model: CredentialModel,
  temporary: TemporaryKeys,
  accessKeyId: TSESTree.Node,
  insert: (fixer: TSESLint.RuleFixer, token: string) => TSESLint.RuleFix,
): Suggestion[] {
  const { sourceCode } = model;
  let token: string | undefined;
  if (temporary.kind === 'source') {
    // STS and Cognito spell `Credentials.SessionToken`; SSO `roleCredentials.sessionToken`, as providers resolve it.
    token =
      getSiblingFieldText(sourceCode, accessKeyId, 'AccessKeyId', 'SessionToken') ??
      getSiblingFieldText(sourceCode, accessKeyId, 'accessKeyId', 'sessionToken');
  } else if (temporary.kind === 'metadata') {
    token = getSiblingFieldText(sourceCode, accessKeyId, 'AccessKeyId', 'Token');
  } else if (temporary.kind === 'environment') {
    token = `process.env.${ENV_SESSION_TOKEN}`;
  }
  if (token === undefined) {
    return [];
  }
  const value = `sessionToken: ${token}`;
  return [{ messageId: 'addSessionToken', data: { value }, fix: (fixer) => insert(fixer, token) }];
}
