import { describe, expect, it } from 'vitest'
import { cpuUtilization, outputChanges } from '../../src/shared/command/copyFigures'

describe('CPU utilization = CPU ÷ (wall × N)', () => {
  it('two copies each busy the whole wall are 100 %', () => {
    const copy = { cpuUserMs: 990, cpuSystemMs: 10 }
    expect(cpuUtilization({ wallMs: 1000, workers: [copy, copy] }, 2)).toBeCloseTo(1)
  })
  it('one process told to use 4 that keeps one core busy is 25 %', () => {
    expect(
      cpuUtilization({ wallMs: 2000, workers: [{ cpuUserMs: 1900, cpuSystemMs: 100 }] }, 4)
    ).toBeCloseTo(0.25)
  })
  it('a copy whose CPU was not measured makes it unknown, never 0', () => {
    expect(
      cpuUtilization({ wallMs: 1000, workers: [{ cpuUserMs: 500, cpuSystemMs: 0 }, {}] }, 2)
    ).toBeNull()
    expect(
      cpuUtilization({ wallMs: 1000, workers: [{ cpuUserMs: null, cpuSystemMs: null }] }, 1)
    ).toBeNull()
    expect(cpuUtilization({ wallMs: 0, workers: [{ cpuUserMs: 1, cpuSystemMs: 1 }] }, 1)).toBeNull()
  })
})

describe('outputChanges: a copy printing differently from its first repetition', () => {
  it('names the repetition and the copy', () => {
    const s = (rep: number, ...hashes: string[]) => ({
      rep,
      workers: hashes.map((outputHash) => ({ outputHash }))
    })
    expect(outputChanges([s(1, 'a', 'b'), s(2, 'a', 'b'), s(3, 'a', 'x'), s(4, 'y', 'b')])).toEqual(
      [
        { rep: 3, copy: 1 },
        { rep: 4, copy: 0 }
      ]
    )
    expect(outputChanges([])).toEqual([])
    expect(outputChanges([s(1, 'a'), { rep: 2, workers: [{}] }])).toEqual([])
  })
})
