import { mean, median } from 'simple-statistics'
import type { Sample } from '../result'

/** What the breakdown needs from each repetition (a `Sample` has it). */
export type OverheadSample = Pick<Sample, 'spawnMs' | 'wallMs' | 'computeMs' | 'mergeMs'> &
  Partial<Pick<Sample, 'networkMs'>>

/** Where one worker count's time goes: medians over its repetitions (ms). */
export interface OverheadBreakdown {
  n: number
  /** Starting the workers (cold pools); null when no repetition measured it. */
  spawnMs: number | null
  /** wall − slowest worker's compute: handing out work and collecting results. */
  dispatchMs: number
  /** The slowest worker's compute: what the wall time waits for. */
  computeSlowestMs: number
  /** The mean worker's compute: what it would be with perfectly even shares. */
  computeMeanMs: number
  /** slowest/mean − 1 per repetition, then the median: 0 is perfectly balanced. */
  imbalance: number
  mergeMs: number
  /** Cluster runs: the slowest link's round trip, measured before the run (part of dispatch); else null. */
  networkMs: number | null
}

/**
 * Splits one worker count's repetitions into spawn, dispatch, compute (slowest
 * and mean worker) and merge, each the median over repetitions so one bad
 * repetition does not move it. Medians of parts need not add up to the median
 * of the whole. Dispatch compares the runner's clock with the workers' own, so a
 * tiny negative value is clock resolution, kept rather than hidden.
 */
export function overheadBreakdown(samples: readonly OverheadSample[]): OverheadBreakdown {
  if (samples.length === 0) throw new RangeError('no repetitions')
  const spawns = samples.map((s) => s.spawnMs).filter((x): x is number => x !== null)
  const networks = samples.flatMap((s) => (s.networkMs === undefined ? [] : [s.networkMs]))
  const slowest: number[] = []
  const means: number[] = []
  const imbalances: number[] = []
  const dispatch: number[] = []
  for (const s of samples) {
    if (s.computeMs.length === 0) throw new RangeError('a repetition has no worker compute times')
    const max = Math.max(...s.computeMs)
    const avg = mean(s.computeMs)
    slowest.push(max)
    means.push(avg)
    imbalances.push(avg > 0 ? max / avg - 1 : 0)
    dispatch.push(s.wallMs - max)
  }
  return {
    n: samples.length,
    spawnMs: spawns.length > 0 ? median(spawns) : null,
    dispatchMs: median(dispatch),
    computeSlowestMs: median(slowest),
    computeMeanMs: median(means),
    imbalance: median(imbalances),
    mergeMs: median(samples.map((s) => s.mergeMs)),
    networkMs: networks.length > 0 ? median(networks) : null
  }
}
