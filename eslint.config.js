// ESLint: every rule is an error. The functional-core rule for packages/clinical lives here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import noOuterDbInTransaction from './eslint-rules/no-outer-db-in-transaction.js';

/** Modules that do I/O or read ambient state. packages/clinical may import none of them. */
const ioModules = [
  'fs', 'fs/*', 'node:*', 'net', 'http', 'https', 'http2', 'child_process', 'os', 'path', 'process',
  'worker_threads', 'crypto', 'dgram', 'dns', 'tls', 'readline', 'stream', 'zlib', 'url', 'util',
  'pg', 'pg-*', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/*', 'fastify', 'fastify-*', '@fastify/*',
  'react', 'react-*', 'react/*', 'pino', 'nodemailer', '@ketapath/server', '@ketapath/server/*',
  '@ketapath/web', '@ketapath/web/*',
];

const ambientSyntax = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Clinical core: pass the current time in as an argument (no new Date()).' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Clinical core: pass the current time in as an argument (no Date.now()).' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Clinical core: no randomness; rules must be deterministic.' },
  { selector: "NewExpression[callee.object.name='Intl'][arguments.length<2]", message: 'Clinical core: Intl formatters must be given an explicit timeZone (never the host zone).' },
  { selector: 'ImportExpression', message: 'Clinical core: no dynamic imports.' },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', 'data/**', 'data-*/**', '.tmp/**',
      'packages/server/drizzle/**', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', '.ci/*.mjs', 'bench/*.mjs', 'eslint-rules/*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { ketapath: { rules: { 'no-outer-db-in-transaction': noOuterDbInTransaction } } },
    rules: {
      'ketapath/no-outer-db-in-transaction': 'error',
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 450, skipBlankLines: true, skipComments: true }],
      // `onChange={(e) => setX(e.target.value)}` is the React idiom; keep the rule for everything else.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-console': 'off' },
  },
  {
    files: ['packages/clinical/src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ioModules, message: 'packages/clinical is the pure functional core: no I/O, framework or ambient-state imports.' },
          { group: ['../../*', '../../../*'], message: 'packages/clinical may not import from outside itself.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'Clinical core: configuration comes in as arguments.' },
        { name: 'fetch', message: 'Clinical core: no I/O.' },
        { name: 'setTimeout', message: 'Clinical core: no timers.' },
        { name: 'setInterval', message: 'Clinical core: no timers.' },
        { name: 'console', message: 'Clinical core: return findings, do not log.' },
        { name: 'globalThis', message: 'Clinical core: no ambient state.' },
        { name: 'require', message: 'Clinical core: no dynamic loading.' },
        { name: 'crypto', message: 'Clinical core: no ambient randomness.' },
        { name: 'performance', message: 'Clinical core: no clock access.' },
      ],
      'no-restricted-syntax': ['error', ...ambientSyntax],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts', 'packages/*/test/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 600, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests assert on JSON answers, which are untyped by nature; production code stays fully typed.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
