// The kit's dependency rules: course plug-ins depend on the core, never the other way; one course never reaches
// into another; the site never loads the stub generator (so neither the site build nor the student kit needs
// ts-morph); and no module imports itself round a cycle. `npm run lint` checks them.
const CORE = '^(grader/(cli|course|files|harness|hints|reveal|sandbox)|scripts|site)/';
const COURSE_FOLDERS =
  '^(courses|solutions|exercises)/|^grader/(?!(cli|course|files|harness|hints|reveal|sandbox)/)[^/]+/';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-course',
      comment: 'The core names no course: a course plugs in by its folders, found by convention at run time.',
      severity: 'error',
      from: { path: CORE },
      to: { path: COURSE_FOLDERS },
    },
    {
      name: 'courses-stay-apart',
      comment: 'A course may use the core and its own folders, never another course’s.',
      severity: 'error',
      from: { path: '^(courses|solutions|exercises|grader)/([^/]+)/' },
      to: {
        path: '^(courses|solutions|exercises|grader)/([^/]+)/',
        pathNot: [
          '^(courses|solutions|exercises|grader)/$2/',
          '^grader/(cli|course|files|harness|hints|reveal|sandbox)/',
        ],
      },
    },
    {
      name: 'site-never-loads-the-stub-generator',
      comment: 'The site build and the student kit must not need ts-morph.',
      severity: 'error',
      from: { path: '^(site|courses/[^/]+/site)/' },
      to: { path: '^scripts/stubs/|^node_modules/ts-morph/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|release|dist|site/dist|tests/adversarial|tests/learner-variants)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
