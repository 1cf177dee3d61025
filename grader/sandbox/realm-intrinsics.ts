// The built-ins the drivers use to read what learner code left, taken when the drivers load, before any learner
// module does: learner code may replace the globals and their methods afterwards (Object.is, Array.from, Number,
// a Set's has), never these.
const { call } = Function.prototype;
/** `method` called on any receiver, through a `call` bound now: method.call(self, …args). */
const uncurry = <A extends unknown[], R>(method: (...args: A) => R) =>
  call.bind(method) as unknown as (self: unknown, ...args: A) => R;

export const objectIs = Object.is;
export const arrayFrom = Array.from.bind(Array) as typeof Array.from;
export const toNumber = Number;
export const setHas = uncurry(Set.prototype.has) as (set: Set<unknown>, value: unknown) => boolean;
export const setAdd = uncurry(Set.prototype.add) as (set: Set<unknown>, value: unknown) => Set<unknown>;
export const setSize = uncurry(Object.getOwnPropertyDescriptor(Set.prototype, 'size')!.get!) as (
  set: Set<unknown>,
) => number;
