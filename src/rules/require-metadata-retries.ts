import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { METADATA_PROVIDERS } from '../utils/sdk/catalog.js';
import { insertProperty } from '../utils/fix/insert-property.js';
import { onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import { getOption, getOptionsObject, isAtMost, type Option } from '../utils/scope/options.js';
import { resolveValue } from '../utils/scope/values.js';

type MessageId = 'noRetries' | 'noTimeout' | 'addRetries';
type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** A metadata-service provider that is left without retries or without a timeout. */
interface Finding {
  node: TSESTree.Node;
  messageId: 'noRetries' | 'noTimeout';
  data: Record<string, string>;
  /** The options the suggestion merges in, as the message shows them. */
  merged: string;
  fix: (fixer: Fixer) => Fix[];
}

/** One setting the suggestion makes sure of: `name: value`, replacing an existing `name: 0`. */
interface Setting {
  name: string;
  value: string;
}

/**
 * 1 second is the SDKs' own default timeout (`DEFAULT_TIMEOUT` in smithy-typescript
 * `packages/credential-provider-imds/src/remoteProvider/RemoteProviderInit.ts`, `defaultTimeout` in aws-sdk
 * `lib/credentials/ec2_metadata_credentials.js`); 3 retries is `fromHttp`'s and v2's default.
 */
const V3_SETTINGS: readonly Setting[] = [
  { name: 'timeout', value: '1000' },
  { name: 'maxRetries', value: '3' },
];
const V3_MERGED = '{ timeout: 1000, maxRetries: 3 }';
const V2_CREDENTIALS_MERGED = '{ maxRetries: 3, httpOptions: { timeout: 1000 } }';
const V2_METADATA_SERVICE_MERGED = '{ httpOptions: { timeout: 1000 } }';

export default createRule<[], MessageId>({
  name: 'require-metadata-retries',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require retries and a timeout on credential providers that call the metadata service',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      noRetries:
        '`{{ provider }}` asks the metadata service only once ({{ setting }}): one dropped or throttled request ' +
        'fails credential resolution ({{ error }}), and every call of the clients that rely on it fails with it.',
      noTimeout:
        '`{{ provider }}` waits for the metadata service with no time limit ({{ setting }}): off EC2, or when the ' +
        'endpoint stops answering, credential resolution hangs (minutes, or for good on a stalled connection) and ' +
        'every call waiting for credentials hangs with it.',
      addRetries: 'Merge `{{ options }}` into the options.',
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return onSdkReferences(context, (references) => {
      const reported = new Set<TSESTree.Node>();
      for (const finding of findMetadataProviders(sourceCode, references)) {
        // An options object shared by several providers is reported once.
        if (reported.has(finding.node)) continue;
        reported.add(finding.node);
        context.report({
          node: finding.node,
          messageId: finding.messageId,
          data: finding.data,
          suggest: [{ messageId: 'addRetries', data: { options: finding.merged }, fix: finding.fix }],
        });
      }
    });
  },
});

function* findMetadataProviders(sourceCode: SourceCode, references: SdkReferences): Generator<Finding> {
  for (const provider of references.ofKind('provider')) {
    if (METADATA_PROVIDERS.has(provider.info.name) && provider.node.type === AST_NODE_TYPES.CallExpression) {
      yield* checkV3Provider(sourceCode, provider.node, provider.info.name);
    }
  }
  for (const credentials of references.ofKind('v2Credentials')) {
    if (credentials.info.name === 'EC2MetadataCredentials' && credentials.node.type === AST_NODE_TYPES.NewExpression) {
      yield* checkV2MetadataCredentials(sourceCode, credentials.node);
    }
  }
  for (const service of references.ofKind('v2MetadataService')) {
    if (service.node.type === AST_NODE_TYPES.NewExpression) {
      yield* checkV2MetadataService(sourceCode, service.node);
    }
  }
}

/**
 * `fromInstanceMetadata()`, `fromContainerMetadata({ timeout: 0 })`: v3 defaults to `maxRetries: 0`, retried
 * immediately when set (`DEFAULT_MAX_RETRIES` in `RemoteProviderInit.ts`); a `timeout` of 0 disables the socket timeout.
 */
function* checkV3Provider(sourceCode: SourceCode, call: TSESTree.CallExpression, name: string): Generator<Finding> {
  const options = getOptionsObject(sourceCode, call);
  if (options === 'unknown') {
    return;
  }
  const provider = { provider: name, error: 'CredentialsProviderError' };
  const fix = (fixer: Fixer): Fix[] => mergeSettings(fixer, sourceCode, call, options, V3_SETTINGS);
  const maxRetries = options ? getOption(sourceCode, options, 'maxRetries') : 'absent';
  if (maxRetries === 'absent') {
    yield {
      node: call,
      messageId: 'noRetries',
      data: { ...provider, setting: '`maxRetries` defaults to 0' },
      merged: V3_MERGED,
      fix,
    };
  } else if (maxRetries !== 'unknown' && isAtMost(sourceCode, maxRetries, 0)) {
    yield {
      node: maxRetries,
      messageId: 'noRetries',
      data: { ...provider, setting: '`maxRetries: 0`' },
      merged: V3_MERGED,
      fix,
    };
  }
  const timeout = options ? getOption(sourceCode, options, 'timeout') : 'absent';
  if (typeof timeout !== 'string' && isAtMost(sourceCode, timeout, 0)) {
    yield {
      node: timeout,
      messageId: 'noTimeout',
      data: { provider: name, setting: '`timeout: 0`' },
      merged: V3_MERGED,
      fix,
    };
  }
}

/**
 * `new AWS.EC2MetadataCredentials({ maxRetries: 0, httpOptions: { timeout: 0 } })`. Its own defaults are 3 retries
 * and a 1-second timeout (aws-sdk `lib/credentials/ec2_metadata_credentials.js`): only explicit zeros are reported.
 */
function* checkV2MetadataCredentials(sourceCode: SourceCode, node: TSESTree.NewExpression): Generator<Finding> {
  const options = getOptionsObject(sourceCode, node);
  if (!options || options === 'unknown') {
    return;
  }
  const provider = { provider: 'AWS.EC2MetadataCredentials', error: 'CredentialsError: Missing credentials in config' };
  const maxRetries = getOption(sourceCode, options, 'maxRetries');
  const timeout = getHttpTimeout(sourceCode, options);
  const zeroMaxRetries = typeof maxRetries === 'string' || !isAtMost(sourceCode, maxRetries, 0) ? undefined : maxRetries;
  const timeoutOption = timeout?.option;
  const zeroTimeout =
    timeoutOption === undefined || typeof timeoutOption === 'string' || !isAtMost(sourceCode, timeoutOption, 0)
      ? undefined
      : timeoutOption;
  const fix = (fixer: Fixer): Fix[] =>
    [
      zeroMaxRetries && replaceOption(fixer, sourceCode, zeroMaxRetries, '3'),
      zeroTimeout && replaceOption(fixer, sourceCode, zeroTimeout, '1000'),
    ].filter((each) => each !== undefined);
  if (zeroMaxRetries) {
    yield {
      node: zeroMaxRetries,
      messageId: 'noRetries',
      data: { ...provider, setting: '`maxRetries: 0`' },
      merged: V2_CREDENTIALS_MERGED,
      fix,
    };
  }
  if (zeroTimeout) {
    yield {
      node: zeroTimeout,
      messageId: 'noTimeout',
      data: { provider: provider.provider, setting: '`httpOptions.timeout: 0`' },
      merged: V2_CREDENTIALS_MERGED,
      fix,
    };
  }
}

/**
 * `new AWS.MetadataService()`: its `httpOptions.timeout` defaults to 0, "on non-EC2 machines, this request will never
 * return" (aws-sdk `lib/metadata_service.js`).
 */
function* checkV2MetadataService(sourceCode: SourceCode, node: TSESTree.NewExpression): Generator<Finding> {
  const options = getOptionsObject(sourceCode, node);
  if (options === 'unknown') {
    return;
  }
  const data = { provider: 'AWS.MetadataService' };
  const timeout = options ? getHttpTimeout(sourceCode, options) : { option: 'absent' as const, httpOptions: undefined };
  if (!timeout || timeout.option === 'unknown') {
    return;
  }
  const { option, httpOptions } = timeout;
  if (option === 'absent') {
    yield {
      node,
      messageId: 'noTimeout',
      data: { ...data, setting: '`httpOptions.timeout` defaults to 0' },
      merged: V2_METADATA_SERVICE_MERGED,
      fix: (fixer) =>
        httpOptions
          ? mergeSettings(fixer, sourceCode, node, httpOptions, [{ name: 'timeout', value: '1000' }])
          : mergeSettings(fixer, sourceCode, node, options, [{ name: 'httpOptions', value: '{ timeout: 1000 }' }]),
    };
  } else if (isAtMost(sourceCode, option, 0)) {
    yield {
      node: option,
      messageId: 'noTimeout',
      data: { ...data, setting: '`httpOptions.timeout: 0`' },
      merged: V2_METADATA_SERVICE_MERGED,
      fix: (fixer) => [replaceOption(fixer, sourceCode, option, '1000')],
    };
  }
}

/**
 * `httpOptions.timeout` of v2 options: the option, with the `httpOptions` literal it belongs to (absent when
 * `httpOptions` itself is absent). `undefined` when `httpOptions` is a value the file does not show.
 */
function getHttpTimeout(
  sourceCode: SourceCode,
  options: TSESTree.ObjectExpression,
): { option: Option; httpOptions: TSESTree.ObjectExpression | undefined } | undefined {
  const httpOptions = getOption(sourceCode, options, 'httpOptions');
  if (httpOptions === 'unknown') {
    return undefined;
  }
  if (httpOptions === 'absent') {
    return { option: 'absent', httpOptions: undefined };
  }
  const value = resolveValue(sourceCode, httpOptions.value);
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) {
    return undefined;
  }
  return { option: getOption(sourceCode, value, 'timeout'), httpOptions: value };
}

/**
 * Makes sure each setting holds in `object`: replaces a value of 0 or less, adds an absent key, leaves any other
 * value as written. With no options at all, writes them as the call's first argument.
 */
function mergeSettings(
  fixer: Fixer,
  sourceCode: SourceCode,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  object: TSESTree.ObjectExpression | undefined,
  settings: readonly Setting[],
): Fix[] {
  const text = (missing: readonly Setting[]): string =>
    missing.map(({ name, value }) => `${name}: ${value}`).join(', ');
  if (!object) {
    const open = sourceCode.getTokenAfter(node.typeArguments ?? node.callee, {
      filter: (token) => token.value === '(',
    });
    return open ? [fixer.insertTextAfter(open, `{ ${text(settings)} }`)] : [];
  }
  const fixes: Fix[] = [];
  const missing: Setting[] = [];
  for (const setting of settings) {
    const option = getOption(sourceCode, object, setting.name);
    if (option === 'absent') {
      missing.push(setting);
    } else if (option !== 'unknown' && isAtMost(sourceCode, option, 0)) {
      fixes.push(replaceOption(fixer, sourceCode, option, setting.value));
    }
  }
  if (missing.length > 0 && object.properties.length === 0) {
    fixes.push(fixer.replaceText(object, `{ ${text(missing)} }`));
  } else {
    fixes.push(...missing.map((setting) => insertProperty(fixer, sourceCode, object, text([setting]))));
  }
  return fixes;
}

/** `maxRetries: 0` → `maxRetries: 3`; a shorthand `{ maxRetries }` is written out. */
function replaceOption(fixer: Fixer, sourceCode: SourceCode, property: TSESTree.Property, value: string): Fix {
  return property.shorthand
    ? fixer.replaceText(property, `${sourceCode.getText(property.key)}: ${value}`)
    : fixer.replaceText(skipTransparent(property.value), value);
}
