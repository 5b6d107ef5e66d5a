/**
 * A command's size sweep (--sizes LIST): the study plan sets {size} at each
 * point and runs one pool (a command's copies are new processes whatever the
 * pool); the break-even and where a warning came from are worded in sizes of
 * {size}, not a range's elements, in English and Korean.
 */
import { describe, expect, it } from 'vitest'
import { defaultRunConfig, type RunConfig } from '../../src/shared/config'
import { defaultCommandSettings } from '../../src/shared/command/commandSettings'
import { studyPlan, validateStudyConfig } from '../../src/shared/study'
import { findBreakEven } from '../../src/shared/stats/findBreakEven'
import { findingText, stepLabelText, whereText } from '../../src/shared/report'
import type { SizeSweepAnalysis } from '../../src/shared/analysis/types'

const base: RunConfig = {
  ...defaultRunConfig(2),
  job: 'command',
  workload: 'split',
  range: { start: 0, end: 1 },
  workers: [1, 2],
  command: { ...defaultCommandSettings('workers'), line: 'xz -T{workers} -c f{size}', size: 10 }
}

describe("a command's size sweep", () => {
  it('sets {size} at each point, 1 worker vs N, one pool, sizes ascending', () => {
    const v = validateStudyConfig({ base, sizes: [1000, 10] })
    expect(v.ok).toBe(true)
    if (!v.ok) return
    const steps = studyPlan(v.value)
    expect(steps.map((s) => (s.kind === 'size' ? [s.size, s.pool, s.job] : s.kind))).toEqual([
      [10, 'warm', 'command'],
      [1000, 'warm', 'command']
    ])
    for (const s of steps)
      if (s.kind === 'size') {
        expect(s.config.command?.size).toBe(s.size)
        expect(s.config.workers).toEqual([1, 2])
      }
  })

  it('refuses a sweep of a command without {size} (the app sweeps the form as it is)', () => {
    const v = validateStudyConfig({
      base: {
        ...base,
        command: { ...base.command!, line: 'xz -T{workers} -c f', size: undefined }
      },
      sizes: [10, 1000]
    })
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.issues).toContainEqual(expect.objectContaining({ field: 'sizes' }))
  })

  it('refuses what is for the sum: comparing backends, kernels or workloads', () => {
    for (const extra of [
      { backends: ['process', 'thread'] },
      { kernels: ['js', 'wasm'] },
      { compareWorkloads: true }
    ]) {
      const v = validateStudyConfig({ base, sizes: [10, 1000], ...extra })
      expect(v.ok).toBe(false)
      if (!v.ok)
        expect(v.issues.some((i) => i.message.includes("a command's study is a size sweep"))).toBe(
          true
        )
    }
  })

  const e = (value: number) => ({ value, error: value * 0.01 })
  const points = [
    { size: 10, t1: e(10), tn: e(30) },
    { size: 1000, t1: e(100), tn: e(60) }
  ]
  const sweep: SizeSweepAnalysis = {
    backend: 'process',
    pool: 'warm',
    workers: 2,
    job: 'command',
    points: points.map((p) => ({
      ...p,
      speedup: { speedup: p.t1.value / p.tn.value, speedupError: 0.01 } as never,
      winner: p.tn.value < p.t1.value ? ('many' as const) : ('one' as const),
      clear: true,
      correct: true,
      networkMs: null
    })),
    breakEven: findBreakEven(points)
  }

  it('words the break-even in sizes of {size}, in English and Korean', () => {
    expect(sweep.breakEven.status).toBe('crosses')
    const en = findingText({ code: 'break-even', sweep })
    expect(en).toMatch(/^Your command: 2 workers first beat 1 at about size /)
    expect(en).not.toMatch(/elements|pool|process/)
    const ko = findingText({ code: 'break-even', sweep }, 'ko')
    expect(ko).toMatch(/^내 명령: 워커 2개는 크기 약 /)
    expect(ko).not.toMatch(/원소|풀/)
    // The sum's sweep keeps its words.
    const sum = findingText({ code: 'break-even', sweep: { ...sweep, job: undefined } })
    expect(sum).toMatch(/^process, warm pool: 2 workers .* elements/)
  })

  it('says where a warning and a step came from: the command and its size', () => {
    const source = {
      backend: 'process' as const,
      pool: 'warm' as const,
      size: 1000,
      job: 'command' as const
    }
    expect(whereText(source)).toBe('your command · size 1,000')
    expect(whereText(source, 'ko')).toBe('내 명령 · 크기 1,000')
    const step = {
      kind: 'size' as const,
      backend: 'process' as const,
      pool: 'warm' as const,
      size: 1000,
      job: 'command' as const
    }
    expect(stepLabelText(step)).toBe('size sweep · your command · size 1,000')
    expect(stepLabelText(step, 'ko')).toBe('크기 스윕 · 내 명령 · 크기 1,000')
  })
})
