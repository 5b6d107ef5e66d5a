import { parseArgs } from 'node:util'
import { defaultRunConfig, issuesOf, runConfigSchema } from '../shared/config'
import type { ConfigIssue, RunConfig } from '../shared/config'
import { parseIntegerText, parseRangeText, parseWorkerList } from '../shared/parse'

export interface CliOptions {
  config: RunConfig
  csv: string | null
  json: string | null
  quiet: boolean
}

export type ParsedCli =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'invalid'; issues: ConfigIssue[] }

export const HELP = `Usage: speedup-lab [options]     (from a checkout: npm run bench -- [options])

Measures how much faster the exact sum of every integer in [START, END) runs
when split across N workers, verifies every total against n·(a+b)/2, and
prints median ± σ, min…max, speedup, efficiency and the Karp–Flatt fraction.

Options:
  --range START:END      half-open range of safe integers; _ separators allowed
                         (default 0:1_000_000_000)
  --workers LIST         worker counts: 1,2,4 or 1-8 or 1-4,8 (default 1…cores)
  --workload split|replicate|weak
                         split: the range divided among N workers (default);
                         replicate: every worker sums the whole range (the tutorial);
                         weak: each worker sums its own range of the same length
  --backend process|thread
                         child processes (default) or worker threads
  --pool warm|cold       warm: start workers once and reuse them (default);
                         cold: spawn them inside every timed repetition
  --warmup N             discarded warm-up repetitions (default 1)
  --reps N               measured repetitions (default 5)
  --csv FILE             write the results as CSV (RFC 4180)
  --json FILE            write { config, system, results } as JSON
  --quiet                no progress line on stderr
  -h, --help             this help

Exit codes: 0 done and every sum correct; 1 the run failed or a sum was
wrong; 2 invalid input; 130 cancelled with Ctrl-C.`

const OPTIONS = {
  range: { type: 'string' },
  workers: { type: 'string' },
  workload: { type: 'string' },
  backend: { type: 'string' },
  pool: { type: 'string' },
  warmup: { type: 'string' },
  reps: { type: 'string' },
  csv: { type: 'string' },
  json: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

const STRING_OPTIONS = new Set(
  Object.entries(OPTIONS)
    .filter(([, o]) => o.type === 'string')
    .map(([name]) => name)
)

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

  const issues: ConfigIssue[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') {
      issues.push({ field: 'arguments', message: `unexpected argument "${token.value}"` })
    } else if (token.kind === 'option') {
      if (!(token.name in OPTIONS)) {
        issues.push({ field: 'arguments', message: `unknown option ${token.rawName}` })
      } else if (STRING_OPTIONS.has(token.name) && token.value === undefined) {
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
  for (const key of ['workload', 'backend', 'pool'] as const) {
    const value = str(key)
    if (value !== undefined) config[key] = value
  }
  for (const key of ['warmup', 'reps'] as const) {
    const value = str(key)
    if (value === undefined) continue
    const n = parseIntegerText(value)
    if (n.ok) config[key] = n.value
    else issues.push({ field: key, message: n.message })
  }
  for (const key of ['csv', 'json'] as const) {
    if (str(key) === '') issues.push({ field: key, message: 'a file name is required' })
  }

  const checked = runConfigSchema.safeParse(config)
  if (!checked.success) {
    // Fields that failed to parse are already reported; add what the schema says of the rest.
    const seen = new Set(issues.map((i) => i.field))
    for (const issue of issuesOf(checked.error)) {
      if (!seen.has(issue.field.split('.')[0])) issues.push(issue)
    }
  }
  if (issues.length || !checked.success) return { kind: 'invalid', issues }
  return {
    kind: 'run',
    options: {
      config: checked.data,
      csv: str('csv') ?? null,
      json: str('json') ?? null,
      quiet: v.quiet === true
    }
  }
}
