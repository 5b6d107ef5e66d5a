import { normalQuantile } from './normalQuantile'
import { studentTCentral, studentTDensity, studentTTail } from './studentTCdf'
import { solveTail } from './solveTail'

/** Above this many degrees of freedom the Cornish–Fisher series is used outright. */
const LARGE_DF = 1e5

/** Cornish–Fisher expansion of t in powers of 1/ν around the normal quantile z (A&S 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z
  const g1 = (z * (z2 + 1)) / 4
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df
}

/**
 * The quantile (inverse CDF) of Student's t with `df` > 0 degrees of freedom,
 * e.g. studentTQuantile(0.975, 9) = 2.2622 for a 95% interval from 10 values.
 * Closed forms for ν = 1 and 2; otherwise the tail is inverted through the
 * regularized incomplete beta function, from a Cornish–Fisher first guess. ν = ∞
 * gives the normal quantile.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new RangeError('degrees of freedom must be positive')
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  if (p === 0.5) return 0
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p)
  const q = Math.min(p, 1 - p)
  let t: number
  if (df === 1) {
    // Cauchy: written with the smaller tail so that tiny q keeps its precision.
    t = 1 / Math.tan(Math.PI * q)
  } else if (df === 2) {
    t = (1 - 2 * q) / Math.sqrt(2 * q * (1 - q))
  } else if (df >= LARGE_DF) {
    // The incomplete beta loses ~ν·ε here; the expansion is exact to rounding.
    t = cornishFisher(-normalQuantile(q), df)
  } else {
    const z = -normalQuantile(q)
    const guess = cornishFisher(z, df)
    const start = Number.isFinite(guess) && guess > 0 ? guess : z
    const density = (x: number): number => studentTDensity(x, df)
    // Near the centre solve on P(0 < T < t) = |p − ½| (exact by Sterbenz) for relative precision.
    t =
      q > 0.25
        ? solveTail(-Math.abs(p - 0.5), (x) => -studentTCentral(x, df), density, start)
        : solveTail(q, (x) => studentTTail(x, df), density, start)
  }
  return p < 0.5 ? -t : t
}
