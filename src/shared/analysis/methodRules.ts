/**
 * How a run met the measurement rules of issue 19 (Hoefler & Belli, SC'15;
 * Barrett et al., OOPSLA'17), as codes and numbers the report's Method
 * section words: the serial base case beside T1, warm-up until steady, the
 * seeded random order, the cores (physical and logical), and the contention
 * measured. From the record alone; records from before it say 'not-recorded'.
 */
import type { CommandStartCost, RunRecord, WarmupsTaken } from '../result'
import type { ContentionAnalysis } from './contention'
import { describeTimings } from './describeTimings'
import type { TimingDescription } from './describeTimings'
import { speedupWithError } from './speedupWithError'
import type { Estimate } from '../stats/types'

export interface SerialRule {
  status: 'measured' | 'not-applicable' | 'unavailable' | 'skipped' | 'not-recorded'
  /** The serial base case's wall times described (median, its interval, n); null unless measured. */
  timing: TimingDescription | null
  /** Median T1 (ms), the 1-worker time it stands beside. */
  t1Ms: number | null
  /** T1 − T_serial (ms): what having one worker costs; null unless measured. */
  workerCostMs: number | null
  /** T1 ÷ T_serial with its 95% interval (null below two repetitions of either). */
  ratio: number | null
  ratioLow: number | null
  ratioHigh: number | null
  /** 'slower': one worker is significantly slower than no worker (the interval above 1); 'faster'; 'no-difference'. */
  verdict: 'slower' | 'faster' | 'no-difference' | null
}

export interface MethodRules {
  serial: SerialRule
  warmup: {
    rule: 'steady' | 'fixed' | 'not-recorded'
    /** The configured count ('fixed') or the bound ('steady'). */
    limit: number
    taken: WarmupsTaken[]
  }
  order: {
    /** The seed of the order; null in records from before the order was random. */
    seed: number | null
    firstOrder: number[]
    rounds: number
  }
  cores: {
    physical: number | null
    logical: number
    available: number
    /** Worker counts above the physical cores (their workers share a core's hyperthreads or take turns). */
    abovePhysical: number[]
  }
  contention: Pick<ContentionAnalysis, 'code' | 'signals' | 'load' | 'cores'>
  /** A command run's measured start cost of an empty copy, taken off; null for other jobs and older records. */
  startCost: CommandStartCost | null
}

/** A median with its 95% interval's half-width: the bootstrap's from six repetitions, else the mean's t. */
function estimateOf(d: TimingDescription): Estimate | null {
  const half = d.medianInterval?.halfWidth ?? d.meanInterval?.halfWidth ?? null
  return half === null || !Number.isFinite(half) ? null : { value: d.medianMs, error: half }
}

function serialRule(record: RunRecord): SerialRule {
  const none = {
    timing: null,
    t1Ms: null,
    workerCostMs: null,
    ratio: null,
    ratioLow: null,
    ratioHigh: null,
    verdict: null
  }
  const serial = record.serial
  if (!serial || serial.samples.length === 0)
    return { status: record.protocol?.serial ?? 'not-recorded', ...none }
  const timing = describeTimings(serial.samples.map((s) => s.wallMs))
  const one = record.results.find((r) => r.workers === 1)
  if (!one || one.samples.length === 0) return { ...none, status: 'measured', timing }
  const t1 = describeTimings(one.samples.map((s) => s.wallMs))
  const t1Estimate = estimateOf(t1)
  const serialEstimate = estimateOf(timing)
  const ratio = t1.medianMs / timing.medianMs
  let ratioLow: number | null = null
  let ratioHigh: number | null = null
  if (t1Estimate && serialEstimate && ratio > 0 && Number.isFinite(ratio)) {
    // The speedup's own rule (analyzeRun): relative errors in quadrature, on the log scale.
    const e = speedupWithError(t1Estimate, serialEstimate, 2).speedupError
    if (Number.isFinite(e)) {
      ratioLow = ratio * Math.exp(-e / ratio)
      ratioHigh = ratio * Math.exp(e / ratio)
    }
  }
  return {
    status: 'measured',
    timing,
    t1Ms: t1.medianMs,
    workerCostMs: t1.medianMs - timing.medianMs,
    ratio: Number.isFinite(ratio) ? ratio : null,
    ratioLow,
    ratioHigh,
    verdict:
      ratioLow === null || ratioHigh === null
        ? null
        : ratioLow > 1
          ? 'slower'
          : ratioHigh < 1
            ? 'faster'
            : 'no-difference'
  }
}

export function methodRulesOf(record: RunRecord, contention: ContentionAnalysis): MethodRules {
  const p = record.protocol
  const physical = record.system.physicalCores ?? null
  const counts = [...new Set(record.results.map((r) => r.workers))].sort((a, b) => a - b)
  // Waiting workers use no core while they wait: none of them shares one.
  const waits = record.config.job === 'wait'
  return {
    serial: serialRule(record),
    warmup: p
      ? { rule: p.warmupRule, limit: p.warmupLimit, taken: p.warmups }
      : {
          rule: 'not-recorded',
          limit: typeof record.config.warmup === 'number' ? record.config.warmup : 0,
          taken: []
        },
    order: {
      seed: record.config.seed ?? null,
      firstOrder: p?.firstOrder ?? [],
      rounds: p?.rounds ?? 0
    },
    cores: {
      physical,
      logical: record.system.logicalCores,
      available: record.system.availableParallelism,
      abovePhysical:
        physical === null || waits || record.system.cluster
          ? []
          : counts.filter((n) => n > physical)
    },
    contention: {
      code: contention.code,
      signals: contention.signals,
      load: contention.load,
      cores: contention.cores
    },
    startCost: p?.commandStartCost ?? null
  }
}
