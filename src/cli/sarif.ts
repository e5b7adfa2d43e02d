import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ESLint, Linter } from 'eslint';

/** What SARIF says about one rule: the `tool.driver.rules` entry. */
export interface SarifRuleInput {
  /** The full rule id, e.g. `aws-credentials/no-hardcoded-credentials`. */
  id: string;
  /** The severity the selected config gives the rule. */
  level: SarifLevel;
  description?: string;
  helpUri?: string;
}

export interface SarifOptions {
  /** The directory `%SRCROOT%` stands for; artifact URIs are relative to it. */
  cwd: string;
  toolName: string;
  toolVersion: string;
  informationUri: string;
  /** Every rule the run enabled, in the order they should be listed. */
  rules: readonly SarifRuleInput[];
}

type SarifLevel = 'error' | 'warning';

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region?: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
  };
}

const SRCROOT = '%SRCROOT%';

/**
 * Formats lint results as SARIF 2.1.0 (one run). Fatal parse errors become tool execution notifications, not
 * results. No `snippet` is ever written: the source around a finding could hold the secret itself.
 */
export function formatSarif(results: readonly ESLint.LintResult[], options: SarifOptions): string {
  const rules = options.rules.map(toReportingDescriptor);
  const ruleIndexes = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const sarifResults = [];
  const notifications = [];

  for (const result of results) {
    for (const message of result.messages) {
      const locations = [toLocation(options.cwd, result.filePath, message)];
      if (message.fatal === true || message.ruleId === null) {
        notifications.push({ level: toLevel(message.severity), message: { text: message.message }, locations });
        continue;
      }
      let ruleIndex = ruleIndexes.get(message.ruleId);
      if (ruleIndex === undefined) {
        // A rule the config left off but an inline `/* eslint … */` comment turned on.
        ruleIndex = rules.push(toReportingDescriptor({ id: message.ruleId, level: toLevel(message.severity) })) - 1;
        ruleIndexes.set(message.ruleId, ruleIndex);
      }
      sarifResults.push({
        ruleId: message.ruleId,
        ruleIndex,
        level: toLevel(message.severity),
        message: { text: message.message },
        locations,
      });
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: options.toolName,
            informationUri: options.informationUri,
            version: options.toolVersion,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 && { toolExecutionNotifications: notifications }),
          },
        ],
        originalUriBaseIds: {
          [SRCROOT]: { uri: pathToFileURL(withTrailingSeparator(options.cwd)).href },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function toReportingDescriptor(rule: SarifRuleInput) {
  return {
    id: rule.id,
    ...(rule.description !== undefined && {
      shortDescription: { text: rule.description },
      fullDescription: { text: `${rule.description}.` },
    }),
    ...(rule.helpUri !== undefined && { helpUri: rule.helpUri }),
    defaultConfiguration: { level: rule.level },
  };
}

function toLevel(severity: Linter.Severity): SarifLevel {
  return severity === 2 ? 'error' : 'warning';
}

/** ESLint columns are 1-based UTF-16 offsets with an exclusive end, exactly SARIF's `utf16CodeUnits` regions. */
function toLocation(cwd: string, filePath: string, message: Linter.LintMessage): SarifLocation {
  const hasRegion = message.line > 0 && message.column > 0;
  return {
    physicalLocation: {
      artifactLocation: toArtifactLocation(cwd, filePath),
      ...(hasRegion && {
        region: {
          startLine: message.line,
          startColumn: message.column,
          ...(message.endLine !== undefined && { endLine: message.endLine }),
          ...(message.endColumn !== undefined && { endColumn: message.endColumn }),
        },
      }),
    },
  };
}

/** A path under `cwd` becomes a relative URI against `%SRCROOT%`; anything else stays an absolute `file:` URI. */
function toArtifactLocation(cwd: string, filePath: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, filePath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(filePath).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function withTrailingSeparator(directory: string): string {
  return directory.endsWith(path.sep) ? directory : directory + path.sep;
}
