import { describe, expect, it } from 'vitest'
import { seededRandom, seededShuffle, warmedUp } from '../../../src/shared/stats'

describe('warmedUp: warm-up until the times stop falling', () => {
  it('is never steady after one time: there is nothing to compare', () => {
    expect(warmedUp([])).toBe(false)
    expect(warmedUp([100])).toBe(false)
  })

  it('is steady when two times agree and nothing before was faster', () => {
    expect(warmedUp([100, 104])).toBe(true)
    expect(warmedUp([180, 101, 100])).toBe(true)
  })

  it('is not steady while the times still fall (a JIT warming up)', () => {
    expect(warmedUp([200, 150])).toBe(false)
    expect(warmedUp([200, 150, 120])).toBe(false)
    expect(warmedUp([200, 150, 120, 100])).toBe(false)
    expect(warmedUp([200, 150, 120, 100, 95])).toBe(true)
  })

  it('waits out a slow spike: the two newest times must agree', () => {
    expect(warmedUp([100, 160])).toBe(false)
    expect(warmedUp([100, 160, 101])).toBe(false)
    expect(warmedUp([100, 160, 101, 100])).toBe(true)
  })

  it('takes its tolerance: 10% by default', () => {
    expect(warmedUp([100, 109])).toBe(true)
    expect(warmedUp([100, 111])).toBe(false)
    expect(warmedUp([100, 111], 0.2)).toBe(true)
  })

  it('refuses non-finite or negative times', () => {
    expect(warmedUp([100, Number.NaN])).toBe(false)
    expect(warmedUp([100, -1])).toBe(false)
  })
})

describe('seededShuffle: a random order replayed from its seed', () => {
  it('gives the same order for the same seed and keeps every item', () => {
    const items = [0, 1, 2, 3, 4, 5, 6, 7]
    const a = seededShuffle(items, seededRandom(42))
    const b = seededShuffle(items, seededRandom(42))
    expect(a).toEqual(b)
    expect([...a].sort((x, y) => x - y)).toEqual(items)
    expect(items).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  it('gives different orders for different seeds and rounds', () => {
    const items = [1, 2, 3, 4, 5, 6]
    const orders = new Set<string>()
    const random = seededRandom(7)
    for (let round = 0; round < 20; round++) orders.add(seededShuffle(items, random).join(','))
    expect(orders.size).toBeGreaterThan(10)
    expect(seededShuffle(items, seededRandom(1)).join()).not.toBe(
      seededShuffle(items, seededRandom(2)).join()
    )
  })

  it('puts every item first about equally often (no bias to the fixed order)', () => {
    const random = seededRandom(3)
    const first = [0, 0, 0]
    for (let i = 0; i < 3000; i++) first[seededShuffle([0, 1, 2], random)[0]]++
    for (const f of first) expect(f).toBeGreaterThan(850)
  })
})
