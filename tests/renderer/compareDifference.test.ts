import { describe, expect, it } from 'vitest'
import { differenceText } from '../../src/renderer/src/lib/compareDifference'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'

describe('a comparison across a setting, worded', () => {
  it('names the setting and its values as the form does, in English and Korean', () => {
    const pool = { field: 'pool', baseline: 'cold', candidate: 'warm' }
    expect(differenceText(pool, en)).toBe('Compared across pool: Cold → Warm')
    expect(differenceText(pool, ko)).toBe('다른 풀끼리 비교: 콜드 → 웜')
    const backend = { field: 'backend', baseline: 'process', candidate: 'thread' }
    expect(differenceText(backend, ko)).toBe('다른 백엔드끼리 비교: 프로세스 → 스레드')
    expect(differenceText({ field: 'reps', baseline: '5', candidate: 'auto' }, ko)).toBe(
      '다른 반복 횟수끼리 비교: 5 → 자동'
    )
    expect(differenceText({ field: 'serial', baseline: 'true', candidate: 'false' }, en)).toBe(
      'Compared across serial base case: yes → no'
    )
  })

  it('keeps what the form has no word for as recorded (a CPU model), under a translated name', () => {
    const machine = { field: 'machine', baseline: 'AMD EPYC × 2', candidate: 'Intel × 8' }
    expect(differenceText(machine, ko)).toBe('다른 기계끼리 비교: AMD EPYC × 2 → Intel × 8')
  })

  it('every setting a run records has a name in both languages', () => {
    expect(Object.keys(ko.compare.field)).toEqual(Object.keys(en.compare.field))
    for (const field of ['backend', 'pool', 'kernel', 'warmup', 'reps', 'serial', 'cluster'])
      expect(en.compare.field[field]).toBeTruthy()
  })
})
