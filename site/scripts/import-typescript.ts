// Loads a TypeScript module by a path known only at run time (a course's site plug-in, another kit's build script).
// scripts/launch.mjs, which compiled the command ahead, lends a TypeScript loader scoped to such modules and what they
// import; elsewhere (vitest, tsx) whatever loads TypeScript for import() does.

type Launched = { import?: (url: string) => Promise<unknown> } | undefined;

export function importTypeScript(url: string): Promise<unknown> {
  const launched = (globalThis as { [key: symbol]: Launched })[Symbol.for('kit-launch')];
  return launched?.import ? launched.import(url) : import(url);
}
