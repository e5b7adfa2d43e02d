// Turns the measured runs into figures (medians, overhead ratios) and the Markdown report.

/** Overhead budgets of issue 5: all rules over the floor, and on files that name no AWS SDK module. */
export const BUDGET = { total: 0.03, other: 0.005 };

const SUBSETS = ['aws', 'other'];
const PARTS = ['total', ...SUBSETS];
const PART_NAMES = { total: 'all files', aws: 'AWS files', other: 'other files' };

/** Medians, overhead ratios per round, per-rule figures, parse errors, crashes and findings. */
export function summarize({ runs, statsRuns, rounds, ruleIds, chunks }) {
  const modes = [...new Set(runs.map((run) => run.mode))];
  const chunkCount = (part) => chunks.filter((chunk) => part === 'total' || chunk.subset === part).length;
  // measure(mode, round, part) → { cpuMs, wallMs, maxRssKb } of a subset's chunks added up (both subsets: `total`).
  const measure = (mode, round, part) => {
    const parts = runs.filter(
      (run) => run.mode === mode && run.round === round && (part === 'total' || run.subset === part),
    );
    if (parts.length === 0 || parts.length !== chunkCount(part)) return undefined;
    return {
      cpuMs: sum(parts.map((run) => run.cpuMs)),
      wallMs: sum(parts.map((run) => run.wallMs)),
      maxRssKb: Math.max(...parts.map((run) => run.maxRssKb)),
    };
  };
  const roundList = Array.from({ length: rounds }, (_, index) => index + 1);
  // A process's peak RSS depends on when the collector last ran, and one round in six can double it: the typical
  // peak is each chunk's median over the rounds, averaged over the chunks.
  const typicalPeak = (mode, part) => {
    const perChunk = chunks
      .filter((chunk) => part === 'total' || chunk.subset === part)
      .map((chunk) =>
        median(
          runs
            .filter((run) => run.mode === mode && run.subset === chunk.subset && run.chunk === chunk.index)
            .map((run) => run.maxRssKb),
        ),
      )
      .filter((peak) => !Number.isNaN(peak));
    return perChunk.length === 0 ? Number.NaN : sum(perChunk) / perChunk.length;
  };

  const timings = {};
  for (const mode of modes) {
    timings[mode] = {};
    for (const part of PARTS) {
      const measured = roundList.map((round) => measure(mode, round, part)).filter(Boolean);
      timings[mode][part] = {
        rounds: measured.length,
        cpuMs: median(measured.map((m) => m.cpuMs)),
        wallMs: median(measured.map((m) => m.wallMs)),
        maxRssKb: Math.max(...measured.map((m) => m.maxRssKb)),
        typicalRssKb: typicalPeak(mode, part),
      };
    }
  }

  const overheadOf = (mode, baseline) => {
    const perPart = {};
    for (const part of PARTS) {
      const perRound = roundList.flatMap((round) => {
        const base = measure(baseline, round, part);
        const measured = measure(mode, round, part);
        if (base === undefined || measured === undefined) return [];
        return [{ round, cpu: ratio(measured.cpuMs, base.cpuMs), wall: ratio(measured.wallMs, base.wallMs) }];
      });
      perPart[part] = {
        perRound,
        cpuMedian: median(perRound.map((entry) => entry.cpu)),
        wallMedian: median(perRound.map((entry) => entry.wall)),
      };
    }
    return perPart;
  };
  // The ratio: all rules over parse-only ESLint. Split in two: what ESLint costs as soon as any rule is on
  // (a rule that listens to nothing), and what this plugin's rules cost on top of that.
  const overhead = overheadOf('all', 'floor');
  const anyRuleOverhead = overheadOf('empty-rule', 'floor');
  const pluginOverhead = overheadOf('all', 'empty-rule');
  // The plugin's part splits again: ESLint's cost per rule (as many rules that listen to nothing), and the code.
  const ruleCountOverhead = modes.includes('empty-rules') ? overheadOf('empty-rules', 'empty-rule') : undefined;
  const codeOverhead = modes.includes('empty-rules') ? overheadOf('all', 'empty-rules') : undefined;
  // Module following: every rule with imported modules followed (the default) over every rule, each file alone.
  const localOverhead = modes.includes('all-local') ? overheadOf('all-local', 'empty-rule') : undefined;
  const followOverhead = modes.includes('all-local') ? overheadOf('all', 'all-local') : undefined;
  const perRule = modes
    .filter((mode) => mode.startsWith('rule:'))
    .map((mode) => ({ rule: mode.slice('rule:'.length), ...overheadOf(mode, 'empty-rule') }));

  const floorOther = timings.floor.other.cpuMs;
  const floorAws = timings.floor.aws.cpuMs;
  const ruleTimes = ruleIds.map((rule) => {
    const aws = statsRuns.aws.ruleMs?.[rule] ?? 0;
    const other = statsRuns.other.ruleMs?.[rule] ?? 0;
    return {
      rule,
      totalMs: aws + other,
      awsMs: aws,
      otherMs: other,
      shareOfFloor: ratio(aws + other + floorAws + floorOther, floorAws + floorOther),
      shareOfFloorOther: ratio(other + floorOther, floorOther),
    };
  });
  ruleTimes.sort((a, b) => b.totalMs - a.totalMs);

  const crashes = dedupe(
    [...runs, ...Object.values(statsRuns)].flatMap((run) => run.crashes),
    (crash) => `${crash.rule} ${crash.file}`,
  );
  const parseErrors = runs.filter((run) => run.mode === 'floor' && run.round === 1).flatMap((run) => run.parseErrors);
  const findingsByRule = ruleIds.map((rule) => ({
    rule,
    aws: statsRuns.aws.findingsByRule[rule] ?? 0,
    other: statsRuns.other.findingsByRule[rule] ?? 0,
  }));

  const verdict = (measured, part) => ({
    limit: BUDGET[part],
    measured: measured[part].cpuMedian,
    pass: measured[part].cpuMedian <= BUDGET[part],
  });
  return {
    timings,
    overhead,
    anyRuleOverhead,
    pluginOverhead,
    ruleCountOverhead,
    codeOverhead,
    localOverhead,
    followOverhead,
    budget: {
      total: verdict(overhead, 'total'),
      other: verdict(overhead, 'other'),
      pluginTotal: verdict(pluginOverhead, 'total'),
      pluginOther: verdict(pluginOverhead, 'other'),
      ...(codeOverhead && { codeTotal: verdict(codeOverhead, 'total'), codeOther: verdict(codeOverhead, 'other') }),
    },
    perRule,
    ruleTimes,
    statsParseMs: (statsRuns.aws.parseMs ?? 0) + (statsRuns.other.parseMs ?? 0),
    slowest: [...(statsRuns.aws.slowest ?? []), ...(statsRuns.other.slowest ?? [])].sort((a, b) => b.ms - a.ms).slice(0, 10),
    crashes,
    parseErrors,
    findingsByRule,
  };
}

/** The Markdown report printed to stdout. */
export function formatReport({ meta, summary, suggestions }) {
  const { corpus } = meta;
  const s = summary;
  const out = [];
  out.push(
    '# aws-credentials benchmark',
    '',
    `${meta.date}, Node ${meta.node}, ESLint ${meta.eslint}, plugin ${meta.plugin}, ${meta.cpus} × ${meta.cpuModel}, ` +
      `load average at the end ${meta.loadAverageAtEnd.map((load) => load.toFixed(2)).join(' ')}.`,
    `Each figure is the median of ${meta.rounds} rounds. A round lints every file once per mode: the corpus is split`,
    `into ${meta.chunks.length} chunks (AWS files and other files apart), each mode lints a chunk in a fresh process, all modes`,
    'lint a chunk back to back in alternating order, and a round adds up its chunks. CPU time (user + system of the',
    'process) decides the budget: on a shared machine it moves less than wall time. Peak RSS is per process: the ' +
      'highest of all rounds, and the typical one (each chunk\'s median over the rounds, averaged over the chunks).',
    ...(meta.eslintExtendCopies
      ? [
          '',
          '**Experiment (`--eslint-extend-copies`):** every process ran with ESLint\'s `FileContext#extend` replaced by a',
          'copy (bench/eslint-extend.js), to measure the plugin without the cost ESLint adds as soon as any rule is on.',
          'These are not the figures of a stock ESLint.',
        ]
      : []),
    '',
    '## Corpus',
    '',
    '| packages (control) | files | lines | AWS files | AWS lines | other files | parse errors | rule crashes |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${corpus.packages} (${corpus.controlPackages}) | ${int(corpus.files)} | ${int(corpus.lines)} | ${int(corpus.awsFiles)} | ` +
      `${int(corpus.awsLines)} | ${int(corpus.files - corpus.awsFiles)} | ${s.parseErrors.length} | ${s.crashes.length} |`,
    '',
    '"AWS files" name `aws-sdk`, `@aws-sdk/…` or `@smithy/credential-provider…`; "other files" do not.',
    '',
    '## Time per mode',
    '',
    '| mode | files | CPU (s) | wall (s) | peak RSS (MiB) | typical peak RSS (MiB) |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  );
  for (const [mode, parts] of Object.entries(s.timings)) {
    for (const part of PARTS) {
      const t = parts[part];
      out.push(`| ${mode} | ${part} | ${seconds(t.cpuMs)} | ${seconds(t.wallMs)} | ${(t.maxRssKb / 1024).toFixed(0)} | ${(t.typicalRssKb / 1024).toFixed(0)} |`);
    }
  }

  out.push(
    '',
    '## Overhead, (mode − baseline) / baseline, CPU time (wall time in parentheses)',
    '',
    '"all / floor" is the overhead as issue 5 defines it. It splits into "empty rule / floor", what ESLint itself',
    'costs as soon as one rule is on (here a rule that listens to nothing), and "all / empty rule", what this',
    "plugin's rules cost on top of that. That part splits again: \"empty rules / empty rule\", what ESLint costs for",
    'as many rules as the plugin has, whatever they do, and "all / empty rules", what their code costs.',
    '"all-local" is every rule with module following off (`followModules: false`): "all-local / empty rule" is the',
    'plugin\'s cost with each file linted on its own, and "all / all-local" what following imported modules adds.',
    '',
  );
  const columns = [
    ['all / floor', s.overhead],
    ['empty rule / floor', s.anyRuleOverhead],
    ['all / empty rule', s.pluginOverhead],
    ...(s.codeOverhead ? [['empty rules / empty rule', s.ruleCountOverhead], ['all / empty rules', s.codeOverhead]] : []),
    ...(s.followOverhead ? [['all-local / empty rule', s.localOverhead], ['all / all-local', s.followOverhead]] : []),
  ];
  out.push(
    `| round | part | ${columns.map(([name]) => name).join(' | ')} |`,
    `| --- | --- | ${columns.map(() => '---:').join(' | ')} |`,
  );
  const cell = (entry) => (entry === undefined ? '–' : `${pct(entry.cpu)} (${pct(entry.wall)})`);
  const medianCell = (part) => `**${pct(part.cpuMedian)}** (${pct(part.wallMedian)})`;
  for (const part of PARTS) {
    s.overhead[part].perRound.forEach((entry, index) => {
      const cells = columns.map(([, overhead]) => cell(overhead[part].perRound[index]));
      out.push(`| ${entry.round} | ${PART_NAMES[part]} | ${cells.join(' | ')} |`);
    });
    out.push(
      `| **median** | ${PART_NAMES[part]} | ${columns.map(([, overhead]) => medianCell(overhead[part])).join(' | ')} |`,
    );
  }
  const budgetLine = (name, entry) =>
    `${name} ≤ ${pct(entry.limit)}: **${entry.pass ? 'PASS' : 'OVER BUDGET'}** (${pct(entry.measured)})`;
  out.push(
    '',
    `Budget, all / floor: ${budgetLine('all files', s.budget.total)}; ${budgetLine('other files', s.budget.other)}.`,
    `Budget, all / empty rule: ${budgetLine('all files', s.budget.pluginTotal)}; ` +
      `${budgetLine('other files', s.budget.pluginOther)}.`,
    ...(s.budget.codeTotal
      ? [
          `Budget, all / empty rules: ${budgetLine('all files', s.budget.codeTotal)}; ` +
            `${budgetLine('other files', s.budget.codeOther)}.`,
        ]
      : []),
    '',
    '## Time per rule (ESLint `stats`, one extra run)',
    '',
    `Sum of each rule's listener times; parse time in the same run: ${seconds(s.statsParseMs)} s. "Share" is that`,
    "time over the floor's median CPU time. An upper bound: it includes the cost of ESLint's timers around every",
    'listener call.',
    '',
    '| rule | total (ms) | AWS files (ms) | other files (ms) | share, all files | share, other files |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...s.ruleTimes.map(
      (r) =>
        `| ${r.rule} | ${r.totalMs.toFixed(0)} | ${r.awsMs.toFixed(0)} | ${r.otherMs.toFixed(0)} | ` +
        `${pct(r.shareOfFloor)} | ${pct(r.shareOfFloorOther)} |`,
    ),
  );
  if (s.slowest.length > 0) {
    out.push('', 'Slowest rule × file pairs:', '', '| rule | file | ms |', '| --- | --- | ---: |');
    out.push(...s.slowest.map((entry) => `| ${entry.rule} | ${entry.file} | ${entry.ms.toFixed(1)} |`));
  }
  if (s.perRule.length > 0) {
    out.push(
      '',
      '## Overhead of each rule alone over the empty rule (--per-rule), median',
      '',
      '| rule | rounds | all files CPU | all files wall | other files CPU | other files wall |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...s.perRule.map(
        (r) =>
          `| ${r.rule} | ${r.total.perRound.length} | ${pct(r.total.cpuMedian)} | ${pct(r.total.wallMedian)} | ` +
          `${pct(r.other.cpuMedian)} | ${pct(r.other.wallMedian)} |`,
      ),
    );
  }

  out.push(
    '',
    '## Findings per rule',
    '',
    '| rule | AWS files | other files | total |',
    '| --- | ---: | ---: | ---: |',
    ...s.findingsByRule.map((f) => `| ${f.rule} | ${f.aws} | ${f.other} | ${f.aws + f.other} |`),
    `| **all** | ${sum(s.findingsByRule.map((f) => f.aws))} | ${sum(s.findingsByRule.map((f) => f.other))} | ` +
      `${sum(s.findingsByRule.map((f) => f.aws + f.other))} |`,
  );
  if (suggestions !== undefined) {
    out.push(
      '',
      '## Suggestions applied to the corpus findings',
      '',
      '| findings with suggestions | suggestions | output parses | finding gone | failures |',
      '| ---: | ---: | ---: | ---: | ---: |',
      `| ${suggestions.findingsWithSuggestions} | ${suggestions.suggestions} | ${suggestions.parsed} | ` +
        `${suggestions.resolved} | ${suggestions.failures.length} |`,
      ...suggestions.failures.slice(0, 20).map((f) => `- ${f.rule} at \`${f.where}\`: "${f.suggestion}": ${f.problem}`),
    );
  }

  out.push('', '## Rule crashes', '');
  if (s.crashes.length === 0) out.push('None.');
  for (const crash of s.crashes.slice(0, 20)) {
    out.push(`- ${crash.rule} on \`${crash.file}\`:`, '', '```', crash.message, '```');
  }
  out.push('', `## Parse errors (${s.parseErrors.length})`, '');
  if (s.parseErrors.length === 0) out.push('None.');
  out.push(...s.parseErrors.slice(0, 15).map((e) => `- \`${e.file}:${e.line}\`: ${e.message}`));
  if (s.parseErrors.length > 15) out.push(`- … and ${s.parseErrors.length - 15} more (see the JSON).`);
  return `${out.join('\n')}\n`;
}

function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function ratio(measured, floor) {
  return (measured - floor) / floor;
}

function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}

function dedupe(items, key) {
  const seen = new Map();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

function pct(value) {
  return value === undefined || !Number.isFinite(value) ? '–' : `${(value * 100).toFixed(2)}%`;
}

function seconds(ms) {
  return (ms / 1000).toFixed(2);
}

function int(value) {
  return value.toLocaleString('en-US');
}
