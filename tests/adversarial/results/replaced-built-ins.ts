// Adversarial: replaces what a runner would use to write and read JSON after learner code has loaded: JSON itself,
// and Number.isFinite (a NaN would then leave as null).
const forged = { value: { steps: [[1, 1]], nan: 0, infinite: 0 }, calls: [] };
JSON.stringify = (() => JSON_TEXT) as typeof JSON.stringify;
const JSON_TEXT = `{"value":{"steps":[[1,1]],"nan":0,"infinite":0},"calls":[]}`;
JSON.parse = (() => forged) as typeof JSON.parse;
Number.isFinite = () => true;
export const act = () => ({ steps: [[1, 2], [3, 4]], nan: NaN, infinite: -Infinity });
export const second = () => "second";
