/**
 * A comparison across a setting, in the Korean reports: the setting and its
 * values as the app's form names them, never "pool이(가) … cold → warm".
 */
import { describe, expect, it } from 'vitest'
import { REPORT_WORDS } from '../../src/shared/report/catalog/words'

describe('a comparison across a setting, in the Korean reports', () => {
  it('names the setting and its values in Korean', () => {
    const across = REPORT_WORDS.ko.comparison.across
    expect(across('pool', 'cold', 'warm')).toBe('다른 풀끼리 비교: 콜드 → 웜')
    expect(across('backend', 'process', 'thread')).toBe('다른 백엔드끼리 비교: 프로세스 → 스레드')
    expect(across('serial', 'true', 'false')).toBe('다른 직렬 기준끼리 비교: 예 → 아니요')
  })

  it('keeps what has no word (a CPU model, a number) as recorded', () => {
    expect(REPORT_WORDS.ko.comparison.across('machine', 'Xeon A', 'Xeon B')).toBe(
      '다른 기계끼리 비교: Xeon A → Xeon B'
    )
    expect(REPORT_WORDS.en.comparison.across('pool', 'cold', 'warm')).toBe(
      'Compared across pool: cold → warm'
    )
  })
})
