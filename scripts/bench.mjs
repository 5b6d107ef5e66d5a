// `npm run bench -- …`: builds the CLI when it is missing or older than src/, then runs it in
// this very process. package.json runs this with `exec`, so npm's SIGINT/SIGTERM reach it
// rather than an intermediate `sh` (which swallowed SIGINT and left the CLI orphaned on SIGTERM).
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
let build = null
const early = (name) => {
  process.stderr.write(`speedup-lab: ${name}: cancelled before the run started.\n`)
  build?.kill('SIGTERM')
  process.exit(130)
}
process.on('SIGINT', early)
process.on('SIGTERM', early)

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name)
    const t = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs
    return Math.max(latest, t)
  }, 0)

const built = ['out/main/cli.js', 'out/main/worker.js'].map((f) => join(root, f))
const stale =
  built.some((f) => !existsSync(f)) ||
  Math.min(...built.map((f) => statSync(f).mtimeMs)) < newest(join(root, 'src'))
if (stale) {
  process.stderr.write('speedup-lab: building (npx electron-vite build)…\n')
  const code = await new Promise((done) => {
    build = spawn('npx', ['electron-vite', 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32'
    })
    build.on('exit', (c) => done(c ?? 1))
    build.on('error', () => done(1))
  })
  build = null
  if (code !== 0) {
    process.stderr.write('speedup-lab: the build failed.\n')
    process.exit(1)
  }
}
// From here the CLI traps the signals itself (synchronously, as it loads).
process.off('SIGINT', early)
process.off('SIGTERM', early)
createRequire(import.meta.url)(built[0])
