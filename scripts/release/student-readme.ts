// The README of a student kit: how to start, what to edit, how to check, in the order a learner needs it.
import { DEFAULT_TEXTS, qualifiedId, type Course } from '../../grader/course/course-metadata.js';
import { shortName } from '../../grader/course/find-exercise.js';

/** Step 6, only where the instructor lets passing learners see official solutions (revealSolutions). */
function revealStep(courses: Course[]): string {
  const all = courses.flatMap((c) => c.exercises);
  const revealed = courses.flatMap((c) =>
    (c.revealSolutions ?? []).map((id) =>
      shortName(
        c.exercises.find((e) => e.id === id)!,
        all,
      ),
    ),
  );
  if (revealed.length === 0) return '';
  return `6. Done with an exercise? Once it passes, \`npm run reveal <exercise>\` puts its official solution in
   \`.grade/solutions/\` (your files are not touched) to compare with yours. It opens only for code that passes,
   and only for ${revealed.map((id) => `\`${id}\``).join(', ')}.
`;
}

/**
 * What each course says at one place of the README: once where they all say the same, else each after its
 * course's title (two courses' sentences run together read as one garbled sentence).
 */
function eachCourse(courses: Course[], text: (c: Course) => string, separator: string): string {
  const said = courses.map(text);
  if (new Set(said).size <= 1) return said[0] ?? '';
  return courses.map((c, i) => `${c.title}: ${said[i]}`).join(separator);
}

export function studentReadme(courses: Course[]): string {
  const all = courses.flatMap((c) => c.exercises);
  const rows = all.map(
    (e) =>
      `| \`${shortName(e, all)}\` | \`exercises/${e.course}/${e.files[0]}\` | ${e.title}${e.bonus ? ' (bonus)' : ''} |`,
  );
  const texts = (c: Course) => c.texts ?? DEFAULT_TEXTS;
  // Shared ids need their course: the table says what to type.
  const qualified = all.some((e) => shortName(e, all) === qualifiedId(e));
  return `# ${courses.map((c) => c.title).join(', ')}

\`\`\`sh
npm install && npm run grade     # set up, then see your scorecard and what to do next
npm run site                     # ${eachCourse(courses, (c) => texts(c).readmeSite, '; ')}
\`\`\`

${courses.map((c) => c.summary).join('\n\n')}

You need Node.js 20.19, 22.12 or 24 or later (a long-term-support line; 24 is the current one): \`node --version\` tells which you have, and every command says so if it is older.

## How to work

1. Open the site (\`npm run site\`) and read the concepts, then the page of the first exercise.
2. Edit the file it names: replace the \`// TODO\` and the \`throw new Error('not implemented yet: …')\`.
3. \`npm run grade <exercise>\` checks one exercise, \`npm run grade\` all of them; \`npm run watch\` grades again
   every time you save. ${eachCourse(courses, (c) => texts(c).readmeFeedback, ' ')}${qualified ? '\n   Where two courses share an exercise id, name it with its course: `<course>/<id>`.' : ''}
4. Stuck? \`npm run hint <exercise>\` reveals a hint at a time. The grader runs your code and judges what it
   does, not its types: \`npm run typecheck\` shows TypeScript's errors in your files (your editor shows them too).
5. Want to start an exercise over? \`npm run reset <exercise>\` restores its starting file (yours is kept in
   \`.grade/backups/\`).
${revealStep(courses)}
| exercise | file | |
| --- | --- | --- |
${rows.join('\n')}

When a new version of the course comes out, \`npm run update -- <path of the new kit (.tgz or folder)>\` brings
it in without touching your exercise files.
`;
}
