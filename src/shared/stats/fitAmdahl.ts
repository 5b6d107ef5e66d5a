import {
  aicc,
  fitOneParameter,
  residuals,
  rSquared,
  toFitData,
  type FitQuality
} from './leastSquares'
import type { ScalingPoint } from './types'

/** Amdahl's law: S(N) = 1 / (f + (1 − f)/N) = N / (1 + f(N − 1)). */
export function amdahlSpeedup(serialFraction: number, workers: number): number {
  return workers / (1 + serialFraction * (workers - 1))
}

export interface FitOptions {
  /**
   * Weight each point by 1/error² (only if every point with N > 1 has an error > 0).
   * Timing noise makes a speedup's error grow with S, and unweighted uncertainties
   * then come out too small (tests: ~82% coverage for a nominal 95%); weighting
   * fixes that when the errors are trustworthy. Off by default because errors from
   * a handful of repetitions are themselves noisy, and one near-zero error would
   * pin the fit to its point.
   */
  weighted?: boolean
}

/** Amdahl's fit; its quality counts the points with N > 1 (n) and n − 1 degrees of freedom. */
export interface AmdahlFit extends FitQuality {
  model: 'amdahl'
  /** Serial fraction f in [0, 1]. */
  serialFraction: number
  /** Its standard uncertainty from the curvature of the fit; null with one point. */
  serialFractionError: number | null
  /** Predicted ceiling 1/f for N → ∞; null when f = 0 (no limit). */
  ceiling: number | null
  /** Delta-method uncertainty of the ceiling, σ_f / f². */
  ceilingError: number | null
  /** True when f was held at 0 or 1 (e.g. superlinear data would want f < 0). */
  atBound: boolean
}

/**
 * Fits Amdahl's serial fraction f to measured speedups by nonlinear least squares
 * on the speedup scale (not on 1/S, which would reweight the points), with
 * f ∈ [0, 1]. The uncertainty is the usual one of nonlinear regression,
 * σ_f² = s² / Σ w·J², J = ∂S/∂f, s² = RSS/(n − 1) (as scipy's curve_fit with
 * relative weights). Null when no point has N > 1.
 */
export function fitAmdahl(
  points: readonly ScalingPoint[],
  options: FitOptions = {}
): AmdahlFit | null {
  const data = toFitData(points, options.weighted ?? false)
  const n = data.x.length
  if (n === 0) return null
  const derivative = (x: number, f: number): number => (-x * (x - 1)) / (1 + f * (x - 1)) ** 2
  const fit = fitOneParameter(data, (x, f) => amdahlSpeedup(f, x), derivative, 0, 1)
  const f = fit.theta
  const dof = n - 1
  let serialFractionError: number | null = null
  if (dof > 0) {
    const information = data.x.reduce((s, x, i) => s + data.w[i] * derivative(x, f) ** 2, 0)
    serialFractionError = information > 0 ? Math.sqrt(fit.rss / dof / information) : null
  }
  const ceiling = f > 0 ? 1 / f : null
  return {
    model: 'amdahl',
    serialFraction: f,
    serialFractionError,
    ceiling,
    ceilingError:
      ceiling !== null && serialFractionError !== null ? serialFractionError / f ** 2 : null,
    atBound: fit.atBound,
    n,
    dof,
    weighted: data.weighted,
    rss: fit.rss,
    rSquared: rSquared(data, fit.rss),
    aicc: aicc(fit.rss, n, 1),
    residuals: residuals(data, (x) => amdahlSpeedup(f, x))
  }
}
