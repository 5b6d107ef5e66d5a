/**
 * Small, exact least-squares pieces shared by the Amdahl and USL fits. Not part
 * of the folder's public surface.
 */

/** Data for a fit: x (worker counts), y (speedups), w (weights, 1 when unweighted). */
export interface FitData {
  x: readonly number[]
  y: readonly number[]
  w: readonly number[]
}

export function weightedRss(data: FitData, predict: (x: number) => number): number {
  let rss = 0
  for (let i = 0; i < data.x.length; i++) {
    const r = data.y[i] - predict(data.x[i])
    rss += data.w[i] * r * r
  }
  return rss
}

/**
 * Minimizes Σ w·(y − model(x; θ))² over θ ∈ [lo, hi]. A grid dense near lo
 * finds the basin (small serial fractions matter most), then the derivative of
 * the sum, Σ w·r·∂model/∂θ, is driven to zero by bisection inside the bracket,
 * which is exact to rounding and cannot diverge. Returns θ and whether it sits
 * on a bound.
 */
export function fitOneParameter(
  data: FitData,
  model: (x: number, theta: number) => number,
  derivative: (x: number, theta: number) => number,
  lo: number,
  hi: number
): { theta: number; rss: number; atBound: boolean } {
  const steps = 400
  const grid = Array.from({ length: steps + 1 }, (_, k) => lo + (hi - lo) * (k / steps) ** 2)
  const rssAt = (theta: number): number => weightedRss(data, (x) => model(x, theta))
  let best = 0
  let bestRss = Number.POSITIVE_INFINITY
  grid.forEach((theta, k) => {
    const rss = rssAt(theta)
    if (rss < bestRss) {
      bestRss = rss
      best = k
    }
  })
  // Half the gradient of the RSS: negative where increasing θ lowers it.
  const slope = (theta: number): number => {
    let g = 0
    for (let i = 0; i < data.x.length; i++) {
      g -= data.w[i] * (data.y[i] - model(data.x[i], theta)) * derivative(data.x[i], theta)
    }
    return g
  }
  let a = grid[Math.max(0, best - 1)]
  let b = grid[Math.min(steps, best + 1)]
  if (best === 0 && slope(lo) >= 0) return { theta: lo, rss: rssAt(lo), atBound: true }
  if (best === steps && slope(hi) <= 0) return { theta: hi, rss: rssAt(hi), atBound: true }
  if (slope(a) > 0 || slope(b) < 0) {
    // No sign change: the grid point itself is the best we can vouch for.
    return { theta: grid[best], rss: bestRss, atBound: false }
  }
  for (let i = 0; i < 200 && b - a > 0; i++) {
    const mid = a + (b - a) / 2
    if (mid === a || mid === b) break
    if (slope(mid) < 0) a = mid
    else b = mid
  }
  const theta = rssAt(a) <= rssAt(b) ? a : b
  return { theta, rss: rssAt(theta), atBound: false }
}

/** Inverse of a symmetric 2×2 matrix [[a, b], [b, d]]; null when singular. */
export function invert2x2(a: number, b: number, d: number): [number, number, number] | null {
  const det = a * d - b * b
  if (!(Math.abs(det) > 1e-300) || !Number.isFinite(det)) return null
  return [d / det, -b / det, a / det]
}

/** Weighted R² = 1 − RSS/TSS around the weighted mean; null when the data have no spread. */
export function rSquared(data: FitData, rss: number): number | null {
  const sw = data.w.reduce((s, w) => s + w, 0)
  const mean = data.y.reduce((s, y, i) => s + data.w[i] * y, 0) / sw
  const tss = data.y.reduce((s, y, i) => s + data.w[i] * (y - mean) ** 2, 0)
  return tss > 0 ? 1 - rss / tss : null
}

/**
 * Small-sample Akaike information criterion for a Gaussian least-squares fit
 * with p curve parameters (plus the noise variance): lower is better, and a
 * difference of about 2 or more is worth acting on. Null when n ≤ p + 2.
 */
export function aicc(rss: number, n: number, p: number): number | null {
  const k = p + 1
  if (n - k - 1 <= 0) return null
  // A perfect fit would give −∞; floor the RSS so two perfect fits tie.
  const floor = Math.max(rss, 1e-300)
  return n * Math.log(floor / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1)
}

export interface Residual {
  workers: number
  observed: number
  predicted: number
  residual: number
}

/** How well a scaling model fits its points: what every fit reports beside its parameters. */
export interface FitQuality {
  /** Points used, and degrees of freedom (points − parameters). */
  n: number
  dof: number
  weighted: boolean
  rss: number
  rSquared: number | null
  aicc: number | null
  residuals: Residual[]
}

export function residuals(data: FitData, predict: (x: number) => number): Residual[] {
  return data.x.map((x, i) => {
    const predicted = predict(x)
    return { workers: x, observed: data.y[i], predicted, residual: data.y[i] - predicted }
  })
}

/**
 * Turns scaling points into fit data: N = 1 is dropped (every model there is
 * S = 1 whatever its parameters, so it carries no information and would only
 * inflate the degrees of freedom), and weights are 1/error² only when asked and
 * every point has a positive error.
 */
export function toFitData(
  points: readonly { workers: number; speedup: number; error?: number }[],
  weighted: boolean
): FitData & { weighted: boolean } {
  const used = points.filter((p) => p.workers > 1 && Number.isFinite(p.speedup) && p.speedup > 0)
  const canWeight = weighted && used.every((p) => p.error !== undefined && p.error > 0)
  return {
    x: used.map((p) => p.workers),
    y: used.map((p) => p.speedup),
    w: used.map((p) => (canWeight ? 1 / (p.error as number) ** 2 : 1)),
    weighted: canWeight
  }
}
