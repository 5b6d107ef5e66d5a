import { describe, expect, it } from 'vitest'
import { parseCli } from '../../src/cli/options'
import { validateRunConfig } from '../../src/shared/config'
import { issueText } from '../../src/renderer/src/lib/i18n/issueText'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import type { ConfigIssue } from '../../src/shared/config'
import { parseRunRecord } from '../../src/shared/runRecordSchema'
import { validateStudyConfig } from '../../src/shared/study'
import { medianNsPerElement, workerThroughput } from '../../src/shared/throughput'
import { sampleRun } from '../helpers/runRecord'
import { formatThroughput } from '../../src/shared/format'

describe('kernel in the configuration', () => {
  it('accepts js and wasm, leaves it out as js, and refuses anything else', () => {
    const base = { ...sampleRun().config }
    delete (base as { kernel?: string }).kernel
    expect(validateRunConfig({ ...base, kernel: 'wasm' })).toMatchObject({
      ok: true,
      value: { kernel: 'wasm' }
    })
    expect(validateRunConfig(base).ok).toBe(true)
    expect(validateRunConfig({ ...base, kernel: 'gpu' })).toMatchObject({
      ok: false,
      issues: [{ field: 'kernel', message: 'kernel must be one of js, wasm' }]
    })
  })

  it('loads a history record written before kernels existed (it ran js)', () => {
    const old = JSON.parse(JSON.stringify(sampleRun())) as { config: Record<string, unknown> }
    delete old.config.kernel
    const parsed = parseRunRecord(old)
    expect(parsed.ok).toBe(true)
  })
})

describe('parseCli --kernel', () => {
  it('defaults to js and takes wasm', () => {
    const plain = parseCli([], 2)
    const wasm = parseCli(['--kernel', 'wasm'], 2)
    if (plain.kind !== 'run' || wasm.kind !== 'run') throw new Error('expected runs')
    expect(plain.options.config.kernel ?? 'js').toBe('js')
    expect(wasm.options.config.kernel).toBe('wasm')
  })

  it('refuses an unknown kernel or a missing value', () => {
    expect(parseCli(['--kernel', 'c'], 2)).toMatchObject({
      kind: 'invalid',
      issues: [{ field: 'kernel', message: 'kernel must be one of js, wasm' }]
    })
    expect(parseCli(['--kernel'], 2)).toMatchObject({
      kind: 'invalid',
      issues: [{ field: 'kernel' }]
    })
  })
})

describe('throughput per worker', () => {
  it('takes the workers’ own ns/element, median over workers and repetitions', () => {
    const run = sampleRun()
    const r = run.results[0]
    const withNs = {
      ...r,
      samples: r.samples.map((s, k) => ({
        ...s,
        workers: s.workers.map((w) => ({ ...w, kernel: 'wasm' as const, nsPerElement: 0.1 + k }))
      }))
    }
    // ns/element 0.1 and 1.1 over the two repetitions (not the compute time's ~1.6 ns).
    expect(medianNsPerElement(run.config, withNs)).toBeCloseTo(0.6, 9)
    expect(workerThroughput(run.config, withNs)).toBeCloseTo(1e9 / 0.6, 0)
  })

  it('falls back to range length ÷ compute time for records without ns/element', () => {
    const run = sampleRun()
    const r = run.results[0]
    const length = run.config.range.end - run.config.range.start
    const each = r.samples.map((s) => (s.workers[0].computeMs * 1e6) / length)
    expect(medianNsPerElement(run.config, r)).toBeCloseTo((each[0] + each[1]) / 2, 9)
  })

  it('formats elements per second with a unit', () => {
    expect(formatThroughput(1.234e9)).toBe('1.23 G/s')
    expect(formatThroughput(8.12e8)).toBe('812 M/s')
    expect(formatThroughput(45_600)).toBe('45.6 k/s')
    expect(formatThroughput(null)).toBe('—')
  })
})

describe('parseCli --compare-kernels', () => {
  it('alone: both kernels over the default sizes; with a list or sizes as given', () => {
    const alone = parseCli(['--compare-kernels', '--workers', '1,2'], 2)
    if (alone.kind !== 'run') throw new Error(JSON.stringify(alone))
    expect(alone.options.study).toMatchObject({ kernels: ['js', 'wasm'] })
    expect(alone.options.study?.sizes?.length).toBe(11)
    const listed = parseCli(
      ['--compare-kernels=wasm,js', '--sweep-sizes', '10^4,10^5', '--workers', '1,2'],
      2
    )
    if (listed.kind !== 'run') throw new Error(JSON.stringify(listed))
    expect(listed.options.study).toMatchObject({ kernels: ['wasm', 'js'], sizes: [1e4, 1e5] })
  })

  it('refuses an unknown kernel or a single one, in the CLI’s words', () => {
    expect(parseCli(['--compare-kernels=js,c', '--workers', '1,2'], 2)).toEqual({
      kind: 'invalid',
      issues: [{ field: 'compare-kernels', message: '"c" is not a kernel (js, wasm)' }]
    })
    expect(parseCli(['--compare-kernels=js', '--workers', '1,2'], 2)).toEqual({
      kind: 'invalid',
      issues: [{ field: 'compare-kernels', message: 'compare at least two kernels' }]
    })
  })
})

describe('kernel messages in Korean', () => {
  const base = sampleRun().config
  const issues: ConfigIssue[] = [
    ...[
      validateRunConfig({ ...base, kernel: 'gpu' }),
      validateStudyConfig({ base, backends: ['process'], kernels: ['js', 'wasm'] }),
      validateStudyConfig({ base, sizes: [1000], kernels: ['js'] }),
      validateStudyConfig({ base, sizes: [1000], kernels: ['js', 'js'] }),
      validateStudyConfig({ base, sizes: [1000], kernels: ['js', 'gpu'] }),
      validateStudyConfig({ base, sizes: [1000], kernels: ['js', 'wasm', 'js'] }),
      validateStudyConfig({ base, sizes: [1000], kernels: 'js' })
    ].flatMap((r) => (r.ok ? [] : r.issues)),
    {
      field: 'kernel',
      message:
        'worker 1 (pid 42) cannot run the wasm kernel: its runtime has no WebAssembly SIMD (i64x2). Choose the js kernel.',
      code: 'kernel-unsupported',
      params: { worker: 'worker 1 (pid 42)' }
    }
  ]

  it('words every one of them from its code, keeping the numbers', () => {
    expect(issues.length).toBeGreaterThanOrEqual(7)
    for (const issue of issues) {
      expect(issue.code, issue.message).toBeDefined()
      const korean = issueText(issue, ko)
      expect(korean, issue.message).toMatch(/[\uac00-\ud7a3]/)
      for (const number of issue.message.match(/\d+/g) ?? [])
        expect(korean, issue.message).toContain(number)
    }
  })
})
