// The Handlebars templates of one course's pages: the shell's (site/templates) and its plug-in's partials and pages
// (courses/<course>/site/templates), in a fresh environment per render so the dev server sees edits at once.
import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

export interface PageTemplates {
  /** A shell page template: site/templates/<name>.hbs. */
  page(name: string): Handlebars.TemplateDelegate;
  /** A page of the plug-in: templates/pages/<id>.hbs in its folder. */
  pluginPage(id: string): Handlebars.TemplateDelegate;
  /** Throws, naming the file to write, when a widget's partial does not exist. */
  expectPartial(name: string): void;
}

const hbsFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.hbs')) : [];

function compileAll(handlebars: typeof Handlebars, dir: string): Map<string, Handlebars.TemplateDelegate> {
  // strict: a misspelt field fails the render instead of printing nothing. preventIndent: partials must not
  // re-indent the markdown HTML they wrap, or every line of a <pre> block would gain leading spaces.
  return new Map(
    hbsFiles(dir).map((file) => [
      basename(file, '.hbs'),
      handlebars.compile(readFileSync(join(dir, file), 'utf8'), { strict: true, preventIndent: true }),
    ]),
  );
}

/** `shellDir` is site/templates; `pluginDir`, the plug-in's folder or null. `root` names files in errors. */
export function loadPageTemplates(root: string, shellDir: string, pluginDir: string | null): PageTemplates {
  const handlebars = Handlebars.create();
  // {{courseLink 'page.html'}}: a link to a page of the current course from wherever the page being rendered lies.
  handlebars.registerHelper('courseLink', function (path: unknown, options: Handlebars.HelperOptions) {
    const base = (options.data as { root: { courseBase: string } }).root.courseBase;
    return `${base}${String(path)}`;
  });
  const shellPartials = join(shellDir, 'partials');
  for (const file of hbsFiles(shellPartials))
    handlebars.registerPartial(basename(file, '.hbs'), readFileSync(join(shellPartials, file), 'utf8'));
  if (pluginDir) {
    const partials = join(pluginDir, 'templates', 'partials');
    for (const file of hbsFiles(partials)) {
      const name = basename(file, '.hbs');
      if (hbsFiles(shellPartials).includes(file))
        throw new Error(
          `${relative(root, join(partials, file))}: the site has a partial named "${name}"; rename yours`,
        );
      handlebars.registerPartial(name, readFileSync(join(partials, file), 'utf8'));
    }
  }
  const pages = compileAll(handlebars, shellDir);
  const pluginPages = pluginDir ? compileAll(handlebars, join(pluginDir, 'templates', 'pages')) : new Map();
  return {
    expectPartial(name) {
      if (name in handlebars.partials) return;
      const where = pluginDir ? relative(root, join(pluginDir, 'templates', 'partials', `${name}.hbs`)) : `${name}.hbs`;
      throw new Error(`${where} is missing: the plug-in's widget "${name}" is drawn by that partial`);
    },
    page(name) {
      const template = pages.get(name);
      if (!template) throw new Error(`site/templates/${name}.hbs is missing`);
      return template;
    },
    pluginPage(id) {
      const template = pluginPages.get(id);
      if (!template) {
        const where = pluginDir ? relative(root, join(pluginDir, 'templates', 'pages', `${id}.hbs`)) : `${id}.hbs`;
        throw new Error(`${where} is missing: the plug-in lists a page "${id}", which needs its template`);
      }
      return template;
    },
  };
}
