import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isMemberNamed, skipTransparent } from '../utils/ast/nodes.js';
import { createRule } from '../utils/create-rule.js';
import { isInStatementList, removeProperties, removeStatement } from '../utils/fix/fixes.js';
import { insertProperty } from '../utils/fix/insert-property.js';
import { onSdkReferences, type SdkReferences } from '../utils/sdk/references.js';
import {
  V2_CONFIG_MUTATORS,
  getGlobalConfigAssignment,
  getGlobalConfigCall,
  getV2OptionsSites,
  type GlobalConfigAssignment,
} from '../utils/sdk/v2-config.js';
import { getConstantValue } from '../utils/scope/constants.js';
import { mayHaveProperty } from '../utils/scope/functions.js';
import { isChangedLater } from '../utils/scope/mutations.js';
import { findProperty, resolveObject } from '../utils/scope/values.js';

type MessageId =
  | 'clockSkewCorrectionDisabled'
  | 'clockSkewCorrectionMissing'
  | 'fixedClockOffset'
  | 'enableClockSkewCorrection'
  | 'removeClockOffset';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;
interface Descriptor {
  messageId: MessageId;
  data: Record<string, string>;
  suggest: Suggestion[];
}
/** Reports `node` once, however many sites share it. */
type Report = (node: TSESTree.Node, descriptor: Descriptor) => void;

/** A place that takes options: `new S3Client(config)`, `new AWS.S3(options)`, `AWS.config.update(options)`. */
interface OptionsSite {
  /** What the report names: `S3Client`, `AWS.S3`, `AWS.Config`, `AWS.config`. */
  target: string;
  sdk: 'v2' | 'v3';
  /** `new AWS.Config(...)` or `AWS.config.update(...)`: a configuration that other clients copy. */
  kind: 'client' | 'v2Config' | 'v2GlobalConfig';
  /** The callee: where a missing `correctClockSkew` is reported. */
  callee: TSESTree.Node;
  /** The `new` or call expression. */
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  options: TSESTree.Node | undefined;
}

const ENABLED = 'correctClockSkew: true';
const GLOBAL_KEYS: ReadonlySet<string> = new Set(['correctClockSkew', 'systemClockOffset']);

export default createRule<[], MessageId>({
  name: 'require-clock-skew-correction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require AWS SDK clients to correct clock skew instead of disabling it or pinning a fixed offset',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      clockSkewCorrectionDisabled:
        '`{{ target }}` sets `correctClockSkew` to false: the v2 SDK then never adjusts its signing time to the ' +
        "server's clock and does not retry clock-skew errors, so a host clock that drifts 5 minutes makes every " +
        'request fail (RequestTimeTooSkewed, signature expired) until the clock is fixed.',
      clockSkewCorrectionMissing:
        '`{{ target }}` leaves `correctClockSkew` at its v2 default, false: the SDK then never adjusts its signing ' +
        "time to the server's clock and does not retry clock-skew errors, so a host clock that drifts 5 minutes " +
        'makes every request fail (RequestTimeTooSkewed, signature expired) until the clock is fixed.',
      fixedClockOffset:
        '`{{ target }}` signs with a fixed `systemClockOffset` of {{ offset }} ms: the offset goes stale as soon as ' +
        'the host clock drifts or is corrected, and requests then fail (RequestTimeTooSkewed, signature expired). ' +
        'Let the SDK measure the offset from server responses (v3 always does, v2 with `correctClockSkew: true`).',
      enableClockSkewCorrection: 'Set `correctClockSkew: true`.',
      removeClockOffset: 'Remove the fixed `systemClockOffset`.',
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return onSdkReferences(context, (references) => {
      const sites = getOptionsSites(references);
      const assignments = getGlobalAssignments(references);
      const loadsConfigFile = references
        .ofKind('v2GlobalConfig')
        .some((global) => getGlobalConfigCall(global.node, 'loadFromPath') !== undefined);
      // A config object shared by several clients is one object: one report.
      const reported = new Set<TSESTree.Node>();
      const report: Report = (node, descriptor) => {
        if (reported.has(node)) return;
        reported.add(node);
        context.report({ node, ...descriptor });
      };
      for (const site of sites) {
        checkOptions(sourceCode, site, report);
      }
      for (const site of findSitesMissingCorrection(sourceCode, sites, assignments, loadsConfigFile)) {
        reportMissingCorrection(sourceCode, site, report);
      }
      for (const assignment of assignments) {
        checkGlobalAssignment(sourceCode, assignment, report);
      }
    });
  },
});

/** `correctClockSkew: false` (v2) and a fixed non-zero `systemClockOffset` in the options of `site`. */
function checkOptions(sourceCode: SourceCode, site: OptionsSite, report: Report): void {
  const options = site.options && resolveObject(sourceCode, site.options);
  if (!options) return;
  const correctClockSkew = site.sdk === 'v2' ? findProperty(sourceCode, options, 'correctClockSkew') : undefined;
  if (correctClockSkew && getConstantValue(sourceCode, correctClockSkew.value) === false) {
    report(correctClockSkew, {
      messageId: 'clockSkewCorrectionDisabled',
      data: { target: site.target },
      suggest: [
        { messageId: 'enableClockSkewCorrection', fix: (fixer) => fixer.replaceText(correctClockSkew, ENABLED) },
      ],
    });
  }
  const offset = findProperty(sourceCode, options, 'systemClockOffset');
  const offsetValue = offset && getConstantValue(sourceCode, offset.value);
  if (offset && isNonZeroNumber(offsetValue)) {
    report(offset, {
      messageId: 'fixedClockOffset',
      data: { target: site.target, offset: String(offsetValue) },
      suggest: [{ messageId: 'removeClockOffset', fix: (fixer) => removeProperties(fixer, sourceCode, [offset]) }],
    });
  }
}

/** A global configuration whose options leave `correctClockSkew` out (see `findSitesMissingCorrection`). */
function reportMissingCorrection(sourceCode: SourceCode, site: OptionsSite, report: Report): void {
  const options = resolveObject(sourceCode, site.options as TSESTree.Node) as TSESTree.ObjectExpression;
  report(site.callee, {
    messageId: 'clockSkewCorrectionMissing',
    data: { target: site.target },
    suggest: [
      { messageId: 'enableClockSkewCorrection', fix: (fixer) => insertProperty(fixer, sourceCode, options, ENABLED) },
    ],
  });
}

/** `AWS.config.correctClockSkew = false`, `AWS.config.systemClockOffset = 5000`. */
function checkGlobalAssignment(sourceCode: SourceCode, { key, assignment }: GlobalConfigAssignment, report: Report): void {
  const value = getConstantValue(sourceCode, assignment.right);
  if (key === 'correctClockSkew' && value === false) {
    report(assignment, {
      messageId: 'clockSkewCorrectionDisabled',
      data: { target: 'AWS.config' },
      suggest: [
        { messageId: 'enableClockSkewCorrection', fix: (fixer) => fixer.replaceText(assignment.right, 'true') },
      ],
    });
  } else if (key === 'systemClockOffset' && isNonZeroNumber(value)) {
    report(assignment, {
      messageId: 'fixedClockOffset',
      data: { target: 'AWS.config', offset: String(value) },
      suggest: getRemoveAssignmentSuggestion(sourceCode, assignment),
    });
  }
}

/** Every v3 client, v2 service, `new AWS.Config(...)` and `AWS.config.update(...)` of the file, in source order. */
function getOptionsSites(references: SdkReferences): OptionsSite[] {
  const sites: OptionsSite[] = [];
  for (const client of references.ofKind('client')) {
    if (client.info.sdk !== 'v3' || client.node.type !== AST_NODE_TYPES.NewExpression) continue;
    sites.push({
      target: client.info.name,
      sdk: 'v3',
      kind: 'client',
      callee: client.node.callee,
      call: client.node,
      options: client.node.arguments[0],
    });
  }
  for (const site of getV2OptionsSites(references)) {
    sites.push({
      target: site.name,
      sdk: 'v2',
      kind: site.reference.info.kind,
      callee: site.node.callee,
      call: site.node,
      options: site.options,
    });
  }
  return sites.sort((a, b) => a.call.range[0] - b.call.range[0]);
}

/**
 * E.g. `AWS.config.systemClockOffset = 5000;`, `AWS.config.correctClockSkew = false;`. Any operator counts here
 * (`AWS.config.systemClockOffset += 5000`), where the credential rules take only `=`.
 */
function getGlobalAssignments(references: SdkReferences): GlobalConfigAssignment[] {
  return references
    .ofKind('v2GlobalConfig')
    .flatMap((global) => getGlobalConfigAssignment(global.node) ?? [])
    .filter(({ key }) => GLOBAL_KEYS.has(key));
}

/**
 * The global configurations whose options are a literal the file shows in full and leave `correctClockSkew` out.
 * `AWS.config.update` is reported once (the first call), and not at all when the file sets the key on the global
 * config some other way (another `update`, `AWS.config.correctClockSkew = …`, `AWS.config.loadFromPath(file)`,
 * `AWS.config = new AWS.Config(...)`);
 * `new AWS.Config` is reported unless the object is changed later (`config.update(...)`). Per-service options
 * without the key are not reported: they inherit the global setting.
 */
function findSitesMissingCorrection(
  sourceCode: SourceCode,
  sites: readonly OptionsSite[],
  assignments: readonly GlobalConfigAssignment[],
  loadsConfigFile: boolean,
): OptionsSite[] {
  const lacksKey = (site: OptionsSite): boolean => {
    const options = site.options && resolveObject(sourceCode, site.options);
    return (
      options !== undefined &&
      !mayHaveProperty(sourceCode, options, 'correctClockSkew') &&
      !isChangedLater(sourceCode, site.options as TSESTree.Node, V2_CONFIG_MUTATORS)
    );
  };
  const updates = sites.filter((site) => site.kind === 'v2GlobalConfig');
  const globalSetElsewhere =
    updates.some((site) => !lacksKey(site)) ||
    assignments.some(({ key }) => key === 'correctClockSkew') ||
    sites.some((site) => site.kind === 'v2Config' && isGlobalReplacement(site.call) && !lacksKey(site)) ||
    loadsConfigFile;
  const missing = sites.filter(
    (site) => site.kind === 'v2Config' && lacksKey(site) && !isChangedLater(sourceCode, site.call, V2_CONFIG_MUTATORS),
  );
  const [firstUpdate] = updates;
  if (firstUpdate && !globalSetElsewhere) {
    missing.push(firstUpdate);
  }
  return missing;
}

/** E.g. `AWS.config = new AWS.Config({ ... })`. */
function isGlobalReplacement(call: TSESTree.Node): boolean {
  const assignment = call.parent;
  return (
    assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
    assignment.right === call &&
    isMemberNamed(skipTransparent(assignment.left), 'config')
  );
}

function isNonZeroNumber(value: unknown): value is number {
  return typeof value === 'number' && value !== 0 && !Number.isNaN(value);
}

function getRemoveAssignmentSuggestion(
  sourceCode: SourceCode,
  assignment: TSESTree.AssignmentExpression,
): Suggestion[] {
  const statement = assignment.parent;
  return statement.type === AST_NODE_TYPES.ExpressionStatement && isInStatementList(statement)
    ? [{ messageId: 'removeClockOffset', fix: (fixer) => removeStatement(fixer, sourceCode, statement) }]
    : [];
}
