// The job summary, in the order a person reads it: the verdict (is something wrong, how did the
// cache do), what to fix with the lines to paste, the notices in a short list, then the detail,
// folded: languages, crates, non-cacheable calls, history, cache, setup, counters. Every fact once.
// Pure: returns Markdown. docs/summaries/ shows it as GitHub renders it.
//
// GitHub refuses a step summary over 1 MiB, and everything in it can grow with the input: the
// findings, the languages, the cache levels, the crates, the history, and any single text from the
// build. So every text is cut to a size before it is escaped, every list stops at a count and at a
// byte budget with "and N more", and every section has a budget of its own. The budgets add up to
// less than the limit: no section can push another out, so the headline, the findings, Setup and
// the counters are always there.
import { LOCAL_CACHE_KEY_PARTS } from '../../github/sccache-dir-key.js';
import { describePreflight, describeReadOnly, SUM_CHECKED, type CacheSizeSetting } from '../../handoff.js';
import { describeLocation } from '../../sccache/location.js';
import { SHAPE_RELEASES } from '../../sccache/stats.js';
import { formatPercent } from '../../util/percent.js';
import { counted } from '../../util/words.js';
import { sparkline } from '../../util/sparkline.js';
import { describeArchive, type ArchiveOutcome } from '../archive.js';
import type { Facts, Level } from '../facts.js';
import type { Undecided } from '../rules/index.js';
import type { Finding, Place, Severity } from '../rules/rule.js';
import { fixParts } from './fix-text.js';
import { needsAction, verdictOf, type Verdict } from './verdict.js';
import {
  byteLength,
  capMarkdown,
  cell,
  clip,
  code,
  fenced,
  fitItems,
  link,
  table,
  tableOfRows,
  tableRow,
} from './markdown.js';

/** GitHub refuses a step summary over 1 MiB; stay well under it. */
export const SUMMARY_LIMIT_BYTES = 1000 * 1000;

/**
 * Bytes per section of the run's summary. Their sum (with a blank line between sections) is under
 * SUMMARY_LIMIT_BYTES, so each section gets its budget whatever the others hold. The findings get
 * the most: they are what the summary is for.
 */
export const SECTION_BUDGETS = {
  headline: 4_000,
  findings: 400_000,
  notices: 100_000,
  languages: 20_000,
  crateMisses: 40_000,
  nonCacheable: 80_000,
  history: 60_000,
  cache: 120_000,
  setup: 80_000,
  counters: 4_000,
} as const;

/**
 * Caps for one raw text, in bytes of UTF-8, applied before escaping (which can make a text up to 5
 * times longer). Sized for what the text is: a real one of its kind fits; a larger one is input
 * gone wrong, and its start is enough to recognise it.
 */
const TEXT_BYTES = {
  /** The job label in the heading: one readable line. */
  label: 256,
  /** A finding's one-line title. */
  title: 500,
  /** A finding's numbers: a few sentences, a list of up to a dozen names. */
  evidence: 4_000,
  /** A YAML snippet of a few steps. */
  fix: 4_000,
  /** A crate, language, reason, ref, variable or level name. */
  name: 300,
  /** A path, a storage location, an error message in a table cell. */
  value: 1_000,
  /** A line of history, the workflow note, a problem or a hint. */
  note: 2_000,
} as const;

/** Counts beyond which a list says "and N more": what a reader can take in. */
const MAX_ITEMS = {
  findings: 100,
  languages: 50,
  levels: 20,
  nonCacheable: 50,
  crates: 20,
  historyNotes: 20,
  inputChanges: 8,
  refs: 10,
  variables: 40,
  jobs: 50,
  workflowNotes: 20,
} as const;

export interface SummaryInput {
  readonly facts: Facts;
  readonly findings: readonly Finding[];
  /** Tells matrix jobs apart, e.g. "build (ubuntu-latest, stable)". */
  readonly label?: string;
  /** The local backend's archive of SCCACHE_DIR: restored from, saved as. */
  readonly archive?: ArchiveOutcome;
  /** What became of this job's own server at the end: stopped, and writes that finished after the stats. */
  readonly serverNote?: string;
  /** What the workflow file said or why it could not be read: one line. */
  readonly workflowNote?: string;
  /** The web address of a workflow line (the file at this commit), when the run knows the repository. */
  readonly linkTo?: (place: Place) => string | undefined;
  /** What the run history could and could not tell: one line each. */
  readonly historyNotes?: readonly string[];
  /** Rules the stats could not decide (the text form lacks counters they read). */
  readonly undecided?: readonly Undecided[];
}

const SEVERITY_MARK: Readonly<Record<Severity, string>> = {
  error: '🛑',
  warning: '⚠️',
  notice: 'ℹ️',
};

/** Untrusted text as Markdown text, cut to `maxBytes` first. */
const text = (raw: string, maxBytes: number): string => cell(clip(raw, maxBytes));
/** Untrusted text as inline code, cut to `maxBytes` first. */
const literal = (raw: string, maxBytes: number): string => code(clip(raw, maxBytes));
/** A name from the build (crate, ref, variable) as inline code. */
const name = (raw: string): string => literal(raw, TEXT_BYTES.name);

/** The paragraph after a capped list: "…and 3 more findings." */
const andMore = (omitted: number, noun: string): string =>
  omitted > 0 ? `\n\n…and ${counted(omitted, `more ${noun}`)}.` : '';

/** "a, b, c, and 4 more", for a list inside a sentence or a cell. */
function inlineList(
  items: readonly string[],
  limits: { readonly maxItems: number; readonly maxBytes: number; readonly separator?: string },
  noun = '',
): string {
  const separator = limits.separator ?? ', ';
  const fitted = fitItems(items, (item) => item, { ...limits, separator });
  const more = fitted.omitted ? `, and ${fitted.omitted} more${noun ? ` ${noun}` : ''}` : '';
  return fitted.shown.join(separator) + more;
}

const labelPart = (label: string | undefined): string => (label ? ` · ${text(label, TEXT_BYTES.label)}` : '');

/** "9 compile requests, 7 of them not cacheable (as expected)": the calls the hit rate does not count. */
function requestsSentence(facts: Facts): string {
  const requests = counted(facts.stats.compileRequests, 'compile request');
  const notCached = facts.stats.requestsNotCacheable;
  if (notCached === 0) return `${requests}.`;
  const why =
    facts.fixableNonCacheable === 0
      ? 'as expected'
      : `${facts.fixableNonCacheable} of them for a reason that can be fixed`;
  return `${requests}, ${notCached} of them not cacheable (${why}).`;
}

/** "Hit rate of this job's last 6 runs: `▁▁▅███` 0.0 % → 100.0 %", when a record gave earlier runs. */
function trendLine(facts: Facts): string {
  const trend = facts.trend;
  if (trend.length < 2) return '';
  const first = formatPercent(trend[0] ?? null);
  const last = formatPercent(trend[trend.length - 1] ?? null);
  return `Hit rate of this job's last ${trend.length} runs: \`${sparkline(trend)}\` ${first} → ${last}`;
}

/** The verdict in the heading; whether there is anything to fix on the line under it; the trend. */
function headline({ facts, findings, label, undecided }: SummaryInput, verdict: Verdict): string {
  // Rules left undecided (the text form) may have found something: then nothing is claimed.
  const nothingToFix = !findings.some(needsAction) && !undecided?.length;
  const lines = [
    `## sccache${labelPart(label)}: ${verdict.words}`,
    `${nothingToFix ? '**Nothing to fix.** ' : ''}${requestsSentence(facts)}`,
    trendLine(facts),
  ];
  return lines.filter(Boolean).join('\n\n');
}

/** A section folded under its name: everything past the verdict and the findings is detail. */
const folded = (name: string, body: string): string =>
  body ? `<details><summary>${name}</summary>\n\n${body}\n\n</details>` : '';

/** A table of the first items that fit, rendered row by row, so that only what is shown costs. */
function cappedTable<T>(
  header: readonly string[],
  items: readonly T[],
  cells: (item: T) => readonly string[],
  limits: { readonly maxItems: number; readonly maxBytes: number },
): { readonly rows: readonly string[]; readonly omitted: number } {
  const head = tableOfRows(header, []);
  const fitted = fitItems(items, (item) => tableRow(cells(item)), {
    maxItems: limits.maxItems,
    maxBytes: limits.maxBytes - byteLength(head),
    separator: '\n',
  });
  return { rows: fitted.shown, omitted: fitted.omitted };
}

/** `path:line`, linked to the file at this commit when the address is known. */
function placeText(place: Place, linkTo: SummaryInput['linkTo']): string {
  const where = literal(`${place.file}:${place.line}`, TEXT_BYTES.value);
  const url = linkTo?.(place);
  return url ? link(where, url) : where;
}

/**
 * The explanation as sentences, the lines to paste as YAML: nothing in a code block but YAML. Lines
 * an earlier finding already gave (two causes, one remedy) are pointed to, not printed again.
 */
function fixText(fix: string, shown: Map<string, string>, title: string): string {
  const parts = fixParts(clip(fix, TEXT_BYTES.fix));
  if (parts.length === 0) return '';
  const body = parts
    .map((part) => {
      if (part.kind === 'prose') return text(part.text, TEXT_BYTES.fix);
      const earlier = shown.get(part.text);
      if (earlier !== undefined) return `(the lines given above for “${text(earlier, TEXT_BYTES.title)}”)`;
      shown.set(part.text, title);
      return fenced(part.text, 'yaml');
    })
    .join('\n\n');
  return parts[0]?.kind === 'prose' ? `**Fix:** ${body}` : `**Fix:**\n\n${body}`;
}

function findingBlock(f: Finding, linkTo: SummaryInput['linkTo'], shown: Map<string, string>): string {
  return [
    `#### ${SEVERITY_MARK[f.severity]} ${text(f.title, TEXT_BYTES.title)}`,
    `${text(f.evidence, TEXT_BYTES.evidence)} <sub>(${name(f.id)})</sub>`,
    f.place ? `**Where:** ${placeText(f.place, linkTo)}` : '',
    fixText(f.fix, shown, f.title),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The findings to act on, each with its evidence and fix, most severe first. */
function toFixSection(findings: readonly Finding[], budget: number, linkTo?: SummaryInput['linkTo']): string {
  if (findings.length === 0) return '';
  const heading = '### To fix\n\n';
  // Paste blocks by text, and the finding that showed each first.
  const shown = new Map<string, string>();
  const fitted = fitItems(findings, (f) => findingBlock(f, linkTo, shown), {
    maxItems: MAX_ITEMS.findings,
    maxBytes: budget - byteLength(heading),
    separator: '\n\n',
  });
  return `${heading}${fitted.shown.join('\n\n')}${andMore(fitted.omitted, 'finding')}`;
}

/** Every finding as a block (explain --workflow, where each names a line of the file). */
function findingsSection(findings: readonly Finding[], budget: number): string {
  if (findings.length === 0)
    return '### Findings\n\nNothing to fix: no cause of misses found in the workflow.';
  return toFixSection(findings, budget).replace(/^### To fix/, '### Findings');
}

/**
 * What the stats were read from, when it limits what the report can say: sccache's text output
 * (several blocks, lines not understood), and the rules it leaves undecided.
 */
function sourceNotes(facts: Facts, undecided: readonly Undecided[]): string[] {
  const stats = facts.stats;
  if (stats.form !== 'text') return [];
  const blocks =
    stats.blocks > 1 ? `; it held ${stats.blocks} stats blocks and the last one is explained` : '';
  const lines = stats.notUnderstood.length
    ? `; ${counted(stats.notUnderstood.length, 'line')} in it not understood: ${inlineList(
        stats.notUnderstood.map((l) => literal(l, TEXT_BYTES.name)),
        { maxItems: 5, maxBytes: TEXT_BYTES.note },
        'lines',
      )}`
    : '';
  const notes = [
    `Read from sccache's text output (\`--show-stats\` without \`--stats-format json\`)${blocks}${lines}.`,
  ];
  if (undecided.length) {
    const missing = [...new Set(undecided.flatMap((u) => u.missing))].map(code).join(', ');
    notes.push(
      `Not decided: ${undecided.map((u) => name(u.id)).join(', ')}: they need ${missing}, which only \`sccache --show-stats --stats-format json\` prints.`,
    );
  }
  return notes;
}

/** What is worth knowing but asks for nothing: one line each. */
function noticesSection(notices: readonly Finding[], extra: readonly string[], budget: number): string {
  if (notices.length === 0 && extra.length === 0) return '';
  const heading = '**Notices**\n\n';
  const fitted = fitItems(
    notices,
    (f) =>
      `- ${SEVERITY_MARK[f.severity]} ${text(f.title, TEXT_BYTES.title)}: ${text(f.evidence, TEXT_BYTES.evidence)} <sub>(${name(f.id)})</sub>`,
    {
      maxItems: MAX_ITEMS.findings,
      maxBytes: budget - byteLength(heading) - TEXT_BYTES.note * 4,
      separator: '\n',
    },
  );
  const lines = [...extra.map((line) => `- ℹ️ ${line}`), ...fitted.shown];
  return `${heading}${lines.join('\n')}${andMore(fitted.omitted, 'notice')}`;
}

function languageTable(facts: Facts, budget: number): string {
  if (facts.languages.length === 0) return '';
  const header = ['Language', 'Hits', 'Misses', 'Errors', 'Hit rate'];
  const fitted = cappedTable(
    header,
    facts.languages,
    (l) => [
      text(l.language, TEXT_BYTES.name),
      String(l.hits),
      String(l.misses),
      String(l.errors),
      formatPercent(l.hitRate),
    ],
    { maxItems: MAX_ITEMS.languages, maxBytes: budget - FOLD_BYTES },
  );
  return folded('Languages', `${tableOfRows(header, fitted.rows)}${andMore(fitted.omitted, 'language')}`);
}

/** Room for `<details><summary>…</summary>` and its end around a folded section. */
const FOLD_BYTES = 200;

function crateMissesSection(facts: Facts, budget: number): string {
  const all = facts.crateMisses;
  if (all.length === 0) return '';
  const intro = 'From the server log; those that hit in the last run first.\n\n';
  const header = ['Crate or source', 'Misses', 'Last run'];
  const fitted = cappedTable(
    header,
    all,
    (r) => [name(r.name), String(r.misses), r.hitBefore ? 'hit' : '-'],
    { maxItems: MAX_ITEMS.crates, maxBytes: budget - byteLength(intro) - FOLD_BYTES },
  );
  return folded(
    `Misses by crate (${all.length})`,
    `${intro}${tableOfRows(header, fitted.rows)}${andMore(fitted.omitted, 'crate')}`,
  );
}

function nonCacheableSection(facts: Facts, budget: number): string {
  if (facts.nonCacheable.length === 0) return '';
  const intro = 'Not misses: sccache does not look these up.\n\n';
  const header = ['Reason', 'Calls', 'Kind', 'What it is'];
  const fitted = cappedTable(
    header,
    facts.nonCacheable,
    (r) => [
      name(r.reason),
      String(r.count),
      r.kind,
      text(r.fix ? `${r.meaning}; fix: ${r.fix}` : r.meaning, TEXT_BYTES.value),
    ],
    { maxItems: MAX_ITEMS.nonCacheable, maxBytes: budget - byteLength(intro) - FOLD_BYTES },
  );
  return folded(
    'Non-cacheable calls',
    `${intro}${tableOfRows(header, fitted.rows)}${andMore(fitted.omitted, 'reason')}`,
  );
}

/** One row per level of a multi-level cache, in their order (L0 first), capped. */
function levelsTable(levels: readonly Level[], budget: number): string {
  if (levels.length === 0) return '';
  const header = ['Level', 'Storage', 'Hits', 'Misses'];
  const fitted = cappedTable(
    header,
    levels,
    ({ stats, location }) => [
      text(stats.name, TEXT_BYTES.name),
      text(describeLocation(location), TEXT_BYTES.value),
      String(stats.hits),
      String(stats.misses),
    ],
    { maxItems: MAX_ITEMS.levels, maxBytes: budget },
  );
  return `\n\n${tableOfRows(header, fitted.rows)}${andMore(fitted.omitted, 'level')}`;
}

function locationSection(facts: Facts, budget: number): string {
  const { location, stats, host } = facts;
  const rows: string[][] = [
    ['Storage', text(describeLocation(location), TEXT_BYTES.value)],
    ['cache_location', literal(location.raw || '(empty)', TEXT_BYTES.value)],
  ];
  // The protocol and the namespace are in the Storage line; only v2's hash needs decoding, once.
  if (location.backend === 'gha' && location.protocol === 'v2') {
    const hash = location.name ?? '';
    const short = literal(hash.length > 12 ? `${hash.slice(0, 8)}…` : hash, TEXT_BYTES.name);
    rows.push([
      'Namespace hash',
      location.namespace
        ? `${short}, the SHA-256 of the namespace (in full in cache_location)`
        : `${short}, the SHA-256 of a namespace this report cannot name (a SCCACHE_GHA_VERSION suffix?)`,
    ]);
  }
  // Setup's row names the binary and its version; here only when it says something else.
  if (!facts.setup || facts.setup.sccacheVersion !== stats.version) {
    rows.push([
      'sccache version',
      stats.version
        ? literal(stats.version, TEXT_BYTES.name)
        : `not reported (${SHAPE_RELEASES[stats.shape]})`,
    ]);
  }
  const usesGha = location.backend === 'gha' || facts.levels.some((l) => l.location.backend === 'gha');
  if (usesGha) rows.push(['GitHub host', `${host.kind}${host.assumed ? ' (assumed)' : ''}`]);
  if (stats.cacheSize !== null) rows.push(['Cache size', MiB(stats.cacheSize)]);
  const main = table(['Cache', 'Value'], rows);
  return folded('Cache', main + levelsTable(facts.levels, budget - byteLength(main) - FOLD_BYTES));
}

/** Names of variables, as inline code, capped in count and bytes. */
const variableList = (names: readonly string[]): string =>
  inlineList(
    names.map(name),
    { maxItems: MAX_ITEMS.variables, maxBytes: SECTION_BUDGETS.setup / 8, separator: ' ' },
    'variables',
  );

/** The local cache's bound: what it is, where it came from, what sccache does with it. */
function cacheSizeText({ value, replaced }: CacheSizeSetting, archived: boolean): string {
  const own = replaced !== undefined ? `; the job's own ${literal(replaced, TEXT_BYTES.name)} replaced` : '';
  return (
    `${literal(value, TEXT_BYTES.name)} (\`SCCACHE_CACHE_SIZE\`, the \`cache-size\` input${own}): ` +
    `sccache drops the least recently used objects beyond it${archived ? ', so the archive stays about this size' : ''}`
  );
}

/** Like rust-cache's "Cache Configuration": what the key is made of, and what a restore looks for. */
function archiveKeyText(archive: ArchiveOutcome): string {
  return (
    `${literal(archive.key, TEXT_BYTES.value)}: ${LOCAL_CACHE_KEY_PARTS}, so each save is an entry ` +
    `of its own. Setup restores the newest entry whose key starts with ` +
    `${literal(archive.restorePrefix, TEXT_BYTES.value)}, this ref's first, else the default branch's.`
  );
}

function setupSection(input: SummaryInput): string {
  const { facts, serverNote, workflowNote, archive } = input;
  const setup = facts.setup;
  const rows: string[][] = [];
  if (setup) {
    const error = text(setup.preflight.error ?? '', TEXT_BYTES.note);
    rows.push(
      [
        'sccache',
        `${name(setup.sccacheVersion)} at ${literal(setup.sccachePath, TEXT_BYTES.value)}${
          setup.sumCheckedAgainst ? `, downloaded and ${SUM_CHECKED[setup.sumCheckedAgainst]}` : ''
        }`,
      ],
      ['Backend asked for', name(setup.requestedBackend)],
      [
        'Backend in use',
        setup.backend
          ? `${name(setup.backend)}${setup.store && setup.backend === 'external' ? `: ${text(setup.store.described, TEXT_BYTES.note)}` : ''}`
          : 'none: sccache did not start',
      ],
    );
    if (setup.cacheSize)
      rows.push(['Cache size limit', cacheSizeText(setup.cacheSize, archive !== undefined)]);
    if (setup.runnerEnvironment) rows.push(['Runner', name(setup.runnerEnvironment)]);
    if (setup.serverPort) {
      rows.push([
        'Server',
        text(
          `port ${setup.serverPort}, this job's own${serverNote ? `; ${serverNote}` : ''}`,
          TEXT_BYTES.note,
        ),
      ]);
    }
    // Said once: the Cache section names what the server uses; here only what setup planned otherwise.
    if (setup.protocol && setup.protocol !== facts.location.protocol)
      rows.push(['Protocol planned', setup.protocol]);
    if (setup.namespace && setup.namespace !== facts.location.namespace) {
      rows.push(['Namespace planned', literal(setup.namespace, TEXT_BYTES.value)]);
    }
    if (setup.ghaUnavailableBecause)
      rows.push(['Why not the GitHub cache', text(setup.ghaUnavailableBecause, TEXT_BYTES.note)]);
    rows.push(['Read-only', text(describeReadOnly(setup.readOnly), TEXT_BYTES.note)]);
    rows.push([
      'Preflight',
      setup.preflight.fallback
        ? `failed, fell back to local disk: ${error}`
        : setup.preflight.ok
          ? text(describePreflight(setup.preflight), TEXT_BYTES.note)
          : `failed: ${error}`,
    ]);
    if (setup.exported.length) rows.push(['Exported', variableList(setup.exported)]);
    if (setup.keptInServer?.length) {
      rows.push([
        'Kept in the server',
        `${variableList(setup.keptInServer)} (not in later steps' environment; \`export-credentials: true\` exports them)`,
      ]);
    }
  }
  if (archive) {
    rows.push([
      'Local cache archive',
      `${literal(archive.dir, TEXT_BYTES.value)}: ${text(describeArchive(archive), TEXT_BYTES.note)}`,
    ]);
    rows.push(['Archive key', archiveKeyText(archive)]);
  }
  if (workflowNote) rows.push(['Workflow', text(workflowNote, TEXT_BYTES.note)]);
  return rows.length ? folded('Setup', table(['Setup', 'Value'], rows)) : '';
}

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function comparisonLine(facts: Facts): string | undefined {
  const previous = facts.previousRun;
  if (!previous) return undefined;
  const kind = facts.comparedWith?.kind;
  const where = literal(previous.ref, TEXT_BYTES.value) + (!kind || kind === 'this ref' ? '' : ` (${kind})`);
  const changed = facts.inputChanges.length;
  const changes = inlineList(
    facts.inputChanges.map((c) => name(c.name)),
    {
      maxItems: MAX_ITEMS.inputChanges,
      maxBytes: TEXT_BYTES.note * 2,
    },
  );
  return (
    `Compared with run ${text(previous.runId, TEXT_BYTES.name)} on ${where} ` +
    `(${previous.hits} hits, ${previous.misses} misses): ` +
    (!facts.inputs
      ? "this run's own inputs are not known here, only its stats and log."
      : changed === 0
        ? 'nothing changed in the inputs of the keys.'
        : `${changed} input${changed > 1 ? 's' : ''} changed: ${changes}.`)
  );
}

function listingLines(facts: Facts): string[] {
  const listing = facts.cacheListing;
  if (!listing) return [];
  const namespace = facts.namespace ? ` of namespace ${literal(facts.namespace, TEXT_BYTES.value)}` : '';
  const refs = inlineList(
    listing.byRef.map((r) => `${name(r.ref)} ${r.entries} entries (${MiB(r.bytes)})`),
    { maxItems: MAX_ITEMS.refs, maxBytes: TEXT_BYTES.note * 4 },
    'refs',
  );
  const lines = [
    listing.byRef.length
      ? `Entries${namespace} in the cache: ${refs}${listing.truncated ? ' (listing cut short)' : ''}.`
      : `The cache holds no entries${namespace}.`,
  ];
  const used =
    listing.repositoryBytes !== undefined
      ? `In use: ${MiB(listing.repositoryBytes)} of the repository's ${MiB(listing.quotaBytes)}.`
      : '';
  const oldest = listing.oldestAccess
    ? `Oldest last access (evicted first): ${text(listing.oldestAccess, TEXT_BYTES.name)}.`
    : '';
  if (used || oldest) lines.push([used, oldest].filter(Boolean).join(' '));
  return lines;
}

function historySection(facts: Facts, notes: readonly string[], budget: number): string {
  const comparison = comparisonLine(facts);
  const ours = [...(comparison ? [comparison] : []), ...listingLines(facts)].map((l) => `- ${l}`);
  if (ours.length === 0 && notes.length === 0) return '';
  const fixed = ours.join('\n');
  const fitted = fitItems(notes, (n) => `- ${text(n, TEXT_BYTES.note)}`, {
    maxItems: MAX_ITEMS.historyNotes,
    maxBytes: budget - byteLength(fixed) - FOLD_BYTES,
    separator: '\n',
  });
  const lines = [...ours, ...fitted.shown].join('\n');
  return folded('History', `${lines}${andMore(fitted.omitted, 'note')}`);
}

function countersSection(facts: Facts): string {
  const s = facts.stats;
  const rows: [string, number | null][] = [
    ['compile_requests', s.compileRequests],
    ['requests_executed', s.requestsExecuted],
    ['requests_not_cacheable', s.requestsNotCacheable],
    ['requests_not_compile', s.requestsNotCompile],
    ['requests_unsupported_compiler', s.requestsUnsupportedCompiler],
    ['cache_writes', s.cacheWrites],
    ['cache_write_errors', s.cacheWriteErrors],
    ['cache_timeouts', s.cacheTimeouts],
    ['forced_recaches', s.forcedRecaches],
    ['compile_fails', s.compileFails],
    ['non_cacheable_compilations', s.nonCacheableCompilations],
    ['compilations', s.compilations],
    ['dist_errors', s.distErrors],
  ];
  const body = table(
    ['Counter', 'Value'],
    rows.filter(([, v]) => v !== null).map(([k, v]) => [code(k), String(v)]),
  );
  return folded('All counters', body);
}

const SUMMARY_CUT_NOTE = () => '…summary cut here: GitHub accepts at most 1 MiB per step.';
const SECTION_CUT_NOTE = (bytesMore: number) => `… (section cut: ${bytesMore} bytes more)`;

/**
 * Cuts Markdown over the limit at a line end, closing the code block or <details> the cut left
 * open. The summaries below never need it (their sections have budgets); it is the last guard.
 */
export function capSummary(markdown: string, limit = SUMMARY_LIMIT_BYTES): string {
  return capMarkdown(markdown, limit, SUMMARY_CUT_NOTE);
}

/**
 * The sections, each within its budget (a section over it, which the caps above should make
 * impossible, loses its end, not its neighbours), joined by blank lines.
 */
function joinSections(sections: readonly (readonly [text: string, budget: number])[]): string {
  const kept = sections
    .filter(([section]) => section !== '')
    .map(([section, budget]) => capMarkdown(section, budget, SECTION_CUT_NOTE).trimEnd());
  return capSummary(kept.join('\n\n') + '\n');
}

/** The findings the summary shows: those to act on, and the notices the headline has not said. */
function sortFindings(input: SummaryInput, verdict: Verdict) {
  const toFix = input.findings.filter(needsAction);
  // The Non-cacheable section and the line under the headline say what expected-non-cacheable says.
  const saidElsewhere = new Set([...verdict.said, 'expected-non-cacheable']);
  const notices = input.findings.filter((f) => !needsAction(f) && !saidElsewhere.has(f.id));
  return { toFix, notices };
}

/**
 * `summary: compact`, for a matrix whose every job writes to one page: the headline (with the
 * trend) and the findings there is something to do about, nothing else.
 */
export function renderCompactSummary(input: SummaryInput): string {
  const b = SECTION_BUDGETS;
  const verdict = verdictOf(input.facts, input.findings, input.undecided?.length ?? 0);
  const { toFix } = sortFindings(input, verdict);
  return joinSections([
    [headline(input, verdict), b.headline],
    [toFixSection(toFix, b.findings, input.linkTo), b.findings],
  ]);
}

export function renderSummary(input: SummaryInput): string {
  const { facts } = input;
  const b = SECTION_BUDGETS;
  const verdict = verdictOf(facts, input.findings, input.undecided?.length ?? 0);
  const { toFix, notices } = sortFindings(input, verdict);
  return joinSections([
    [headline(input, verdict), b.headline],
    [toFixSection(toFix, b.findings, input.linkTo), b.findings],
    [noticesSection(notices, sourceNotes(facts, input.undecided ?? []), b.notices), b.notices],
    [languageTable(facts, b.languages), b.languages],
    [crateMissesSection(facts, b.crateMisses), b.crateMisses],
    [nonCacheableSection(facts, b.nonCacheable), b.nonCacheable],
    [historySection(facts, input.historyNotes ?? [], b.history), b.history],
    [locationSection(facts, b.cache), b.cache],
    [setupSection(input), b.setup],
    [countersSection(facts), b.counters],
  ]);
}

/** When there are no stats to analyse, say what happened and what to check. */
export function renderProblemSummary(problem: string, hint: string, label?: string): string {
  return capSummary(
    `## sccache${labelPart(label)}: no report\n\n**${text(problem, TEXT_BYTES.note)}**\n\n${text(hint, TEXT_BYTES.note)}\n`,
  );
}

export interface WorkflowSummaryInput {
  /** The workflow file as given. */
  readonly file: string;
  /** The jobs that were explained. */
  readonly jobs: readonly string[];
  readonly findings: readonly Finding[];
  /** Reusable workflows that could not be read, and the like. */
  readonly notes?: readonly string[];
}

/** The explain command's workflow summary: the same findings budget, a heading and notes. */
const WORKFLOW_BUDGETS = { heading: 40_000, findings: SECTION_BUDGETS.findings, notes: 100_000 } as const;

/** `explain --workflow` without stats: what the workflow file alone shows. */
export function renderWorkflowSummary(input: WorkflowSummaryInput): string {
  const b = WORKFLOW_BUDGETS;
  const jobs = input.jobs.length
    ? inlineList(input.jobs.map(name), { maxItems: MAX_ITEMS.jobs, maxBytes: b.heading / 2 }, 'jobs')
    : 'none that compiles through sccache';
  const notes = fitItems(input.notes ?? [], (n) => `- ${text(n, TEXT_BYTES.note)}`, {
    maxItems: MAX_ITEMS.workflowNotes,
    maxBytes: b.notes - 100,
    separator: '\n',
  });
  return joinSections([
    [`## sccache-guard: ${literal(input.file, TEXT_BYTES.value)}\n\nJobs explained: ${jobs}`, b.heading],
    [findingsSection(input.findings, b.findings), b.findings],
    [
      notes.shown.length ? `### Notes\n\n${notes.shown.join('\n')}${andMore(notes.omitted, 'note')}` : '',
      b.notes,
    ],
  ]);
}
