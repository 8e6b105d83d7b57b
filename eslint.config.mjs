import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Apps Script services (built-in and advanced) are reached only through the adapters in
// src/workspace; the browser's google.script.run only through src/ui/client/api.ts.
const APPS_SCRIPT_SERVICES = [
  'Browser',
  'CacheService',
  'CalendarApp',
  'CardService',
  'Charts',
  'ContactsApp',
  'ContentService',
  'DataStudioApp',
  'Docs',
  'DocumentApp',
  'Drive',
  'DriveApp',
  'FormApp',
  'Forms',
  'GmailApp',
  'GroupsApp',
  'HtmlService',
  'Jdbc',
  'LanguageApp',
  'LockService',
  'Logger',
  'MailApp',
  'Maps',
  'PropertiesService',
  'ScriptApp',
  'Session',
  'Sheets',
  'SitesApp',
  'SlidesApp',
  'SpreadsheetApp',
  'UrlFetchApp',
  'Utilities',
  'XmlService',
];

export default tseslint.config(
  { ignores: ['build/**', 'out/**', 'node_modules/**', 'coverage/**', '**/*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Outside src/workspace (the adapters) no code touches a service; src/ui/client runs in the browser.
    files: ['src/**/*.ts'],
    ignores: ['src/workspace/**', 'src/ui/client/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...APPS_SCRIPT_SERVICES.map((name) => ({
          name,
          message: `Apps Script service: call it through an adapter in src/workspace.`,
        })),
        { name: 'google', message: 'google.script.run is for src/ui/client (through client/api.ts).' },
      ],
    },
  },
);
