// parseWorkflow: a workflow file's triggers, env and jobs, each with the line it stands on. Lines in
// these tests are found by searching the YAML for a marker, never counted by hand. The property
// tests (fast-check, seeded) feed it arbitrary text and arbitrary workflows built with yaml's own
// stringify: it throws WorkflowParseError or nothing, every line it gives points at its name, and a
// file read in parts (wantJob, as the post step reads it) gives the jobs it gives read whole.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import {
  parseWorkflow,
  WorkflowParseError,
  type EnvEntry,
  type SourceLine,
  type Workflow,
} from '../../../src/github/workflow.js';

const SEED = { seed: 42 } as const;

/** The 1-based line of the one line of `text` that contains `marker`. */
function lineWith(text: string, marker: string): number {
  const at = text.split('\n').flatMap((line, i) => (line.includes(marker) ? [i + 1] : []));
  assert.equal(
    at.length,
    1,
    `"${marker}" should be on exactly one line, found on ${at.join(', ') || 'none'}`,
  );
  return at[0]!;
}

const triples = (entries: readonly EnvEntry[]) => entries.map((e) => [e.name, e.value, e.line]);

/** The error parseWorkflow throws for `text` (fails when it throws none, or another kind). */
function parseError(text: string): WorkflowParseError {
  try {
    parseWorkflow(text);
  } catch (error) {
    assert.ok(error instanceof WorkflowParseError, `not a WorkflowParseError: ${String(error)}`);
    return error;
  }
  assert.fail(`parsed without an error: ${JSON.stringify(text)}`);
}

/**
 * Every script line is a piece of the source line it names (the first and last may be partial); a
 * one-line quoted script is its value, unquoted and unescaped, so only its line is checked.
 */
function assertScriptLinesInSource(source: string, run: readonly SourceLine[] | undefined) {
  const lines = source.split('\n');
  for (const piece of run ?? []) {
    const line = lines[piece.line - 1];
    assert.ok(line !== undefined, `line ${piece.line} is past the end`);
    if (run?.length === 1 && /run:\s*["']/.test(line)) continue;
    assert.ok(
      line.includes(piece.text),
      `line ${piece.line} ${JSON.stringify(line)} has ${JSON.stringify(piece.text)}`,
    );
  }
}

/** What a reading of the file found, to compare reading whole with reading in parts. */
const comparable = (w: Workflow) => w.jobs;

// Triggers ----------------------------------------------------------------------------------------

test('on: push, a scalar: one trigger at its line', () => {
  const yaml = 'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n';
  const w = parseWorkflow(yaml);
  assert.deepEqual(w.triggers, [{ event: 'push', line: lineWith(yaml, 'on: push') }]);
  assert.equal(w.name, 'ci');
});

test('on: [push, release], a flow list: each event at its line, on one line or several', () => {
  const flow = 'on: [push, release]\njobs:\n  build: {}\n';
  assert.deepEqual(
    parseWorkflow(flow).triggers.map((t) => [t.event, t.line]),
    [
      ['push', 1],
      ['release', 1],
    ],
  );
  const spread = 'on:\n  - push\n  - release\njobs:\n  build: {}\n';
  assert.deepEqual(
    parseWorkflow(spread).triggers.map((t) => [t.event, t.line]),
    [
      ['push', lineWith(spread, '- push')],
      ['release', lineWith(spread, '- release')],
    ],
  );
});

test('on: a map: push with tags and branches filters, and events without filters', () => {
  const yaml = `on:
  push:
    branches: [main]
    tags: ['v*']
  pull_request:
  release:
    types: [published]
  workflow_dispatch:
jobs:
  build:
    runs-on: ubuntu-latest
`;
  const w = parseWorkflow(yaml);
  assert.deepEqual(w.triggers, [
    {
      event: 'push',
      line: lineWith(yaml, 'push:'),
      tagsLine: lineWith(yaml, 'tags:'),
      branchesLine: lineWith(yaml, 'branches:'),
    },
    { event: 'pull_request', line: lineWith(yaml, 'pull_request:') },
    { event: 'release', line: lineWith(yaml, 'release:') },
    { event: 'workflow_dispatch', line: lineWith(yaml, 'workflow_dispatch:') },
  ]);
});

test('on: push with tags-ignore and branches-ignore: those are the filters lines', () => {
  const yaml = `on:
  push:
    branches-ignore: ['dependabot/**']
    tags-ignore: ['nightly']
jobs:
  build: {}
`;
  const [push] = parseWorkflow(yaml).triggers;
  assert.equal(push?.tagsLine, lineWith(yaml, 'tags-ignore:'));
  assert.equal(push?.branchesLine, lineWith(yaml, 'branches-ignore:'));
});

test('no on: at all gives no triggers', () => {
  assert.deepEqual(parseWorkflow('jobs:\n  build: {}\n').triggers, []);
});

// Env ----------------------------------------------------------------------------------------------

test('env at workflow, job and step level, each entry at the line of its name', () => {
  const yaml = `on: push
env:
  CARGO_TERM_COLOR: always
  SCCACHE_GHA_ENABLED: "true"
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      RUSTC_WRAPPER: sccache
    steps:
      - uses: actions/checkout@v4
      - name: Build
        run: cargo build
        env:
          RUSTFLAGS: -D warnings
          CARGO_INCREMENTAL: 0
`;
  const w = parseWorkflow(yaml);
  assert.deepEqual(triples(w.env), [
    ['CARGO_TERM_COLOR', 'always', lineWith(yaml, 'CARGO_TERM_COLOR')],
    ['SCCACHE_GHA_ENABLED', 'true', lineWith(yaml, 'SCCACHE_GHA_ENABLED')],
  ]);
  const [job] = w.jobs;
  assert.ok(job);
  assert.equal(job.id, 'build');
  assert.equal(job.line, lineWith(yaml, 'build:'));
  assert.deepEqual(triples(job.env), [['RUSTC_WRAPPER', 'sccache', lineWith(yaml, 'RUSTC_WRAPPER')]]);
  assert.equal(job.steps.length, 2);
  const build = job.steps[1]!;
  assert.equal(build.index, 1);
  assert.equal(build.name, 'Build');
  assert.equal(build.line, lineWith(yaml, 'name: Build'));
  assert.deepEqual(triples(build.env), [
    ['RUSTFLAGS', '-D warnings', lineWith(yaml, 'RUSTFLAGS')],
    ['CARGO_INCREMENTAL', '0', lineWith(yaml, 'CARGO_INCREMENTAL')],
  ]);
  assert.deepEqual(job.steps[0]!.env, []);
  assert.equal(job.steps[0]!.uses?.value, 'actions/checkout@v4');
  assert.equal(job.steps[0]!.uses?.line, lineWith(yaml, 'actions/checkout@v4'));
});

test('numbers and booleans are text as YAML prints them; null is empty; expressions stay text', () => {
  const yaml = `jobs:
  build:
    env:
      ZERO: 0
      ONE: 1
      YES_BOOL: true
      NO_BOOL: false
      QUOTED_ZERO: "0"
      FLOAT: 1.5
      NOTHING:
      TILDE: ~
      WORD_YES: yes
      ON_WORD: on
      EXPR: \${{ secrets.SCCACHE_TOKEN }}
      MIXED: prefix-\${{ matrix.target }}-suffix
      QUOTED_EXPR: "\${{ vars.ENABLED == 'true' }}"
`;
  const values = Object.fromEntries(parseWorkflow(yaml).jobs[0]!.env.map((e) => [e.name, e.value]));
  assert.deepEqual(values, {
    ZERO: '0',
    ONE: '1',
    YES_BOOL: 'true',
    NO_BOOL: 'false',
    QUOTED_ZERO: '0',
    FLOAT: '1.5',
    NOTHING: '',
    TILDE: '',
    // YAML 1.2 (the core schema): yes and on are words, not booleans.
    WORD_YES: 'yes',
    ON_WORD: 'on',
    EXPR: '${{ secrets.SCCACHE_TOKEN }}',
    MIXED: 'prefix-${{ matrix.target }}-suffix',
    QUOTED_EXPR: "${{ vars.ENABLED == 'true' }}",
  });
});

test('with: inputs, id, shell and defaults.run.shell are read as text with their lines', () => {
  const yaml = `defaults:
  run:
    shell: bash
jobs:
  win:
    defaults:
      run:
        shell: pwsh
    steps:
      - id: setup
        uses: owner/sccache-guard@v1
        with:
          backend: gha
          read-only: true
      - run: cargo build
        shell: cmd
  linux:
    steps: []
`;
  const w = parseWorkflow(yaml);
  const [win, linux] = w.jobs;
  assert.equal(win?.shell, 'pwsh');
  assert.equal(linux?.shell, 'bash');
  const setup = win!.steps[0]!;
  assert.equal(setup.id, 'setup');
  assert.deepEqual(setup.with.get('backend'), { value: 'gha', line: lineWith(yaml, 'backend: gha') });
  assert.deepEqual(setup.with.get('read-only'), { value: 'true', line: lineWith(yaml, 'read-only:') });
  assert.equal(win!.steps[1]!.shell, 'cmd');
});

// Anchors, aliases, flow style, several documents ----------------------------------------------------

test('anchors and aliases: an aliased env, step and script are read from the node they name', () => {
  const yaml = `on: push
jobs:
  linux:
    env: &common-env
      SCCACHE_GHA_ENABLED: "true"
      RUSTC_WRAPPER: sccache
    steps:
      - &checkout
        uses: actions/checkout@v4
      - run: &build-script cargo build --locked
  mac:
    env: *common-env
    steps:
      - *checkout
      - run: *build-script
`;
  const w = parseWorkflow(yaml);
  const [linux, mac] = w.jobs;
  assert.ok(linux && mac);
  // An alias is its anchor's node: the lines are where the values are written.
  assert.deepEqual(triples(mac.env), triples(linux.env));
  assert.deepEqual(triples(mac.env), [
    ['SCCACHE_GHA_ENABLED', 'true', lineWith(yaml, 'SCCACHE_GHA_ENABLED')],
    ['RUSTC_WRAPPER', 'sccache', lineWith(yaml, 'RUSTC_WRAPPER')],
  ]);
  assert.equal(mac.steps.length, 2);
  assert.deepEqual(mac.steps[0]!.uses, { value: 'actions/checkout@v4', line: lineWith(yaml, 'checkout@v4') });
  assert.equal(mac.steps[0]!.line, lineWith(yaml, 'checkout@v4'));
  assert.deepEqual(mac.steps[1]!.run, [{ text: 'cargo build --locked', line: lineWith(yaml, '--locked') }]);
  assert.equal(mac.line, lineWith(yaml, 'mac:'));
});

test('an aliased on: and jobs: map are followed too', () => {
  const yaml = `x-triggers: &triggers [push, pull_request]
x-jobs: &jobs
  build:
    env: {A: 1}
on: *triggers
jobs: *jobs
`;
  const w = parseWorkflow(yaml);
  assert.deepEqual(
    w.triggers.map((t) => t.event),
    ['push', 'pull_request'],
  );
  assert.deepEqual(
    w.jobs.map((j) => [j.id, j.line]),
    [['build', lineWith(yaml, 'build:')]],
  );
  assert.deepEqual(triples(w.jobs[0]!.env), [['A', '1', lineWith(yaml, '{A: 1}')]]);
});

test('flow style on one line: every line is that line', () => {
  const yaml =
    'on: {push: {tags: [v1]}}\n' +
    'jobs: {build: {env: {A: 1, B: x}, steps: [{uses: actions/checkout@v4}, {run: cargo build, env: {C: "y"}}]}}\n';
  const w = parseWorkflow(yaml);
  assert.deepEqual(w.triggers, [{ event: 'push', line: 1, tagsLine: 1 }]);
  const job = w.jobs[0]!;
  assert.equal(job.line, 2);
  assert.deepEqual(triples(job.env), [
    ['A', '1', 2],
    ['B', 'x', 2],
  ]);
  assert.deepEqual(job.steps[1]!.run, [{ text: 'cargo build', line: 2 }]);
  assert.deepEqual(triples(job.steps[1]!.env), [['C', 'y', 2]]);
});

test('flow style over several lines keeps each entry on its own line', () => {
  const yaml = `jobs: {
  build: {
    env: {
      FIRST: one,
      SECOND: two
    },
    steps: [
      {run: cargo build}
    ]
  }
}
`;
  const job = parseWorkflow(yaml).jobs[0]!;
  assert.equal(job.line, lineWith(yaml, 'build:'));
  assert.deepEqual(triples(job.env), [
    ['FIRST', 'one', lineWith(yaml, 'FIRST')],
    ['SECOND', 'two', lineWith(yaml, 'SECOND')],
  ]);
  assert.deepEqual(job.steps[0]!.run, [{ text: 'cargo build', line: lineWith(yaml, 'cargo build') }]);
});

test('several documents in one file: the one with jobs: wins, with lines of the whole file', () => {
  const yaml = `# a document of settings first
name: not the workflow
env:
  NOT_THIS: 1
---
name: the workflow
on: push
env:
  THIS_ONE: 1
jobs:
  build:
    steps:
      - run: cargo build
---
jobs:
  later: {}
`;
  const w = parseWorkflow(yaml);
  assert.equal(w.name, 'the workflow');
  assert.deepEqual(triples(w.env), [['THIS_ONE', '1', lineWith(yaml, 'THIS_ONE')]]);
  assert.deepEqual(
    w.jobs.map((j) => [j.id, j.line]),
    [['build', lineWith(yaml, 'build:')]],
  );
  assert.deepEqual(w.triggers, [{ event: 'push', line: lineWith(yaml, 'on: push') }]);
});

test('a job that calls a reusable workflow: uses at job level, with its line, and no steps', () => {
  const yaml = `on:
  push:
    tags: ['v*']
jobs:
  call-build:
    uses: ./.github/workflows/build.yml
    with:
      profile: release
    secrets: inherit
  call-remote:
    uses: octo-org/shared/.github/workflows/rust.yml@v2
`;
  const [local, remote] = parseWorkflow(yaml).jobs;
  assert.deepEqual(local?.uses, {
    value: './.github/workflows/build.yml',
    line: lineWith(yaml, 'build.yml'),
  });
  assert.deepEqual(local?.steps, []);
  assert.deepEqual(remote?.uses, {
    value: 'octo-org/shared/.github/workflows/rust.yml@v2',
    line: lineWith(yaml, 'rust.yml@v2'),
  });
});

// run: scripts -------------------------------------------------------------------------------------

test('run: in block literal, folded, plain, quoted and chomping styles: each script line at its line', () => {
  const yaml = `jobs:
  build:
    steps:
      - run: |
          echo literal-one
          echo literal-two

          echo literal-after-blank
      - run: >
          echo folded-one
          echo folded-two
      - run: echo plain-one
          echo plain-two
      - run: "echo double-one
          echo double-two"
      - run: 'echo single-one'
      - run: |-
          echo strip-one
      - run: |+
          echo keep-one

      - name: header comment
        run: | # a comment on the header
          echo after-header-comment
      - run: |2
            echo indented-by-indicator
`;
  const steps = parseWorkflow(yaml).jobs[0]!.steps;
  const at = (step: number, marker: string) => {
    const found = steps[step]!.run?.find((l) => l.text.includes(marker));
    assert.ok(found, `step ${step} has ${marker}`);
    return found.line;
  };
  const markers: [number, string][] = [
    [0, 'literal-one'],
    [0, 'literal-two'],
    [0, 'literal-after-blank'],
    [1, 'folded-one'],
    [1, 'folded-two'],
    [2, 'plain-one'],
    [2, 'plain-two'],
    [3, 'double-one'],
    [3, 'double-two'],
    [4, 'single-one'],
    [5, 'strip-one'],
    [6, 'keep-one'],
    [7, 'after-header-comment'],
    [8, 'indented-by-indicator'],
  ];
  for (const [step, marker] of markers) assert.equal(at(step, marker), lineWith(yaml, marker), marker);
  for (const step of steps) assertScriptLinesInSource(yaml, step.run);
  // The script is not folded or unescaped: each source line is there as written.
  assert.ok(steps[0]!.run!.some((l) => l.text === '          echo literal-two'));
});

test('a step without run: has no script; an empty run: is one empty line', () => {
  const yaml = `jobs:
  build:
    steps:
      - uses: actions/checkout@v4
      - run: ""
      - run:
`;
  const steps = parseWorkflow(yaml).jobs[0]!.steps;
  assert.equal(steps.length, 3);
  assert.equal(steps[0]!.run, undefined);
  assert.deepEqual(steps[1]!.run, [{ text: '', line: lineWith(yaml, 'run: ""') }]);
  assert.deepEqual(
    steps[2]!.run?.map((l) => [l.text.trim(), l.line]),
    [['', yaml.split('\n').findIndex((l) => l.trim() === '- run:') + 1]],
  );
});

test('CRLF line endings: the lines are the same as with LF', () => {
  const lf = `on: push
env:
  A: 1
jobs:
  build:
    steps:
      - run: |
          cargo build
        env:
          B: 2
`;
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = parseWorkflow(lf);
  const b = parseWorkflow(crlf);
  assert.deepEqual(triples(b.env), triples(a.env));
  assert.deepEqual(triples(b.jobs[0]!.steps[0]!.env), triples(a.jobs[0]!.steps[0]!.env));
  assert.deepEqual(
    b.jobs[0]!.steps[0]!.run?.map((l) => l.line),
    a.jobs[0]!.steps[0]!.run?.map((l) => l.line),
  );
});

test('CRLF line endings: a script line does not keep the \\r of its line ending', () => {
  const crlf = 'jobs:\r\n  build:\r\n    steps:\r\n      - run: |\r\n          cargo build\r\n';
  const run = parseWorkflow(crlf).jobs[0]!.steps[0]!.run ?? [];
  for (const line of run) assert.ok(!line.text.endsWith('\r'), JSON.stringify(line.text));
});

// Errors -------------------------------------------------------------------------------------------

test('invalid YAML: WorkflowParseError with the line and column of the problem', () => {
  const cases: [string, number, number][] = [
    ['on: push\njobs:\n  build:\n\tsteps: []\n', 4, 1],
    ['on: push\njobs:\n  build:\n    runs-on: a: b\n', 4, 14],
    ['on: push\njobs:\n  build: {steps: [}\n', 3, 19],
    ['on: push\njobs:\n  build:\n    steps:\n      - run: "unclosed\n', 6, 1],
  ];
  for (const [text, line, column] of cases) {
    const error = parseError(text);
    assert.equal(error.name, 'WorkflowParseError');
    assert.ok(error instanceof Error);
    assert.deepEqual([error.line, error.column], [line, column], JSON.stringify(text));
    assert.equal(error.message, `${line}:${column}: ${error.reason}`);
    assert.ok(error.reason.length > 0);
    // The position is said once, by the numbers, not again in the reason.
    assert.doesNotMatch(error.reason, /at line \d+, column \d+/);
  }
});

test('an error in any document of the file is reported, not only in the one with jobs', () => {
  const text = 'on: push\njobs: {build: {}}\n---\nname: x\nbad: a: b\n';
  const error = parseError(text);
  assert.equal(error.line, lineWith(text, 'bad:'));
});

test('an alias to an anchor that does not exist is an error at its line', () => {
  const text =
    'jobs:\n  build:\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: **/target\n';
  const error = parseError(text);
  assert.equal(error.line, lineWith(text, 'path:'));
});

test('an empty file, or one of only comments and blank lines, is not a workflow', () => {
  for (const text of ['', '\n\n', '# only a comment\n', '   \n# c\n\n']) {
    const error = parseError(text);
    assert.deepEqual([error.line, error.column], [1, 1]);
    assert.match(error.reason, /empty/);
  }
});

test('a document that is not a mapping is not a workflow', () => {
  for (const text of ['just a sentence', '- push\n- release\n', '42', '---\n', '"jobs"']) {
    const error = parseError(text);
    assert.match(error.reason, /not a mapping/, JSON.stringify(text));
  }
});

test('a mapping without a jobs: mapping is not a workflow', () => {
  for (const text of ['on: push\n', 'on: push\njobs:\n', 'jobs: [build, test]\n', 'jobs: build\n']) {
    const error = parseError(text);
    assert.match(error.reason, /no `jobs:`/, JSON.stringify(text));
  }
});

// Properties ---------------------------------------------------------------------------------------

/** parseWorkflow returns, or throws a WorkflowParseError: nothing else escapes. */
function onlyParseErrors(text: string): Workflow | undefined {
  try {
    return parseWorkflow(text);
  } catch (error) {
    if (error instanceof WorkflowParseError) {
      assert.ok(Number.isInteger(error.line) && error.line >= 1, `line ${error.line}`);
      assert.ok(Number.isInteger(error.column) && error.column >= 1, `column ${error.column}`);
      return undefined;
    }
    throw error;
  }
}

/** Pieces of YAML and of workflows, so that arbitrary text is often almost a workflow. */
const YAML_TOKEN = fc.constantFrom(
  'jobs:',
  'on:',
  'env:',
  'steps:',
  'run: |',
  'uses: ',
  '- ',
  ': ',
  '\n',
  '\n  ',
  '\n    ',
  '  ',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ',',
  '&a ',
  '*a',
  '*b',
  '!!str ',
  '!tag ',
  '? ',
  '|',
  '>',
  '"',
  "'",
  '#',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '<<: ',
  '${{ x }}',
  'build',
  'A',
  '1',
  '\r\n',
  '\uFEFF',
);

test('property: arbitrary text throws nothing but WorkflowParseError', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.string({ unit: YAML_TOKEN, maxLength: 60 }),
  );
  fc.assert(
    fc.property(text, (t) => {
      onlyParseErrors(t);
    }),
    { ...SEED, numRuns: 1000 },
  );
});

test('property: arbitrary JSON-ish values serialized with yaml throw nothing but WorkflowParseError', () => {
  const anyStep = fc.dictionary(
    fc.oneof(
      fc.constantFrom('uses', 'run', 'with', 'env', 'id', 'name', 'shell'),
      fc.string({ maxLength: 8 }),
    ),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 5 },
  );
  const anyJob = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        env: fc.jsonValue({ maxDepth: 2 }),
        steps: fc.array(fc.oneof(anyStep, fc.jsonValue({ maxDepth: 1 })), { maxLength: 4 }),
        uses: fc.jsonValue({ maxDepth: 1 }),
        defaults: fc.jsonValue({ maxDepth: 3 }),
      },
      { requiredKeys: [] },
    ),
  );
  const anyWorkflow = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.record(
      {
        name: fc.jsonValue({ maxDepth: 1 }),
        on: fc.jsonValue({ maxDepth: 3 }),
        env: fc.jsonValue({ maxDepth: 2 }),
        defaults: fc.jsonValue({ maxDepth: 3 }),
        jobs: fc.oneof(
          fc.dictionary(fc.string({ maxLength: 10 }), anyJob, { maxKeys: 4 }),
          fc.jsonValue({ maxDepth: 2 }),
        ),
      },
      { requiredKeys: [] },
    ),
  );
  fc.assert(
    fc.property(anyWorkflow, (value) => {
      onlyParseErrors(stringify(value));
    }),
    { ...SEED, numRuns: 500 },
  );
});

const ENV_NAME = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,24}$/),
  // Names GitHub does not forbid, which yaml may have to quote.
  fc.string({
    unit: fc.constantFrom(...Array.from('Ab_-. :#&*!?[{@é中1')),
    minLength: 1,
    maxLength: 16,
  }),
);
const JOB_ID = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,24}$/);
const ENV_VALUE = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(
    '',
    '0',
    'true',
    'yes',
    'on',
    '1.10',
    '0x1F',
    '~',
    'null',
    ' leading space',
    'trailing space ',
    'a: b',
    '#not a comment',
    '- item',
    '|',
    '>',
    '"quoted"',
    "'single'",
    'multi\nline\nvalue\n',
    '*alias',
    '&anchor',
    '${{ secrets.SCCACHE_TOKEN }}',
    'x'.repeat(300),
  ),
);
/** A name → value map with unique names (some yaml would quote, none it could fold). */
const ENV = fc.dictionary(ENV_NAME, ENV_VALUE, { maxKeys: 5, noNullPrototype: true });
const SCRIPT = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(fc.string({ maxLength: 60 }), { maxLength: 6 }).map((lines) => lines.join('\n')),
  fc
    .array(fc.string({ maxLength: 60 }), { minLength: 2, maxLength: 6 })
    .map((lines) => `${lines.join('\n')}\n`),
  fc.constantFrom(
    'cargo build\n',
    'echo "A=1" >> "$GITHUB_ENV"\nsccache --show-stats\n',
    '  indented\nnot\n',
  ),
);
const STEP = fc.record(
  {
    name: fc.string({ maxLength: 20 }),
    run: SCRIPT,
    env: ENV,
    uses: fc.constantFrom('actions/checkout@v4', 'owner/sccache-guard@v1'),
  },
  { requiredKeys: [] },
);
const GENERATED = fc.record({
  env: ENV,
  jobs: fc.dictionary(
    JOB_ID,
    fc.record({ env: ENV, steps: fc.array(STEP, { maxLength: 4 }) }, { requiredKeys: ['steps'] }),
    { minKeys: 1, maxKeys: 4, noNullPrototype: true },
  ),
});

/** What an env value reads back as: text as written, numbers and booleans as YAML prints them. */
const asText = (value: string | number | boolean) => String(value);

test('property: in generated workflows every env entry is at a line that holds its name, and reads back', () => {
  fc.assert(
    fc.property(GENERATED, fc.constantFrom('block', 'flow'), (generated, style) => {
      const source = stringify(
        { on: 'push', ...generated },
        style === 'flow' ? { collectionStyle: 'flow', lineWidth: 60 } : {},
      );
      const lines = source.split('\n');
      const w = parseWorkflow(source);
      const check = (entries: readonly EnvEntry[], expected: Record<string, string | number | boolean>) => {
        assert.deepEqual(
          entries.map((e) => [e.name, e.value]),
          Object.entries(expected).map(([name, value]) => [name, asText(value)]),
        );
        for (const entry of entries) {
          const line = lines[entry.line - 1];
          assert.ok(
            line?.includes(entry.name),
            `line ${entry.line} ${JSON.stringify(line)} has ${entry.name}`,
          );
        }
      };
      check(w.env, generated.env);
      assert.deepEqual(
        w.jobs.map((j) => j.id),
        Object.keys(generated.jobs),
      );
      for (const job of w.jobs) {
        const spec = generated.jobs[job.id]!;
        assert.ok(lines[job.line - 1]?.includes(job.id), `job ${job.id} at line ${job.line}`);
        check(job.env, spec.env ?? {});
        assert.equal(job.steps.length, spec.steps.length);
        job.steps.forEach((step, i) => {
          check(step.env, spec.steps[i]!.env ?? {});
          assertScriptLinesInSource(source, step.run);
          if (spec.steps[i]!.run === undefined) assert.equal(step.run, undefined);
        });
      }
    }),
    { ...SEED, numRuns: 300 },
  );
});

// Size and hostile files ---------------------------------------------------------------------------

test('a ~5 MB generated workflow parses and has every job', () => {
  const JOBS = 2800;
  const job = (i: number) => {
    const steps = Array.from(
      { length: 10 },
      (_, s) =>
        `      - name: step ${s}\n` +
        `        run: |\n` +
        `          cargo build -p crate_${i}_${s} --release\n` +
        `          echo "STEP_${s}=done" >> "$GITHUB_ENV"\n` +
        `        env:\n` +
        `          RUSTFLAGS: -C opt-level=${s % 4}\n`,
    ).join('');
    return `  job_${i}:\n    runs-on: ubuntu-latest\n    env:\n      JOB_NUMBER: ${i}\n    steps:\n${steps}`;
  };
  const parts = ['name: big\non:\n  push:\n    branches: [main]\nenv:\n  CARGO_TERM_COLOR: always\njobs:\n'];
  for (let i = 0; i < JOBS; i++) parts.push(job(i));
  const text = parts.join('');
  assert.ok(text.length > 4_500_000 && text.length < 6_000_000, `${text.length} bytes`);
  const w = parseWorkflow(text);
  assert.equal(w.jobs.length, JOBS);
  const last = w.jobs[JOBS - 1]!;
  assert.equal(last.id, `job_${JOBS - 1}`);
  assert.equal(last.line, lineWith(text, `job_${JOBS - 1}:`));
  assert.deepEqual(triples(last.env), [['JOB_NUMBER', String(JOBS - 1), last.line + 3]]);
  assert.equal(last.steps.length, 10);
  const script = last.steps[9]!.run!.find((l) => l.text.includes('cargo build'));
  assert.equal(script?.line, lineWith(text, `crate_${JOBS - 1}_9 `));
  // Read in parts, as the post step reads its own job: that job alone, every id, the same lines.
  const one = parseWorkflow(text, (id) => id === 'job_1234');
  assert.deepEqual(
    one.jobs.map((j) => j.id),
    ['job_1234'],
  );
  assert.equal(one.jobIds.length, JOBS);
  assert.deepEqual(comparable(one)[0], comparable(w)[1234]);
});

test('a billion-laughs file finishes without expanding its aliases', () => {
  // Nine levels of nine aliases each: expanded, 9^9 (387 million) strings.
  const names = 'abcdefghi';
  const lines = [`${names[0]}: &${names[0]} ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i < names.length; i++) {
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  }
  // The same with maps, for env.
  lines.push('m0: &m0 {A: lol, B: lol, C: lol}');
  for (let i = 1; i < 9; i++) lines.push(`m${i}: &m${i} {A: *m${i - 1}, B: *m${i - 1}, C: *m${i - 1}}`);
  lines.push(
    'on: *i',
    'env: *m8',
    'jobs:',
    '  build:',
    '    env: *m8',
    '    steps: *i',
    '  other:',
    '    steps:',
    '      - *i',
    '      - run: *i',
    '        env: *m8',
  );
  const text = `${lines.join('\n')}\n`;
  const before = process.memoryUsage().heapUsed;
  const w = parseWorkflow(text);
  const grown = process.memoryUsage().heapUsed - before;
  assert.deepEqual(
    w.jobs.map((j) => j.id),
    ['build', 'other'],
  );
  // An alias is its one node: the env has the three keys of m8, each value a map, so not text.
  assert.deepEqual(
    w.jobs[0]!.env.map((e) => [e.name, e.value]),
    [
      ['A', ''],
      ['B', ''],
      ['C', ''],
    ],
  );
  assert.equal(w.jobs[0]!.steps.length, 9);
  assert.equal(w.jobs[1]!.steps.length, 2);
  assert.ok(grown < 100 * 1024 * 1024, `heap grew by ${Math.round(grown / 1024 / 1024)} MB`);
});

/** A workflow whose one job has `n` steps, each an alias of the same anchored step. */
const aliasedSteps = (n: number) =>
  `x-step: &step {run: cargo build, env: {A: 1}}\njobs:\n  build:\n    steps:\n${'      - *step\n'.repeat(n)}`;

test('many aliases are each followed to their one node', () => {
  const w = parseWorkflow(aliasedSteps(50));
  assert.equal(w.jobs[0]!.steps.length, 50);
  for (const step of w.jobs[0]!.steps) {
    assert.deepEqual(step.run, [{ text: 'cargo build', line: 1 }]);
    assert.deepEqual(triples(step.env), [['A', '1', 1]]);
  }
});

// Speed is the benchmark's business (bench/); this only shows that thousands of aliases are all
// followed (each costs a lookup, not a walk of the document).
test('4,000 aliased steps are each followed to their node', () => {
  const w = parseWorkflow(aliasedSteps(4000));
  assert.equal(w.jobs[0]!.steps.length, 4000);
  assert.deepEqual(triples(w.jobs[0]!.steps[3999]!.env), [['A', '1', 1]]);
});

// Reading in parts (parseWorkflow with wantJob) -------------------------------------------------------

test('read in parts: only the jobs asked for, every job id, and the same lines as read whole', () => {
  const yaml = `name: ci
on:
  push:
    tags: ['v*']
env:
  TOP: 1
jobs:
  lint:
    steps:
      - run: cargo clippy
  # a comment between jobs
  build:
    env:
      RUSTC_WRAPPER: sccache
    steps:
      - uses: owner/sccache-guard@v1
      - run: |
          cargo build
  test:
    steps:
      - run: cargo test
defaults:
  run:
    shell: bash
`;
  const whole = parseWorkflow(yaml);
  const parts = parseWorkflow(yaml, (id) => id === 'build');
  assert.deepEqual(
    parts.jobs.map((j) => j.id),
    ['build'],
  );
  assert.deepEqual(parts.jobIds, ['lint', 'build', 'test']);
  assert.deepEqual(comparable(parts)[0], comparable(whole)[1]);
  assert.deepEqual(parts.triggers, whole.triggers);
  assert.deepEqual(parts.env, whole.env);
  assert.equal(parts.jobs[0]!.shell, 'bash');
  assert.equal(parts.jobs[0]!.line, lineWith(yaml, 'build:'));
});

test('property: generated workflows read in parts give the same jobs as read whole', () => {
  fc.assert(
    fc.property(GENERATED, (generated) => {
      const source = stringify({ on: 'push', ...generated });
      const whole = parseWorkflow(source);
      const parts = parseWorkflow(source, () => true);
      assert.deepEqual(comparable(parts), comparable(whole));
      assert.deepEqual(parts.env, whole.env);
      assert.deepEqual(parts.triggers, whole.triggers);
      assert.deepEqual(parts.jobIds, whole.jobIds);
    }),
    { ...SEED, numRuns: 300 },
  );
});

test('property: arbitrary text read in parts throws nothing but WorkflowParseError', () => {
  const text = fc.oneof(
    fc.string({ unit: YAML_TOKEN, maxLength: 60 }).map((t) => `jobs:\n  a:\n${t}`),
    fc.string({ unit: YAML_TOKEN, maxLength: 60 }),
    fc.string({ maxLength: 200 }).map((t) => `on: push\njobs:\n  a:\n    steps: []\n  b:\n${t}`),
  );
  fc.assert(
    fc.property(text, fc.boolean(), (t, want) => {
      try {
        parseWorkflow(t, () => want);
      } catch (error) {
        if (!(error instanceof WorkflowParseError)) throw error;
      }
    }),
    { ...SEED, numRuns: 1000 },
  );
});

test('read in parts: an alias to an anchor outside the job is followed as when read whole', () => {
  const yaml = `on: push
x-env: &common
  SCCACHE_GHA_ENABLED: "true"
jobs:
  a:
    env: &job-env
      CARGO_INCREMENTAL: 1
    steps:
      - run: cargo build
  b:
    env: *job-env
    steps:
      - run: cargo build
  c:
    env: *common
    steps:
      - run: cargo build
`;
  const whole = parseWorkflow(yaml);
  const parts = parseWorkflow(yaml, () => true);
  assert.deepEqual(comparable(parts), comparable(whole));
});

test("a block scalar's script ends at its last line, not at the next key's line", () => {
  const yaml = 'jobs:\n  a:\n    steps:\n      - run: |\n          cargo build\n  b:\n    steps: []\n';
  const run = parseWorkflow(yaml).jobs[0]!.steps[0]!.run!;
  assert.ok(
    run.every((l) => l.line < lineWith(yaml, 'b:')),
    JSON.stringify(run),
  );
});

// A step's own lines (WorkflowStep.source), for fixes shown on the user's step -------------------

/** The file's lines first through last (1-based), as SourceLines. */
const fileLines = (text: string, first: number, last: number): SourceLine[] =>
  text
    .split('\n')
    .slice(first - 1, last)
    .map((t, i) => ({ text: t, line: first + i }));

test("source: each step's lines as written, from its `- ` through its last non-blank line", () => {
  const yaml = `on: push
jobs:
  build:
    steps:
      - uses: actions/checkout@v4
      - name: sccache
        uses: owner/sccache-guard@v1   # ours
        with:
          cache-namespace: x

          # a comment in the with block

      # about the next step: not this one's
      -
        run: |
          cargo build

      - &setup
        uses: owner/sccache-guard@v1
      - {uses: owner/other@v1}
`;
  const steps = parseWorkflow(yaml).jobs[0]!.steps;
  const at = (marker: string) => lineWith(yaml, marker);
  assert.deepEqual(steps[0]!.source, fileLines(yaml, at('checkout@v4'), at('checkout@v4')));
  assert.deepEqual(steps[1]!.source, fileLines(yaml, at('name: sccache'), at('cache-namespace: x')));
  // A `-` alone on its line: the step starts there; a block scalar ends at its last text line.
  assert.deepEqual(steps[2]!.source, fileLines(yaml, at('run: |') - 1, at('cargo build')));
  assert.deepEqual(steps[3]!.source, fileLines(yaml, at('&setup'), at('&setup') + 1));
  assert.deepEqual(steps[4]!.source, fileLines(yaml, at('owner/other'), at('owner/other')));
});

test('source: absent for a step that came through an alias; the steps after it keep their own lines', () => {
  const yaml = `x-steps: &shared
  - uses: owner/sccache-guard@v1
jobs:
  linux:
    steps:
      - &checkout
        uses: actions/checkout@v4
      - run: cargo build
  mac:
    steps:
      - *checkout
      - uses: owner/sccache-guard@v1
        with:
          read-only: true
  win:
    steps: *shared
`;
  const [linux, mac, win] = parseWorkflow(yaml).jobs;
  assert.ok(linux && mac && win);
  const checkout = lineWith(yaml, '&checkout');
  assert.deepEqual(linux.steps[0]!.source, fileLines(yaml, checkout, checkout + 1));
  assert.equal(mac.steps[0]!.source, undefined);
  const ours = lineWith(yaml, 'read-only: true');
  assert.deepEqual(mac.steps[1]!.source, fileLines(yaml, ours - 2, ours));
  // A steps list through an alias: every step's text stands elsewhere.
  assert.equal(win.steps.length, 1);
  assert.equal(win.steps[0]!.source, undefined);
  // Read in parts, the same.
  const parts = parseWorkflow(yaml, (id) => id === 'mac');
  assert.deepEqual(
    parts.jobs.find((j) => j.id === 'mac')?.steps.map((s) => s.source),
    mac.steps.map((s) => s.source),
  );
});

test('source: a step of up to 80 lines has them, a longer one none', () => {
  const step = (inputs: number) =>
    `jobs:\n  a:\n    steps:\n      - uses: owner/sccache-guard@v1\n        with:\n` +
    Array.from({ length: inputs }, (_, i) => `          input-${i}: ${i}\n`).join('') +
    '      - run: cargo build\n';
  // `- uses`, `with:` and 78 inputs: 80 lines.
  assert.equal(parseWorkflow(step(78)).jobs[0]!.steps[0]!.source?.length, 80);
  assert.equal(parseWorkflow(step(79)).jobs[0]!.steps[0]!.source, undefined);
  assert.equal(parseWorkflow(step(79), () => true).jobs[0]!.steps[0]!.source, undefined);
  assert.equal(parseWorkflow(step(79)).jobs[0]!.steps[1]!.source?.length, 1);
});

test('property: in generated workflows a step read whole is its own lines of the file, and parses as itself', () => {
  fc.assert(
    fc.property(GENERATED, fc.constantFrom(2, 4), (generated, indent) => {
      const source = stringify({ on: 'push', ...generated }, { indent });
      const lines = source.split('\n');
      const w = parseWorkflow(source);
      for (const [j, job] of w.jobs.entries()) {
        for (const [s, step] of job.steps.entries()) {
          const own = step.source;
          if (own === undefined) {
            assert.ok(step.line > 0);
            continue;
          }
          for (const l of own) assert.equal(l.text, lines[l.line - 1]);
          assert.match(own[0]!.text, /^ *- /);
          // A block scalar's indentation indicator (`|2`) counts from where the file nests it, which
          // a step parsed alone cannot know, and the source stops at the last non-blank line, before
          // the blank lines a `|+` keeps: such steps are only checked line by line.
          if (own.some((l) => /: [|>](\d|[-+]\d|\+)/.test(l.text))) continue;
          const column = own[0]!.text.indexOf('-');
          const parsed: unknown = parse(own.map((l) => l.text.slice(column)).join('\n'));
          const generatedJob = Object.values(generated.jobs)[j]!;
          // Through JSON: fast-check's records have no prototype, yaml's objects do.
          assert.deepEqual(parsed, JSON.parse(JSON.stringify([generatedJob.steps[s]])));
        }
      }
    }),
    { ...SEED, numRuns: 200 },
  );
});
