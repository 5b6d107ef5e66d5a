// `npm start` runs this first: without the Electron binary, say how to get it
// instead of ending in electron's own "Electron failed to install correctly".
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve, win32 } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Why the app cannot start here, or null when the Electron binary is in place. */
export function electronProblem(root = process.cwd()) {
  let dir
  try {
    dir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'))
  } catch {
    return 'the electron package is not installed (run `npm install` first).'
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return null
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return 'the Electron binary was not downloaded.'
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  if (!existsSync(binary)) return `the Electron binary is missing (${binary}).`
  return null
}

const HOW = `
  To get it, run (this downloads Electron from its GitHub releases):

      npm rebuild electron          # or: node node_modules/electron/install.js

  If you installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, unset it first.
  Without the binary the rest still works: \`npm run bench -- --help\` (the
  command-line runner) and \`npm test\` (the app's views in Chromium).
`

/**
 * Whether `moduleUrl` (import.meta.url) is the script Node was asked to run
 * (`argv1`). Compared as paths: the URL escapes spaces (%20) and on Windows
 * reads file:///C:/…, so comparing it with `file://${argv1}` never matched there.
 */
export function isMainModule(moduleUrl, argv1, platform = process.platform) {
  if (!argv1) return false
  const windows = platform === 'win32'
  const absolute = windows ? win32.resolve : resolve
  const a = absolute(fileURLToPath(moduleUrl, { windows }))
  const b = absolute(argv1)
  // Windows paths ignore case (c:\ and C:\ are one drive).
  return windows ? a.toLowerCase() === b.toLowerCase() : a === b
}

if (isMainModule(import.meta.url, process.argv[1])) {
  const problem = electronProblem()
  if (problem) {
    process.stderr.write(`speedup-lab: cannot open the app: ${problem}\n${HOW}`)
    process.exit(1)
  }
}
