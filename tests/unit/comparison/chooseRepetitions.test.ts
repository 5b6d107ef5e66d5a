import { describe, expect, it } from 'vitest'
import {
  AUTO_REPETITIONS,
  expectedRepetitions,
  fixedRepetitions,
  needsMoreRepetitions
} from '../../../src/shared/analysis/chooseRepetitions'
import { planRun } from '../../../src/shared/analysis/runPlan'
import { estimateRepMs } from '../../../src/shared/limits'
import { defaultRunConfig, validateRunConfig } from '../../../src/shared/config'

describe('repetitions chosen for the user', () => {
  it('a fixed count is exact', () => {
    expect(needsMoreRepetitions([1, 1], 3)).toBe(true)
    expect(needsMoreRepetitions([1, 1, 1], 3)).toBe(false)
    expect(needsMoreRepetitions([5000], 1)).toBe(false)
  })

  it('auto: at least 5 repetitions, and at least 3 s in all, at most 100', () => {
    // Slow repetitions: 5 of them, although 3 s passed after the first.
    expect(needsMoreRepetitions([4000, 4000, 4000, 4000], 'auto')).toBe(true)
    expect(needsMoreRepetitions([4000, 4000, 4000, 4000, 4000], 'auto')).toBe(false)
    // Fast ones: until 3 s.
    expect(needsMoreRepetitions(Array(20).fill(100), 'auto')).toBe(true)
    expect(needsMoreRepetitions(Array(30).fill(100), 'auto')).toBe(false)
    // Very fast: stops at 100.
    expect(needsMoreRepetitions(Array(99).fill(1), 'auto')).toBe(true)
    expect(needsMoreRepetitions(Array(100).fill(1), 'auto')).toBe(false)
  })

  it('expects the count the rule will reach', () => {
    expect(expectedRepetitions('auto', 100)).toBe(30)
    expect(expectedRepetitions('auto', 4000)).toBe(5)
    expect(expectedRepetitions('auto', 0.5)).toBe(100)
    expect(expectedRepetitions(7, 0.5)).toBe(7)
    expect(fixedRepetitions('auto')).toBe(AUTO_REPETITIONS.minReps)
  })

  it('is the default, and a valid configuration value; anything else is refused', () => {
    expect(defaultRunConfig(2).reps).toBe('auto')
    expect(validateRunConfig({ ...defaultRunConfig(2), reps: 'auto' }).ok).toBe(true)
    const bad = validateRunConfig({ ...defaultRunConfig(2), reps: 'many' })
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      expect(bad.issues).toEqual([
        {
          field: 'reps',
          message: 'reps must be a number or auto',
          code: 'not-a-number-or-auto',
          params: {}
        }
      ])
  })

  it('plans a run: counts, repetitions and the duration they come to, the cap of 100 included', () => {
    const auto = planRun({ ...defaultRunConfig(2), range: { start: 0, end: 1000 } }, 2)
    expect(auto).toMatchObject({ counts: [1, 2], auto: true, reps: [100, 100] })
    // 100 repetitions of about a millisecond: the cap ends them long before 3 s, so the plan
    // said "at least 6 s" of a run that took a fraction of a second (issue 19).
    expect(auto.estimatedMs).toBeLessThan(2000)
    const repMs = (n: number): number =>
      estimateRepMs({ ...defaultRunConfig(2), range: { start: 0, end: 1000 } }, n, 2)
    expect(auto.estimatedMs).toBeGreaterThanOrEqual(100 * (repMs(1) + repMs(2)))
    // A count the 3 s rule ends (not the cap) still comes to about 3 s.
    const slow = planRun({ ...defaultRunConfig(2), range: { start: 0, end: 100_000_000 } }, 2)
    expect(slow.reps.every((r) => r < 100)).toBe(true)
    expect(slow.estimatedMs).toBeGreaterThanOrEqual(2 * 3000)
    const fixed = planRun({ ...defaultRunConfig(2), workers: [2], reps: 4, warmup: 0 }, 2)
    expect(fixed).toMatchObject({ counts: [1, 2], auto: false, reps: [4, 4] })
    // 1e9 elements at ~1 ns each: about a second per repetition on one worker.
    expect(fixed.estimatedMs).toBeGreaterThan(4 * 1000)
  })
})

describe('the plan line', () => {
  it('gives the expected repetitions fewest to most', async () => {
    const { expectedRepsText } = await import('../../../src/shared/analysis/runPlan')
    const { formatPlan } = await import('../../../src/cli/planLine')
    const plan = planRun({ ...defaultRunConfig(2), range: { start: 0, end: 100_000_000 } }, 2)
    expect(plan.reps[0]).toBeLessThan(plan.reps[1])
    expect(expectedRepsText(plan)).toBe(`${plan.reps[0]}–${plan.reps[1]}`)
    expect(formatPlan(plan)).toContain(`(about ${plan.reps[0]}–${plan.reps[1]} here)`)
  })

  it("a command: no guess from the sum's range, the duration comes from its first repetition", async () => {
    const { formatPlan } = await import('../../../src/cli/planLine')
    const { defaultCommandSettings } = await import('../../../src/shared/command/commandSettings')
    const command = {
      ...defaultRunConfig(2),
      job: 'command' as const,
      command: { ...defaultCommandSettings('copies'), line: 'sleep 1' },
      range: { start: 0, end: 1 }
    }
    const fixed = planRun({ ...command, reps: 3, warmup: 1 }, 2)
    expect(fixed.estimatedMs).toBeNull()
    const line = formatPlan(fixed)
    expect(line).toMatch(/3 repetitions, its duration is estimated from the first repetition$/)
    expect(line).not.toContain('about 1 s')
    const auto = formatPlan(planRun({ ...command, reps: 'auto' }, 2))
    expect(auto).toContain('at most 100; its duration is estimated from the first repetition.')
    expect(auto).not.toContain('here)')
  })
})
