import {
  aicc,
  fitOneParameter,
  invert2x2,
  residuals,
  rSquared,
  toFitData,
  weightedRss,
  type FitData,
  type FitQuality
} from './leastSquares'
import type { FitOptions } from './fitAmdahl'
import type { ScalingPoint } from './types'

/**
 * Gunther's Universal Scalability Law: S(N) = N / (1 + σ(N − 1) + κN(N − 1)).
 * σ is contention (queueing for a shared resource: Amdahl's serial fraction);
 * κ is coherency (every worker paying for every other: messages, merging),
 * which makes the speedup peak and then fall.
 */
export function uslSpeedup(sigma: number, kappa: number, workers: number): number {
  return workers / (1 + sigma * (workers - 1) + kappa * workers * (workers - 1))
}

export interface UslFit extends FitQuality {
  model: 'usl'
  sigma: number
  sigmaError: number | null
  kappa: number
  kappaError: number | null
  /** Which parameters were held at their bound of 0. */
  atBound: { sigma: boolean; kappa: boolean }
  /** Worker count where the speedup peaks, √((1 − σ)/κ); null when κ = 0 or σ ≥ 1. */
  peakWorkers: number | null
  peakSpeedup: number | null
}

/** Upper end of the one-parameter searches on the edges of the feasible region. */
const EDGE_MAX = 10

/**
 * Fits the USL by nonlinear least squares on the speedup scale with σ, κ ≥ 0.
 * The unconstrained optimum is found by Levenberg–Marquardt from the linearized
 * fit (N/S − 1 = σ(N − 1) + κN(N − 1)); if it is infeasible the constrained
 * optimum lies on an edge (κ = 0, which is Amdahl's law, or σ = 0), each a
 * one-parameter fit; the lowest feasible sum of squares wins. Uncertainties come
 * from s²·(JᵀWJ)⁻¹, as scipy's curve_fit reports them. Needs two distinct worker
 * counts above one; null otherwise.
 */
export function fitUsl(points: readonly ScalingPoint[], options: FitOptions = {}): UslFit | null {
  const data = toFitData(points, options.weighted ?? false)
  const n = data.x.length
  if (new Set(data.x).size < 2) return null

  const candidates: { sigma: number; kappa: number; rss: number }[] = []
  const free = levenbergMarquardt(data, linearizedStart(data))
  if (free && free.sigma >= 0 && free.kappa >= 0) candidates.push(free)
  const onKappaZero = fitOneParameter(
    data,
    (x, s) => uslSpeedup(s, 0, x),
    (x, s) => (-x * (x - 1)) / (1 + s * (x - 1)) ** 2,
    0,
    EDGE_MAX
  )
  candidates.push({ sigma: onKappaZero.theta, kappa: 0, rss: onKappaZero.rss })
  const onSigmaZero = fitOneParameter(
    data,
    (x, k) => uslSpeedup(0, k, x),
    (x, k) => (-x * x * (x - 1)) / (1 + k * x * (x - 1)) ** 2,
    0,
    EDGE_MAX
  )
  candidates.push({ sigma: 0, kappa: onSigmaZero.theta, rss: onSigmaZero.rss })
  const best = candidates.reduce((a, b) => (b.rss < a.rss ? b : a))
  const { sigma, kappa } = best

  const dof = n - 2
  let sigmaError: number | null = null
  let kappaError: number | null = null
  if (dof > 0) {
    const [a, b, d] = normalMatrix(data, sigma, kappa)
    const inverse = invert2x2(a, b, d)
    if (inverse) {
      const s2 = best.rss / dof
      sigmaError = Math.sqrt(Math.max(0, s2 * inverse[0]))
      kappaError = Math.sqrt(Math.max(0, s2 * inverse[2]))
    }
  }
  const peakWorkers = kappa > 0 && sigma < 1 ? Math.sqrt((1 - sigma) / kappa) : null
  return {
    model: 'usl',
    sigma,
    sigmaError,
    kappa,
    kappaError,
    atBound: { sigma: sigma === 0, kappa: kappa === 0 },
    peakWorkers,
    peakSpeedup: peakWorkers === null ? null : uslSpeedup(sigma, kappa, peakWorkers),
    n,
    dof,
    weighted: data.weighted,
    rss: best.rss,
    rSquared: rSquared(data, best.rss),
    aicc: aicc(best.rss, n, 2),
    residuals: residuals(data, (x) => uslSpeedup(sigma, kappa, x))
  }
}

/** ∂S/∂σ and ∂S/∂κ at one worker count. */
function gradient(x: number, sigma: number, kappa: number): [number, number] {
  const d = 1 + sigma * (x - 1) + kappa * x * (x - 1)
  const common = (-x * (x - 1)) / (d * d)
  return [common, common * x]
}

/** JᵀWJ as [a, b, d] for [[a, b], [b, d]]. */
function normalMatrix(data: FitData, sigma: number, kappa: number): [number, number, number] {
  let a = 0
  let b = 0
  let d = 0
  data.x.forEach((x, i) => {
    const [js, jk] = gradient(x, sigma, kappa)
    a += data.w[i] * js * js
    b += data.w[i] * js * jk
    d += data.w[i] * jk * jk
  })
  return [a, b, d]
}

/** Ordinary least squares of N/S − 1 on (N − 1, N(N − 1)) through the origin. */
function linearizedStart(data: FitData): [number, number] {
  let a = 0
  let b = 0
  let d = 0
  let g1 = 0
  let g2 = 0
  data.x.forEach((x, i) => {
    const u = x - 1
    const v = x * (x - 1)
    const y = x / data.y[i] - 1
    a += u * u
    b += u * v
    d += v * v
    g1 += u * y
    g2 += v * y
  })
  const inverse = invert2x2(a, b, d)
  if (!inverse) return [0, 0]
  return [inverse[0] * g1 + inverse[1] * g2, inverse[1] * g1 + inverse[2] * g2]
}

function rssOf(data: FitData, sigma: number, kappa: number): number {
  // Parameters that make a denominator ≤ 0 are outside the model.
  for (const x of data.x) {
    if (!(1 + sigma * (x - 1) + kappa * x * (x - 1) > 0)) return Number.POSITIVE_INFINITY
  }
  return weightedRss(data, (x) => uslSpeedup(sigma, kappa, x))
}

/** Unconstrained Levenberg–Marquardt on (σ, κ); null if it cannot start. */
function levenbergMarquardt(
  data: FitData,
  start: [number, number]
): { sigma: number; kappa: number; rss: number } | null {
  let [sigma, kappa] = start
  let rss = rssOf(data, sigma, kappa)
  if (!Number.isFinite(rss)) return null
  let lambda = 1e-3
  for (let iteration = 0; iteration < 500; iteration++) {
    const [a, b, d] = normalMatrix(data, sigma, kappa)
    let g1 = 0
    let g2 = 0
    data.x.forEach((x, i) => {
      const r = data.y[i] - uslSpeedup(sigma, kappa, x)
      const [js, jk] = gradient(x, sigma, kappa)
      g1 += data.w[i] * js * r
      g2 += data.w[i] * jk * r
    })
    let accepted = false
    let step: [number, number] = [0, 0]
    while (lambda < 1e20) {
      const inverse = invert2x2(a * (1 + lambda), b, d * (1 + lambda))
      if (!inverse) {
        lambda *= 10
        continue
      }
      step = [inverse[0] * g1 + inverse[1] * g2, inverse[1] * g1 + inverse[2] * g2]
      const trial = rssOf(data, sigma + step[0], kappa + step[1])
      if (trial <= rss) {
        sigma += step[0]
        kappa += step[1]
        rss = trial
        lambda = Math.max(lambda / 10, 1e-12)
        accepted = true
        break
      }
      lambda *= 10
    }
    const small = (delta: number, value: number): boolean =>
      Math.abs(delta) <= 1e-14 * Math.max(Math.abs(value), 1e-10)
    if (!accepted || (small(step[0], sigma) && small(step[1], kappa))) break
  }
  return { sigma, kappa, rss }
}
