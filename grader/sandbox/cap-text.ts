// Text the learner's code produced (an exception message, a file name, what it printed) reaches reports only cut
// to a length a report can carry.
export const MESSAGE_LIMIT = 2 * 1024;

export function capText(text: string, limit = MESSAGE_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (cut: ${text.length - limit} more characters)`;
}
