// Test helpers to read the committed fixtures.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const STATS_DIR = `${FIXTURES}stats/`;

export const statsFixtureNames = (): string[] =>
  readdirSync(STATS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
export const statsFixture = (name: string): string => readFileSync(`${STATS_DIR}${name}`, 'utf8');
export const statsDocument = (name: string): Record<string, any> => JSON.parse(statsFixture(name));
