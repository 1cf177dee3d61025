// Reads an optimizer instance's numeric state by looking at its own properties, whatever the learner named them:
// the page can show the learner's velocity or running averages without knowing any optimizer's formula.

const SKIPPED = new Set(['parameters']);

export function numericFields(optimizer: object): Record<string, number | number[]> {
  const fields: Record<string, number | number[]> = {};
  for (const name of Object.getOwnPropertyNames(optimizer)) {
    if (SKIPPED.has(name)) continue;
    const value: unknown = (optimizer as Record<string, unknown>)[name];
    if (typeof value === 'number') fields[name] = value;
    else if (value instanceof Float64Array || value instanceof Float32Array) fields[name] = Array.from(value);
    else if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'number'))
      fields[name] = [...(value as number[])];
  }
  return fields;
}
