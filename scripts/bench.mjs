// `npm run bench -- …` and `npm run worker -- …`: builds the CLI when it is missing or older
// than src/, then runs it in this very process, in the folder the user ran npm in.
//
// package.json says `exec node scripts/bench.mjs`. On macOS and Linux the shell npm starts
// (`sh -c`) then replaces itself with Node, so npm's forwarded SIGINT/SIGTERM reach this
// process: Debian's dash, without `exec`, stays in between, holds a forwarded SIGINT until
// its child ends and dies of SIGTERM, leaving the run orphaned. Windows' cmd.exe has no
// `exec`: the repository's exec.cmd stands in for it (cmd.exe looks in the current folder,
// which npm sets to the repository, before PATH). npm forwards neither SIGHUP nor anything
// once it is dead; a closed terminal or a `kill -HUP` of npm kills npm alone, so this process
// watches its parent and treats the parent's death as a hang-up.
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
  process.exit(name === 'SIGHUP' ? 129 : 130)
}
const EARLY_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP']
for (const s of EARLY_SIGNALS) process.on(s, early)

// The process that started this one (npm) is gone: the same as a hang-up. On POSIX an
// orphan is re-parented, so its parent pid changes; Windows keeps the old number (and its
// console delivers a closed window's event to every process in it).
const parent = process.ppid
const orphanWatch = setInterval(() => {
  if (process.ppid === parent) return
  clearInterval(orphanWatch)
  process.kill(process.pid, 'SIGHUP')
}, 100).unref()

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
// npm runs scripts in the repository; `--json out.json` means the folder the user typed in.
if (process.env.INIT_CWD && existsSync(process.env.INIT_CWD)) process.chdir(process.env.INIT_CWD)
// From here the CLI traps the signals itself (synchronously, as it loads).
for (const s of EARLY_SIGNALS) process.off(s, early)
createRequire(import.meta.url)(built[0])
