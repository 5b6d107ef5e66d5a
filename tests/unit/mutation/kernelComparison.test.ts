/**
 * compareKernels called inside each test (docs/MUTATION.md): the main tests
 * (tests/unit/kernelComparison.test.ts) compute the comparison once while the
 * file is collected, where a mutant switched on per test never reaches it.
 * Two kernels, 1 and 0.14 ns/element, as there; the figures are read back
 * from the fixture's own timings.
 */
import { describe, expect, it } from 'vitest'
import type { KernelName } from '../../../src/shared/config'
import { compareKernels } from '../../../src/shared/analysis/kernelComparison'
import { analyzeStudy } from '../../../src/shared/analysis/analyzeStudy'
import type { StudyRecord } from '../../../src/shared/study'
import { syntheticRun, syntheticStudy } from '../../helpers/syntheticRun'

const SIZES = [10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

function kernelStudy(pools: ('warm' | 'cold')[] = ['warm']): StudyRecord {
  const base = syntheticStudy()
  const nsPerElement: Record<KernelName, number> = { js: 1, wasm: 0.14 }
  const sizeRuns = (['js', 'wasm'] as const).flatMap((kernel) =>
    pools.flatMap((pool) =>
      SIZES.map((size) => {
        const c = nsPerElement[kernel] / 1e6
        const t1 = c * size + 0.05
        const t2 = (c * size) / 2 + 0.5
        return {
          backend: 'process' as const,
          pool,
          size,
          kernel,
          run: syntheticRun(
            [
              { workers: 1, wallMs: [t1, t1 * 1.001, t1 * 0.999], overheadMs: 0.05 },
              { workers: 2, wallMs: [t2, t2 * 1.001, t2 * 0.999], overheadMs: 0.5 }
            ],
            { range: { start: 0, end: size }, kernel, pool }
          )
        }
      })
    )
  )
  return {
    ...base,
    config: { base: base.config.base, sizes: SIZES, kernels: ['js', 'wasm'] },
    sizeRuns,
    backendRuns: []
  }
}

describe('compareKernels, inside each test', () => {
  it('sizes, kernels in order, ns/element of the warm 1-worker run at the largest size', () => {
    const study = kernelStudy()
    const c = compareKernels(study, analyzeStudy(study))!
    expect(c).toMatchObject({ backend: 'process', workers: 2, smallestSize: 10_000 })
    expect(c.largestSize).toBe(100_000_000)
    expect(c.kernels.map((k) => k.kernel)).toEqual(['js', 'wasm'])
    const [js, wasm] = c.kernels
    // Compute (wall − the 0.05 ms overhead) 100 ms over 1e8 elements: 1 ns (wasm 0.14 ns).
    expect(js.nsPerElement!).toBeCloseTo(1, 9)
    expect(wasm.nsPerElement!).toBeCloseTo(0.14, 9)
    expect([c.faster, c.slower]).toEqual(['wasm', 'js'])
    expect(c.ratio!).toBeCloseTo(1 / 0.14, 8)
    // Speedup at the largest size, warm: T1/T2 = (100.05)/(50.5) for js.
    expect(js.speedupAtLargest!.speedup).toBeCloseTo(100.05 / 50.5, 6)
    expect(wasm.speedupAtLargest!.speedup).toBeCloseTo(14.05 / 7.5, 6)
    expect(js.breakEven.warm?.status).toBe('crosses')
    expect(js.breakEven.cold).toBeNull()
    expect(c.lesson).toBe('pays-off-later')
  })

  it('reads the cold sweep’s break-even beside the warm one', () => {
    const study = kernelStudy(['warm', 'cold'])
    const c = compareKernels(study, analyzeStudy(study))!
    expect(c.kernels[0].breakEven.cold?.status).toBe('crosses')
    expect(c.kernels[0].breakEven.warm?.status).toBe('crosses')
  })

  it('is null without kernels, without a sweep count, or without size runs', () => {
    const study = kernelStudy()
    const a = analyzeStudy(study)
    expect(
      compareKernels({ ...study, config: { ...study.config, kernels: undefined } }, a)
    ).toBeNull()
    expect(compareKernels({ ...study, sweepWorkers: null }, a)).toBeNull()
    expect(compareKernels({ ...study, sizeRuns: [] }, a)).toBeNull()
  })

  it('one kernel timed: no faster, slower, ratio or lesson', () => {
    const study = kernelStudy()
    const one = { ...study, sizeRuns: study.sizeRuns.filter((r) => r.kernel === 'js') }
    const c = compareKernels(one, analyzeStudy(one))!
    expect(c.kernels[1].nsPerElement).toBeNull()
    expect(c.kernels[1].speedupAtLargest).toBeNull()
    expect([c.faster, c.slower, c.ratio, c.lesson]).toEqual([null, null, null, null])
  })
})

describe('compareKernels reads each figure from its own run', () => {
  it('ns/element from the warm one-worker run at the largest size of the study’s backend, in any order; the sweep of that backend', () => {
    const study = kernelStudy(['warm', 'cold'])
    const largest = SIZES[SIZES.length - 1]
    const own: Record<string, number> = { js: 1, wasm: 0.14 }
    // Every worker reports its speed; only the run the comparison reads has the kernel's own.
    for (const r of study.sizeRuns) {
      for (const count of r.run.results) {
        const right = r.pool === 'warm' && r.size === largest && count.workers === 1
        for (const s of count.samples)
          for (const w of s.workers) w.nsPerElement = right ? own[r.kernel!] : 50 + count.workers
      }
    }
    // The same kernels on threads, listed first, slower on two workers and at 99 ns/element.
    const threads = study.sizeRuns
      .filter((r) => r.pool === 'warm')
      .map((r) => {
        const run = structuredClone(r.run)
        run.config.backend = 'thread'
        for (const count of run.results)
          for (const s of count.samples) {
            if (count.workers === 2) s.wallMs *= 3
            for (const w of s.workers) w.nsPerElement = 99
          }
        return { ...r, backend: 'thread' as const, run }
      })
    // Cold runs first, the largest first; then warm ones, the smallest first; and the
    // two-worker row before the one-worker row: the run is found by pool, size and count.
    for (const r of study.sizeRuns) r.run.results.reverse()
    const cold = study.sizeRuns.filter((r) => r.pool === 'cold').sort((a, b) => b.size - a.size)
    const warm = study.sizeRuns.filter((r) => r.pool === 'warm').sort((a, b) => a.size - b.size)
    study.sizeRuns = [...threads, ...cold, ...warm]
    const c = compareKernels(study, analyzeStudy(study))!
    expect(c.backend).toBe('process')
    const [js, wasm] = c.kernels
    expect(js.nsPerElement).toBe(1)
    expect(wasm.nsPerElement).toBe(0.14)
    expect(c.ratio!).toBeCloseTo(1 / 0.14, 12)
    expect(js.speedupAtLargest!.speedup).toBeCloseTo(100.05 / 50.5, 6)
    expect(wasm.speedupAtLargest!.speedup).toBeCloseTo(14.05 / 7.5, 6)
  })
})

describe('compareKernels without a warm run at the largest size', () => {
  it('gives that kernel no ns/element and no speedup at the largest size', () => {
    const study = kernelStudy(['warm', 'cold'])
    const largest = SIZES[SIZES.length - 1]
    study.sizeRuns = study.sizeRuns.filter(
      (r) => !(r.kernel === 'js' && r.pool === 'warm' && r.size === largest)
    )
    const c = compareKernels(study, analyzeStudy(study))!
    const [js, wasm] = c.kernels
    expect(js.nsPerElement).toBeNull()
    expect(js.speedupAtLargest).toBeNull()
    expect(js.breakEven.warm).not.toBeNull()
    expect(wasm.nsPerElement!).toBeCloseTo(0.14, 9)
    expect([c.faster, c.slower, c.ratio, c.lesson]).toEqual([null, null, null, null])
  })
})
