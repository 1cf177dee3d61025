// Adversarial: keeps a value on the prototype of V8's call sites, reached through Error.prepareStackTrace.
export function act(): number {
  const E = Error as any;
  const before = E.prepareStackTrace;
  E.prepareStackTrace = (_e: unknown, sites: object[]) => sites;
  const sites = new Error().stack as unknown as object[];
  E.prepareStackTrace = before;
  Object.defineProperty(Object.getPrototypeOf(sites[0]), "seen", { value: [0.123456789], configurable: true });
  return 1;
}
