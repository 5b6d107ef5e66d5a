import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'
import { recordsToCsv } from '../../src/shared/report/exporters'
import { runToMarkdown } from '../../src/shared/report/exporters'
import type { RunRecord } from '../../src/shared/result'
import { parseRunEnvelope, runToJson } from '../../src/shared/runExport'
import { sampleRun } from '../helpers/runRecord'
import { schemaErrors } from '../helpers/runExportSchema'

/** The sample run as a cluster run: 2 agents, the workers' hosts and round trips recorded. */
function clusterRun(): RunRecord {
  const base = sampleRun()
  const rtts = [0.4, 0.9]
  return {
    ...base,
    config: { ...base.config, backend: 'cluster', cluster: { server: 'nats://127.0.0.1:4222' } },
    system: {
      ...base.system,
      cluster: {
        server: 'nats://127.0.0.1:4222',
        agents: ['a', 'b'].map((name, i) => ({
          host: `host-${name}`,
          name: `agent-${name}`,
          cores: 4,
          node: '20.19.4',
          kind: 'process' as const,
          workers: 2,
          rttMs: rtts[i],
          clockOffsetMs: 0.1
        }))
      }
    },
    results: base.results.map((r) => ({
      ...r,
      samples: r.samples.map((s, k) => ({
        ...s,
        networkMs: rtts[k],
        workers: s.workers.map((w, i) => ({
          ...w,
          host: `host-${i === 0 ? 'a' : 'b'}`,
          agent: `agent-${i === 0 ? 'a' : 'b'}`,
          rttMs: rtts[i],
          clockOffsetMs: 0.1
        }))
      }))
    }))
  }
}

const csvRows = (run: RunRecord): Record<string, unknown>[] =>
  Papa.parse<Record<string, unknown>>(recordsToCsv([run]), {
    header: true,
    dynamicTyping: true,
    skipEmptyLines: true
  }).data

describe('a cluster run through the one result model and its serializers', () => {
  it('the overhead breakdown gains a network part: the median of the repetitions’ round trips', () => {
    const a = analyzeRun(clusterRun())
    for (const w of a.workers) expect(w.overhead.networkMs).toBeCloseTo((0.4 + 0.9) / 2, 9)
    for (const w of analyzeRun(sampleRun()).workers) expect(w.overhead.networkMs).toBeNull()
  })

  it('CSV: a networkMs column, filled for cluster runs and empty for local ones', () => {
    expect(csvRows(clusterRun()).map((r) => r.networkMs)).toEqual([0.65, 0.65])
    expect(csvRows(clusterRun()).map((r) => r.backend)).toEqual(['cluster', 'cluster'])
    const local = csvRows(sampleRun())
    expect(local.map((r) => 'networkMs' in r)).toEqual([true, true])
    expect(local.map((r) => r.networkMs)).toEqual([null, null])
  })

  it('Markdown: a Network column in "Where the time goes" only for cluster runs', () => {
    const run = clusterRun()
    const md = runToMarkdown(run, analyzeRun(run))
    const head = md.split('\n').find((l) => l.startsWith('| Workers | Spawn (ms)'))
    expect(head).toContain('| Dispatch (ms) | Network (ms) | Compute, slowest (ms) |')
    const row = md.split('\n').find((l) => l.startsWith('| 2 | — |'))
    expect(row?.split('|').map((c) => c.trim())[4]).toMatch(/^0\.6\d/)
    const local = sampleRun()
    expect(runToMarkdown(local, analyzeRun(local))).not.toContain('Network (ms)')
  })

  it('JSON: the export passes the published schema and reads back with hosts, agents and round trips', () => {
    const run = clusterRun()
    const json = runToJson(run)
    expect(schemaErrors(JSON.parse(json))).toEqual([])
    const back = parseRunEnvelope(json)
    expect(back.ok).toBe(true)
    if (!back.ok) return
    expect(back.value.config.backend).toBe('cluster')
    expect(back.value.system.cluster?.agents.map((x) => x.host)).toEqual(['host-a', 'host-b'])
    expect(back.value.results[1].samples[0].networkMs).toBe(0.4)
    expect(back.value.results[1].samples[0].workers.map((w) => w.agent)).toEqual([
      'agent-a',
      'agent-b'
    ])
  })
})
