// House rules for the kit's TypeScript: typescript-eslint's recommended set, no unused code, and imports that say
// when they are types. Learner-shaped code (generated stubs, held-out learner variants, the attack corpus) is
// written as learners write it and is not held to these rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'release/',
      '**/dist/',
      'dist-instructor/',
      'exercises/',
      'tests/adversarial/',
      'tests/learner-variants/',
      'tests/search-variants/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      'prefer-const': 'error',
      // TypeScript itself reports undefined names, with the types eslint cannot see.
      'no-undef': 'off',
    },
  },
);
