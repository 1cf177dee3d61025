// The Node.js versions the kit runs on (package.json's "engines"), checked before a command loads anything: on an
// older Node.js the kit's commands would stop on an API it lacks (import.meta.dirname, say), with a stack trace that
// never mentions the version. npm itself only warns about "engines" when it installs.
// Plain JavaScript, as the launcher is: it must run before anything is compiled.

/** package.json's "engines"."node", as the check below reads it (a test keeps the two the same). */
export const ENGINES = '^20.19.0 || ^22.12.0 || >=24.0.0';

/** Why the kit cannot run on Node.js `version` (e.g. "18.19.0"), in words a student can act on; undefined if it can. */
export function unsupportedNode(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if ((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 24) return undefined;
  return (
    `This kit needs Node.js 20.19 or later (20.19+, 22.12+ or 24+); this is Node.js ${version}.\n` +
    'Install the current LTS release from https://nodejs.org (or with your version manager, e.g. nvm install --lts), then run the command again.'
  );
}
