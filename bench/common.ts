// What the benchmark scripts share: progress lines, medians and their spread, step checks.
import type { StepResult } from '../__tests__/emulator/runner.js';
import { loadavg } from 'node:os';

export const say = (line: string): void => console.log(`[bench] ${line}`);
export const load = (): string => loadavg()[0]?.toFixed(2) ?? '?';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

/** "12.3 s (11.9–12.8)" over the runs; a single run has no range. */
export function seconds(ms: readonly number[]): string {
  if (ms.length === 0) return 'n/a';
  const f = (x: number) => (x / 1000).toFixed(x < 10_000 ? 2 : 1);
  const range = ms.length > 1 ? ` (${f(Math.min(...ms))}–${f(Math.max(...ms))})` : '';
  return `${f(median(ms))} s${range}`;
}

/** The step's result, or an error with the end of its log when it failed. */
export function check(step: string, result: StepResult): StepResult {
  if (result.exitCode !== 0) {
    console.error(result.log.trim().split('\n').slice(-30).join('\n'));
    throw new Error(`${step} failed with exit ${result.exitCode}`);
  }
  return result;
}
