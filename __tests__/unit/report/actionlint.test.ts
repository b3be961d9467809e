// The workflow fixtures are workflows GitHub would run: actionlint (https://github.com/rhysd/actionlint)
// has nothing to say about any of them, and uses-this-action.yml passes every input action.yml
// declares, each accepted by actionlint's check of `uses: ./` against action.yml. Nor has it anything
// to say about this repository's own workflows (.github/workflows: CI, whose self-test runs `uses: ./`).
//
// actionlint checks a local action (`uses: ./`) or a local reusable workflow only inside a project:
// a directory with both `.git` and `.github/workflows` (its project.go), the one a linted file is in.
// Run from the repository root, that is this repository for its own workflows and for the fixtures,
// so `uses: ./` is checked against action.yml; a control with an input action.yml does not declare
// proves it. The reusable-workflow fixtures (repo/.github/workflows/) call files of their own
// repository, not of this one: those tests lint a copy of them inside a throwaway project whose
// `action.yml` and `dist/` are links to this repository's.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = '__tests__/fixtures/workflows';
const WORKFLOWS = '.github/workflows';

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The bootstrap's pinned build first (.tools/bin), then PATH, then `go install`'s default place. */
function findActionlint(): string | undefined {
  const candidates = [
    join(ROOT, '.tools/bin/actionlint'),
    ...(process.env['PATH'] ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'actionlint')),
    '/root/go/bin/actionlint',
  ];
  return candidates.find(executable);
}

const ACTIONLINT = findActionlint();
const SKIP = ACTIONLINT
  ? false
  : 'actionlint not found (.tools/bin/actionlint, PATH, /root/go/bin/actionlint): run scripts/bootstrap.sh';

/** Every workflow fixture, relative to DIR. */
const FIXTURES = readdirSync(join(ROOT, DIR), { recursive: true, encoding: 'utf8' })
  .map((f) => f.split('\\').join('/'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

/** This repository's workflows, relative to the root. */
const OWN = readdirSync(join(ROOT, WORKFLOWS))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => `${WORKFLOWS}/${f}`);

/**
 * actionlint's report (empty when clean) and exit code. shellcheck and pyflakes join in when on PATH.
 * With `stdin`, that text is linted as if it were the file `files[0]` (its project is that file's).
 */
function actionlint(
  cwd: string,
  files: readonly string[],
  stdin?: string,
): { status: number | null; output: string } {
  const args = stdin === undefined ? files : ['-stdin-filename', files[0]!, '-'];
  const result = spawnSync(ACTIONLINT!, ['-no-color', ...args], { cwd, encoding: 'utf8', input: stdin });
  assert.equal(result.error, undefined, String(result.error));
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function assertClean(result: { status: number | null; output: string }, what: string): void {
  assert.equal(result.output, '', `actionlint on ${what}:\n${result.output}`);
  assert.equal(result.status, 0, what);
}

/**
 * A throwaway project (.git, .github/workflows) holding copies of the given fixtures, with this
 * repository's action.yml and dist/ (which actionlint checks runs.main and runs.post against).
 */
async function project(files: Readonly<Record<string, string>>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'sccache-guard-actionlint-'));
  await mkdir(join(root, '.git'));
  await mkdir(join(root, '.github', 'workflows'), { recursive: true });
  await symlink(join(ROOT, 'action.yml'), join(root, 'action.yml'));
  await symlink(join(ROOT, 'dist'), join(root, 'dist'), 'dir');
  for (const [name, yaml] of Object.entries(files)) {
    await writeFile(join(root, '.github', 'workflows', name), yaml);
  }
  return root;
}

const fixture = (file: string): string => readFileSync(join(ROOT, DIR, file), 'utf8');
const REUSABLE = 'repo/.github/workflows/';

test('the fixtures include those with local references', () => {
  for (const name of [
    'uses-this-action.yml',
    `${REUSABLE}reusable-build.yml`,
    `${REUSABLE}reusable-caller.yml`,
  ])
    assert.ok(FIXTURES.includes(name), name);
  assert.ok(FIXTURES.length >= 10, FIXTURES.join(', '));
});

test(
  'actionlint reports nothing on any workflow fixture, run from the repository root',
  { skip: SKIP },
  () => {
    // The reusable-workflow fixtures are linted in a project of their own, below.
    for (const file of FIXTURES.filter((f) => !f.startsWith(REUSABLE)))
      assertClean(actionlint(ROOT, [`${DIR}/${file}`]), file);
  },
);

test(
  "actionlint reports nothing on this repository's workflows, run from the repository root",
  { skip: SKIP },
  () => {
    assert.ok(OWN.includes(`${WORKFLOWS}/ci.yml`), OWN.join(', '));
    assertClean(actionlint(ROOT, OWN), OWN.join(', '));
  },
);

test(
  "actionlint checks the workflows' `uses: ./` against action.yml, run from the repository root",
  { skip: SKIP },
  () => {
    const file = `${WORKFLOWS}/ci.yml`;
    const yaml = readFileSync(join(ROOT, file), 'utf8');
    const step = /^( *)uses: \.\/\n\1with:\n/m.exec(yaml);
    assert.ok(step, `${file} has a \`uses: ./\` step with inputs`);
    const indent = `${step[1]}  `;
    const broken = yaml.replace(step[0], `${step[0]}${indent}no-such-input: x\n`);
    assertClean(actionlint(ROOT, [file], yaml), `${file} through stdin`);
    const { status, output } = actionlint(ROOT, [file], broken);
    assert.equal(status, 1, output);
    assert.match(output, /ci\.yml:\d+:\d+: input "no-such-input" is not defined in action "sccache-guard"/);
    assert.equal(output.match(/^\S+:\d+:\d+: /gm)?.length, 1, output);
  },
);

test(
  'actionlint checks `uses: ./` and the local reusable workflow call inside a project, and they are clean',
  { skip: SKIP },
  async (t) => {
    const root = await project({
      'uses-this-action.yml': fixture('uses-this-action.yml'),
      'reusable-build.yml': fixture(`${REUSABLE}reusable-build.yml`),
      'reusable-caller.yml': fixture(`${REUSABLE}reusable-caller.yml`),
    });
    t.after(() => rm(root, { recursive: true, force: true }));
    // No arguments: actionlint lints the project's .github/workflows, as in a real repository.
    assertClean(actionlint(root, []), 'the fixtures in a project');

    // The control: the same files with an input neither action.yml nor the callee declares.
    const broken = await project({
      'uses-this-action.yml': fixture('uses-this-action.yml').replace(
        '          backend: gha\n',
        '          backend: gha\n          no-such-input: x\n',
      ),
      'reusable-build.yml': fixture(`${REUSABLE}reusable-build.yml`),
      'reusable-caller.yml': fixture(`${REUSABLE}reusable-caller.yml`).replace(
        '      profile: release\n',
        '      profile: release\n      no-such-input: x\n',
      ),
    });
    t.after(() => rm(broken, { recursive: true, force: true }));
    const { status, output } = actionlint(broken, []);
    assert.equal(status, 1, output);
    assert.match(
      output,
      /uses-this-action\.yml:\d+:\d+: input "no-such-input" is not defined in action "sccache-guard"/,
    );
    assert.match(
      output,
      /reusable-caller\.yml:\d+:\d+: input "no-such-input" is not defined in "\.\/\.github\/workflows\/reusable-build\.yml" reusable workflow/,
    );
    assert.equal(output.match(/^\S+:\d+:\d+: /gm)?.length, 2, output);
  },
);

test("uses-this-action.yml passes exactly action.yml's inputs", () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
  const workflow = parse(fixture('uses-this-action.yml')) as {
    jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
  const ours = steps.filter((step) => step.uses === './');
  // One step with the general inputs, and one per shared store with that store's own inputs (an
  // input of another store's is refused by setup).
  assert.equal(ours.length, 4, 'four `uses: ./` steps: the GitHub cache, S3, Redis, WebDAV');
  const given = [...new Set(ours.flatMap((step) => Object.keys(step.with ?? {})))].sort();
  const declared = Object.keys(action.inputs).sort();
  assert.deepEqual(given, declared, 'a new input of action.yml needs a value in uses-this-action.yml');
});
