/**
 * The headless runner: the same engine as the app, over child processes or
 * worker threads. `npm run bench -- --help`.
 */
import { readHistoryFile } from './historyFile'
import type { RunSummary } from '../shared/history'
import { readFileSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { toBenchError } from '../shared/errors'
import { analyzeRun, analyzeStudy } from '../shared/analysis'
import { findingText } from '../shared/report'
import { checkComparable, compareRuns, regressionsOver } from '../shared/analysis/compareRuns'
import type { MeasuredRun } from '../shared/analysis/measuredRun'
import { readRunFile } from '../shared/analysis/readRunFile'
import { refusalText, type ExportContext } from '../shared/report/exporters'
import { bundledFontSource } from '../engine/reportFonts'
import { planRun } from '../shared/analysis/runPlan'
import { formatComparison } from './compareTable'
import { formatPlan } from './planLine'
import { createEngine, createMemoryProbe, runStudy } from '../engine'
import type { Engine } from '../engine'
import { HELP, parseCli } from './options'
import type { CliOptions } from './options'
import { formatProgress, formatStudyProgress } from './progressLine'
import {
  formatStudyHeader,
  formatStudyTables,
  formatStudyWarning,
  formatWarning
} from './studyTable'
import type { CliSignals } from './signals'
import { formatHeader, formatMethod, formatTable, formatVerdict } from './table'
import { VERSION } from './version'
import { runWorkerCommand } from './worker/workerCommand'
import { formatClusterLine } from './clusterLine'
import { clusterKeyFrom } from '../engine/backends/cluster/clusterKey'
import { sharedAgentNames } from '../shared/agentNames'
import { checkExportTargets, exportFiles, exportTargets, writeExports } from './exportFiles'

export const EXIT = { ok: 0, failed: 1, invalid: 2, hangup: 129, cancelled: 130 } as const

/** Runs the CLI on `argv`; resolves with the exit code. Signals were trapped by the entry (bin.ts). */
export async function main(
  argv: string[],
  signals: CliSignals,
  workerPath: string
): Promise<number> {
  // The cluster agent (speedup-lab worker): its worker bundle sits beside the CLI's.
  if (argv[0] === 'worker') return runWorkerCommand(argv.slice(1), dirname(workerPath))
  const parsed = parseCli(argv, availableParallelism())
  if (parsed.kind === 'help') {
    process.stdout.write(`${HELP}\n`)
    return EXIT.ok
  }
  if (parsed.kind === 'version') {
    process.stdout.write(`speedup-lab ${VERSION}\n`)
    return EXIT.ok
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write('speedup-lab: invalid input\n')
    for (const issue of parsed.issues) process.stderr.write(`  ${issue.field}: ${issue.message}\n`)
    process.stderr.write('Run with --help for the options.\n')
    return EXIT.invalid
  }
  // The key file is read before anything runs: a missing or short key is bad input.
  const key = clusterKeyFrom(parsed.options.clusterKeyFile ?? undefined)
  if (!key.ok) {
    process.stderr.write(`speedup-lab: invalid input\n  cluster-key: ${key.message}\n`)
    return EXIT.invalid
  }
  // Every file asked for can be written, before anything runs: a typo in a folder costs no run.
  const unwritable = checkExportTargets(exportTargets(parsed.options))
  if (unwritable.length) {
    process.stderr.write('speedup-lab: invalid input\n')
    for (const issue of unwritable) process.stderr.write(`  ${issue.field}: ${issue.message}\n`)
    return EXIT.invalid
  }
  const { quiet } = parsed.options
  const tty = process.stderr.isTTY === true && !quiet
  const engine = createEngine({
    workerPath,
    log:
      parsed.options.verbose || process.env.SPEEDUP_LAB_DEBUG
        ? (line) => process.stderr.write(`${line}\n`)
        : undefined,
    cluster: { key: key.key }
  })
  try {
    return parsed.options.study
      ? await study(engine, parsed.options, workerPath, signals.signal, tty)
      : await single(engine, parsed.options, workerPath, signals.signal, tty)
  } catch (e) {
    if (tty) process.stderr.write('\r\x1b[2K')
    const error = toBenchError(e)
    if (error.code === 'cancelled') {
      process.stderr.write('speedup-lab: cancelled; every worker was stopped.\n')
      return signals.exitCode()
    }
    if (error.code === 'needs-confirmation') {
      process.stderr.write(
        `speedup-lab: ${error.message.replace(/confirm to start it\.$/, 'add --yes to start it.')}\n`
      )
      return EXIT.invalid
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
    await engine.dispose()
  }
}

/** What the HTML report needs beyond the record: its language and the app's font. */
function exportContext(options: CliOptions, workerPath: string): ExportContext {
  return {
    language: options.language,
    version: VERSION,
    fonts: bundledFontSource(join(dirname(workerPath), '..', 'renderer'))
  }
}

/** One run: warnings on stderr, the table and the verdict on stdout, the files asked for. */
async function single(
  engine: Engine,
  options: CliOptions,
  workerPath: string,
  signal: AbortSignal,
  tty: boolean
): Promise<number> {
  // The baseline is read and checked before anything runs: a bad file costs no run.
  let baseline: MeasuredRun | null = null
  if (options.baseline) {
    const loaded = loadBaseline(options.baseline, options.config)
    if (typeof loaded === 'string') {
      process.stderr.write(`speedup-lab: invalid input\n  baseline: ${loaded}\n`)
      return EXIT.invalid
    }
    baseline = loaded
  }
  // So is the history a contended run's reference point is looked for in.
  let history: RunSummary[] = []
  if (options.history) {
    const read = await readHistoryFile(options.history)
    if (typeof read === 'string') {
      process.stderr.write(`speedup-lab: invalid input\n  history: ${read}\n`)
      return EXIT.invalid
    }
    if (read.skipped > 0)
      process.stderr.write(
        `speedup-lab: warning: ${read.skipped} unreadable run${read.skipped === 1 ? '' : 's'} in ${options.history} skipped\n`
      )
    history = read.runs
  }
  if (!options.quiet)
    process.stderr.write(`${formatPlan(planRun(options.config, availableParallelism()))}\n`)
  const run = await engine.run(options.config, {
    signal,
    confirmedLong: options.yes,
    onProgress: tty ? (p) => process.stderr.write(`\r\x1b[2K${formatProgress(p)}`) : undefined
  })
  if (tty) process.stderr.write('\r\x1b[2K')
  const analysis = analyzeRun(run, { history })
  for (const w of analysis.warnings) process.stderr.write(`${formatWarning(w)}\n`)
  for (const name of sharedAgentNames(run.system.cluster?.agents ?? []))
    process.stderr.write(
      `speedup-lab: warning: several agents are named ${name}; they are told apart by their ` +
        `ids (${name} #…): give each its own --name\n`
    )
  const clusterLine = formatClusterLine(run)
  process.stdout.write(
    `${formatHeader(run)}\n${clusterLine ? `${clusterLine}\n` : ''}\n${formatTable(run, analysis)}\n\n${formatVerdict(run, analysis)}\n\n${formatMethod(run, analysis)}\n`
  )
  const ctx = { ...exportContext(options, workerPath), history }
  const exported = writeExports(exportFiles(options.files, false, (f) => f.run(run, analysis, ctx)))
  if (!run.correct) return EXIT.failed
  const code = baseline
    ? compareWithBaseline(baseline, run, options, { ...ctx, system: run.system })
    : EXIT.ok
  // A file that could not be written fails the command, though the run itself completed.
  return code === EXIT.ok && !exported ? EXIT.failed : code
}

/** The largest baseline file read (a one-run export is far smaller). */
const MAX_BASELINE_BYTES = 64 * 2 ** 20

/** Reads --baseline: the run it holds, or why it cannot be compared with `config`. */
function loadBaseline(path: string, config: CliOptions['config']): MeasuredRun | string {
  let text: string
  try {
    // A run's export is kilobytes to a few MB; reading a huge file whole would exhaust memory.
    const bytes = statSync(path).size
    if (bytes > MAX_BASELINE_BYTES)
      return (
        `${path} cannot be a baseline: it is ${(bytes / 2 ** 20).toFixed(0)} MB, and a run's ` +
        `export is at most ${MAX_BASELINE_BYTES / 2 ** 20} MB: give the --json of one run`
      )
    text = readFileSync(path, 'utf8')
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''
    return `cannot read ${path}${code ? ` (${code})` : ''}`
  }
  const read = readRunFile(text)
  if (!read.ok) return `${path} cannot be a baseline: ${read.reason}`
  const refusal = checkComparable(read.run, { config })
  if (refusal) return `${path} cannot be a baseline: ${refusalText(refusal)}`
  return read.run
}

/** Prints the comparison, writes its exports, and applies --fail-on-regression. */
function compareWithBaseline(
  baseline: MeasuredRun,
  run: MeasuredRun,
  options: CliOptions,
  ctx: ExportContext
): number {
  const outcome = compareRuns(baseline, run, {
    ...(options.noiseThreshold !== null ? { threshold: options.noiseThreshold } : {})
  })
  if (!outcome.ok) {
    process.stderr.write(
      `speedup-lab: cannot compare with ${options.baseline}: ${refusalText(outcome.refusal)}\n`
    )
    return EXIT.invalid
  }
  const comparison = outcome.value
  process.stdout.write(`\n${formatComparison(comparison, options.baseline ?? '')}\n`)
  const exported = writeExports(
    exportFiles(options.comparisonFiles, true, (f) => f.comparison(comparison, ctx))
  )
  if (options.failOnRegression !== null) {
    const failed = regressionsOver(comparison, options.failOnRegression)
    if (failed.length) {
      process.stderr.write(
        `speedup-lab: regression beyond ${options.failOnRegression}% at ${failed.join(', ')} ` +
          `worker${failed.length === 1 && failed[0] === 1 ? '' : 's'} (--fail-on-regression)\n`
      )
      return EXIT.failed
    }
  }
  return exported ? EXIT.ok : EXIT.failed
}

/** A study (--sweep-sizes, --compare-backends): the same, for every run it makes. */
async function study(
  engine: Engine,
  options: CliOptions,
  workerPath: string,
  signal: AbortSignal,
  tty: boolean
): Promise<number> {
  const config = options.study!
  const record = await runStudy(
    engine,
    config,
    {
      signal,
      confirmedLong: options.yes,
      onProgress: tty
        ? (p) => process.stderr.write(`\r\x1b[2K${formatStudyProgress(p)}`)
        : undefined
    },
    { measureMemory: config.backends ? createMemoryProbe({ workerPath }) : undefined }
  )
  if (tty) process.stderr.write('\r\x1b[2K')
  const analysis = analyzeStudy(record)
  for (const w of analysis.warnings) process.stderr.write(`${formatStudyWarning(w)}\n`)
  process.stdout.write(
    `${formatStudyHeader(record)}\n\n${formatStudyTables(record, analysis)}\n\n` +
      `${analysis.verdict.map((f) => findingText(f)).join('\n')}\n`
  )
  const ctx = exportContext(options, workerPath)
  const exported = writeExports(
    exportFiles(options.files, false, (f) => f.study(record, analysis, ctx))
  )
  return record.correct && exported ? EXIT.ok : EXIT.failed
}
