import { describe, expect, it } from 'vitest'
import { syntheticRun } from '../helpers/syntheticRun'
import { analyzeRun } from '../../src/shared/analysis'
import { contentionText } from '../../src/shared/report/findings'

function busyRun(otherCores: number, twoWorkerMs: number) {
  const reps = (ms: number): number[] => Array.from({ length: 6 }, (_, i) => ms + i * 0.1)
  const record = syntheticRun([
    { workers: 1, wallMs: reps(100) },
    { workers: 2, wallMs: reps(twoWorkerMs) }
  ])
  record.load = {
    source: 'proc-stat',
    wallMs: 4000,
    cores: 2,
    otherCores,
    stealCores: 0,
    ownCores: 1,
    loadAverage: null
  }
  return analyzeRun(record)
}

describe('the contention finding in both languages', () => {
  it('Korean carries the same numbers as English', () => {
    const a = busyRun(0.9, 95)
    const en = contentionText(a.contention, 'en')!
    const ko = contentionText(a.contention, 'ko')!
    expect(en).toContain('1.9× slower')
    expect(ko).toContain('1.9배')
    expect(en).toContain('0.9 of the 2 cores')
    expect(ko).toContain('코어 2개 중 0.9개')
    expect(ko).toContain('부하')
  })

  it('says nothing in either language on a quiet run', () => {
    const a = busyRun(0.02, 51)
    expect(contentionText(a.contention, 'en')).toBeNull()
    expect(contentionText(a.contention, 'ko')).toBeNull()
  })
})
