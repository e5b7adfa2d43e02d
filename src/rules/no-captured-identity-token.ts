import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getPropertyName, isProcessEnv, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { planImport, removeProperties } from '../utils/fix/fixes.js';
import { getFileRead } from '../utils/modules/file-reads.js';
import { getCredentialModel, type CredentialModel } from '../utils/sdk/credentials.js';
import { onSdkReferences, type SdkReference } from '../utils/sdk/references.js';
import { getV2Namespace } from '../utils/sdk/v2-config.js';
import { isVisibleAt } from '../utils/scope/names.js';

type MessageId = 'capturedIdentityToken' | 'useTokenFile' | 'useTokenFileCredentials';
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

/** A token read from a file, given to a web-identity provider. */
interface Finding {
  reference: SdkReference;
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  options: TSESTree.ObjectExpression;
  property: TSESTree.Property;
  read: TSESTree.CallExpression;
}

const TOKEN_FILE_ENV = 'AWS_WEB_IDENTITY_TOKEN_FILE';
/** The options `new AWS.TokenFileWebIdentityCredentials()` reads from the environment itself. */
const V2_ENV_PARAMS: Readonly<Record<string, string>> = { RoleArn: 'AWS_ROLE_ARN', RoleSessionName: 'AWS_ROLE_SESSION_NAME' };

export default createRule<[], MessageId>({
  name: 'no-captured-identity-token',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a web identity token read once from its file and given to fromWebToken or WebIdentityCredentials',
      recommended: 'recommended',
      severity: 'error',
    },
    hasSuggestions: true,
    messages: {
      capturedIdentityToken:
        '`{{ name }}` is given the web identity token read once from its file: the file is rotated (EKS projects a ' +
        'new token before the old one expires), the string is not, so once it expires every credential refresh ' +
        'fails with ExpiredTokenException ("Token expired") and so does every call. Give the provider the file.',
      useTokenFile: 'Use `fromTokenFile()`, which reads the token file again at each refresh.',
      useTokenFileCredentials: 'Use `new {{ namespace }}.TokenFileWebIdentityCredentials()`, which reads the token file again at each refresh.',
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return onSdkReferences(context, (sdk) => {
      const providers = [
        ...sdk.ofKind('provider').filter(({ info }) => info.name === 'fromWebToken'),
        ...sdk.ofKind('v2Credentials').filter(({ info }) => info.name === 'WebIdentityCredentials'),
      ];
      if (providers.length === 0) return;
      const model = getCredentialModel(sourceCode, sdk);
      for (const finding of providers.flatMap((reference) => findCapturedTokens(model, reference))) {
        const name = finding.reference.info.kind === 'provider' ? 'fromWebToken' : 'AWS.WebIdentityCredentials';
        const suggest = finding.reference.info.kind === 'provider' ? suggestTokenFile(model, finding) : suggestV2TokenFile(model, finding);
        context.report({ node: finding.property, messageId: 'capturedIdentityToken', data: { name }, suggest });
      }
    });
  },
});

/** `webIdentityToken` (v3) / `WebIdentityToken` (v2) of the options, when a value it may hold is a file read. */
function findCapturedTokens(model: CredentialModel, reference: SdkReference): Finding[] {
  const { node: call } = reference;
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return [];
  const [argument] = call.arguments;
  const key = reference.info.kind === 'provider' ? 'webIdentityToken' : 'WebIdentityToken';
  return (argument ? model.objectsOf(argument) : []).flatMap((options) => {
    const property = model.propertyOf(options, key);
    const read = property && findRead(model, property.value);
    return property && read ? [{ reference, call, options, property, read }] : [];
  });
}

function findRead(model: CredentialModel, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  for (const value of model.flow.valuesOf(node)) {
    const read = value.path.length === 0 ? getFileRead(model.sourceCode, value.node) : undefined;
    if (read) return read;
  }
  return undefined;
}

/** `process.env.AWS_WEB_IDENTITY_TOKEN_FILE`, `process.env.AWS_ROLE_ARN`, … */
function isEnvRead(node: TSESTree.Node, name: string): boolean {
  const value = skipTransparent(node);
  return value.type === AST_NODE_TYPES.MemberExpression && isProcessEnv(value.object) && getPropertyName(value) === name;
}

/** Where the options are written in the call, so that the rewrite keeps every other option. */
function isInlineOptions({ call, options, property }: Finding): boolean {
  const [argument] = call.arguments;
  return argument !== undefined && skipTransparent(argument) === options && property.parent === options;
}

/**
 * `fromTokenFile({ …, webIdentityTokenFile: path })`: the same options (it passes them on to `fromWebToken`,
 * `roleArn` and `roleSessionName` included), the path instead of the token, none when it is the default
 * `process.env.AWS_WEB_IDENTITY_TOKEN_FILE` (`fromTokenFile.ts` in `@aws-sdk/credential-provider-web-identity`).
 */
function suggestTokenFile(model: CredentialModel, finding: Finding): Suggestion[] {
  const { sourceCode } = model;
  const { call, property, read, reference } = finding;
  const [path] = read.arguments;
  const plan = planImport(sourceCode, call, reference.moduleId, 'fromTokenFile');
  if (!plan || !path || !isInlineOptions(finding) || !isVisibleAt(sourceCode, path, call)) return [];
  return [
    {
      messageId: 'useTokenFile',
      fix: (fixer) => [
        fixer.replaceText(call.callee, plan.callee),
        ...(isEnvRead(path, TOKEN_FILE_ENV)
          ? removeProperties(fixer, sourceCode, [property])
          : [fixer.replaceText(property, `webIdentityTokenFile: ${sourceCode.getText(path)}`)]),
        ...plan.addImport(fixer),
      ],
    },
  ];
}

/**
 * v2 `new AWS.TokenFileWebIdentityCredentials(clientConfig)` reads the token file, role and session name from the
 * environment: offered only when that is where the options came from.
 */
function suggestV2TokenFile(model: CredentialModel, finding: Finding): Suggestion[] {
  const { sourceCode } = model;
  const { call, options, read, reference } = finding;
  const namespace = getV2Namespace(reference);
  const [path] = read.arguments;
  const fromEnv = options.properties.every((member) => {
    if (member === finding.property) return true;
    const key = member.type === AST_NODE_TYPES.Property ? getPropertyName(member) : undefined;
    return member.type === AST_NODE_TYPES.Property && key !== undefined && Object.hasOwn(V2_ENV_PARAMS, key) && isEnvRead(member.value, V2_ENV_PARAMS[key] as string);
  });
  if (!namespace || !path || !fromEnv || !isInlineOptions(finding) || !isEnvRead(path, TOKEN_FILE_ENV) || !isVisibleAt(sourceCode, namespace, call)) return [];
  const [, clientConfig] = call.arguments;
  const text = `new ${namespace.name}.TokenFileWebIdentityCredentials(${clientConfig ? sourceCode.getText(clientConfig) : ''})`;
  return [{ messageId: 'useTokenFileCredentials', data: { namespace: namespace.name }, fix: (fixer) => fixer.replaceText(call, text) }];
}
