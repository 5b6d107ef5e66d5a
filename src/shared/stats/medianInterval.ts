import { median } from 'simple-statistics'
import { quantileSorted } from './quantileSorted'
import { seededRandom } from './seededRandom'
import type { ConfidenceInterval } from './types'

export interface BootstrapInterval extends ConfidenceInterval {
  method: 'bootstrap-percentile'
  resamples: number
  seed: number
}

export interface MedianIntervalOptions {
  /** Nominal coverage; 0.95 unless given. */
  level?: number
  /** Bootstrap resamples; 10,000 unless given. */
  resamples?: number
  /** PRNG seed: the same data and seed always give the same interval. */
  seed?: number
}

export const DEFAULT_RESAMPLES = 10_000
export const DEFAULT_SEED = 0x5eed

/**
 * Confidence interval for the median by the percentile bootstrap: resample the
 * values with replacement, take each resample's median, and read the interval
 * off the (α/2, 1 − α/2) quantiles (type 7) of those medians. Seeded, so it is
 * reproducible. Null for fewer than two values. With very few repetitions the
 * bootstrap medians take only a handful of distinct values and the interval is
 * coarse (and tends to undercover); more repetitions fix both.
 */
export function medianInterval(
  values: readonly number[],
  options: MedianIntervalOptions = {}
): BootstrapInterval | null {
  const level = options.level ?? 0.95
  const resamples = options.resamples ?? DEFAULT_RESAMPLES
  const seed = options.seed ?? DEFAULT_SEED
  if (!(level > 0 && level < 1)) throw new RangeError('level must be in (0, 1)')
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError('resamples must be a positive integer')
  }
  const n = values.length
  if (n < 2) return null
  const random = seededRandom(seed)
  const sample = new Float64Array(n)
  const medians = new Float64Array(resamples)
  const mid = n >> 1
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) sample[i] = values[Math.floor(random() * n)]
    sample.sort()
    medians[r] = n % 2 === 1 ? sample[mid] : (sample[mid - 1] + sample[mid]) / 2
  }
  medians.sort()
  const alpha = 1 - level
  const lower = quantileSorted(medians, alpha / 2)
  const upper = quantileSorted(medians, 1 - alpha / 2)
  return {
    method: 'bootstrap-percentile',
    level,
    resamples,
    seed,
    estimate: median([...values]),
    lower,
    upper,
    halfWidth: (upper - lower) / 2
  }
}
