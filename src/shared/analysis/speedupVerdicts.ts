import { median } from 'simple-statistics'
import { MIN_TIMER_TICKS, TIMER_RESOLUTION_MS } from './analyzeRun'
import type { RunRecord } from '../result'
import { baselineOf, timeEstimate, wallTimes } from './baseline'
import { describeTimings } from './describeTimings'
import { speedupNumerator } from './speedupDefinition'
import { speedupWithError } from './speedupWithError'
import { workerVerdict, type SpeedupInterval, type WorkerVerdict } from './runVerdictCode'

/** One worker count's speedup, its 95% interval and what it says. */
export interface SpeedupVerdict {
  workers: number
  speedup: number
  interval: SpeedupInterval | null
  verdict: WorkerVerdict
}

/**
 * The speedup verdicts of a run, by the same rules and numbers as
 * analyzeRun's per-worker-count rows (tests/unit/speedupVerdicts.test.ts
 * holds them equal), without the rest of the analysis: History shows them on
 * every row, so a speedup whose interval includes 1 is never shown as a win.
 * It costs the median intervals only (a bootstrap from six repetitions).
 */
export function speedupVerdicts(record: RunRecord): SpeedupVerdict[] {
  const workload = record.config.workload
  const one = record.results.find((r) => r.workers === 1)
  const { t1, hasInterval: t1HasInterval } = baselineOf(record)
  return record.results.map((r) => {
    const n = r.workers
    if (r.samples.length === 0)
      return {
        workers: n,
        speedup: Number.NaN,
        interval: null,
        verdict: workerVerdict(n, null, false)
      }
    // T1's row is described once, by baselineOf (`one` has repetitions: an empty row returned above).
    const d = r === one ? null : describeTimings(wallTimes(r))
    const tn = d === null ? { value: t1.value, error: t1.error } : timeEstimate(d)
    const medianMs = d === null ? t1.value : d.medianMs
    const speedup = speedupWithError(
      speedupNumerator(workload, t1, n),
      tn ?? { value: medianMs, error: 0 },
      n
    )
    const interval: SpeedupInterval | null =
      n === 1 || tn === null || !t1HasInterval || !Number.isFinite(speedup.speedupError)
        ? null
        : {
            lower: speedup.speedup * Math.exp(-speedup.speedupError / speedup.speedup),
            upper: speedup.speedup * Math.exp(speedup.speedupError / speedup.speedup)
          }
    const computeMs = median(r.samples.map((s) => Math.max(0, ...s.computeMs)))
    const overheadMs = median(
      r.samples.map((s) => Math.max(0, s.wallMs - Math.max(0, ...s.computeMs)))
    )
    const tooSmall = computeMs < MIN_TIMER_TICKS * TIMER_RESOLUTION_MS || computeMs < overheadMs
    return {
      workers: n,
      speedup: speedup.speedup,
      interval,
      verdict: workerVerdict(n, interval, tooSmall)
    }
  })
}
