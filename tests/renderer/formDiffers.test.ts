import { describe, expect, it } from 'vitest'
import type { RunConfig } from '../../src/shared/config'
import { formDiffers } from '../../src/renderer/src/lib/results/formDiffers'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'

const run: RunConfig = {
  range: { start: 0, end: 100_000_000 },
  workers: [1, 2],
  workload: 'split',
  backend: 'process',
  pool: 'warm',
  kernel: 'js',
  warmup: 1,
  reps: 5,
  seed: 1234,
  serial: true
}

describe('the form and the run on screen', () => {
  it('agree when the form holds the run’s settings, whatever the run recorded beside them', () => {
    const { seed: _seed, serial: _serial, ...form } = run
    expect(formDiffers(form, run)).toEqual([])
    // Counts in another order, a kernel left at its default: the same run.
    expect(formDiffers({ ...form, workers: [2, 1], kernel: undefined }, run)).toEqual([])
  })

  it('name every setting that differs, in the form’s order (the restart’s 10^9 form under a 10^8 run)', () => {
    expect(formDiffers({ ...run, range: { start: 0, end: 1_000_000_000 } }, run)).toEqual(['range'])
    expect(
      formDiffers(
        {
          ...run,
          workers: [1, 2, 4],
          workload: 'replicate',
          backend: 'thread',
          pool: 'cold',
          kernel: 'wasm',
          warmup: 'auto',
          reps: 'auto'
        },
        run
      )
    ).toEqual(['workers', 'workload', 'backend', 'pool', 'kernel', 'warmup', 'reps'])
  })

  it('a command: the job and the command differ, its placeholder range does not count', () => {
    const command = {
      ...run,
      job: 'command' as const,
      range: { start: 0, end: 1 },
      command: { shape: 'copies', line: 'sleep 1' }
    } as RunConfig
    expect(formDiffers(run, command)).toEqual(['job', 'range'])
    const other = { ...command, command: { shape: 'copies', line: 'sleep 2' } } as RunConfig
    expect(formDiffers(other, command)).toEqual(['command'])
    expect(formDiffers({ ...command, range: { start: 0, end: 5 } }, command)).toEqual([])
  })

  it('every setting has its word in English and Korean', () => {
    for (const m of [en, ko])
      for (const word of Object.values(m.results.formSetting))
        expect(word.length).toBeGreaterThan(0)
    expect(Object.keys(ko.results.formSetting)).toEqual(Object.keys(en.results.formSetting))
    expect(ko.results.formDiffers('범위')).toContain('범위')
  })
})
