import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** Integration, CLI and e2e tests run the built bundles: `npm test` builds first. */
export default function setup(): void {
  for (const file of ['out/main/worker.js', 'out/main/cli.js', 'out/renderer/index.html']) {
    if (!existsSync(resolve(__dirname, '..', file))) {
      throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`)
    }
  }
}
