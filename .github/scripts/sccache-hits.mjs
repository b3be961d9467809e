// CI's self-test: what this action's own CLI reads of the running sccache server's stats, before
// and after a second build, and a check that the second build hit the cache in each language.
//
//   node .github/scripts/sccache-hits.mjs save FILE
//     `sccache --show-stats --stats-format json` (the server the action started: RUSTC_WRAPPER is
//     its sccache, SCCACHE_SERVER_PORT its port), explained by `node dist/cli.js explain --stats
//     FILE.stats.json --format json` into FILE.
//   node .github/scripts/sccache-hits.mjs compare BEFORE AFTER LANGUAGE...
//     Fails unless every LANGUAGE ("Rust", "C/C++") has more hits in AFTER than in BEFORE.
//
// Node only, so the same step runs in bash and in PowerShell.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import process from 'node:process';

const print = (line) => process.stdout.write(`${line}\n`);
const fail = (message) => {
  print(`::error title=sccache self-test::${message}`);
  process.exit(1);
};

const [command, ...args] = process.argv.slice(2);
if (command === 'save' && args.length === 1) {
  const [file] = args;
  const sccache = process.env.RUSTC_WRAPPER || 'sccache';
  const stats = execFileSync(sccache, ['--show-stats', '--stats-format', 'json'], { encoding: 'utf8' });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.stats.json`, stats);
  const explained = execFileSync(
    process.execPath,
    ['dist/cli.js', 'explain', '--stats', `${file}.stats.json`, '--format', 'json'],
    { encoding: 'utf8' },
  );
  writeFileSync(file, explained);
  const { hits, misses, languages } = JSON.parse(explained);
  print(`${file}: ${hits} hits, ${misses} misses`);
  for (const row of languages) print(`  ${row.language}: ${row.hits} hits, ${row.misses} misses`);
} else if (command === 'compare' && args.length >= 3) {
  const [before, after, ...wanted] = args;
  const hitsByLanguage = (file) =>
    new Map(JSON.parse(readFileSync(file, 'utf8')).languages.map((row) => [row.language, row.hits]));
  const [was, now] = [hitsByLanguage(before), hitsByLanguage(after)];
  const missing = [];
  for (const language of wanted) {
    const gained = (now.get(language) ?? 0) - (was.get(language) ?? 0);
    print(`${language}: ${gained} hits in the second build`);
    if (gained <= 0) missing.push(language);
  }
  if (missing.length)
    fail(`the second build had no cache hit for ${missing.join(' and ')}: see the sccache-guard summary`);
} else {
  fail('usage: sccache-hits.mjs save FILE | compare BEFORE AFTER LANGUAGE...');
}
