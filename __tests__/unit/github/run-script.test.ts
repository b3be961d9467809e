// scriptAssignments: the variables a run: script writes to GITHUB_ENV (for the steps after it) or
// exports (for itself), each at its line in the workflow. Scripts are given as the workflow gives
// them: source lines with their own line numbers, which need not start at 1 or be consecutive.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isLiteralValue, scriptAssignments, type ScriptAssignment } from '../../../src/github/run-script.js';
import { parseWorkflow, type SourceLine } from '../../../src/github/workflow.js';

/** A script as source lines, the first at line `first` (as in a workflow, not at 1). */
const script = (text: string, first = 20): SourceLine[] =>
  text.split('\n').map((line, i) => ({ text: line, line: first + i }));

const found = (text: string, first = 20) =>
  scriptAssignments(script(text, first)).map((a) => [a.name, a.value, a.line, a.how]);

/** The line of the one line of `text` that contains `marker`, for a script starting at `first`. */
function lineWith(text: string, marker: string, first = 20): number {
  const at = text.split('\n').flatMap((line, i) => (line.includes(marker) ? [first + i] : []));
  assert.equal(at.length, 1, `"${marker}" should be on exactly one line`);
  return at[0]!;
}

// bash ---------------------------------------------------------------------------------------------

test('bash: echo "A=1" >> "$GITHUB_ENV", quoted or not, with $GITHUB_ENV in any spelling', () => {
  for (const line of [
    'echo "A=1" >> "$GITHUB_ENV"',
    'echo A=1 >> $GITHUB_ENV',
    "echo 'A=1' >> $GITHUB_ENV",
    'echo "A=1" >> "${GITHUB_ENV}"',
    'echo A=1>>$GITHUB_ENV',
    '  echo "A=1" >> "$GITHUB_ENV"',
    'if true; then echo "A=1" >> $GITHUB_ENV; fi',
  ]) {
    assert.deepEqual(found(line, 7), [['A', '1', 7, 'github-env']], line);
  }
});

test('bash: several writes on one line, each found', () => {
  assert.deepEqual(found('echo "SCCACHE_GHA_ENABLED=true" >> $GITHUB_ENV; echo B=2 >> $GITHUB_ENV', 3), [
    ['SCCACHE_GHA_ENABLED', 'true', 3, 'github-env'],
    ['B', '2', 3, 'github-env'],
  ]);
});

test('bash: a value with spaces or = in it is the whole quoted value', () => {
  assert.deepEqual(found('echo "RUSTFLAGS=-C target-cpu=native" >> "$GITHUB_ENV"', 5), [
    ['RUSTFLAGS', '-C target-cpu=native', 5, 'github-env'],
  ]);
});

test('bash: printf into GITHUB_ENV; its format is not a literal value', () => {
  const [a] = scriptAssignments(script(`printf 'SCCACHE_DIR=%s\\n' "$RUNNER_TEMP/sccache" >> "$GITHUB_ENV"`));
  assert.equal(a?.name, 'SCCACHE_DIR');
  assert.equal(a?.how, 'github-env');
  assert.equal(a?.line, 20);
  assert.equal(isLiteralValue(a!.value), false, a!.value);
});

test('bash: printf "A=1\\n" writes A=1: the \\n is the line ending, not part of the value', () => {
  assert.deepEqual(found('printf "A=1\\n" >> "$GITHUB_ENV"'), [['A', '1', 20, 'github-env']]);
  assert.deepEqual(found("printf 'CARGO_INCREMENTAL=0\\n' >> $GITHUB_ENV"), [
    ['CARGO_INCREMENTAL', '0', 20, 'github-env'],
  ]);
});

test('bash: tee -a "$GITHUB_ENV"', () => {
  assert.deepEqual(found('echo "A=1" | tee -a "$GITHUB_ENV"'), [['A', '1', 20, 'github-env']]);
  assert.deepEqual(found('echo "B=2" | tee -a $GITHUB_ENV > /dev/null'), [['B', '2', 20, 'github-env']]);
});

test('bash: the NAME<<EOF multi-line form gives the name at the line that opens it', () => {
  const text = [
    'echo "NOTES<<EOF" >> "$GITHUB_ENV"',
    'cat notes.txt >> "$GITHUB_ENV"',
    'echo "EOF" >> "$GITHUB_ENV"',
  ].join('\n');
  const assignments = scriptAssignments(script(text));
  assert.deepEqual(
    assignments.map((a) => [a.name, a.line, a.how]),
    [['NOTES', lineWith(text, 'NOTES<<EOF'), 'github-env']],
  );
  assert.match(assignments[0]!.value, /^<<EOF/);
});

test('bash: a NAME<<EOF value is not taken for a literal value', () => {
  const [a] = scriptAssignments(script('echo "SCCACHE_GHA_ENABLED<<EOF" >> "$GITHUB_ENV"'));
  assert.ok(a);
  assert.equal(isLiteralValue(a.value), false, a.value);
});

test('bash: a { … } >> "$GITHUB_ENV" group across lines: each echo at its own line', () => {
  const text = [
    '{',
    '  echo "A=1"',
    '  echo "B=two"',
    '  echo "SCCACHE_GHA_ENABLED=true"',
    '} >> "$GITHUB_ENV"',
  ].join('\n');
  assert.deepEqual(found(text, 40), [
    ['A', '1', lineWith(text, 'A=1', 40), 'github-env'],
    ['B', 'two', lineWith(text, 'B=two', 40), 'github-env'],
    ['SCCACHE_GHA_ENABLED', 'true', lineWith(text, 'SCCACHE_GHA_ENABLED', 40), 'github-env'],
  ]);
});

test('bash: a { … } group on one line, and a group that writes elsewhere', () => {
  assert.deepEqual(found('{ echo "A=1"; echo "B=2"; } >> "$GITHUB_ENV"'), [
    ['A', '1', 20, 'github-env'],
    ['B', '2', 20, 'github-env'],
  ]);
  assert.deepEqual(found('{\n  echo "A=1"\n} > build-info.txt'), []);
});

test('bash: a GITHUB_ENV write inside a group that is not itself redirected is still found', () => {
  const text = ['{', '  echo "A=1" >> "$GITHUB_ENV"', '  export B=2', '} 2> /dev/null'].join('\n');
  assert.deepEqual(found(text), [
    ['A', '1', lineWith(text, 'A=1'), 'github-env'],
    ['B', '2', lineWith(text, 'export B'), 'export'],
  ]);
});

test('bash: cat >> "$GITHUB_ENV" <<EOF: each line of the heredoc at its line, up to the delimiter', () => {
  const text = [
    'cat >> "$GITHUB_ENV" <<EOF',
    'SCCACHE_GHA_ENABLED=true',
    'SCCACHE_DIR=${RUNNER_TEMP}/sccache',
    'EOF',
    'echo C=3',
    'export D=4',
  ].join('\n');
  assert.deepEqual(found(text), [
    ['SCCACHE_GHA_ENABLED', 'true', lineWith(text, 'SCCACHE_GHA_ENABLED'), 'github-env'],
    ['SCCACHE_DIR', '${RUNNER_TEMP}/sccache', lineWith(text, 'SCCACHE_DIR'), 'github-env'],
    // After the delimiter the script goes on: echo to stdout is nothing, export is.
    ['D', '4', lineWith(text, 'export D'), 'export'],
  ]);
});

test("bash: cat <<'EOF' >> $GITHUB_ENV and <<-EOF with an indented delimiter", () => {
  const quoted = ["cat <<'EOF' >> $GITHUB_ENV", 'A=1', 'EOF', 'export B=2'].join('\n');
  assert.deepEqual(found(quoted), [
    ['A', '1', lineWith(quoted, 'A=1'), 'github-env'],
    ['B', '2', lineWith(quoted, 'B=2'), 'export'],
  ]);
  // As the workflow gives it: every line keeps the YAML indentation.
  const dashed = [
    '          cat <<-END >> "$GITHUB_ENV"',
    '            A=1',
    '          END',
    '          export B=2',
  ].join('\n');
  assert.deepEqual(found(dashed), [
    ['A', '1', lineWith(dashed, 'A=1'), 'github-env'],
    ['B', '2', lineWith(dashed, 'B=2'), 'export'],
  ]);
});

test('bash: a heredoc into GITHUB_ENV in a file with CRLF line endings is read', () => {
  const yaml =
    'jobs:\r\n  build:\r\n    steps:\r\n      - run: |\r\n' +
    '          cat >> "$GITHUB_ENV" <<EOF\r\n          CARGO_INCREMENTAL=1\r\n          EOF\r\n';
  const run = parseWorkflow(yaml).jobs[0]!.steps[0]!.run!;
  assert.deepEqual(
    scriptAssignments(run).map((a) => [a.name, a.value, a.line]),
    [['CARGO_INCREMENTAL', '1', 6]],
  );
});

test('export A=1 B="x y": each name, quoted values unquoted, a bare name skipped', () => {
  assert.deepEqual(found('export A=1 B="x y"', 9), [
    ['A', '1', 9, 'export'],
    ['B', 'x y', 9, 'export'],
  ]);
  assert.deepEqual(found("  export RUSTC_WRAPPER='sccache' CARGO_INCREMENTAL=0 PATH"), [
    ['RUSTC_WRAPPER', 'sccache', 20, 'export'],
    ['CARGO_INCREMENTAL', '0', 20, 'export'],
  ]);
  assert.deepEqual(found('export A'), []);
});

// PowerShell ---------------------------------------------------------------------------------------

test('PowerShell: Add-Content, Out-File and >> into $env:GITHUB_ENV', () => {
  for (const line of [
    'Add-Content -Path $env:GITHUB_ENV -Value "A=1"',
    '"A=1" | Out-File -FilePath $env:GITHUB_ENV -Append',
    '"A=1" | Out-File -FilePath $Env:GITHUB_ENV -Encoding utf8 -Append',
    'echo "A=1" >> $env:GITHUB_ENV',
    '"A=1" >> ${env:GITHUB_ENV}',
  ]) {
    assert.deepEqual(found(line, 11), [['A', '1', 11, 'github-env']], line);
  }
});

test('PowerShell: $env:A = "1" sets A for the rest of the script', () => {
  assert.deepEqual(found('$env:A = "1"'), [['A', '1', 20, 'export']]);
  assert.deepEqual(found('$env:A="1"'), [['A', '1', 20, 'export']]);
  assert.deepEqual(found("$Env:RUSTC_WRAPPER = 'sccache';"), [['RUSTC_WRAPPER', 'sccache', 20, 'export']]);
});

// What is not an assignment ------------------------------------------------------------------------

test('comments are ignored', () => {
  assert.deepEqual(found('# echo "A=1" >> $GITHUB_ENV'), []);
  assert.deepEqual(found('   # export A=1'), []);
  assert.deepEqual(found('#{\n  echo "A=1"\n#} >> "$GITHUB_ENV"'), []);
});

test('a comment after a command is ignored', () => {
  assert.deepEqual(found('echo "A=1" >> "$GITHUB_ENV" # was B=2'), [['A', '1', 20, 'github-env']]);
});

test('flags like --features=x, paths and the middle of words are not assignments', () => {
  assert.deepEqual(found('cargo build --features=x'), []);
  assert.deepEqual(found('echo "--features=x" >> $GITHUB_ENV'), []);
  assert.deepEqual(found('echo ./dir/A=1 >> $GITHUB_ENV'), []);
  assert.deepEqual(found('export RUSTFLAGS="--cfg foo=bar"'), [['RUSTFLAGS', '--cfg foo=bar', 20, 'export']]);
  assert.deepEqual(found('cargo test -- --test-threads=1 X=2'), []);
});

test('what is not a write to GITHUB_ENV nor an export is nothing', () => {
  assert.deepEqual(found('echo "A=1" >> "$GITHUB_OUTPUT"'), []);
  assert.deepEqual(found('echo "A=1" >> "$GITHUB_STEP_SUMMARY"'), []);
  assert.deepEqual(found('A=1 cargo build'), []);
  assert.deepEqual(found('echo A=1'), []);
  assert.deepEqual(found(''), []);
});

test('values with $, % or a backtick are not literal; plain text is', () => {
  const values = Object.fromEntries(
    scriptAssignments(
      script(
        [
          'echo "PLAIN=sccache" >> $GITHUB_ENV',
          'echo "VAR=$HOME/.cache" >> $GITHUB_ENV',
          'echo "BRACED=${RUNNER_TEMP}" >> $GITHUB_ENV',
          'echo "SUB=$(date +%s)" >> $GITHUB_ENV',
          'echo "PCT=%PATH%" >> $GITHUB_ENV',
          'echo "TICK=`id -u`" >> $GITHUB_ENV',
          'echo "EXPR=${{ vars.ON }}" >> $GITHUB_ENV',
        ].join('\n'),
      ),
    ).map((a) => [a.name, isLiteralValue(a.value)]),
  );
  assert.deepEqual(values, {
    PLAIN: true,
    VAR: false,
    BRACED: false,
    SUB: false,
    PCT: false,
    TICK: false,
    EXPR: false,
  });
  assert.equal(isLiteralValue(''), true);
  assert.equal(isLiteralValue('0'), true);
  assert.equal(isLiteralValue('100%'), false);
});

// Properties ---------------------------------------------------------------------------------------

/** Pieces of shell, so that arbitrary lines are often almost assignments. */
const SHELL_TOKEN = fc.constantFrom(
  'echo ',
  'printf ',
  'export ',
  '$env:',
  'cat ',
  'tee -a ',
  'Add-Content ',
  '"',
  "'",
  '`',
  '=',
  '==',
  'A',
  'NAME',
  '_',
  '1',
  ' ',
  '\t',
  '\r',
  '>>',
  '>',
  '|',
  ';',
  '&&',
  '{',
  '}',
  '(',
  '#',
  '<<',
  '<<-',
  'EOF',
  '$GITHUB_ENV',
  '"$GITHUB_ENV"',
  '${GITHUB_ENV}',
  '$env:GITHUB_ENV',
  '--flag=',
  '$',
  '%',
);

const LINE_TEXT = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: SHELL_TOKEN, maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  { weight: 1, arbitrary: fc.string({ unit: SHELL_TOKEN, minLength: 500, maxLength: 1500 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 3000, maxLength: 4200 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{', '}', '} >> "$GITHUB_ENV"', 'EOF', 'cat >> $GITHUB_ENV <<EOF'),
  },
);

/** Lines at increasing, not necessarily consecutive, line numbers (as after a YAML header). */
const LINES = fc
  .tuple(
    fc.integer({ min: 1, max: 5000 }),
    fc.array(fc.tuple(LINE_TEXT, fc.integer({ min: 1, max: 3 })), { maxLength: 12 }),
  )
  .map(([first, rows]) => {
    let line = first;
    return rows.map(([text, gap]) => ({ text, line: (line += gap) }));
  });

test('property: arbitrary lines never make scriptAssignments throw, and every line it names is an input line', () => {
  fc.assert(
    fc.property(LINES, (lines) => {
      const numbers = new Set(lines.map((l) => l.line));
      const out: ScriptAssignment[] = scriptAssignments(lines);
      for (const a of out) {
        assert.ok(numbers.has(a.line), `line ${a.line} is not one of ${[...numbers].join(', ')}`);
        assert.match(a.name, /^[A-Za-z_][A-Za-z0-9_]*$/);
        assert.ok(a.how === 'github-env' || a.how === 'export');
        assert.equal(typeof a.value, 'string');
      }
    }),
    { seed: 42, numRuns: 500 },
  );
});

test('property: the assignments come out in line order', () => {
  fc.assert(
    fc.property(LINES, (lines) => {
      const order = scriptAssignments(lines).map((a) => a.line);
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
      );
    }),
    { seed: 42, numRuns: 300 },
  );
});

test('a hostile 4 KB line of a=a=a=… or unclosed quotes finishes', () => {
  for (const text of [
    `echo ${'a='.repeat(2100)} >> $GITHUB_ENV`,
    `echo ${'"A='.repeat(1400)} >> $GITHUB_ENV`,
    `export ${"B='".repeat(1400)}`,
    `${'x'.repeat(100_000)} A=1 >> $GITHUB_ENV`,
  ]) {
    for (const a of scriptAssignments(script(text))) assert.equal(a.line, 20);
  }
});
