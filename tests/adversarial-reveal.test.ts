// `npm run reveal` against links planted in its way: a symbolic link at any part of .grade/solutions/<course>/<file>
// (or a file where a folder should be) would make the official solution overwrite the learner's own work. Each
// attack is built at test time, first against the writer in-process, then against the command run as a learner
// runs it in a copy of the kit; the learner's files must stay byte for byte as they were.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadCourse } from '../grader/course/course-metadata.js';
import { UnsafePathError, writeAtomically, type FoundInstead } from '../grader/files/write-atomically.js';
import { officialPath } from '../grader/reveal/solution-destination.js';
import { sealSolutions } from '../scripts/release/seal-solutions.js';
import { KIT_ROOT, makeSandbox, snapshot } from './kit-sandbox.js';

const COURSE = 'optimizers';
const LEARNER = join('exercises', COURSE, 'sgd.ts');
const OFFICIAL = officialPath(COURSE, 'sgd.ts');

/** One way to get in the way of .grade/solutions/optimizers/sgd.ts, planted in `kit`, and what must be refused. */
interface Attack {
  name: string;
  plant(kit: string): void;
  /** The part the refusal names, and what it found there. */
  part: string;
  found: FoundInstead;
}

const ATTACKS: Attack[] = [
  {
    name: '.grade is a link to exercises/',
    part: '.grade',
    found: 'symbolic link',
    plant: (kit) => symlinkSync('exercises', join(kit, '.grade'), 'dir'),
  },
  {
    name: '.grade/solutions is a link to exercises/',
    part: '.grade/solutions',
    found: 'symbolic link',
    plant: (kit) => {
      mkdirSync(join(kit, '.grade'));
      symlinkSync(join('..', 'exercises'), join(kit, '.grade', 'solutions'), 'dir');
    },
  },
  {
    name: 'the course folder is a link to exercises/optimizers',
    part: `.grade/solutions/${COURSE}`,
    found: 'symbolic link',
    plant: (kit) => {
      mkdirSync(join(kit, '.grade', 'solutions'), { recursive: true });
      symlinkSync(join('..', '..', 'exercises', COURSE), join(kit, '.grade', 'solutions', COURSE), 'dir');
    },
  },
  {
    name: "the course folder is an absolute link to the learner's folder",
    part: `.grade/solutions/${COURSE}`,
    found: 'symbolic link',
    plant: (kit) => {
      mkdirSync(join(kit, '.grade', 'solutions'), { recursive: true });
      symlinkSync(join(kit, 'exercises', COURSE), join(kit, '.grade', 'solutions', COURSE), 'dir');
    },
  },
  {
    name: "the file is a link to the learner's sgd.ts",
    part: OFFICIAL,
    found: 'symbolic link',
    plant: (kit) => {
      mkdirSync(join(kit, '.grade', 'solutions', COURSE), { recursive: true });
      symlinkSync(join('..', '..', '..', LEARNER), join(kit, OFFICIAL));
    },
  },
  {
    name: 'the file is a dangling link into exercises/ (following it would create a file there)',
    part: OFFICIAL,
    found: 'symbolic link',
    plant: (kit) => {
      mkdirSync(join(kit, '.grade', 'solutions', COURSE), { recursive: true });
      symlinkSync(join('..', '..', '..', 'exercises', COURSE, 'planted.ts'), join(kit, OFFICIAL));
    },
  },
  {
    name: '.grade is a file',
    part: '.grade',
    found: 'file',
    plant: (kit) => writeFileSync(join(kit, '.grade'), 'not a folder\n'),
  },
  {
    name: 'the file is a folder',
    part: OFFICIAL,
    found: 'folder',
    plant: (kit) => mkdirSync(join(kit, OFFICIAL), { recursive: true }),
  },
];

/** Every file below exercises/ as bytes, so that "unchanged" means byte for byte, new files included. */
function bytesOf(kit: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(snapshot(join(kit, 'exercises'))).map(([path]) => [path, readFileSync(path).toString('base64')]),
  );
}

describe('the writer, with `within`, never writes through a link', () => {
  let kit: string;
  beforeEach(() => {
    kit = mkdtempSync(join(tmpdir(), 'reveal-links-'));
    mkdirSync(join(kit, 'exercises', COURSE), { recursive: true });
    writeFileSync(join(kit, LEARNER), "// the learner's own work\nexport class SGD {}\n");
    return () => rmSync(kit, { recursive: true, force: true });
  });

  test.each(ATTACKS.map((a) => [a.name, a] as const))(
    '%s: refused, naming the part; nothing written anywhere',
    (_, attack) => {
      attack.plant(kit);
      const before = bytesOf(kit);
      let error: unknown;
      try {
        writeAtomically(join(kit, OFFICIAL), 'the official solution\n', { within: kit });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(UnsafePathError);
      expect((error as UnsafePathError).path).toBe(join(kit, attack.part));
      expect((error as UnsafePathError).found).toBe(attack.found);
      expect(bytesOf(kit)).toEqual(before);
      // no temporary file left behind in any real folder the writer could reach
      const leftovers = readdirSync(kit, { recursive: true, withFileTypes: true }).filter((e) =>
        e.name.endsWith('.tmp'),
      );
      expect(leftovers).toEqual([]);
    },
  );

  test('without `within` the same link does overwrite the learner’s file: the attack is real', () => {
    ATTACKS.find((a) => a.part === `.grade/solutions/${COURSE}`)!.plant(kit);
    writeAtomically(join(kit, OFFICIAL), 'the official solution\n');
    expect(readFileSync(join(kit, LEARNER), 'utf8')).toBe('the official solution\n');
  });

  test('a hard link to the learner’s file is replaced by name: the official file is written, the learner’s kept', () => {
    mkdirSync(join(kit, '.grade', 'solutions', COURSE), { recursive: true });
    linkSync(join(kit, LEARNER), join(kit, OFFICIAL));
    const before = bytesOf(kit);
    writeAtomically(join(kit, OFFICIAL), 'the official solution\n', { within: kit });
    expect(readFileSync(join(kit, OFFICIAL), 'utf8')).toBe('the official solution\n');
    expect(bytesOf(kit)).toEqual(before);
  });

  test('real folders are created one by one, and an existing regular file is replaced', () => {
    writeAtomically(join(kit, OFFICIAL), 'first\n', { within: kit });
    writeAtomically(join(kit, OFFICIAL), 'second\n', { within: kit });
    expect(readFileSync(join(kit, OFFICIAL), 'utf8')).toBe('second\n');
    for (const part of ['.grade', '.grade/solutions', `.grade/solutions/${COURSE}`])
      expect(lstatSync(join(kit, part)).isDirectory()).toBe(true);
    expect(readdirSync(join(kit, '.grade', 'solutions', COURSE))).toEqual(['sgd.ts']);
  });

  test('a path outside `within` is a programming error, not a write', () => {
    expect(() => writeAtomically(join(kit, '..', 'elsewhere.ts'), 'x', { within: kit })).toThrow(/is not below/);
  });
});

describe('`npm run reveal sgd` in a copy of the kit, with correct code, against each planted link', () => {
  let sandbox: ReturnType<typeof makeSandbox>;
  const kit = () => sandbox.root;
  const reveal = () =>
    spawnSync('npm', ['run', '--silent', 'reveal', 'sgd'], {
      cwd: kit(),
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
  const mine = readFileSync(join(KIT_ROOT, 'tests', 'learner-variants', 'correct', 'sgd', 'for-of-entries.ts'));

  beforeAll(async () => {
    sandbox = makeSandbox();
    // The kit carries sgd's sealed solution, as a release with `revealSolutions = ["sgd"]` would make it.
    const course = { ...loadCourse(kit(), COURSE), revealSolutions: ['sgd'] };
    expect(await sealSolutions(kit(), kit(), [course])).toEqual([`${COURSE}/sgd`]);
    writeFileSync(join(kit(), LEARNER), mine);
    cpSync(join(kit(), 'exercises'), join(kit(), 'exercises.pristine'), { recursive: true });
  }, 180_000);
  afterAll(() => sandbox.dispose());
  // Each attack starts from the learner's untouched files and no .grade/, whatever the one before did.
  beforeEach(() => {
    rmSync(join(kit(), '.grade'), { recursive: true, force: true });
    rmSync(join(kit(), 'exercises'), { recursive: true, force: true });
    cpSync(join(kit(), 'exercises.pristine'), join(kit(), 'exercises'), { recursive: true });
  });

  test.each(ATTACKS.map((a) => [a.name, a] as const))(
    '%s: exit 1, the part named with what to do, the learner’s files unchanged',
    (_, attack) => {
      attack.plant(kit());
      const before = bytesOf(kit());
      const run = reveal();
      expect(run.status, run.stdout + run.stderr).toBe(1);
      expect(run.stderr).toContain(`Cannot reveal sgd: ${attack.part} is a ${attack.found}`);
      expect(run.stderr).toContain('Nothing was written, and your files were not changed.');
      expect(run.stderr).toContain(
        attack.found === 'symbolic link'
          ? `Remove the link: \`rm ${attack.part}\``
          : `\`mv ${attack.part} ${attack.part}.old\``,
      );
      expect(run.stdout).not.toMatch(/Unlocked/);
      expect(bytesOf(kit())).toEqual(before);
      expect(readFileSync(join(kit(), LEARNER))).toEqual(mine);
      if (attack.found === 'symbolic link') expect(readlinkSync(join(kit(), attack.part))).toBeTruthy(); // the link is the learner's to remove
    },
  );

  test('with nothing in the way the same code opens the solution: the refusals above are the links’ doing', () => {
    const run = reveal();
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`official solution of Stochastic gradient descent is in ${OFFICIAL}`);
    expect(readFileSync(join(kit(), OFFICIAL), 'utf8')).toContain('theta[i] -= this.learningRate * g[i]');
    expect(readFileSync(join(kit(), LEARNER))).toEqual(mine);
    expect(existsSync(join(kit(), 'exercises', COURSE, 'planted.ts'))).toBe(false);
  });
});
