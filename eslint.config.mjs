import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'tests/.tmp/**',
      'perf/.tmp/**',
      // Stryker's sandbox copies of the project and its reports (npm run mutation).
      '.stryker-tmp/**',
      'reports/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['src/renderer/**/*'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] }
    }
  },
  {
    // One IPC contract, two thin callers: only these files touch Electron's IPC objects.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/main/ipc/**', 'src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use src/main/ipc (addHandler) or the preload invoker.'
            }
          ]
        }
      ]
    }
  },
  {
    // One Electron-free engine: the engine, the CLI and the worker never reach into the app.
    files: ['src/engine/**/*.ts', 'src/cli/**/*.ts', 'src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Electron belongs in src/main and src/preload.' }],
          patterns: [
            {
              // Any depth: ../main, ../../../main and their files.
              group: ['**/main', '**/main/**'],
              message: 'src/main is the app: import from src/engine or src/shared.'
            }
          ]
        }
      ]
    }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  }
)
