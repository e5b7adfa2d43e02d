// Findings on the corpus: the Markdown list for review (secrets masked) and the check of every suggestion.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';

import { isPluginMessage } from './lint-config.js';

const EXCERPT_LINE_LIMIT = 200;

/**
 * Masks everything in `text` that looks like a secret: access key IDs (the plugin's own pattern) and runs of 32 or
 * more base64 characters with lower case, upper case and a digit (secret keys, session tokens), shown as
 * `maskSecret` shows them (first 4 … last 4).
 */
export function createMasker({ ACCESS_KEY_ID_PATTERN, maskSecret }) {
  const keyIds = new RegExp(ACCESS_KEY_ID_PATTERN.source, 'g');
  const base64Runs = /(?<![\w/+=])[\w/+=]{32,}/g;
  return (text) =>
    text
      .replace(keyIds, (match) => maskSecret(match))
      .replace(base64Runs, (match) =>
        /[a-z]/.test(match) && /[A-Z]/.test(match) && /\d/.test(match) ? maskSecret(match) : match,
      );
}

/** The Markdown list of every finding, grouped by rule, with a 3-line excerpt (secrets masked). */
export function formatFindings(findings, corpusDir, mask) {
  const byRule = new Map();
  for (const finding of findings) {
    if (!byRule.has(finding.rule)) byRule.set(finding.rule, []);
    byRule.get(finding.rule).push(finding);
  }
  const lines = [
    '# Findings on the benchmark corpus',
    '',
    `${findings.length} findings. Excerpts show the line before, the line (\`>\`) and the line after; lines are cut`,
    `at ${EXCERPT_LINE_LIMIT} characters; anything shaped like a key ID, secret key or session token is masked.`,
    '',
    '| rule | findings | files |',
    '| --- | ---: | ---: |',
    ...[...byRule].map(([rule, list]) => `| ${rule} | ${list.length} | ${new Set(list.map((f) => f.file)).size} |`),
  ];
  const textCache = new Map();
  for (const [rule, list] of byRule) {
    lines.push('', `## ${rule}`);
    list.forEach((finding, index) => {
      let text = textCache.get(finding.file);
      if (text === undefined) {
        text = readFileSync(path.join(corpusDir, finding.file), 'utf8');
        textCache.set(finding.file, text);
      }
      const suggestions = finding.suggestions.map((suggestion) => suggestion.desc);
      lines.push(
        '',
        `### ${rule.replace('aws-credentials/', '')} #${index + 1}: \`${finding.file}:${finding.line}:${finding.column}\``,
        '',
        `${mask(finding.message)}${suggestions.length > 0 ? ` Suggestions: ${suggestions.map((s) => `"${mask(s)}"`).join(', ')}.` : ''}`,
        '',
        '```',
        ...excerpt(text, finding.line).map(mask),
        '```',
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

/** The line before, the line itself (marked `>`) and the line after, each cut at a readable length. */
function excerpt(text, line) {
  const all = text.split('\n');
  const shown = [];
  for (let number = Math.max(1, line - 1); number <= Math.min(all.length, line + 1); number++) {
    const content = all[number - 1].replace(/\r$/, '');
    const cut = content.length > EXCERPT_LINE_LIMIT ? `${content.slice(0, EXCERPT_LINE_LIMIT)} …` : content;
    shown.push(`${number === line ? '>' : ' '} ${String(number).padStart(5)} | ${cut}`);
  }
  return shown;
}

/**
 * Applies every suggestion of every finding, one at a time, to its file: the output must parse (same config, no
 * rule) and the rule alone must report fewer findings with that message than on the original text.
 */
export async function checkSuggestions(findings, corpusDir, createBenchConfig) {
  const eslintFor = new Map();
  const lintWith = async (mode, text, filePath) => {
    if (!eslintFor.has(mode)) {
      eslintFor.set(
        mode,
        new ESLint({
          cwd: corpusDir,
          overrideConfigFile: true,
          overrideConfig: createBenchConfig(mode),
          ignore: false,
          allowInlineConfig: false,
        }),
      );
    }
    const [result] = await eslintFor.get(mode).lintText(text, { filePath });
    return result.messages;
  };

  const report = { findingsWithSuggestions: 0, suggestions: 0, parsed: 0, resolved: 0, failures: [] };
  for (const finding of findings) {
    if (finding.suggestions.length === 0) continue;
    report.findingsWithSuggestions++;
    const filePath = path.join(corpusDir, finding.file);
    const text = readFileSync(filePath, 'utf8');
    const sameMessage = (messages) =>
      messages.filter((message) => message.ruleId === finding.rule && message.message === finding.message).length;
    const before = sameMessage(await lintWith(`rule:${finding.rule}`, text, filePath));
    for (const suggestion of finding.suggestions) {
      report.suggestions++;
      const { range, text: replacement } = suggestion.fix;
      const output = `${text.slice(0, range[0])}${replacement}${text.slice(range[1])}`;
      const where = `${finding.file}:${finding.line}:${finding.column}`;
      try {
        const parseError = (await lintWith('floor', output, filePath)).find((message) => message.fatal === true);
        if (parseError !== undefined) {
          report.failures.push({ where, rule: finding.rule, suggestion: suggestion.desc, problem: parseError.message });
          continue;
        }
        report.parsed++;
        const after = sameMessage((await lintWith(`rule:${finding.rule}`, output, filePath)).filter(isPluginMessage));
        if (after < before) {
          report.resolved++;
        } else {
          report.failures.push({ where, rule: finding.rule, suggestion: suggestion.desc, problem: 'still reported' });
        }
      } catch (error) {
        report.failures.push({ where, rule: finding.rule, suggestion: suggestion.desc, problem: `crash: ${error.message}` });
      }
    }
  }
  return report;
}
