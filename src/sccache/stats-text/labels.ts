// The labels of one block: its counter-table rows, its multi-level rows and its info lines.
import { isBlank, isDigit } from '../../util/characters.js';

export const COUNT_LABELS: ReadonlySet<string> = new Set([
  'Compile requests',
  'Compile requests executed',
  'Cache hits',
  'Cache misses',
  'Cache timeouts',
  'Cache read errors',
  'Forced recaches',
  'Cache write errors',
  'Cache errors',
  'Compilations',
  'Compilation failures',
  'Non-cacheable compilations',
  'Non-cacheable calls',
  'Non-compilation calls',
  'Unsupported compiler calls',
  'Successful distributed compilations',
  'Failed distributed compilations',
  'Multi-level cache levels',
]);
export const AVERAGE_LABELS: ReadonlySet<string> = new Set([
  'Average cache write',
  'Average cache read miss',
  'Average compiler',
  'Average cache read hit',
]);
/** Rows every release prints whose value the model needs: a block without one is incomplete. */
export const REQUIRED_LABELS: readonly string[] = [
  'Compile requests executed',
  'Cache hits',
  'Cache misses',
  'Cache timeouts',
  'Forced recaches',
  'Cache write errors',
  'Cache errors',
  'Compilation failures',
  'Non-cacheable compilations',
  'Non-cacheable calls',
  'Non-compilation calls',
  'Unsupported compiler calls',
  'Average cache read hit',
];
export const PER_KEY = [
  ['Cache hits (', 'hits'],
  ['Cache misses (', 'misses'],
  ['Cache errors (', 'errors'],
] as const;
export const RATE_PREFIX = 'Cache hits rate (';
export const LEVEL_SUFFIXES = [
  ' hits',
  ' misses',
  ' hit rate',
  ' writes',
  ' write failures',
  ' backfills from',
  ' backfills to',
  ' avg cache write',
  ' avg cache read hit',
] as const;
type LevelSuffix = (typeof LEVEL_SUFFIXES)[number];
type LevelCount = 'hits' | 'misses' | 'writes' | 'writeFailures' | 'backfillsFrom' | 'backfillsTo';
export const LEVEL_FIELDS: Partial<Record<LevelSuffix, LevelCount>> = {
  ' hits': 'hits',
  ' misses': 'misses',
  ' writes': 'writes',
  ' write failures': 'writeFailures',
  ' backfills from': 'backfillsFrom',
  ' backfills to': 'backfillsTo',
};
export const INFO_LABELS = [
  'Base directories',
  'Use direct/preprocessor mode?',
  'Version (client)',
  'Cache size',
  'Max cache size',
] as const;
export type InfoLabel = (typeof INFO_LABELS)[number];

/** `label` followed by a blank or the end. */
export const hasLabel = (s: string, label: string): boolean =>
  s.startsWith(label) && (s.length === label.length || isBlank(s.charCodeAt(label.length)));

/** `L<digits> (`: the start of a multi-level row or location line. */
export function isLevelName(s: string): boolean {
  if (s.charCodeAt(0) !== 0x4c /* L */) return false;
  let i = 1;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i > 1 && s.charCodeAt(i) === 32 && s.charCodeAt(i + 1) === 0x28;
}
