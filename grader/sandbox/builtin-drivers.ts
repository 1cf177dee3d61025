// The drivers every course has without writing any: what any exercise whose answer is plain data needs.
import { defineDrivers, learnerCall, LearnerThrew } from './driver.js';
import { plainCopy } from './plain-json.js';

export const builtinDrivers = defineDrivers({
  /**
   * Calls an exported function with plain JSON arguments: its value, read as JSON here (its own data properties
   * only), so that a value JSON cannot carry throws in the learner's name. `calls` is empty: no function travels (a
   * course's own `call` may build some).
   */
  async call(input: { module: string; exportName: string; args?: unknown[] }, context) {
    const exported = (await context.load(input.module, input.exportName)) as (...args: unknown[]) => unknown;
    const during = `${input.exportName}()`;
    if (typeof exported !== 'function')
      throw new LearnerThrew(`loading ${input.module}`, new Error(`it exports no function ${input.exportName}`));
    const value = learnerCall(during, () => exported(...(input.args ?? [])));
    const plain = learnerCall(during, () => plainCopy(value));
    return { value: plain as unknown, calls: [] as number[] };
  },
});
