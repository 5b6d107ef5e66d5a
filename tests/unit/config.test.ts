import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  defaultRunConfig,
  recordedRunConfigSchema,
  runConfigSchema,
  tutorialRunConfig,
  validateRunConfig
} from '../../src/shared/config'

const good = defaultRunConfig(2)

const fieldsOf = (input: unknown): string[] => {
  const r = validateRunConfig(input)
  return r.ok ? [] : r.issues.map((i) => i.field)
}

describe('validateRunConfig', () => {
  it('accepts the defaults and the tutorial preset', () => {
    expect(validateRunConfig(good)).toEqual({ ok: true, value: good })
    expect(validateRunConfig(tutorialRunConfig()).ok).toBe(true)
    expect(good.workers).toEqual([1, 2])
    expect(good.range).toEqual({ start: 0, end: 1_000_000_000 })
  })

  it('lists every problem with its field, not just the first', () => {
    const r = validateRunConfig({
      range: { start: 1.5, end: 2 ** 60 },
      workers: [0, 2000, 1.5],
      workload: 'x',
      backend: 'gpu',
      pool: 'hot',
      warmup: -1,
      reps: 0,
      extra: true
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    const byField = Object.fromEntries(r.issues.map((i) => [i.field, i.message]))
    expect(byField['range.start']).toMatch(/integer/)
    expect(byField['range.end']).toMatch(/safe integer/)
    expect(byField['workers.0']).toMatch(/at least 1/)
    expect(byField['workers.1']).toMatch(/at most 256/)
    expect(byField['workers.2']).toMatch(/integer/)
    expect(byField.workload).toMatch(/split, replicate/)
    expect(byField.backend).toMatch(/process, thread/)
    expect(byField.pool).toMatch(/warm, cold/)
    expect(byField.warmup).toMatch(/at least 0/)
    expect(byField.reps).toMatch(/at least 1/)
    expect(byField['(config)']).toMatch(/unknown field: extra/)
  })

  it('rejects end < start and an empty range (issue 9: 1000:1000 ran and reported a speedup)', () => {
    expect(fieldsOf({ ...good, range: { start: 10, end: 5 } })).toEqual(['range.end'])
    expect(fieldsOf({ ...good, range: { start: 5, end: 5 } })).toEqual(['range.end'])
    expect(fieldsOf({ ...good, range: { start: 5, end: 6 } })).toEqual([])
  })

  it('a stored run written under the older, looser bounds still validates as a record', () => {
    const old = {
      ...good,
      range: { start: 5, end: 5 },
      workers: [1, 1024],
      reps: 1000,
      warmup: 100
    }
    expect(recordedRunConfigSchema.safeParse(old).success).toBe(true)
    expect(runConfigSchema.safeParse(old).success).toBe(false)
    // Runs stored since issue 9 may say reps 'auto'.
    expect(recordedRunConfigSchema.safeParse({ ...old, reps: 'auto' }).success).toBe(true)
    expect(recordedRunConfigSchema.safeParse({ ...old, reps: 'many' }).success).toBe(false)
  })

  it('rejects extra fields inside the range too', () => {
    expect(fieldsOf({ ...good, range: { start: 0, end: 5, step: 2 } })).toEqual(['range'])
  })

  it('says what is missing', () => {
    const r = validateRunConfig({})
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.map((i) => i.message)).toContain('reps is required')
  })

  it('never throws and only accepts what it should, for any value (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const r = validateRunConfig(value)
        if (r.ok) expect(r.value).toEqual(value)
        else expect(r.issues.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 }
    )
  })
})
