import { describe, expect, it } from 'vitest'
import { formatStudyTables } from '../../src/cli/studyTable'
import type { KernelName } from '../../src/shared/config'
import { compareKernels } from '../../src/shared/analysis/kernelComparison'
import { kernelSentences } from '../../src/shared/report'
import { studyToMarkdown } from '../../src/shared/report/exporters'
import { studyToCsv } from '../../src/shared/report/exporters'
import { analyzeStudy } from '../../src/shared/scaling'
import { studyPlan, validateStudyConfig } from '../../src/shared/study'
import type { StudyRecord } from '../../src/shared/study'
import { syntheticRun, syntheticStudy } from '../helpers/syntheticRun'

/**
 * Two kernels on the same machine: the same fixed cost of splitting (0.5 ms
 * with 2 workers, 0.05 ms with 1), compute of 1 ns/element (js) and
 * 0.14 ns/element (wasm). Break-even where c·s + 0.05 = c·s/2 + 0.5:
 * s = 0.9 / c, so 900,000 elements for js and ≈ 6.4 million for wasm.
 */
function kernelStudy(): StudyRecord {
  const base = syntheticStudy()
  const sizes = [10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]
  const nsPerElement: Record<KernelName, number> = { js: 1, wasm: 0.14 }
  const sizeRuns = (['js', 'wasm'] as const).flatMap((kernel) =>
    sizes.map((size) => {
      const c = nsPerElement[kernel] / 1e6
      const t1 = c * size + 0.05
      const t2 = (c * size) / 2 + 0.5
      return {
        backend: 'process' as const,
        pool: 'warm' as const,
        size,
        kernel,
        run: syntheticRun(
          [
            { workers: 1, wallMs: [t1, t1 * 1.001, t1 * 0.999], overheadMs: 0.05 },
            { workers: 2, wallMs: [t2, t2 * 1.001, t2 * 0.999], overheadMs: 0.5 }
          ],
          { range: { start: 0, end: size }, kernel }
        )
      }
    })
  )
  return {
    ...base,
    config: { base: base.config.base, sizes, kernels: ['js', 'wasm'] },
    sizeRuns,
    backendRuns: []
  }
}

describe('compareKernels', () => {
  const study = kernelStudy()
  const analysis = analyzeStudy(study)
  const c = compareKernels(study, analysis)!

  it('keeps each kernel’s sweep apart in the analysis', () => {
    expect(analysis.sizeSweeps.map((s) => `${s.kernel}/${s.pool}`)).toEqual([
      'js/warm',
      'wasm/warm'
    ])
    expect(analysis.sizeSweeps.every((s) => s.points.length === 5)).toBe(true)
  })

  it('shows the faster loop moving the break-even up and lowering the speedup at a fixed size', () => {
    const [js, wasm] = c.kernels
    expect(c.faster).toBe('wasm')
    expect(c.slower).toBe('js')
    expect(c.ratio).toBeGreaterThan(6)
    expect(js.nsPerElement).toBeGreaterThan(wasm.nsPerElement!)
    expect(js.breakEven.warm!.size!).toBeGreaterThan(3e5)
    expect(js.breakEven.warm!.size!).toBeLessThan(3e6)
    expect(wasm.breakEven.warm!.size!).toBeGreaterThan(2 * js.breakEven.warm!.size!)
    expect(wasm.speedupAtLargest!.speedup).toBeLessThan(js.speedupAtLargest!.speedup)
    expect(kernelSentences(c).join(' ')).toMatch(
      /wasm loop took \d+\.\d× less time per element than js/
    )
    expect(kernelSentences(c).join(' ')).toMatch(/a faster loop makes parallelism pay off later/)
  })

  it('is null for a study that did not compare kernels', () => {
    const plain = syntheticStudy()
    expect(compareKernels(plain, analyzeStudy(plain))).toBeNull()
  })

  it('appears in the CLI table, the Markdown report and the CSV', () => {
    const table = formatStudyTables(study, analysis)
    expect(table).toContain('Kernels compared (process, 1 vs 2 workers)')
    expect(table).toMatch(/wasm\s+0\.1\d\d/)
    const md = studyToMarkdown(study, analysis)
    expect(md).toContain('## Kernels compared')
    expect(md).toContain('## Problem size: wasm kernel, process, warm pool')
    const csv = studyToCsv(study, analysis)
    // The kernel column, then the network-cost study's six (empty on a kernel study's rows).
    expect(csv.split('\r\n')[0]).toContain(',kernel,localBackend,')
    expect(csv).toMatch(/^size,.*,wasm,,,,,,,,,$/m)
  })
})

describe('a study comparing kernels', () => {
  const base = syntheticStudy().config.base

  it('runs the size sweep once per kernel', () => {
    const v = validateStudyConfig({ base, sizes: [1000, 10_000], kernels: ['js', 'wasm'] })
    if (!v.ok) throw new Error(JSON.stringify(v.issues))
    const steps = studyPlan(v.value)
    expect(
      steps.map((s) => (s.kind === 'size' ? `${s.kernel}:${s.config.kernel}` : s.kind))
    ).toEqual([...Array(4).fill('js:js'), ...Array(4).fill('wasm:wasm')])
  })

  it('needs sizes, distinct kernels and at least two', () => {
    const issues = (input: unknown): string[] => {
      const v = validateStudyConfig(input)
      return v.ok ? [] : v.issues.map((i) => `${i.field}: ${i.message}`)
    }
    expect(issues({ base, backends: ['process'], kernels: ['js', 'wasm'] })).toContain(
      'kernels: comparing kernels runs the size sweep with each: give sizes'
    )
    expect(issues({ base, sizes: [1000], kernels: ['js'] })).toContain(
      'kernels: compare at least two kernels'
    )
    expect(issues({ base, sizes: [1000], kernels: ['js', 'gpu'] })).toContain(
      'kernels.1: a kernel must be one of js, wasm'
    )
  })
})
