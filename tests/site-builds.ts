// The builds of the site that the Chromium tests open, each made once per test run whichever files ask for it
// (tests/shared-builds.ts). A build holds every course, and each test looks at its own course's pages only, so
// one copy of the kit serves every course's solved pages and one every course's pages with mistakes.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCourses } from '../grader/course/course-metadata.js';
import type { SiteBuild } from '../site/scripts/build.js';
import { KIT_ROOT } from './kit-sandbox.js';
import { sharedBuild } from './shared-builds.js';
import { buildKitSite, copySolvedKit, type LearnerFiles } from './solved-kit.js';

/**
 * student and instructor: this kit as it is (its learner files the stubs), without and with the solutions shown;
 * solved: a copy whose learner files are every course's solutions; faulty: the same with the mistakes below.
 */
export type SiteName = 'student' | 'instructor' | 'solved' | 'faulty';

/** Replaces `from` by `to` in a solution's source, failing loudly if the solution no longer holds `from`. */
function edited(course: string, file: string, from: string, to: string): string {
  const source = readFileSync(join(KIT_ROOT, 'solutions', course, file), 'utf8');
  if (!source.includes(from)) throw new Error(`solutions/${course}/${file} no longer holds ${JSON.stringify(from)}`);
  return source.replace(from, to);
}

/** Learner files with mistakes, by course: the site must still build, and each page must say what went wrong. */
function mistakes(): LearnerFiles {
  return {
    // Files as they are mid-work: one that loops forever for some settings, one that does not parse, one whose class
    // was renamed.
    optimizers: {
      'momentum.ts': `import { gradientOf, type Parameter } from './parameter.js';
export class Momentum {
  constructor(private readonly parameters: Parameter, private readonly options: { learningRate: number; momentum: number }) {}
  step(): void {
    // Waits for a condition that never comes true once the learning rate is large.
    while (this.options.learningRate > 0.05) gradientOf(this.parameters);
    this.parameters.data[0] -= 0;
  }
  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
`,
      'adam.ts': `import { gradientOf, type Parameter } from './parameter.js';
export class Adam {
  constructor(private readonly parameters: Parameter) {}
  step( {{
}
`,
      'rmsprop.ts': `import type { Parameter } from './parameter.js';
export class RmsProp {
  constructor(private readonly parameters: Parameter) {}
  step(): void {}
  zeroGrad(): void {}
}
`,
    },
    backprop: {
      // A buggy engine: mul's local backward assigns its grads instead of adding to them.
      'value.ts': edited(
        'backprop',
        'value.ts',
        'this.grad += b.data * out.grad;\n      b.grad += this.data * out.grad;',
        'this.grad = b.data * out.grad;\n      b.grad = this.data * out.grad;',
      ),
      // A tanh that throws a TypeError of the kind a half-written function does.
      'nonlinearities.ts': edited(
        'backprop',
        'nonlinearities.ts',
        'const t = Math.tanh(a.data);',
        'const t = Math.tanh(a.data);\n  const missing: { data: number } | undefined = undefined;\n  if (t > -2) return new Value(missing!.data);',
      ),
      // A trainingStep that never returns.
      'nn.ts': edited(
        'backprop',
        'nn.ts',
        '  const { loss, accuracy } = hingeLoss(model, points, labels);',
        '  let spins = 0;\n  while (k >= 0) spins++;\n  const { loss, accuracy } = hingeLoss(model, points, labels);',
      ),
    },
  };
}

const BUILDS: Record<SiteName, (dir: string) => Promise<SiteBuild>> = {
  student: (dir) => buildKitSite(KIT_ROOT, join(dir, 'site')),
  instructor: (dir) => buildKitSite(KIT_ROOT, join(dir, 'site'), { instructor: true }),
  solved: (dir) => copyAndBuild(dir, Object.fromEntries(loadCourses(KIT_ROOT).map((course) => [course.id, {}]))),
  faulty: (dir) => copyAndBuild(dir, mistakes()),
};

function copyAndBuild(dir: string, courses: LearnerFiles): Promise<SiteBuild> {
  const kit = join(dir, 'kit');
  mkdirSync(kit);
  copySolvedKit(kit, courses);
  return buildKitSite(kit, join(dir, 'site'));
}

/** The build `name`, made by the first test file of the run to ask for it; the run's end removes it. */
export function sharedSite(name: SiteName): Promise<SiteBuild> {
  return sharedBuild(`site-${name}`, BUILDS[name]);
}
