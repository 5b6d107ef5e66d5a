/**
 * Inverts a decreasing tail probability on [0, ∞): the x ≥ 0 with tail(x) = q.
 * Newton steps (tail′ = −density) kept inside a shrinking bracket, falling back
 * to bisection whenever a step would leave it, so it converges even from a poor
 * first guess. Shared by the normal and Student-t quantiles.
 */
export function solveTail(
  q: number,
  tail: (x: number) => number,
  density: (x: number) => number,
  guess: number
): number {
  let lo = 0
  let hi = Math.max(1, guess)
  for (let i = 0; i < 2100 && tail(hi) > q; i++) {
    lo = hi
    hi *= 2
  }
  let x = Math.min(Math.max(guess, lo), hi)
  for (let i = 0; i < 200; i++) {
    const f = tail(x) - q
    if (f === 0) return x
    if (f > 0) lo = x
    else hi = x
    const d = density(x)
    let next = d > 0 ? x + f / d : Number.NaN
    if (!(next > lo && next < hi)) next = lo + (hi - lo) / 2
    if (Math.abs(next - x) <= 4e-16 * Math.max(Math.abs(x), 1e-300)) return next
    x = next
  }
  return x
}
