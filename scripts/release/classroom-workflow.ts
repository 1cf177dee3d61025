// The GitHub Classroom workflow of a student kit: one autograding step per exercise, worth its points,
// running the same command a student runs.
import { qualifiedId, type Course, type Exercise } from '../../grader/course/course-metadata.js';

/** The command of an exercise's step: the one a student types, with the exercise's `<course>/<id>`. */
export function classroomCommand(exercise: Exercise): string {
  return `npm run grade -- ${qualifiedId(exercise)}`;
}

/** A step id unique across courses, in the letters GitHub allows. */
const stepId = (exercise: Exercise): string => `${exercise.course}-${exercise.id}`;

export function classroomWorkflow(courses: Course[]): string {
  const exercises = courses.flatMap((c) => c.exercises);
  const step = (e: Exercise) => `      - name: ${qualifiedId(e)}
        id: ${stepId(e)}
        uses: classroom-resources/autograding-command-grader@v1
        with:
          test-name: ${qualifiedId(e)}
          command: ${classroomCommand(e)}
          timeout: 5
          max-score: ${e.points}`;
  const env = exercises
    .map(
      (e) =>
        `          ${stepId(e).toUpperCase().replace(/-/g, '_')}_RESULTS: "\${{ steps.${stepId(e)}.outputs.result }}"`,
    )
    .join('\n');
  return `# Grades every push with the kit's own grader; each exercise is worth its points (courses/*/info.toml).
name: Autograding
on: [push, workflow_dispatch]
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  grade:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 24
      - run: npm ci
${exercises.map(step).join('\n')}
      - name: Report
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
${env}
        with:
          runners: ${exercises.map(stepId).join(',')}
`;
}
