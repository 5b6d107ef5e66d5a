import { seededRandom } from '../../../src/shared/scaling'

/** Seeded standard-normal draws (Box–Muller), so noisy synthetic data is the same on every run. */
export function seededNormal(seed: number): () => number {
  const random = seededRandom(seed)
  return () => {
    const u = 1 - random() // (0, 1]: log(0) cannot happen
    const v = random()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }
}

/** |actual − expected| ≤ tol·|expected|. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected)
}
