// One lint for the app, the server, the tests and the scripts: typescript-eslint's strict type-checked rules, minus the
// few that fight this codebase's deliberate idioms (each switched off below with the reason).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/artifacts/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  // Formatting is Prettier's; only the hard line ceiling below stays a lint rule.
  prettier,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'tests/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `noUncheckedIndexedAccess` is on, so `rows[0]!` after a length check is the honest way to say "present".
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `onClick={() => setOpen(true)}` is plain React; wrapping every such arrow in braces adds nothing.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Fastify handlers and hooks are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      // Hooks and Taro APIs hand out plain functions (`const { t } = useI18n()`), none of which use `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Kysely types COUNT(*) as number while PostgreSQL returns it as a string: Number() there is needed.
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      // A type parameter that only names what a typed read returns (`readStorage<T>`, `post<T>`) is how it says so.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreStrings: false, ignoreTemplateLiterals: false }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tests and benches read JSON bodies as they come off the wire; typing every one would only restate the
    // contract. Their `api?.close()` in afterAll is deliberate: beforeAll may have failed before assigning it.
    files: ['**/*.test.ts', 'tests/**/*.ts', 'scripts/bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // wx.* calls fail with `{ errMsg }` objects, not Errors; the stand-in runtime fails the same way.
    files: ['tests/support/wx-runtime.ts'],
    rules: { '@typescript-eslint/prefer-promise-reject-errors': 'off', '@typescript-eslint/only-throw-error': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
)
