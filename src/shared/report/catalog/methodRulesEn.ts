/**
 * English: the Method section of a run (analysis/methodRules.ts), one line
 * per rule and how this run met it. Worded from the numbers alone.
 */
import { formatInteger, formatMs, formatSpeedup, formatValue } from '../../format'
import type { MethodRules } from '../../analysis/methodRules'
import type { CommandStartCost } from '../../result'
import { STEADY_TOLERANCE } from '../../stats/warmedUp'

const workersName = (n: number): string => (n === 0 ? 'serial' : `${n} worker${n === 1 ? '' : 's'}`)

function serialLine(r: MethodRules['serial']): string {
  const title = 'Serial base case (the job in the controller’s own thread, no worker)'
  if (r.status === 'not-applicable')
    return `${title}: not applicable: a command’s copies are processes of their own either way.`
  if (r.status === 'skipped') return `${title}: skipped (--no-serial).`
  if (r.status === 'unavailable')
    return `${title}: not measured: this runtime could not run the job in the controller’s thread.`
  if (r.status === 'not-recorded' || !r.timing)
    return `${title}: not recorded (a run from before it was measured).`
  const t = r.timing
  const ci = t.medianInterval
    ? ` [95% CI ${formatMs(t.medianInterval.lower)}–${formatMs(t.medianInterval.upper)}]`
    : ''
  const head = `${title}: median ${formatMs(t.medianMs)}${ci} over ${t.n} repetition${t.n === 1 ? '' : 's'}`
  if (r.t1Ms === null || r.ratio === null || r.workerCostMs === null) return `${head}.`
  const interval =
    r.ratioLow !== null && r.ratioHigh !== null
      ? `, 95% interval ${formatSpeedup(r.ratioLow)}–${formatSpeedup(r.ratioHigh)}`
      : ''
  const beside = `; 1 worker: ${formatMs(r.t1Ms)} (T1 ÷ serial = ${formatSpeedup(r.ratio)}${interval})`
  if (r.verdict === 'slower')
    return `${head}${beside}: having a worker costs ${formatMs(r.workerCostMs)} per run.`
  if (r.verdict === 'faster')
    return `${head}${beside}: one worker was faster than the controller’s thread by ${formatMs(-r.workerCostMs)} (the controller’s thread also runs the engine).`
  if (r.verdict === 'no-difference')
    return `${head}${beside}: no significant cost of having a worker (the interval includes 1).`
  return `${head}${beside} (too few repetitions for an interval).`
}

function warmupLine(w: MethodRules['warmup']): string {
  const taken = w.taken
    .map(
      (x) =>
        `${workersName(x.workers)} ${x.count}${w.rule === 'steady' && !x.steady ? ' (not steady: stopped at the bound)' : ''}`
    )
    .join(', ')
  if (w.rule === 'steady')
    return (
      `Warm-up until steady (repetitions discarded until the last two agree within ` +
      `${formatValue(STEADY_TOLERANCE * 100)}%, at most ${w.limit}): ${taken || 'none'}.`
    )
  if (w.rule === 'fixed')
    return `Warm-up: a fixed ${w.limit} per worker count, not tested for steadiness (--warmup auto tests it)${taken ? `: ${taken}` : ''}.`
  return `Warm-up: ${w.limit} per worker count (recorded before warm-ups were tested for steadiness).`
}

function orderLine(o: MethodRules['order']): string {
  if (o.seed === null)
    return 'Order: not recorded (a run from before the order was random: the counts ran in a fixed interleave).'
  const first = o.firstOrder.length
    ? ` (first round: ${o.firstOrder.map((n) => (n === 0 ? 'serial' : String(n))).join(', ')}; ${o.rounds} round${o.rounds === 1 ? '' : 's'})`
    : ''
  return `Order: worker counts in a random order in each round, seed ${o.seed}${first}; --seed ${o.seed} replays it.`
}

function coresLine(c: MethodRules['cores']): string {
  const head =
    c.physical === null
      ? `Cores: ${c.logical} logical (${c.available} available); physical cores unknown on this system`
      : `Cores: ${c.physical} physical, ${c.logical} logical (${c.available} available)`
  if (c.physical === null || c.abovePhysical.length === 0) return `${head}.`
  const counts = c.abovePhysical.map((n) => formatInteger(n)).join(', ')
  return (
    `${head}. Warning: ${counts} workers exceed the ${c.physical} physical cores: ` +
    `their workers share a core, so those speedups measure the sharing, not the job.`
  )
}

function contentionLine(c: MethodRules['contention']): string {
  const other = c.load
    ? `other programs used ${formatValue(c.load.otherCores, 2)} of the ${c.cores} cores` +
      (c.load.stealCores !== null ? `, steal ${formatValue(c.load.stealCores, 2)}` : '')
    : null
  if (c.code === 'contended')
    return `Contention measured: ${other ?? 'the workers ran slower together than alone'}: shared cores (see the finding above).`
  if (c.code === 'quiet')
    return `Contention measured: ${other ?? 'the workers ran as fast together as alone'}: below the thresholds, the cores were free.`
  return 'Contention: not measured (a cluster run, or a record from before it was measured).'
}

function startCostLine(c: CommandStartCost): string {
  return (
    `Start cost of an empty copy: ${formatMs(c.wallMs)} from its go (the copy up) to its end, ` +
    `CPU ${formatMs(c.cpuMs)} with its shell's start (median of ${c.samples}, measured before the run, ` +
    `as hyperfine measures its shell's spawning time); the CPU is taken off every copy's, the wall only shown (the harness's part of the times).`
  )
}

export function methodRulesEn(r: MethodRules): string[] {
  return [
    serialLine(r.serial),
    warmupLine(r.warmup),
    orderLine(r.order),
    coresLine(r.cores),
    contentionLine(r.contention),
    ...(r.startCost ? [startCostLine(r.startCost)] : [])
  ]
}
