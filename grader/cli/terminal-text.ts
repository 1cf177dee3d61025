// Text that comes from a learner's code or files (an exception message, what the code printed, an entry's name) is
// shown in a terminal only with its control characters replaced: an escape sequence could otherwise move the cursor,
// erase a verdict and write another in its place, or retitle the window; a carriage return could overwrite a line,
// and a bidirectional override reorder one.

/** C0 and C1 controls but the line break, and Unicode's bidirectional embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- the control characters are what is replaced
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with a tab as two spaces and every other control character but the line break shown as U+FFFD. */
export function terminalSafe(text: string): string {
  return text.replaceAll('\t', '  ').replace(CONTROLS, '\ufffd');
}
