/**
 * The `speedup-lab` command (out/main/cli.js, with a `#!/usr/bin/env node`
 * line added by the build). Signals are trapped before the rest loads; the
 * worker bundle sits next to this file.
 */
import { join } from 'node:path'
import { trapSignals } from './signals'

const signals = trapSignals()

import('./index')
  .then(({ main }) => main(process.argv.slice(2), signals, join(__dirname, 'worker.js')))
  .then(
    (code) => {
      process.exitCode = code
      // Everything is stopped by now and the process ends as soon as its event loop is empty.
      // Should anything still hold it (a bug, a stuck handle), leave anyway, soon after.
      setTimeout(() => process.exit(code), 1500).unref()
    },
    (e: unknown) => {
      process.stderr.write(
        `speedup-lab: unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`
      )
      process.exitCode = 1
    }
  )
