// `npm start` runs this first: without the Electron binary, say how to get it
// instead of ending in electron's own "Electron failed to install correctly".
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

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

if (import.meta.url === `file://${process.argv[1]}`) {
  const problem = electronProblem()
  if (problem) {
    process.stderr.write(`speedup-lab: cannot open the app: ${problem}\n${HOW}`)
    process.exit(1)
  }
}
