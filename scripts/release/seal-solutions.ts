// The release step behind `revealSolutions`: for each exercise a course reveals, run its probe on solutions/, derive
// the key from the results, and write the exercise's official solution, encrypted under it, into the kit.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Course, Exercise } from '../../grader/course/course-metadata.js';
import {
  acceptedDeviation,
  buckets,
  probeNumbers,
  quantize,
  resultShape,
  revealKey,
} from '../../grader/reveal/reveal-key.js';
import { runProbe } from '../../grader/reveal/run-probe.js';
import { seal, sealedSolutionPath, type SealedSolution } from '../../grader/reveal/sealed-solution.js';
import type { JobResult } from '../../grader/sandbox/sandbox-protocol.js';
import { generateFile } from '../stubs/generate-stubs.js';

export class SealError extends Error {}

/**
 * Seals one exercise from its probe's official results (pure but for the random IV). Every number must be finite
 * (a key cannot come from NaN), and anything the grader accepts around it must fall in the official bucket.
 */
export function sealExercise(
  course: Course,
  exercise: Exercise,
  results: JobResult[],
  files: Record<string, string>,
): SealedSolution {
  const where = `courses/${course.id}/info.toml: the reveal probe of "${exercise.id}"`;
  const shape = resultShape(results);
  results.forEach((result, i) => {
    const bad = probeNumbers([result], [shape[i]!]).find((v) => !Number.isFinite(v));
    if (bad !== undefined)
      throw new SealError(
        `${where} gives ${bad} in job ${i + 1} on the official solution; change its inputs so that every number stays finite`,
      );
  });
  const values = probeNumbers(results, shape);
  if (values.length === 0)
    throw new SealError(
      `${where} gives no number on the official solution, so no key can be derived from it; give it jobs that compute numbers`,
    );
  const quantization = quantize(values);
  const official = buckets(values, quantization);
  // By construction each official value sits at the centre of its bucket; this guards the construction itself.
  for (const sign of [-1, 1]) {
    const shifted = buckets(
      values.map((v) => v + sign * acceptedDeviation(v)),
      quantization,
    );
    const edge = shifted.findIndex((b, i) => b !== official[i]);
    if (edge >= 0)
      throw new SealError(
        `${where}: number ${edge + 1} (${values[edge]}) sits too close to a bucket edge for the grader's tolerance`,
      );
  }
  return seal(files, revealKey(course.id, exercise.id, official), {
    course: course.id,
    exercise: exercise.id,
    probe: exercise.revealProbe,
    shape,
    ...quantization,
  });
}

/** The exercise's own files as the official solution: markers removed, hidden code kept (`--variant solution`). */
function solutionFiles(root: string, course: Course, exercise: Exercise): Record<string, string> {
  return Object.fromEntries(
    exercise.files.map((name) => {
      const file = join('solutions', course.id, name);
      return [name, generateFile(readFileSync(join(root, file), 'utf8'), file, course.labels, 'solution')];
    }),
  );
}

/** Writes grader/reveal/<course>/<exercise>.json into `kit` for every revealed exercise; returns their names. */
export async function sealSolutions(root: string, kit: string, courses: Course[]): Promise<string[]> {
  const sealed: string[] = [];
  for (const course of courses) {
    for (const id of course.revealSolutions ?? []) {
      const exercise = course.exercises.find((e) => e.id === id)!;
      const run = await runProbe(root, join(root, 'solutions'), 'solutions', exercise, exercise.revealProbe);
      if (run.problem !== undefined)
        throw new SealError(
          `courses/${course.id}/info.toml: the reveal probe of "${id}" fails on the official solution: ${run.problem}`,
        );
      const path = join(kit, sealedSolutionPath(course.id, id));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(
        path,
        `${JSON.stringify(sealExercise(course, exercise, run.results, solutionFiles(root, course, exercise)))}\n`,
      );
      sealed.push(`${course.id}/${id}`);
    }
  }
  return sealed;
}
