// fitOurStep: our step as the user wrote it, with a fix's inputs set, ready to paste over its lines.
// Steps are read from workflow text with the reader, as the report reads them; the property test
// (fast-check, seeded) writes random steps with yaml's own stringify and checks, by parsing the
// result, that exactly the inputs changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { parseWorkflow, type SourceLine } from '../../../src/github/workflow.js';
import { fitOurStep, type FittedStep } from '../../../src/report/fit-fix.js';

const SEED = { seed: 42 } as const;

/** The source lines of step `index` of the first job of a workflow text. */
function stepSource(yaml: string, index = 0): readonly SourceLine[] {
  const source = parseWorkflow(yaml).jobs[0]!.steps[index]!.source;
  assert.ok(source, `step ${index} has its lines`);
  return source;
}

/** A workflow whose one job has these step lines (indented as given) under `steps:`. */
const workflow = (steps: string) => `on: push\njobs:\n  build:\n    steps:\n${steps}`;

function fitted(source: readonly SourceLine[], inputs: Record<string, string>): FittedStep {
  const fit = fitOurStep(source, inputs);
  assert.ok(fit, 'the step fits');
  return fit;
}

/** A step's text parsed alone: the `- ` column taken off every line. */
function parsedStep(text: string): Record<string, unknown> {
  const column = text.indexOf('-');
  const lines = text.split('\n').map((l) => l.slice(Math.min(column, l.length - l.trimStart().length)));
  const value = parse(lines.join('\n')) as unknown[];
  assert.equal(value.length, 1);
  return value[0] as Record<string, unknown>;
}

test('`- uses: x` without with: gets one at its key column, the inputs two deeper', () => {
  const yaml = workflow('      - uses: actions/checkout@v4\n      - uses: owner/sccache-guard@v1\n');
  const fit = fitted(stepSource(yaml, 1), { 'read-only': 'true' });
  assert.deepEqual(fit, {
    text: '      - uses: owner/sccache-guard@v1\n        with:\n          read-only: true',
    firstLine: 6,
    lastLine: 6,
  });
});

test('`- name: y` then `uses: x`: with: after the last line, at the keys’ column', () => {
  const yaml = workflow(
    '    - name: Set up sccache   # keeps its comment\n' +
      '      uses: owner/sccache-guard@v1\n' +
      '      env:\n' +
      '        A: 1\n' +
      '    - run: cargo build\n',
  );
  const fit = fitted(stepSource(yaml), { backend: 'local', 'sccache-version': '0.16.0   # pinned' });
  assert.equal(
    fit.text,
    '    - name: Set up sccache   # keeps its comment\n' +
      '      uses: owner/sccache-guard@v1\n' +
      '      env:\n' +
      '        A: 1\n' +
      '      with:\n' +
      '        backend: local\n' +
      '        sccache-version: 0.16.0   # pinned',
  );
  assert.deepEqual([fit.firstLine, fit.lastLine], [5, 8]);
});

test('an input the step has: its line gets the new value at its own indentation; other lines stay as written', () => {
  const yaml = workflow(
    '      - uses: owner/sccache-guard@v1 # ours\n' +
      '        with:   # inputs\n' +
      '            # four deeper, on purpose\n' +
      '            backend: gha       # was the default\n' +
      "            'cache-namespace': |\n" +
      '              two\n' +
      '              lines\n' +
      '\n' +
      '            job-label: linux   # stays\n' +
      '        id: sccache\n',
  );
  const source = stepSource(yaml);
  const fit = fitted(source, { backend: 'local', 'cache-namespace': '"" # or a fixed value' });
  assert.equal(
    fit.text,
    '      - uses: owner/sccache-guard@v1 # ours\n' +
      '        with:   # inputs\n' +
      '            # four deeper, on purpose\n' +
      '            backend: local\n' +
      '            \'cache-namespace\': "" # or a fixed value\n' +
      '\n' +
      '            job-label: linux   # stays\n' +
      '        id: sccache',
  );
  assert.deepEqual([fit.firstLine, fit.lastLine], [source[0]!.line, source.at(-1)!.line]);
});

test('a missing input goes after the with-block’s last line, at its indentation, before the next key', () => {
  const yaml = workflow(
    '      -\n' +
      '        uses: owner/sccache-guard@v1\n' +
      '        with:\n' +
      '          cache-namespace: x\n' +
      '          # the last line of the block\n' +
      '        # about env\n' +
      '        env:\n' +
      '          A: 1\n',
  );
  assert.equal(
    fitted(stepSource(yaml), { 'read-only': 'true', 'cache-namespace': 'y' }).text,
    '      -\n' +
      '        uses: owner/sccache-guard@v1\n' +
      '        with:\n' +
      '          cache-namespace: y\n' +
      '          # the last line of the block\n' +
      '          read-only: true\n' +
      '        # about env\n' +
      '        env:\n' +
      '          A: 1',
  );
});

test('with: first, on the `- ` line, and an empty with:', () => {
  const first = workflow('      - with:\n          backend: gha\n        uses: owner/sccache-guard@v1\n');
  assert.equal(
    fitted(stepSource(first), { 'read-only': 'true' }).text,
    '      - with:\n          backend: gha\n          read-only: true\n        uses: owner/sccache-guard@v1',
  );
  const empty = workflow('      - uses: owner/sccache-guard@v1\n        with:\n');
  assert.equal(
    fitted(stepSource(empty), { 'read-only': 'true' }).text,
    '      - uses: owner/sccache-guard@v1\n        with:\n          read-only: true',
  );
});

test('refused: flow style, aliases, merge keys, duplicate keys, a step that is not a `- ` item', () => {
  const refused = (steps: string, prefix = '') => {
    const yaml = `${prefix}${workflow(steps)}`;
    const step = parseWorkflow(yaml).jobs[0]!.steps.at(-1)!;
    return step.source === undefined || fitOurStep(step.source, { 'read-only': 'true' }) === undefined;
  };
  assert.ok(refused('      - uses: owner/sccache-guard@v1\n        with: {backend: gha}\n'));
  assert.ok(refused('      - uses: owner/sccache-guard@v1\n        with:\n          {backend: gha}\n'));
  assert.ok(refused('      - {uses: owner/sccache-guard@v1}\n'));
  assert.ok(refused('      - uses: owner/sccache-guard@v1\n        with: *inputs\n', 'x: &inputs {a: b}\n'));
  assert.ok(refused('      - uses: owner/sccache-guard@v1\n        <<: *base\n', 'x: &base {id: a}\n'));
  assert.ok(
    refused('      - uses: owner/sccache-guard@v1\n        with:\n          a: *v\n', 'x: &v value\n'),
  );
  assert.ok(
    refused('      - uses: owner/sccache-guard@v1\n        with:\n          ? read-only\n          : x\n'),
  );
  assert.ok(refused('      - uses: owner/sccache-guard@v1\n        with:\n          a: 1\n          a: 2\n'));
  assert.ok(
    refused(
      '      - uses: owner/sccache-guard@v1\n        with:\n          a: 1\n        with:\n          b: 2\n',
    ),
  );
  // A `|+` scalar keeps the blank lines after it, which the step's lines stop before.
  assert.ok(
    refused('      - uses: owner/sccache-guard@v1\n        env:\n          A: |+\n            a\n\n'),
  );
  // Lines handed in by hand: a tab in an indentation, no `- ` at all.
  const lines = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));
  assert.equal(fitOurStep(lines('- uses: x', '\twith:'), { a: 'b' }), undefined);
  assert.equal(fitOurStep(lines('uses: x'), { a: 'b' }), undefined);
  assert.equal(fitOurStep(lines('- uses: x'), {}), undefined);
  assert.equal(fitOurStep([], { a: 'b' }), undefined);
  // An input value that is not YAML cannot be checked: refused, never shown.
  assert.equal(fitOurStep(lines('- uses: x'), { a: '"unclosed' }), undefined);
});

// The property --------------------------------------------------------------------------------------

const INPUT_NAME = fc.constantFrom(
  'backend',
  'read-only',
  'cache-namespace',
  'sccache-version',
  'on-backend-failure',
  'job-label',
);
/** Input values as fixes write them: plain, quoted, with a trailing comment. */
const INPUT_VALUE = fc.constantFrom(
  'true',
  'local',
  'fail',
  '"" # or a fixed value',
  '0.16.0   # 0.15.0 on macOS and Windows',
  "'a: b'",
  '"x y"',
);
const VALUE = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 3 }).map((l) => `${l.join('\n')}\n`),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
);
const WITH_NAME = fc.oneof(INPUT_NAME, fc.constantFrom('extra', 'args'));
/** A step with our action, maybe a name, with: and env, keys in a random order. */
const STEP = fc
  .record(
    {
      name: fc.string({ maxLength: 20 }),
      id: fc.constantFrom('sccache', 'setup'),
      with: fc.dictionary(WITH_NAME, VALUE, { minKeys: 1, maxKeys: 4, noNullPrototype: true }),
      env: fc.dictionary(fc.constantFrom('A', 'B_C'), VALUE, { maxKeys: 2, noNullPrototype: true }),
    },
    { requiredKeys: [] },
  )
  .chain((rest) =>
    fc
      .shuffledSubarray([...Object.entries(rest), ['uses', 'owner/sccache-guard@v1']], {
        minLength: Object.keys(rest).length + 1,
      })
      .map((entries) => Object.fromEntries(entries) as Record<string, unknown>),
  );

test('property: the fitted step parses to the step with every input set and nothing else changed', () => {
  fc.assert(
    fc.property(
      STEP,
      fc.dictionary(INPUT_NAME, INPUT_VALUE, { minKeys: 1, maxKeys: 4, noNullPrototype: true }),
      fc.constantFrom(2, 4),
      fc.boolean(),
      (step, inputs, indent, indentSeq) => {
        const text = stringify(
          { on: 'push', jobs: { build: { steps: [{ uses: 'actions/checkout@v4' }, step] } } },
          { indent, indentSeq },
        );
        // A `|+` scalar keeps blank lines the step's source stops before: refused, tested above.
        fc.pre(!/: *[|>](\d?\+|\+\d)/.test(text));
        const source = parseWorkflow(text).jobs[0]!.steps[1]!.source;
        assert.ok(source, text);
        const fit = fitOurStep(source, inputs);
        assert.ok(fit, `no fit for\n${text}`);
        // The lines it replaces are the step's, and every untouched line is still there.
        assert.deepEqual([fit.firstLine, fit.lastLine], [source[0]!.line, source.at(-1)!.line]);
        const before = parsedStep(source.map((l) => l.text).join('\n'));
        const after = parsedStep(fit.text);
        const wanted = Object.fromEntries(
          Object.entries(inputs).map(([name, value]) => [name, (parse(`x: ${value}`) as { x: unknown }).x]),
        );
        assert.deepEqual(after, { ...before, with: { ...(before.with as object), ...wanted } });
        // Pasteable: no line lost its indentation, and no tab came in.
        for (const line of fit.text.split('\n')) assert.ok(!line.includes('\t'));
        assert.ok(fit.text.split('\n').every((l) => l === '' || /^ /.test(l)));
      },
    ),
    { ...SEED, numRuns: 300 },
  );
});
