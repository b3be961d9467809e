// The job summary: the hit rate first, then what to fix, then the detail. Pure: returns Markdown.
import { describeReadOnly } from '../../handoff.js';
import { describeLocation } from '../../sccache/location.js';
import { SHAPE_RELEASES } from '../../sccache/stats.js';
import { formatPercent } from '../../util/percent.js';
import { counted } from '../../util/words.js';
import { describeArchive, type ArchiveOutcome } from '../archive.js';
import type { Facts } from '../facts.js';
import type { Finding, Place, Severity } from '../rules/rule.js';
import { cell, code, fenced, table } from './markdown.js';

/** GitHub refuses a step summary over 1 MiB; stay well under it. */
export const SUMMARY_LIMIT_BYTES = 1000 * 1000;
const MAX_TABLE_ROWS = 50;

export interface SummaryInput {
  readonly facts: Facts;
  readonly findings: readonly Finding[];
  /** Tells matrix jobs apart, e.g. "build (ubuntu-latest, stable)". */
  readonly label?: string;
  /** The local backend's archive of SCCACHE_DIR: restored from, saved as. */
  readonly archive?: ArchiveOutcome;
  /** What the workflow file said or why it could not be read: one line. */
  readonly workflowNote?: string;
  /** The web address of a workflow line (the file at this commit), when the run knows the repository. */
  readonly linkTo?: (place: Place) => string | undefined;
  /** What the run history could and could not tell: one line each. */
  readonly historyNotes?: readonly string[];
}

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: '🛑 Error',
  warning: '⚠️ Warning',
  notice: 'ℹ️ Notice',
};

function headline({ facts, label }: SummaryInput): string {
  const rate = facts.hitRate === null ? 'no cache lookups' : `${formatPercent(facts.hitRate)} hit rate`;
  const title = `## sccache: ${rate}${label ? ` · ${cell(label)}` : ''}`;
  const parts = [
    `**${counted(facts.hits, 'hit')}, ${counted(facts.misses, 'miss', 'misses')}** in ${counted(facts.lookups, 'cache lookup')}`,
    counted(facts.stats.compileRequests, 'compile request'),
    `${counted(facts.stats.requestsNotCacheable, 'non-cacheable call')} (${facts.fixableNonCacheable} fixable)`,
  ];
  return `${title}\n\n${parts.join(' · ')}`;
}

function languageTable(facts: Facts): string {
  if (facts.languages.length === 0) return '';
  const rows = facts.languages
    .slice(0, MAX_TABLE_ROWS)
    .map((l) => [
      cell(l.language),
      String(l.hits),
      String(l.misses),
      String(l.errors),
      formatPercent(l.hitRate),
    ]);
  return table(['Language', 'Hits', 'Misses', 'Errors', 'Hit rate'], rows);
}

/** A fix that is a YAML or env change goes in a code block; a sentence stays a sentence. */
const isSnippet = (fix: string) => fix.includes('\n') || /^[#-]|^\w+:/.test(fix);

/** `path:line`, linked to the file at this commit when the address is known. */
function placeText(place: Place, linkTo: SummaryInput['linkTo']): string {
  const text = code(`${place.file}:${place.line}`);
  const url = linkTo?.(place);
  return url ? `[${text}](${url})` : text;
}

function findingsSection(findings: readonly Finding[], linkTo?: SummaryInput['linkTo']): string {
  if (findings.length === 0) return '### Findings\n\nNothing to fix: no misses with a known cause.';
  const blocks = findings.map(
    (f) =>
      `#### ${SEVERITY_LABEL[f.severity]}: ${cell(f.title)}\n\n` +
      `${cell(f.evidence)} <sub>(${code(f.id)})</sub>\n\n` +
      (f.place ? `**Where:** ${placeText(f.place, linkTo)}\n\n` : '') +
      `**Fix:** ${isSnippet(f.fix) ? `\n\n${fenced(f.fix, 'yaml')}` : cell(f.fix)}`,
  );
  return `### Findings\n\n${blocks.join('\n\n')}`;
}

function nonCacheableSection(facts: Facts): string {
  if (facts.nonCacheable.length === 0) return '';
  const rows = facts.nonCacheable
    .slice(0, MAX_TABLE_ROWS)
    .map((r) => [
      code(r.reason),
      String(r.count),
      r.kind,
      cell(r.fix ? `${r.meaning}; fix: ${r.fix}` : r.meaning),
    ]);
  const more =
    facts.nonCacheable.length > MAX_TABLE_ROWS
      ? `\n\n…and ${facts.nonCacheable.length - MAX_TABLE_ROWS} more reasons.`
      : '';
  return `### Non-cacheable calls\n\nNot misses: sccache does not look these up.\n\n${table(['Reason', 'Calls', 'Kind', 'What it is'], rows)}${more}`;
}

function locationSection(facts: Facts): string {
  const { location, stats, host } = facts;
  const rows: string[][] = [
    ['Storage', cell(describeLocation(location))],
    ['cache_location', code(location.raw || '(empty)')],
  ];
  if (location.protocol) rows.push(['Protocol', location.protocol]);
  if (location.backend === 'gha' && location.protocol === 'v2') {
    rows.push([
      'Namespace',
      location.namespace
        ? `${code(location.namespace)} (${code(location.name ?? '')} is its SHA-256)`
        : `${code(location.name ?? '')}: SHA-256 of a namespace this report cannot name (a SCCACHE_GHA_VERSION suffix?)`,
    ]);
  }
  for (const level of facts.levels) {
    const s = level.stats;
    rows.push([
      cell(s.name),
      `${cell(describeLocation(level.location))}: ${s.hits} hits, ${s.misses} misses`,
    ]);
  }
  rows.push([
    'sccache version',
    stats.version ? code(stats.version) : `not reported (${SHAPE_RELEASES[stats.shape]})`,
  ]);
  const usesGha = location.backend === 'gha' || facts.levels.some((l) => l.location.backend === 'gha');
  if (usesGha) rows.push(['GitHub host', `${host.kind}${host.assumed ? ' (assumed)' : ''}`]);
  if (stats.cacheSize !== null) rows.push(['Cache size', `${(stats.cacheSize / 2 ** 20).toFixed(1)} MiB`]);
  return `### Cache\n\n${table(['', ''], rows)}`;
}

function setupSection(facts: Facts): string {
  const setup = facts.setup;
  if (!setup) return '';
  const rows: string[][] = [
    ['sccache', `${code(setup.sccacheVersion)} at ${code(setup.sccachePath)}`],
    ['Backend asked for', code(setup.requestedBackend)],
    ['Backend in use', setup.backend ? code(setup.backend) : 'none: sccache did not start'],
  ];
  if (setup.protocol) rows.push(['Protocol', setup.protocol]);
  if (setup.namespace) rows.push(['Namespace', code(setup.namespace)]);
  if (setup.ghaUnavailableBecause) rows.push(['Why not the GitHub cache', cell(setup.ghaUnavailableBecause)]);
  rows.push(['Read-only', cell(describeReadOnly(setup.readOnly))]);
  rows.push([
    'Preflight',
    setup.preflight.fallback
      ? `failed, fell back to local disk: ${cell(setup.preflight.error ?? '')}`
      : setup.preflight.ok
        ? 'passed'
        : `failed: ${cell(setup.preflight.error ?? '')}`,
  ]);
  if (setup.exported.length) rows.push(['Exported', setup.exported.map(code).join(' ')]);
  return `### Setup\n\n${table(['', ''], rows)}`;
}

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function historySection(facts: Facts, notes: readonly string[]): string {
  const lines: string[] = [];
  const previous = facts.previousRun;
  if (previous) {
    const kind = facts.comparedWith?.kind;
    const where = !kind || kind === 'this ref' ? previous.ref : `${previous.ref}, ${kind}`;
    const changed = facts.inputChanges.length;
    lines.push(
      `Compared with run ${cell(previous.runId)} on ${code(where)} (${previous.hits} hits, ${previous.misses} misses): ` +
        (!facts.inputs
          ? "this run's own inputs are not known here, only its stats and log."
          : changed === 0
            ? 'nothing changed in the inputs of the keys.'
            : `${changed} input${changed > 1 ? 's' : ''} changed: ${facts.inputChanges
                .slice(0, 8)
                .map((c) => code(c.name))
                .join(', ')}${changed > 8 ? `, and ${changed - 8} more` : ''}.`),
    );
  }
  const listing = facts.cacheListing;
  if (listing) {
    const refs = listing.byRef
      .slice(0, 10)
      .map((r) => `${code(r.ref)} ${r.entries} entries (${MiB(r.bytes)})`);
    const namespace = facts.namespace ? ` of namespace ${code(facts.namespace)}` : '';
    lines.push(
      refs.length
        ? `Entries${namespace} in the cache: ${refs.join(', ')}${listing.byRef.length > 10 ? `, and ${listing.byRef.length - 10} more refs` : ''}${listing.truncated ? ' (listing cut short)' : ''}.`
        : `The cache holds no entries${namespace}.`,
    );
    const used =
      listing.repositoryBytes !== undefined
        ? `${MiB(listing.repositoryBytes)} of the repository's ${MiB(listing.quotaBytes)}`
        : undefined;
    if (used || listing.oldestAccess) {
      lines.push(
        [
          used ? `In use: ${used}.` : '',
          listing.oldestAccess ? `Oldest last access (evicted first): ${cell(listing.oldestAccess)}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    }
  }
  lines.push(...notes.map(cell));
  return lines.length ? `### History\n\n${lines.map((l) => `- ${l}`).join('\n')}` : '';
}

const SHOWN_CRATES = 5;
const MAX_CRATES = 20;

function crateMissesSection(facts: Facts): string {
  const rows = facts.crateMisses;
  if (rows.length === 0) return '';
  const line = (r: (typeof rows)[number]) => [
    code(r.name),
    String(r.misses),
    r.hitBefore ? 'hit in the last run' : '',
  ];
  const header = ['Crate or source', 'Misses', ''];
  const first = table(header, rows.slice(0, SHOWN_CRATES).map(line));
  const rest = rows.slice(SHOWN_CRATES, MAX_CRATES);
  const more = rows.length > MAX_CRATES ? `\n\n…and ${rows.length - MAX_CRATES} more.` : '';
  const details = rest.length
    ? `\n\n<details><summary>${rows.length - SHOWN_CRATES} more</summary>\n\n${table(header, rest.map(line))}${more}\n\n</details>`
    : '';
  return `### Misses by crate\n\nFrom the server log; those that hit in the last run first.\n\n${first}${details}`;
}

function archiveSection(archive: ArchiveOutcome): string {
  return `### Local cache archive\n\n\`${archive.dir}\`: ${describeArchive(archive)}.`;
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
  return `<details><summary>All counters</summary>\n\n${body}\n\n</details>`;
}

/** Cuts at a line boundary so the summary never exceeds GitHub's limit. */
export function capSummary(markdown: string, limit = SUMMARY_LIMIT_BYTES): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown;
  const note = '\n\n…summary cut here: GitHub accepts at most 1 MiB per step.\n';
  let cut = markdown.slice(0, limit - Buffer.byteLength(note));
  while (Buffer.byteLength(cut) > limit - Buffer.byteLength(note)) cut = cut.slice(0, -1024);
  return cut.slice(0, cut.lastIndexOf('\n')) + note;
}

export function renderSummary(input: SummaryInput): string {
  const sections = [
    headline(input),
    languageTable(input.facts),
    findingsSection(input.findings, input.linkTo),
    input.workflowNote ? `### Workflow\n\n${cell(input.workflowNote)}` : '',
    crateMissesSection(input.facts),
    historySection(input.facts, input.historyNotes ?? []),
    nonCacheableSection(input.facts),
    locationSection(input.facts),
    setupSection(input.facts),
    input.archive ? archiveSection(input.archive) : '',
    countersSection(input.facts),
  ].filter((s) => s !== '');
  return capSummary(sections.join('\n\n') + '\n');
}

/** When there are no stats to analyse, say what happened and what to check. */
export function renderProblemSummary(problem: string, hint: string, label?: string): string {
  return capSummary(
    `## sccache: no report${label ? ` · ${cell(label)}` : ''}\n\n**${cell(problem)}**\n\n${cell(hint)}\n`,
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

/** `explain --workflow` without stats: what the workflow file alone shows. */
export function renderWorkflowSummary(input: WorkflowSummaryInput): string {
  const jobs = input.jobs.length ? input.jobs.map(code).join(', ') : 'none that compiles through sccache';
  const notes = (input.notes ?? []).map((n) => `- ${cell(n)}`).join('\n');
  const sections = [
    `## sccache-guard: ${code(input.file)}\n\nJobs explained: ${jobs}`,
    findingsSection(input.findings),
    notes ? `### Notes\n\n${notes}` : '',
  ].filter((s) => s !== '');
  return capSummary(sections.join('\n\n') + '\n');
}
