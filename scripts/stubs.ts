// `npm run stubs`: regenerates the learner files in exercises/ from solutions/, or checks they are current.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCourses, MetadataError } from '../grader/course/course-metadata.js';
import { generateCourse, typeCheck, type GeneratedFiles } from './stubs/generate-stubs.js';
import { SourceError } from './stubs/source-error.js';
import { planWrites, writeAll } from './stubs/write-outputs.js';

const USAGE = `usage: npm run stubs -- [--check] [--force] [--variant NAME --out DIR] [course ...]
  --check          exit 1 (listing the files) when exercises/ is not what solutions/ generates
  --force          overwrite learner files that were edited since they were generated
  --variant NAME   generate another variant (a label used in // Hide: markers); needs --out
  --out DIR        where the variant goes (one folder per course inside it)`;

function main(): number {
  const root = resolve(import.meta.dirname, '..');
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { check: { type: 'boolean' }, force: { type: 'boolean' }, variant: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const variant = values.variant?.toLowerCase() ?? 'normal';
  if (variant !== 'normal' && !values.out) {
    console.error(`--variant ${variant} needs --out DIR, so that exercises/ keeps the normal variant\n${USAGE}`);
    return 2;
  }
  const courses = loadCourses(root).filter((c) => positionals.length === 0 || positionals.includes(c.id));
  const unknown = positionals.filter((id) => !courses.some((c) => c.id === id));
  if (unknown.length > 0) {
    console.error(`no course named ${unknown.join(', ')} (courses: ${loadCourses(root).map((c) => c.id).join(', ')})`);
    return 2;
  }
  const outRoot = values.out ? resolve(values.out) : join(root, 'exercises');
  const generated: GeneratedFiles = new Map();
  for (const course of courses) {
    const outDir = join(outRoot, course.id).slice(root.length + 1);
    for (const [path, text] of generateCourse(root, course, { variant, outDir })) generated.set(path, text);
  }
  typeCheck(root, generated);

  const manifestRoot = outRoot.slice(root.length + 1);
  const plan = planWrites(root, manifestRoot, generated);
  if (values.check) {
    const stale = [...plan.write, ...plan.edited];
    if (stale.length === 0) {
      console.log(`stubs are up to date (${plan.unchanged.length} files)`);
      return 0;
    }
    console.error(`these files are not what solutions/ generates; run \`npm run stubs\`:\n${stale.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  if (plan.edited.length > 0 && !values.force) {
    console.error(
      `refusing to overwrite files edited since they were generated (a learner's work?):\n${plan.edited.map((p) => `  ${p}`).join('\n')}\n` +
        'nothing was written. Save that work elsewhere, then run `npm run stubs -- --force` to overwrite.',
    );
    return 1;
  }
  writeAll(root, manifestRoot, generated, [...plan.write, ...plan.edited]);
  console.log(`stubs: ${plan.write.length + plan.edited.length} written, ${plan.unchanged.length} unchanged (${variant} variant in ${manifestRoot}/)`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof SourceError || error instanceof MetadataError) {
    console.error(`error: ${error.message}\nnothing was written.`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
