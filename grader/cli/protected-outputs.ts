// Where grade's --out may not write, whatever the file system allows: a report never replaces code (a learner's
// exercise above all), and a class's gradebook never goes into a submission, which it would change and drop.
import { lstatSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { MANIFEST } from './class-shards.js';
import { reportFileProblem } from '../files/replaceable-file.js';
import { isGradebook } from './submissions.js';
import { foreignContents, OutputPathError } from '../files/output-path.js';
import { pathBelow } from '../files/path-below.js';

/** `file` for a report of `format`, unless writing it would destroy work (see reportFileProblem). */
export function reportFile(file: string, shownAs: string, learnerFiles: string[], format: string): string {
  const problem = reportFileProblem(file, learnerFiles);
  if (problem)
    throw new OutputPathError(
      `--out ${shownAs}: ${problem}. Name a file of its own, e.g. --out report.${{ junit: 'xml', text: 'txt' }[format] ?? 'json'}`,
    );
  return file;
}

/**
 * Why a class's gradebook may not go to `out`, given the class in `submissions` (both absolute): inside the
 * submissions, only a folder directly in them that holds no submission (a new or empty one, or an earlier gradebook)
 * is left out of the class; anywhere deeper, the gradebook would change a student's files, or become a submission.
 */
export function gradebookFolderProblem(out: string, submissions: string): string | undefined {
  const inside = pathBelow(submissions, out);
  if (!inside) return undefined;
  const [first, ...deeper] = inside.split(sep);
  const entry = join(submissions, first!);
  // Not followed: a link where a submission would be is one (refused, but a row of the class).
  const stats = lstatSync(entry, { throwIfNoEntry: false });
  if (!stats)
    return deeper.length === 0
      ? undefined
      : `it would make ${first} in the submissions' folder, which the next run would grade as a submission`;
  const folder = stats.isDirectory();
  if (folder && isGradebook(entry)) return undefined;
  if (deeper.length > 0)
    return `it is inside ${first}, a submission of the class, whose files the gradebook would change`;
  if (folder && readdirSync(entry).length === 0) return undefined;
  return `it is ${first}, a submission of the class: the gradebook would change its files and leave its row out`;
}

/**
 * Why a class's gradebook may not go to `out` whatever the class: a folder holding files of another making, which the
 * reports (named after the students, whose names the students choose: `package.zip` reports to `package.json`)
 * could replace. A new or empty folder, or an earlier gradebook (see isGradebook), may hold it.
 */
export function gradebookContentsProblem(out: string): string | undefined {
  const shown = foreignContents(out, (held) => held.includes(MANIFEST));
  return (
    shown && `it holds files that are not a gradebook's (${shown}), which reports named after students could replace`
  );
}

/**
 * `out` for a class's gradebook, unless it would replace files of another making or meddle with a submission in
 * `submissions` (see gradebookContentsProblem and gradebookFolderProblem).
 */
export function gradebookFolder(
  out: string,
  shownAs: string,
  submissions?: { folder: string; shownAs: string },
): string {
  // The more telling reason first: a submission's folder also holds files of another making.
  const problem = submissions && gradebookFolderProblem(out, submissions.folder);
  if (problem)
    throw new OutputPathError(
      `--out ${shownAs}: ${problem}. Name a folder outside ${submissions.shownAs}, or a new one directly in it.`,
    );
  const contents = gradebookContentsProblem(out);
  if (contents)
    throw new OutputPathError(
      `--out ${shownAs}: ${contents}. Name a new or empty folder, or the folder of an earlier gradebook.`,
    );
  return out;
}
