// `npm run bench` runs the built CLI; build it first when it is missing or older than src/.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { execSync } from 'node:child_process'

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name)
    const t = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs
    return Math.max(latest, t)
  }, 0)

const built = ['out/main/cli.js', 'out/main/worker.js']
const stale =
  built.some((f) => !existsSync(f)) ||
  Math.min(...built.map((f) => statSync(f).mtimeMs)) < newest('src')
if (stale) {
  process.stderr.write('speedup-lab: building (npx electron-vite build)…\n')
  execSync('npx electron-vite build', { stdio: ['ignore', 'ignore', 'inherit'] })
}
