// The README of a student kit: how to start, what to edit, how to check, in the order a learner needs it.
import { DEFAULT_TEXTS, qualifiedId, type Course, type CourseTexts } from '../../grader/course/course-metadata.js';
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

/** `words` joined as a reader says them: "a", "a and b", "a, b and c". */
const spoken = (words: string[]): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

/** `text` in lines of at most `width` characters (a longer word stands alone), each after `indent`. */
function wrapped(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.map((line) => `${indent}${line}`).join('\n');
}

const WIDTH = 116;

/**
 * The README's opening: one course's title, what it teaches and what its site shows; for several, their titles,
 * then each course in a bullet of its own (two courses' sentences run together read as one garbled sentence).
 */
function opening(courses: Course[], texts: (c: Course) => CourseTexts): string {
  const install = 'npm install && npm run grade     # set up, then see your scorecard and what to do next';
  if (courses.length === 1) {
    const [course] = courses as [Course];
    return `# ${course.title}

\`\`\`sh
${install}
npm run site                     # ${texts(course).readmeSite}
\`\`\`

${course.summary}`;
  }
  const bullets = courses.map((c) =>
    wrapped(
      `**${c.title}** (\`exercises/${c.id}/\`). ${c.summary} On the site: ${texts(c).readmeSite}.`,
      WIDTH,
      '  ',
    ).replace(/^ {2}/, '- '),
  );
  return `# ${spoken(courses.map((c) => c.title))}

\`\`\`sh
${install}
npm run site                     # every course in the browser
\`\`\`

This kit holds ${courses.length} courses, each with its own folder of exercises:

${bullets.join('\n')}`;
}

/**
 * Step 3, how to check, with what a failing exercise tells the learner: in the step's own words for one course, or
 * where all say the same; else a bullet each.
 */
function checkStep(courses: Course[], texts: (c: Course) => CourseTexts): string {
  const how =
    '`npm run grade <exercise>` checks one exercise, `npm run grade` all of them; `npm run watch` grades again ' +
    'every time you save.';
  const said = courses.map((c) => texts(c).readmeFeedback);
  if (new Set(said).size <= 1) return wrapped(`${how} ${said[0] ?? ''}`, WIDTH - 3, '   ').replace(/^ {3}/, '3. ');
  const each = courses.map((c, i) => wrapped(`${c.title}: ${said[i]}`, WIDTH - 5, '     ').replace(/^ {5}/, '   - '));
  return [wrapped(how, WIDTH - 3, '   ').replace(/^ {3}/, '3. '), ...each].join('\n');
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
  return `${opening(courses, texts)}

You need Node.js 20.19, 22.12 or 24 or later (a long-term-support line; 24 is the current one): \`node --version\` tells which you have, and every command says so if it is older.

## How to work

1. Open the site (\`npm run site\`) and read the concepts, then the page of the first exercise.
2. Edit the file it names: replace the \`// TODO\` and the \`throw new Error('not implemented yet: …')\`.
   Only the files in the table below are graded (and handed in): keep your code in them. The other files of
   \`exercises/\` are the kit's, and grading uses its own copies of them.
${checkStep(courses, texts)}${qualified ? '\n   Where two courses share an exercise id, name it with its course: `<course>/<id>`.' : ''}
4. Stuck? \`npm run hint <exercise>\` reveals a hint at a time. \`console.log\` in your code helps too: the
   scorecard shows what it printed under the test that failed. The grader runs your code and judges what it
   does, not its types: \`npm run typecheck\` shows TypeScript's errors in your files (your editor shows them too).
5. Want to start an exercise over? \`npm run reset <exercise>\` restores its starting file (yours is kept in
   \`.grade/backups/\`).
${revealStep(courses)}
| exercise | file | |
| --- | --- | --- |
${rows.join('\n')}

When a new version of ${courses.length === 1 ? 'the course' : 'the courses'} comes out, \`npm run update -- <path of the new kit (.tgz or folder)>\` brings
it in without touching your exercise files.
`;
}
