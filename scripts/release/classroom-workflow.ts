// The GitHub Classroom workflow of a student kit: one autograding step per exercise, worth its points,
// running the same command a student runs.
import type { Course } from '../../grader/course/course-metadata.js';

export function classroomCommand(id: string): string {
  return `npm run grade -- ${id}`;
}

export function classroomWorkflow(courses: Course[]): string {
  const exercises = courses.flatMap((c) => c.exercises);
  const step = (id: string, points: number) => `      - name: ${id}
        id: ${id}
        uses: classroom-resources/autograding-command-grader@v1
        with:
          test-name: ${id}
          command: ${classroomCommand(id)}
          timeout: 5
          max-score: ${points}`;
  const env = exercises.map((e) => `          ${e.id.toUpperCase().replace(/-/g, '_')}_RESULTS: "\${{ steps.${e.id}.outputs.result }}"`).join('\n');
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
${exercises.map((e) => step(e.id, e.points)).join('\n')}
      - name: Report
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
${env}
        with:
          runners: ${exercises.map((e) => e.id).join(',')}
`;
}
