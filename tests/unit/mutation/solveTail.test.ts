/**
 * The tail inverter behind every quantile (solveTail.ts), on a tail whose
 * inverse is known in closed form: the exponential, tail(x) = e^(−x), density
 * e^(−x), so the root of tail(x) = q is −ln q. Besides the root, the tests pin
 * how many times the tail is evaluated (docs/MUTATION.md): Newton from a close
 * guess converges quadratically, in a handful of evaluations, and the bracket
 * starts at the guess; a solver that lost its Newton step, its stopping test or
 * its starting point still finds the root, but by bisection, in 50 to 200
 * evaluations. A density that is wrong makes Newton leave the bracket, and the
 * bisection fallback must still give the root.
 */
import { describe, expect, it } from 'vitest'
import { solveTail } from '../../../src/shared/stats/solveTail'

function solveFor(
  q: number,
  guess: number,
  density: (x: number) => number = (x) => Math.exp(-x)
): { x: number; evaluations: number } {
  let evaluations = 0
  const tail = (x: number): number => {
    evaluations++
    return Math.exp(-x)
  }
  return { x: solveTail(q, tail, density, guess), evaluations }
}
const solve = (
  root: number,
  guess: number,
  density?: (x: number) => number
): { x: number; evaluations: number } => solveFor(Math.exp(-root), guess, density)

const close = (actual: number, expected: number, rel = 4e-16): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected))
}

describe('solveTail', () => {
  it('Newton from a close guess: the root in at most 8 evaluations', () => {
    const below = solve(3, 2.9)
    close(below.x, 3)
    expect(below.evaluations).toBeLessThanOrEqual(8)
    const small = solve(0.5, 0.45)
    close(small.x, 0.5)
    expect(small.evaluations).toBeLessThanOrEqual(7)
    const above = solve(50, 50.5)
    close(above.x, 50)
    expect(above.evaluations).toBeLessThanOrEqual(8)
  })

  it('starts its bracket at the guess: one doubling past 49, not six from 1', () => {
    const r = solve(50, 49)
    close(r.x, 50)
    expect(r.evaluations).toBeLessThanOrEqual(10)
  })

  it('an exact guess costs two evaluations', () => {
    const r = solve(3, 3)
    expect(r.x).toBe(3)
    expect(r.evaluations).toBeLessThanOrEqual(2)
  })

  it('falls back to bisection when the density is useless or too small, and still finds the root', () => {
    for (const density of [() => 0, (x: number) => 1e-3 * Math.exp(-x)]) {
      const r = solve(3, 2.9, density)
      close(r.x, 3)
      // Bisection to the last bit of a double: about 55 halvings.
      expect(r.evaluations).toBeGreaterThan(40)
      expect(r.evaluations).toBeLessThanOrEqual(60)
    }
  })

  it('finds a root far beyond the guess (e^(−700)), doubling the bracket up to it', () => {
    close(solve(700, 10).x, 700)
  })

  it('stops on its step-size test where no double hits the root exactly', () => {
    // e^(−x) = 0.01 and 0.3 have no double root (checked: the tail never equals q),
    // so only the stopping test |step| ≤ 4e-16·x ends the iteration.
    for (const q of [0.01, 0.3]) {
      const root = -Math.log(q)
      const r = solveFor(q, root * 0.97)
      close(r.x, root, 1e-15)
      expect(r.evaluations).toBeLessThanOrEqual(8)
    }
  })

  it('gives up after 200 steps when Newton crawls (a density 1000 times too large)', () => {
    const r = solve(-Math.log(0.05), 2.9, (x) => 1e3 * Math.exp(-x))
    // One evaluation to check the bracket, then one per step.
    expect(r.evaluations).toBeLessThanOrEqual(202)
    expect(r.evaluations).toBeGreaterThan(150)
  })
})
