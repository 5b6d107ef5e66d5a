/**
 * The network-cost study's words in the app's two languages: the refusal of a
 * cluster study without a server, and the network-cost finding.
 */
import { describe, expect, it } from 'vitest'
import { analyzeStudy } from '../../src/shared/analysis'
import type { RunConfig } from '../../src/shared/config'
import { validateStudyConfig, type StudyRecord } from '../../src/shared/study'
import { findingText } from '../../src/renderer/src/lib/i18n/analysisText'
import { issueText } from '../../src/renderer/src/lib/i18n/issueText'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import { sweepRuns } from '../helpers/networkCostRuns'

const base: RunConfig = {
  range: { start: 0, end: 1_000_000 },
  workers: [1, 2],
  workload: 'split',
  backend: 'process',
  pool: 'warm',
  warmup: 1,
  reps: 3
}

describe('network-cost study wording', () => {
  it('words the missing server in English and Korean', () => {
    const r = validateStudyConfig({ base, sizes: [1000, 10_000], backends: ['process', 'cluster'] })
    const issues = r.ok ? [] : r.issues
    expect(issues.map((i) => i.code)).toEqual(['study-server-required'])
    expect(issueText(issues[0], en)).toContain('needs its NATS server')
    expect(issueText(issues[0], ko)).toContain('NATS 서버')
  })

  it('words the network-cost finding in Korean', () => {
    const sizes = [10_000, 100_000, 1_000_000, 10_000_000]
    const local = sweepRuns('process', [0.2, 1, 8, 80], [0.6, 0.7, 4.6, 41], sizes)
    const remote = sweepRuns('cluster', [0.3, 1.1, 8.1, 80], [1.6, 1.8, 9, 42], sizes, 0.5)
    const study: StudyRecord = {
      id: 'study-net',
      startedAt: '2025-02-01T10:00:00.000Z',
      finishedAt: '2025-02-01T10:01:00.000Z',
      status: 'completed',
      config: {
        base: { ...base, cluster: { server: 'nats://127.0.0.1:4222' } },
        sizes,
        backends: ['process', 'cluster']
      },
      system: local[0].run.system,
      sweepWorkers: 2,
      sizeRuns: [...local, ...remote],
      backendRuns: [],
      correct: true
    }
    const finding = analyzeStudy(study).verdict.find((f) => f.code === 'network-cost')
    expect(finding).toBeDefined()
    const korean = findingText(finding!, 'ko')
    expect(korean).toContain('네트워크 비용')
    expect(korean).toContain('늦게')
  })
})
