import { resolve } from 'node:path'
import {
  BACKENDS,
  DEFAULT_WAIT,
  defaultRunConfig,
  WORKLOADS,
  issuesOf,
  KERNELS,
  runConfigSchema
} from '../shared/config'
import type { ConfigIssue, KernelName, RunBackend, RunConfig } from '../shared/config'
import { parseIntegerText, parseRangeText, parseWorkerList } from '../shared/parse'
import {
  DEFAULT_SWEEP_SIZES,
  parseSizeList,
  STUDY_BACKENDS,
  studyConfigSchema,
  workloadStudyWorkers
} from '../shared/study'
import { COMMAND_HELP, COMMAND_OPTIONS, commandValues, readCommandOptions } from './commandOptions'
import type { StudyConfig } from '../shared/study'
import { EXPORT_FORMATS, type ExportFormatId } from '../shared/report/exporters/registry'
import { isReportLanguage, REPORT_LANGUAGES, type ReportLanguage } from '../shared/report/language'
import { optionsHelp, parseOptions, type OptionSpec } from './optionSpec'
import { CONFIRM_ABOVE_MS, checkLimits, limitMessage, roughDuration } from '../shared/limits'

export interface CliOptions {
  config: RunConfig
  /** --sweep-sizes and/or --compare-backends: a study over `config`; null for a single run. */
  study: StudyConfig | null
  /** The files to write, by format (--csv FILE, --html FILE …); null where not asked for. */
  files: Record<ExportFormatId, string | null>
  /** --lang: the language of the HTML report (en by default). */
  language: ReportLanguage
  quiet: boolean
  /** --verbose: the engine's log lines on stderr. */
  verbose: boolean
  /** --yes: run even when the estimated duration is above the confirmation limit. */
  yes: boolean
  /** --baseline: an exported run to compare this run with; null for none. */
  baseline: string | null
  /** --history: stored runs where a contended run's reference point is looked for; null for none. */
  history: string | null
  /** --fail-on-regression PCT: exit 1 when a worker count regressed by more than PCT %. */
  failOnRegression: number | null
  /** --noise-threshold PCT as a fraction (default 0.02). */
  noiseThreshold: number | null
  /** The comparison's files with --baseline (--comparison-csv FILE …). */
  comparisonFiles: Record<ExportFormatId, string | null>
  /** --cluster-key FILE: the key every cluster message is sealed with (read before the run). */
  clusterKeyFile: string | null
}

export type ParsedCli =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'invalid'; issues: ConfigIssue[] }

/** Every option of a run or a study, in the order --help lists them. */
export const RUN_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'range',
    value: 'START:END',
    help:
      'half-open range of safe integers, END > START; numbers as 1000000, 1_000_000, ' +
      '1,000,000, 1e6 or 10^6 (separators group digits in threes) (default 0:1_000_000_000)'
  },
  {
    name: 'workers',
    value: 'LIST',
    help: 'worker counts: 1,2,4 or 1-8 or "1-4 8" (default 1…cores)'
  },
  {
    name: 'workload',
    value: 'split|replicate|weak|wait',
    help:
      'split: the range divided among N workers (default);\nreplicate: every worker sums the ' +
      'whole range (the tutorial);\nweak: each worker sums its own range of the same length;\n' +
      'wait: no sum: R requests to a latency server on 127.0.0.1 that answers each after a ' +
      'fixed delay, shared among the N workers, each sending its share one after another ' +
      "(the tutorial's I/O half; it scales past the cores)"
  },
  { name: 'requests', value: 'R', help: 'wait: the number of requests, 1…100,000 (default 64)' },
  {
    name: 'delay',
    value: 'MS',
    help: "wait: the server's delay per request, 0…10,000 ms (default 20)"
  },
  {
    name: 'backend',
    value: 'process|thread|cluster|async',
    help:
      'child processes (default), worker threads, remote workers of `speedup-lab worker` ' +
      'agents (needs --server; not for wait), or async: no worker, N requests in flight on ' +
      "this process's own event loop (wait only)"
  },
  {
    name: 'server',
    value: 'URL',
    help:
      'cluster: the NATS server, nats://[user:pass@]host:4222 (or tls://…); credentials are ' +
      'used, never shown or stored. Given alone it implies --backend cluster. Several servers ' +
      'of one NATS cluster: nats://a:4222,nats://b:4222'
  },
  {
    name: 'cluster-key',
    value: 'FILE',
    help:
      'cluster: authenticate every message with the key in FILE (the agents need the same ' +
      'key; default: the file named by SPEEDUP_LAB_CLUSTER_KEY_FILE, else no key)'
  },
  {
    name: 'pool',
    value: 'warm|cold',
    help: 'warm: start workers once and reuse them (default); cold: spawn them inside every timed repetition'
  },
  {
    name: 'kernel',
    value: 'js|wasm',
    help:
      "the loop that adds the elements: js, the tutorial's loop (default); wasm, WebAssembly " +
      'SIMD, several times faster'
  },
  {
    name: 'warmup',
    value: 'N|auto',
    help:
      'discarded warm-up repetitions per worker count: N exactly, or auto (default): until the ' +
      'last two times agree within 10%, at most 10'
  },
  {
    name: 'seed',
    value: 'N',
    help:
      'seed of the random order the worker counts run in each round (default: a fresh one; ' +
      'the run records it, so --seed replays its order)'
  },
  {
    name: 'reps',
    value: 'N|auto',
    help:
      'measured repetitions: N exactly, or auto (default): each worker count at least 5 times ' +
      'and for at least 3 s in all, at most 100 times'
  },
  {
    name: 'sweep-sizes',
    value: 'LIST',
    optionalValue: true,
    help:
      'problem-size sweep: 1 worker against N (the largest of --workers) on ranges of each ' +
      'length from START, warm and cold pools, and the break-even size where N first wins. ' +
      'LIST: sizes separated by commas, each a number (100_000, 1e5 or 10^5); A..B adds every ' +
      'half decade between (10^4..10^6).\nAlone: 10^4..10^9 (11 sizes)'
  },
  {
    name: 'compare-backends',
    value: 'LIST',
    optionalValue: true,
    help:
      'the worker sweep on each backend side by side, with cold start and memory per worker ' +
      '(alone: process,thread). process,cluster (needs --server) is the network-cost study: ' +
      'with --sweep-sizes, the size sweep on local processes and on the cluster side by side, ' +
      "the break-even size of each and the network's share"
  },
  {
    name: 'compare-workloads',
    help:
      'CPU vs waiting: the sum (on process, or thread with --backend thread) and the wait ' +
      '(--requests, --delay) on thread, process and async, over the worker sweep (alone: ' +
      '1, 2, 4, … up to 16× the cores), their speedups side by side: the sum stops at the ' +
      'cores, waiting does not'
  },
  {
    name: 'compare-kernels',
    value: 'LIST',
    optionalValue: true,
    help:
      'the size sweep once per kernel (alone: js,wasm), and how the faster loop moves the ' +
      'break-even up and lowers the speedup at a fixed size (alone, without --sweep-sizes: ' +
      'the default sizes)'
  },
  // The export formats: one option each, from the one registry the app's exports use too.
  ...EXPORT_FORMATS.map((f): OptionSpec => ({ name: f.flag, value: 'FILE', help: f.help })),
  {
    name: 'lang',
    value: REPORT_LANGUAGES.join('|'),
    help: 'the language of the HTML report: en (default) or ko'
  },
  {
    name: 'baseline',
    value: 'FILE.json',
    help:
      'compare with an exported run (--json of an earlier run, or a one-run JSON export of the ' +
      'app): per worker count the ratio of medians with its 95% interval and a verdict ' +
      '(improved, regressed, no change), and the same for the speedup. The range and workload ' +
      'must match; other settings may differ and are listed'
  },
  {
    name: 'history',
    value: 'FILE',
    help:
      "the app's history (history.jsonl in its data folder) or a JSON export of runs: when " +
      'other programs shared the cores, the best significant speedup a quieter run of the same ' +
      'job reached on this machine is shown beside that finding'
  },
  {
    name: 'noise-threshold',
    value: 'PCT',
    help: 'changes smaller than PCT % are "no change" (default 2)'
  },
  {
    name: 'fail-on-regression',
    value: 'PCT',
    help:
      'exit 1 when any worker count regressed by more than PCT % (significant and beyond the ' +
      'noise threshold)'
  },
  ...EXPORT_FORMATS.map((f): OptionSpec => ({
    name: f.comparisonFlag,
    value: 'FILE',
    help: `write the comparison with --baseline as ${f.name}`
  })),
  ...COMMAND_OPTIONS,
  {
    name: 'no-serial',
    help:
      "skip the serial base case (the job in this process's own thread, no worker, measured " +
      'beside 1 worker in every round)'
  },
  { name: 'quiet', help: 'no plan or progress line on stderr' },
  {
    name: 'verbose',
    help:
      "the engine's log on stderr: each worker's events and, on a cluster, the messages " +
      'dropped as outside the session'
  },
  { name: 'yes', help: 'run even when the estimated duration is long (see Limits)' },
  { name: 'version', short: 'V', help: 'print the version' },
  { name: 'help', short: 'h', help: 'this help' }
]

export const HELP = `Usage: speedup-lab [options]     (from a checkout: npm run bench -- [options])

Measures how much faster the exact sum of every integer in [START, END) runs
when split across N workers, verifies every total against n·(a+b)/2, and
prints median ± σ, min…max, speedup, efficiency and the Karp–Flatt fraction.

Options:
${optionsHelp(RUN_OPTIONS)}

Intervals are 95%: the median's by percentile bootstrap, the mean's by
Student t; "S ± e" carries the medians' interval half-widths through T1/TN.
Warnings (outliers, drift, wide intervals, oversubscription, spawn longer
than the job) go to stderr, one line each.

Limits (the engine's, the same in the app): at most 32 workers per available
core (a cluster run: the agents' workers) and never more than 256; at most
20,000 worker starts per run (a cold pool starts every worker in each
repetition); reps ≤ 100, warm-ups ≤ 20 (reps auto counts as its planned
repetitions); a run estimated to take more than 10 minutes needs --yes. A
worker silent for 3 s during a job is stopped and the run fails, naming it.
Every input is checked before anything runs or is printed.

Exit codes: 0 done and every sum correct (your command: every copy exited
0, or --ignore-failure); 1 the run failed, a sum was wrong, a copy of your
command exited non-zero or ran past --timeout, the cluster was unreachable,
or --fail-on-regression found a regression, or a file could not be written;
2 invalid input (an option without its value, a baseline that cannot be
compared, an export path that cannot be written included), a limit, or a
long run without --yes; 130 cancelled by Ctrl-C or SIGTERM, 129 by SIGHUP
(a closed terminal): every worker is stopped first.

${COMMAND_HELP}

Agent: speedup-lab worker --server URL [--processes N | --threads N] [--name NAME]
offers N workers of this machine to a cluster (speedup-lab worker --help).`

/** "process,thread" or "process,cluster" → the backends, each checked. */
function parseBackendList(
  text: string
): { ok: true; value: RunBackend[] } | { ok: false; message: string } {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (parts.length === 0) return { ok: false, message: 'give at least one backend' }
  for (const part of parts) {
    if (!(STUDY_BACKENDS as readonly string[]).includes(part)) {
      return { ok: false, message: `"${part}" is not a backend (${STUDY_BACKENDS.join(', ')})` }
    }
  }
  return { ok: true, value: [...new Set(parts as RunBackend[])] }
}

/** A study issue in the CLI's words: base.workers → workers, sizes.3 → sweep-sizes. */
function cliField(field: string, command: boolean): string {
  if (field === 'base.cluster.server') return 'server'
  if (field.startsWith('base.')) return field.slice('base.'.length)
  // A command's sizes are --sizes (the values of {size}).
  if (field.startsWith('sizes')) return command ? 'sizes' : 'sweep-sizes'
  if (field === 'compareWorkloads') return 'compare-workloads'
  if (field.startsWith('backends')) return 'compare-backends'
  if (field.startsWith('kernels')) return 'compare-kernels'
  return field
}

type ComparisonOptions = Pick<
  CliOptions,
  'baseline' | 'failOnRegression' | 'noiseThreshold' | 'comparisonFiles'
>

/** A percentage: a plain non-negative decimal such as 5 or 2.5, at most 1000. */
function parsePercent(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null
  const value = Number(text)
  return value <= 1000 ? value : null
}

/** --baseline and what goes with it; every option that needs --baseline says so. */
function parseComparisonOptions(
  str: (key: string) => string | undefined,
  issues: ConfigIssue[]
): ComparisonOptions {
  const percent = (key: string): number | null => {
    const text = str(key)
    if (text === undefined || text === '') return null
    const value = parsePercent(text)
    if (value === null)
      issues.push({ field: key, message: `"${text}" is not a percentage (e.g. 5 or 2.5)` })
    return value
  }
  const out: ComparisonOptions = {
    baseline: str('baseline') || null,
    failOnRegression: percent('fail-on-regression'),
    noiseThreshold: percent('noise-threshold'),
    comparisonFiles: Object.fromEntries(
      EXPORT_FORMATS.map((f) => [f.id, str(f.comparisonFlag) || null])
    ) as Record<ExportFormatId, string | null>
  }
  if (out.noiseThreshold !== null) out.noiseThreshold /= 100
  if (!out.baseline) {
    for (const key of [
      'fail-on-regression',
      'noise-threshold',
      ...EXPORT_FORMATS.map((f) => f.comparisonFlag)
    ]) {
      if (str(key)) issues.push({ field: key, message: `--${key} needs --baseline FILE.json` })
    }
  }
  return out
}

/** A delay in ms: a plain non-negative decimal (20, 0.5). */
function parseDelay(text: string): number | null {
  return /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : null
}

/**
 * --workload names either the job (sum, wait) or how the sum is shared
 * (split, replicate, weak: the sum's variants, as before workloads);
 * --requests and --delay are the wait's own.
 */
function parseWorkloadOptions(
  str: (key: string) => string | undefined,
  config: Record<string, unknown>,
  issues: ConfigIssue[],
  /** --compare-workloads runs the wait too: its fields go with any workload. */
  comparesWorkloads = false
): void {
  const workload = str('workload')
  if (workload !== undefined) {
    if (workload === 'sum' || workload === 'wait') config.job = workload
    else if ((WORKLOADS as readonly string[]).includes(workload)) config.workload = workload
    else
      issues.push({
        field: 'workload',
        message: `"${workload}" is not a workload (${[...WORKLOADS, 'wait'].join(', ')})`
      })
  }
  const requests = str('requests')
  const delay = str('delay')
  if (config.job !== 'wait' && !comparesWorkloads) {
    for (const [key, value] of [
      ['requests', requests],
      ['delay', delay]
    ] as const)
      if (value !== undefined)
        issues.push({ field: key, message: `--${key} needs --workload wait` })
    return
  }
  const wait = { ...DEFAULT_WAIT }
  if (requests !== undefined) {
    const n = parseIntegerText(requests)
    if (n.ok) wait.requests = n.value
    else issues.push({ field: 'requests', message: n.message })
  }
  if (delay !== undefined) {
    const ms = parseDelay(delay)
    if (ms !== null) wait.delayMs = ms
    else
      issues.push({
        field: 'delay',
        message: `"${delay}" is not a delay in ms (e.g. 20 or 0.5, at least 0)`
      })
  }
  config.wait = wait
}

/**
 * Parses the command line into a run configuration, validated by the same
 * schema as the app; every problem is listed, not only the first.
 */
export function parseCli(argv: string[], cores: number): ParsedCli {
  const { values, repeated, issues } = parseOptions(argv, RUN_OPTIONS)
  if (values.get('help') === true) return { kind: 'help' }
  if (values.get('version') === true) return { kind: 'version' }
  const config: Record<string, unknown> = { ...defaultRunConfig(cores) }
  const str = (key: string): string | undefined => {
    const value = values.get(key)
    return typeof value === 'string' ? value : undefined
  }

  const range = str('range')
  if (range !== undefined) {
    const r = parseRangeText(range)
    if (r.ok) config.range = r.value
    else issues.push({ field: 'range', message: r.message })
  }
  const workers = str('workers')
  if (workers !== undefined) {
    const w = parseWorkerList(workers)
    if (w.ok) config.workers = w.value
    else issues.push({ field: 'workers', message: w.message })
  } else if (values.has('compare-workloads')) {
    // CPU vs waiting: far past the cores, where the sum has flattened and the wait still rises.
    config.workers = workloadStudyWorkers(cores)
  }
  for (const key of ['backend', 'pool', 'kernel'] as const) {
    const value = str(key)
    if (value !== undefined) config[key] = value
  }
  parseWorkloadOptions(str, config, issues, values.has('compare-workloads'))
  const server = str('server')
  if (server !== undefined) {
    config.cluster = { server }
    if (str('backend') === undefined) config.backend = 'cluster'
  }
  for (const key of ['warmup', 'reps'] as const) {
    const value = str(key)
    if (value === undefined) continue
    if (value.trim().toLowerCase() === 'auto') {
      config[key] = 'auto'
      continue
    }
    const n = parseIntegerText(value)
    if (n.ok) config[key] = n.value
    else {
      // The examples of big numbers do not help here: these are small counts, or auto.
      const message = n.message.replace(/ \(e\.g\. [^)]*\)$/, '')
      issues.push({ field: key, message: `${message} (or auto)` })
    }
  }
  const seed = str('seed')
  if (seed !== undefined) {
    const n = parseIntegerText(seed)
    if (n.ok) config.seed = n.value
    else issues.push({ field: 'seed', message: n.message })
  }
  if (str('baseline') === '') issues.push({ field: 'baseline', message: 'a file name is required' })
  if (str('history') === '') issues.push({ field: 'history', message: 'a file name is required' })
  const written = new Map<string, string>()
  // In the order given: the second option naming a file is the one refused.
  const exportFlags = new Set(EXPORT_FORMATS.flatMap((f) => [f.flag, f.comparisonFlag]))
  for (const key of [...values.keys()].filter((k) => exportFlags.has(k))) {
    const file = str(key)
    if (file === '') issues.push({ field: key, message: 'a file name is required' })
    if (!file) continue
    // Two exports to one file would leave only the last one: refuse it.
    const path = resolve(file)
    const other = written.get(path)
    if (other) issues.push({ field: key, message: `--${other} already writes ${file}` })
    else written.set(path, key)
  }
  const comparison = parseComparisonOptions(str, issues)
  const given = (name: string): boolean => values.has(name)
  if (given('no-serial')) config.serial = false
  const lang = str('lang')
  if (lang !== undefined && !isReportLanguage(lang))
    issues.push({
      field: 'lang',
      message: `"${lang}" is not a language (${REPORT_LANGUAGES.join(', ')})`
    })
  // Your own command (issue 20): the command workload, its shape deciding how speedup reads.
  const command = readCommandOptions(commandValues(values, repeated), given)
  issues.push(...command.issues)
  if (command.settings) {
    config.job = 'command'
    config.command = command.settings
    config.workload = command.settings.shape === 'copies' ? 'replicate' : 'split'
    // The sum's range means nothing to a command; the schema still wants one.
    config.range = { start: 0, end: 1 }
    if (given('range') || given('kernel'))
      issues.push({
        field: given('range') ? 'range' : 'kernel',
        message: `--${given('range') ? 'range' : 'kernel'} is for the sum, not a command`
      })
  }
  let sizes: number[] | undefined
  if (command.settings && given('sweep-sizes'))
    issues.push({
      field: 'sweep-sizes',
      message:
        "--sweep-sizes sweeps the sum's range; a command's size sweep is --sizes LIST with {size} in it"
    })
  else if (given('sweep-sizes')) {
    const text = str('sweep-sizes')
    if (!text) sizes = [...DEFAULT_SWEEP_SIZES]
    else {
      const parsedSizes = parseSizeList(text)
      if (parsedSizes.ok) sizes = parsedSizes.value
      else issues.push({ field: 'sweep-sizes', message: parsedSizes.message })
    }
  }
  let kernels: KernelName[] | undefined
  if (given('compare-kernels')) {
    const text = str('compare-kernels')
    const parts = (text || KERNELS.join(','))
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
    const bad = parts.find((p) => !(KERNELS as readonly string[]).includes(p))
    if (bad !== undefined)
      issues.push({
        field: 'compare-kernels',
        message: `"${bad}" is not a kernel (${KERNELS.join(', ')})`
      })
    else kernels = [...new Set(parts as KernelName[])]
    // Comparing kernels is a size sweep: alone, it sweeps the default sizes.
    if (!given('sweep-sizes')) sizes = [...DEFAULT_SWEEP_SIZES]
  }
  let backends: RunBackend[] | undefined
  if (given('compare-backends')) {
    const text = str('compare-backends')
    if (!text) backends = [...BACKENDS]
    else {
      const parsedBackends = parseBackendList(text)
      if (parsedBackends.ok) backends = parsedBackends.value
      else issues.push({ field: 'compare-backends', message: parsedBackends.message })
    }
  }

  const checked = runConfigSchema.safeParse(config)
  if (!checked.success) {
    // Fields that failed to parse are already reported; add what the schema says of the rest.
    const seen = new Set(issues.map((i) => i.field))
    for (const issue of issuesOf(checked.error)) {
      if (issue.field === 'cluster.server') issue.field = 'server'
      if (!seen.has(issue.field.split('.')[0])) issues.push(issue)
    }
  }
  let study: StudyConfig | null = null
  const compareWorkloads = given('compare-workloads')
  // A command with several --sizes: its size sweep (the study machinery of the sum's sizes).
  const commandSweep = command.sizes !== null && command.sizes.length > 1
  if (commandSweep) sizes = command.sizes ?? undefined
  const wantsStudy =
    given('sweep-sizes') ||
    given('compare-backends') ||
    given('compare-kernels') ||
    compareWorkloads ||
    commandSweep
  if (checked.success && wantsStudy) {
    const studyInput = {
      base: checked.data,
      ...(sizes ? { sizes } : {}),
      ...(backends ? { backends } : {}),
      ...(kernels ? { kernels } : {}),
      ...(compareWorkloads ? { compareWorkloads: true } : {})
    }
    const checkedStudy = studyConfigSchema.safeParse(studyInput)
    if (checkedStudy.success) study = checkedStudy.data
    else if (sizes || backends || kernels || compareWorkloads) {
      const seen = new Set(issues.map((i) => i.field))
      for (const issue of issuesOf(checkedStudy.error)) {
        const field = cliField(issue.field, command.settings !== null)
        if (!seen.has(field)) issues.push({ field, message: issue.message })
      }
    }
  }
  // The engine's bounds, checked here too so nothing (not the plan line) is printed before a refusal.
  if (checked.success && !wantsStudy) {
    const limits = checkLimits(checked.data, cores)
    for (const l of limits.refused) issues.push({ field: l.field, message: limitMessage(l) })
    if (!limits.refused.length && limits.needsConfirmation && values.get('yes') !== true)
      issues.push({
        field: 'yes',
        message:
          `this run would take about ${roughDuration(limits.estimatedMs)} ` +
          `(more than ${roughDuration(CONFIRM_ABOVE_MS)}): add --yes to start it`
      })
  }
  if (study && comparison.baseline)
    issues.push({ field: 'baseline', message: '--baseline compares single runs, not studies' })
  if (study && str('history'))
    issues.push({
      field: 'history',
      message: "--history reads a single run's reference, not a study's"
    })
  if (issues.length || !checked.success) return { kind: 'invalid', issues }
  return {
    kind: 'run',
    options: {
      config: checked.data,
      study,
      files: Object.fromEntries(EXPORT_FORMATS.map((f) => [f.id, str(f.flag) ?? null])) as Record<
        ExportFormatId,
        string | null
      >,
      language: lang !== undefined && isReportLanguage(lang) ? lang : 'en',
      quiet: values.get('quiet') === true,
      verbose: values.get('verbose') === true,
      clusterKeyFile: str('cluster-key') ?? null,
      yes: values.get('yes') === true,
      history: str('history') || null,
      ...comparison
    }
  }
}
