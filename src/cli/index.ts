/**
 * The headless runner: the same engine as the app, over child processes or
 * worker threads. `npm run bench -- --help`.
 */
import { writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { recordsToCsv } from '../shared/csv'
import { toBenchError } from '../shared/errors'
import { createEngine } from '../main/engine'
import { HELP, parseCli } from './options'
import { formatProgress } from './progressLine'
import { toJsonReport } from './report'
import { formatHeader, formatTable, formatVerdict } from './table'

export const EXIT = { ok: 0, failed: 1, invalid: 2, cancelled: 130 } as const

async function main(argv: string[]): Promise<number> {
  const parsed = parseCli(argv, availableParallelism())
  if (parsed.kind === 'help') {
    process.stdout.write(`${HELP}\n`)
    return EXIT.ok
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write('speedup-lab: invalid input\n')
    for (const issue of parsed.issues) process.stderr.write(`  ${issue.field}: ${issue.message}\n`)
    process.stderr.write('Run with --help for the options.\n')
    return EXIT.invalid
  }
  const { config, csv, json, quiet } = parsed.options
  const tty = process.stderr.isTTY === true && !quiet
  const engine = createEngine({
    workerPath: join(__dirname, 'worker.js'),
    log: process.env.SPEEDUP_LAB_DEBUG ? (line) => process.stderr.write(`${line}\n`) : undefined
  })
  const controller = new AbortController()
  const onSigint = (): void => {
    if (tty) process.stderr.write('\n')
    process.stderr.write('speedup-lab: cancelling… (stopping every worker)\n')
    controller.abort()
  }
  process.once('SIGINT', onSigint)
  process.once('SIGTERM', onSigint)
  try {
    const run = await engine.run(config, {
      signal: controller.signal,
      onProgress: tty ? (p) => process.stderr.write(`\r\x1b[2K${formatProgress(p)}`) : undefined
    })
    if (tty) process.stderr.write('\r\x1b[2K')
    process.stdout.write(`${formatHeader(run)}\n\n${formatTable(run)}\n\n${formatVerdict(run)}\n`)
    if (json) writeFileSync(json, `${JSON.stringify(toJsonReport(run), null, 2)}\n`)
    if (csv) writeFileSync(csv, recordsToCsv([run]))
    return run.correct ? EXIT.ok : EXIT.failed
  } catch (e) {
    if (tty) process.stderr.write('\r\x1b[2K')
    const error = toBenchError(e)
    if (error.code === 'cancelled') {
      process.stderr.write('speedup-lab: cancelled; every worker was stopped.\n')
      return EXIT.cancelled
    }
    if (error.code === 'invalid-input') {
      process.stderr.write('speedup-lab: invalid input\n')
      for (const issue of error.issues ?? [])
        process.stderr.write(`  ${issue.field}: ${issue.message}\n`)
      return EXIT.invalid
    }
    process.stderr.write(`speedup-lab: the run failed: ${error.message}\n`)
    return EXIT.failed
  } finally {
    process.off('SIGINT', onSigint)
    process.off('SIGTERM', onSigint)
    await engine.dispose()
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(
      `speedup-lab: unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`
    )
    process.exitCode = 1
  }
)
