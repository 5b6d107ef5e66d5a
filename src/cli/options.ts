import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import {
  BACKENDS,
  defaultRunConfig,
  issuesOf,
  KERNELS,
  RUN_BACKENDS,
  runConfigSchema
} from '../shared/config'
import type { ConfigIssue, KernelName, RunBackend, RunConfig } from '../shared/config'
import { parseIntegerText, parseRangeText, parseWorkerList } from '../shared/parse'
import { COMMAND_HELP, COMMAND_OPTIONS, readCommandOptions } from './commandOptions'
import type { CommandCliValues } from './commandOptions'
import { DEFAULT_SWEEP_SIZES, parseSizeList, studyConfigSchema } from '../shared/study'
import type { StudyConfig } from '../shared/study'

export interface CliOptions {
  config: RunConfig
  /** --sweep-sizes and/or --compare-backends: a study over `config`; null for a single run. */
  study: StudyConfig | null
  csv: string | null
  json: string | null
  markdown: string | null
  quiet: boolean
  /** --yes: run even when the estimated duration is above the confirmation limit. */
  yes: boolean
  /** --baseline: an exported run to compare this run with; null for none. */
  baseline: string | null
  /** --fail-on-regression PCT: exit 1 when a worker count regressed by more than PCT %. */
  failOnRegression: number | null
  /** --noise-threshold PCT as a fraction (default 0.02). */
  noiseThreshold: number | null
  comparisonCsv: string | null
  comparisonJson: string | null
  comparisonMarkdown: string | null
}

export type ParsedCli =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'invalid'; issues: ConfigIssue[] }

export const HELP = `Usage: speedup-lab [options]     (from a checkout: npm run bench -- [options])

Measures how much faster the exact sum of every integer in [START, END) runs
when split across N workers, verifies every total against n·(a+b)/2, and
prints median ± σ, min…max, speedup, efficiency and the Karp–Flatt fraction.

Options:
  --range START:END      half-open range of safe integers, END > START; numbers as
                         1000000, 1_000_000, 1,000,000, 1e6 or 10^6 (separators
                         group digits in threes) (default 0:1_000_000_000)
  --workers LIST         worker counts: 1,2,4 or 1-8 or "1-4 8" (default 1…cores)
  --workload split|replicate|weak
                         split: the range divided among N workers (default);
                         replicate: every worker sums the whole range (the tutorial);
                         weak: each worker sums its own range of the same length
  --backend process|thread|cluster
                         child processes (default), worker threads, or remote
                         workers of \`speedup-lab worker\` agents (needs --server)
  --server URL           cluster: the NATS server, nats://[user:pass@]host:4222
                         (or tls://…); credentials are used, never shown or stored.
                         Given alone it implies --backend cluster
  --pool warm|cold       warm: start workers once and reuse them (default);
                         cold: spawn them inside every timed repetition
  --kernel js|wasm       the loop that adds the elements: js, the tutorial's
                         loop (default); wasm, WebAssembly SIMD, several
                         times faster
  --warmup N             discarded warm-up repetitions (default 1)
  --reps N|auto          measured repetitions: N exactly, or auto (default):
                         each worker count at least 5 times and for at least
                         3 s in all, at most 100 times
  --sweep-sizes[=LIST]   problem-size sweep: 1 worker against N (the largest of
                         --workers) on ranges of each length from START, warm
                         and cold pools, and the break-even size where N first
                         wins. LIST: sizes separated by commas, each a number
                         (100_000, 1e5 or 10^5); A..B adds every half decade
                         between (10^4..10^6).
                         Alone: 10^4..10^9 (11 sizes)
  --compare-backends[=LIST]
                         the worker sweep on each backend side by side, with
                         cold start and memory per worker (alone: process,thread).
                         process,cluster (needs --server) is the network-cost
                         study: with --sweep-sizes, the size sweep on local
                         processes and on the cluster side by side, the
                         break-even size of each and the network's share
  --compare-kernels[=LIST]
                         the size sweep once per kernel (alone: js,wasm), and
                         how the faster loop moves the break-even up and
                         lowers the speedup at a fixed size (alone, without
                         --sweep-sizes: the default sizes)
  --csv FILE             write the results as CSV (RFC 4180)
  --json FILE            write the run as JSON: { format, config, system,
                         verdict, results, warnings, models, run } (a study:
                         its runs and analysis); docs/run-export.schema.json
  --markdown FILE        write a Markdown report (tables and the verdict)
  --baseline FILE.json   compare with an exported run (--json of an earlier run,
                         or a one-run JSON export of the app): per worker count
                         the ratio of medians with its 95% interval and a
                         verdict (improved, regressed, no change), and the
                         same for the speedup. The range and workload must
                         match; other settings may differ and are listed
  --noise-threshold PCT  changes smaller than PCT % are "no change" (default 2)
  --fail-on-regression PCT
                         exit 1 when any worker count regressed by more than
                         PCT % (significant and beyond the noise threshold)
  --comparison-csv FILE, --comparison-json FILE, --comparison-markdown FILE
                         write the comparison with --baseline
  --quiet                no plan or progress line on stderr
  --yes                  run even when the estimated duration is long (see Limits)
  -V, --version          print the version
  -h, --help             this help

Intervals are 95%: the median's by percentile bootstrap, the mean's by
Student t; "S ± e" carries the medians' interval half-widths through T1/TN.
Warnings (outliers, drift, wide intervals, oversubscription, spawn longer
than the job) go to stderr, one line each.

Limits (the engine's, the same in the app): at most 32 workers per available
core (a cluster run: the agents' workers) and never more than 256; at most 20,000 worker starts per run (a cold
pool starts every worker in each repetition); reps ≤ 100, warm-ups ≤ 20
(reps auto counts as its planned repetitions); a run estimated to take more
than 10 minutes needs --yes. A worker silent for 3 s during a job is stopped
and the run fails, naming it.

Exit codes: 0 done and every sum correct; 1 the run failed, a sum was
wrong, the cluster was unreachable, or --fail-on-regression found a
regression, or a file could not be written; 2 invalid input (a baseline
that cannot be compared, an export path that cannot be written included),
a limit, or a long run without --yes; 130 cancelled by Ctrl-C or SIGTERM,
129 by SIGHUP (a closed terminal): every worker is stopped first.

${COMMAND_HELP}

Agent: speedup-lab worker --server URL [--processes N | --threads N] [--name NAME]
offers N workers of this machine to a cluster (speedup-lab worker --help).`

const OPTIONS = {
  range: { type: 'string' },
  workers: { type: 'string' },
  workload: { type: 'string' },
  backend: { type: 'string' },
  server: { type: 'string' },
  pool: { type: 'string' },
  kernel: { type: 'string' },
  warmup: { type: 'string' },
  reps: { type: 'string' },
  'sweep-sizes': { type: 'string' },
  'compare-backends': { type: 'string' },
  'compare-kernels': { type: 'string' },
  csv: { type: 'string' },
  json: { type: 'string' },
  markdown: { type: 'string' },
  baseline: { type: 'string' },
  'noise-threshold': { type: 'string' },
  'fail-on-regression': { type: 'string' },
  'comparison-csv': { type: 'string' },
  'comparison-json': { type: 'string' },
  'comparison-markdown': { type: 'string' },
  ...COMMAND_OPTIONS,
  quiet: { type: 'boolean' },
  yes: { type: 'boolean' },
  version: { type: 'boolean', short: 'V' },
  help: { type: 'boolean', short: 'h' }
} as const

const STRING_OPTIONS = new Set(
  Object.entries(OPTIONS)
    .filter(([, o]) => o.type === 'string')
    .map(([name]) => name)
)

/** Options whose value may be left out: --sweep-sizes alone means the default sizes. */
const OPTIONAL_VALUE = new Set(['sweep-sizes', 'compare-backends', 'compare-kernels'])

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
    if (!(RUN_BACKENDS as readonly string[]).includes(part)) {
      return { ok: false, message: `"${part}" is not a backend (${RUN_BACKENDS.join(', ')})` }
    }
  }
  return { ok: true, value: [...new Set(parts as RunBackend[])] }
}

/** A study issue in the CLI's words: base.workers → workers, sizes.3 → sweep-sizes. */
function cliField(field: string): string {
  if (field === 'base.cluster.server') return 'server'
  if (field.startsWith('base.')) return field.slice('base.'.length)
  if (field.startsWith('sizes')) return 'sweep-sizes'
  if (field.startsWith('backends')) return 'compare-backends'
  if (field.startsWith('kernels')) return 'compare-kernels'
  return field
}

type ComparisonOptions = Pick<
  CliOptions,
  | 'baseline'
  | 'failOnRegression'
  | 'noiseThreshold'
  | 'comparisonCsv'
  | 'comparisonJson'
  | 'comparisonMarkdown'
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
    comparisonCsv: str('comparison-csv') || null,
    comparisonJson: str('comparison-json') || null,
    comparisonMarkdown: str('comparison-markdown') || null
  }
  if (out.noiseThreshold !== null) out.noiseThreshold /= 100
  if (!out.baseline) {
    for (const key of [
      'fail-on-regression',
      'noise-threshold',
      'comparison-csv',
      'comparison-json',
      'comparison-markdown'
    ]) {
      if (str(key)) issues.push({ field: key, message: `--${key} needs --baseline FILE.json` })
    }
  }
  return out
}

/**
 * Parses the command line into a run configuration, validated by the same
 * schema as the app; every problem is listed, not only the first.
 */
export function parseCli(argv: string[], cores: number): ParsedCli {
  // "--range -5:5": a value may start with "-", so join known options to their values first.
  const args: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const next = argv[i + 1]
    if (
      STRING_OPTIONS.has(arg.replace(/^--/, '')) &&
      arg.startsWith('--') &&
      next !== undefined &&
      !next.startsWith('--')
    ) {
      args.push(`${arg}=${next}`)
      i++
    } else if (OPTIONAL_VALUE.has(arg.replace(/^--/, ''))) {
      // Alone, it must not swallow the next option as its value: an empty value means "default".
      args.push(`${arg}=`)
    } else args.push(arg)
  }
  const { values, tokens } = parseArgs({
    args,
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: OPTIONS
  })
  const v = values as Record<string, string | boolean | undefined>
  if (v.help === true) return { kind: 'help' }
  if (v.version === true) return { kind: 'version' }

  const issues: ConfigIssue[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') {
      issues.push({ field: 'arguments', message: `unexpected argument "${token.value}"` })
    } else if (token.kind === 'option') {
      if (!(token.name in OPTIONS)) {
        issues.push({ field: 'arguments', message: `unknown option ${token.rawName}` })
      } else if (
        STRING_OPTIONS.has(token.name) &&
        token.value === undefined &&
        !OPTIONAL_VALUE.has(token.name)
      ) {
        issues.push({ field: token.name, message: `${token.rawName} needs a value` })
      } else if (!STRING_OPTIONS.has(token.name) && token.value !== undefined) {
        issues.push({ field: token.name, message: `${token.rawName} takes no value` })
      }
    }
  }
  const config: Record<string, unknown> = { ...defaultRunConfig(cores) }
  const str = (key: string): string | undefined =>
    typeof v[key] === 'string' ? (v[key] as string) : undefined

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
  }
  for (const key of ['workload', 'backend', 'pool', 'kernel'] as const) {
    const value = str(key)
    if (value !== undefined) config[key] = value
  }
  const server = str('server')
  if (server !== undefined) {
    config.cluster = { server }
    if (str('backend') === undefined) config.backend = 'cluster'
  }
  for (const key of ['warmup', 'reps'] as const) {
    const value = str(key)
    if (value === undefined) continue
    if (key === 'reps' && value.trim().toLowerCase() === 'auto') {
      config.reps = 'auto'
      continue
    }
    const n = parseIntegerText(value)
    if (n.ok) config[key] = n.value
    else if (key === 'reps') {
      // The examples of big numbers do not help here: reps is a small count, or auto.
      const message = n.message.replace(/ \(e\.g\. [^)]*\)$/, '')
      issues.push({ field: key, message: `${message} (or auto)` })
    } else issues.push({ field: key, message: n.message })
  }
  if (str('baseline') === '') issues.push({ field: 'baseline', message: 'a file name is required' })
  const written = new Map<string, string>()
  for (const key of [
    'csv',
    'json',
    'markdown',
    'comparison-csv',
    'comparison-json',
    'comparison-markdown'
  ] as const) {
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
  const given = (name: string): boolean =>
    tokens.some((t) => t.kind === 'option' && t.name === name)
  // Your own command (issue 20): the command workload, its shape deciding how speedup reads.
  const command = readCommandOptions(v as CommandCliValues, given)
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
  if (given('sweep-sizes')) {
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
  const wantsStudy = given('sweep-sizes') || given('compare-backends') || given('compare-kernels')
  if (checked.success && wantsStudy) {
    const studyInput = {
      base: checked.data,
      ...(sizes ? { sizes } : {}),
      ...(backends ? { backends } : {}),
      ...(kernels ? { kernels } : {})
    }
    const checkedStudy = studyConfigSchema.safeParse(studyInput)
    if (checkedStudy.success) study = checkedStudy.data
    else if (sizes || backends || kernels) {
      const seen = new Set(issues.map((i) => i.field))
      for (const issue of issuesOf(checkedStudy.error)) {
        const field = cliField(issue.field)
        if (!seen.has(field)) issues.push({ field, message: issue.message })
      }
    }
  }
  if (study && comparison.baseline)
    issues.push({ field: 'baseline', message: '--baseline compares single runs, not studies' })
  if (issues.length || !checked.success) return { kind: 'invalid', issues }
  return {
    kind: 'run',
    options: {
      config: checked.data,
      study,
      csv: str('csv') ?? null,
      json: str('json') ?? null,
      markdown: str('markdown') ?? null,
      quiet: v.quiet === true,
      yes: v.yes === true,
      ...comparison
    }
  }
}
