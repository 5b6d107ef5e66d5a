/**
 * The network-cost study's words in the app's two languages: the refusal of a
 * cluster study without a server, and the network-cost finding.
 */
import { describe, expect, it } from 'vitest'
import { analyzeStudy } from '../../src/shared/analysis'
import { validateStudyConfig } from '../../src/shared/study'
import { findingText } from '../../src/shared/report'
import { issueText } from '../../src/renderer/src/lib/i18n/issueText'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import { networkCostStudy } from '../helpers/networkCostRuns'
import { STUDY_BASE as base } from '../helpers/syntheticRun'

describe('network-cost study wording', () => {
  it('words the missing server in English and Korean', () => {
    const r = validateStudyConfig({ base, sizes: [1000, 10_000], backends: ['process', 'cluster'] })
    const issues = r.ok ? [] : r.issues
    expect(issues.map((i) => i.code)).toEqual(['study-server-required'])
    expect(issueText(issues[0], en)).toContain('needs its NATS server')
    expect(issueText(issues[0], ko)).toContain('NATS 서버')
  })

  it('words the network-cost finding in Korean', () => {
    const study = networkCostStudy()
    const finding = analyzeStudy(study).verdict.find((f) => f.code === 'network-cost')
    expect(finding).toBeDefined()
    const korean = findingText(finding!, 'ko')
    expect(korean).toContain('네트워크 비용')
    expect(korean).toContain('늦게')
  })
})
