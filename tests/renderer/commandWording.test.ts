/**
 * A command's verdict and check in its own words (en + ko), in the CLI's
 * verdict, the reports and the app's headline: "every copy exited 0", not a
 * total against a closed form; copies, not workers summing a range; more
 * work, not a larger range.
 */
import { describe, expect, it } from 'vitest'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'
import { defaultCommandSettings } from '../../src/shared/command/commandSettings'
import { gustafsonText, modelsText, runVerdictText } from '../../src/shared/report'
import { exportFormat } from '../../src/shared/report/exporters'
import { REPORT_WORDS } from '../../src/shared/report/catalog/words'
import type { RunRecord } from '../../src/shared/result'
import { verdictHeadline } from '../../src/renderer/src/lib/results/verdictHeadline'
import { runView } from '../../src/renderer/src/lib/results/runView'
import { checkLabel } from '../../src/renderer/src/components/History/checkLabel'
import { describeConfig } from '../../src/renderer/src/lib/describe'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import { syntheticRun } from '../helpers/syntheticRun'

const LINE = 'gzip -c part{index}.bin > /dev/null'

/** --copies on 1 and 2, ten repetitions each, every copy exiting 0 unless `failAt` says. */
function copiesRun(wall2: number, failAt?: { workers: number; rep: number }): RunRecord {
  const run = syntheticRun(
    [
      { workers: 1, wallMs: Array(10).fill(100) },
      { workers: 2, wallMs: Array(10).fill(wall2) }
    ],
    {
      job: 'command',
      command: { ...defaultCommandSettings('copies'), line: LINE, ignoreFailure: !!failAt },
      range: { start: 0, end: 1 },
      workload: 'replicate'
    }
  )
  for (const r of run.results) {
    Object.assign(r, {
      sum: String(r.workers),
      expectedSum: String(r.workers),
      check: { job: 'command', what: 'exit-codes', params: { copies: r.workers, failed: 0 } }
    })
    for (const s of r.samples)
      s.workers = s.workers.map((w, i) => ({
        ...w,
        // The first copy of that repetition exits 3.
        exitCode: failAt && failAt.workers === r.workers && failAt.rep === s.rep && i === 0 ? 3 : 0,
        cpuUserMs: 90,
        cpuSystemMs: 5,
        peakRssBytes: 1 << 20
      }))
  }
  return run
}

describe('a command run is worded as a command', () => {
  it('the verdict says every copy exited 0, never a total or closed form (en, ko)', () => {
    const run = copiesRun(100)
    const a = analyzeRun(run)
    expect(a.verdict.code).toBe('faster')
    const text = runVerdictText(run, a, 'en')
    expect(text).toMatch(/^✓ Every copy exited 0 in every repetition\. Best: 2 workers/)
    expect(text).not.toMatch(/total|closed form/)
    const ko1 = runVerdictText(run, a, 'ko')
    expect(ko1).toContain('모든 사본이 0으로 종료했습니다')
    expect(ko1).not.toContain('합계')
  })

  it('copies that failed under --ignore-failure are not hidden behind a ✓', () => {
    const run = copiesRun(100, { workers: 2, rep: 4 })
    const text = runVerdictText(run, analyzeRun(run), 'en')
    expect(text).toMatch(/^⚠ 1 copy failed and the run went on \(--ignore-failure\)/)
    expect(runVerdictText(run, analyzeRun(run), 'ko')).toContain('사본 1개가 실패했지만')
    // The table's exit column counts every copy of every repetition: 19 of the 20 at 2 workers.
    const md = exportFormat('markdown').run(run, analyzeRun(run), { language: 'en' })
    const rowOf = (workers: number): string =>
      md.split('\n').find((l) => l.startsWith(`| ${workers} | 10 |`)) ?? ''
    expect(rowOf(1)).toMatch(/\| ✓ \|$/)
    expect(rowOf(2)).toMatch(/\| ✗ 19 of 20 \|$/)
    const ko1 = exportFormat('html').run(run, analyzeRun(run), { language: 'ko' })
    expect(ko1).toContain('✗ 20개 중 19개')
    // The app's table reads the same count.
    const rows = runView(run).rows
    expect(rows.map((r) => r.copiesExited)).toEqual([
      { exited: 10, copies: 10 },
      { exited: 19, copies: 20 }
    ])
    expect(en.command.exitedOf(19, 20)).toBe('19 of 20 exited 0')
  })

  it('a run whose copies did not all exit 0 says so, not "wrong total"', () => {
    const run = copiesRun(100)
    Object.assign(run.results[1], { sum: '1', correct: false })
    run.correct = false
    const a = analyzeRun(run)
    expect(a.verdict.code).toBe('wrong-total')
    expect(runVerdictText(run, a, 'en')).toBe(
      '✗ Not every copy exited 0 with 2 worker(s): 1 of 2 did.'
    )
    expect(runVerdictText(run, a, 'ko')).toContain('2개 중 1개만 0으로 종료했습니다')
    const h = verdictHeadline(a, en, 'en', true)
    expect(h.title).toBe('A copy failed: no timing counts')
    expect(h.reasons[0]).toContain('Not every copy exited 0 with 2 worker(s)')
    expect(verdictHeadline(a, ko, 'ko', true).title).toContain('실패한 사본')
  })

  it('slower: more work for the command, not a larger range (CLI and app, en + ko)', () => {
    const run = copiesRun(400)
    const a = analyzeRun(run)
    expect(a.verdict.code).toBe('slower')
    expect(runVerdictText(run, a, 'en')).toContain('Give the command more work.')
    expect(runVerdictText(run, a, 'en')).not.toContain('range')
    expect(runVerdictText(run, a, 'ko')).toContain('명령에 더 많은 일을 주세요')
    expect(verdictHeadline(a, en, 'en', true).reasons[0]).toContain('give it more work')
    expect(verdictHeadline(a, ko, 'ko', true).reasons[0]).toContain('더 많은 일을 주세요')
    // The sum's own wording is unchanged.
    expect(verdictHeadline(a, en, 'en').reasons[0]).toContain('use a larger range')
  })

  it('the models sentence asks for more work for the command, never a larger range (en, ko)', () => {
    const slower = analyzeRun(copiesRun(400))
    // As --command (one process told to use N): strong scaling, so the models are tried.
    const run = copiesRun(400)
    run.config = {
      ...run.config,
      workload: 'split',
      command: { ...defaultCommandSettings('workers'), line: 'xz -T{workers} x' }
    }
    const strong = analyzeRun(run)
    expect(strong.models.code).toBe('slower-than-one')
    expect(modelsText(strong.models, 'en')).toMatch(/give the command more work\.$/)
    expect(modelsText(strong.models, 'en')).not.toContain('range')
    expect(modelsText(strong.models, 'ko')).toContain('명령에 더 많은 일을 주세요')
    expect(modelsText(strong.models, 'ko')).not.toContain('범위')
    // N copies: weak scaling, worded as copies, not as the sum's split workload.
    expect(slower.models.code).toBe('weak-scaling')
    expect(modelsText(slower.models, 'en')).toContain('N copies at once grow the work with N')
    expect(modelsText(slower.models, 'en')).not.toContain('split workload')
    expect(modelsText(slower.models, 'ko')).not.toContain('분할 작업')
  })

  it("History: a command's row says its copies exited 0, never 'sum correct' (en, ko)", () => {
    expect(checkLabel({ job: 'command' }, true, en)).toBe('Every copy exited 0')
    expect(checkLabel({ job: 'command' }, false, en)).toBe('A copy failed')
    expect(checkLabel({ job: 'command' }, true, ko)).toBe('모든 사본이 0으로 종료')
    expect(checkLabel({ job: 'wait' }, true, en)).toBe('every request answered exactly once')
    expect(checkLabel({}, true, en)).toBe('sum correct')
    expect(checkLabel({}, false, ko)).toBe(ko.results.table.wrongLabel)
    // The column holds every job's check: not headed "Sum".
    expect(en.history.columns.sum).toBe('Check')
    expect(ko.history.columns.sum).not.toBe('합계')
  })

  it("the app's short configuration names the command's shape, not a split, backend or pool", () => {
    const config = copiesRun(100).config
    expect(describeConfig(config, en, 'en')).toBe(`command · ${LINE} · N copies at once`)
    expect(describeConfig(config, ko, 'ko')).toBe(`명령 · ${LINE} · ${ko.command.shapeCopies}`)
    const workers = { ...config, command: { ...config.command!, shape: 'workers' as const } }
    expect(describeConfig(workers, en, 'en')).toMatch(/ · One process, N workers$/)
  })

  it("the app's run plan gives a command no duration before its first repetition (en, ko)", () => {
    expect(en.repetitions.planFixedCommand(3)).toBe(
      '3 repetitions per worker count; the duration is estimated from the command’s first repetition.'
    )
    expect(ko.repetitions.planFixedCommand(3)).toContain('첫 반복')
    expect(en.repetitions.planAutoCommand(5, 3, 100)).not.toContain('about')
  })

  it("a study's Markdown says '0 warm-ups', not '0 warm-up' (and '1 warm-up')", () => {
    const w = REPORT_WORDS.en.config
    expect(w.perPoint(0, 3)).toBe('0 warm-ups, 3 reps per point')
    expect(w.perPoint(1, 3)).toBe('1 warm-up, 3 reps per point')
    expect(w.reps(2, 5)).toBe('2 warm-ups, 5 reps')
    expect(w.reps('auto', 5)).toBe('warm-up until steady, 5 reps')
  })

  it('the scaled speedup reads as N copies of the whole command', () => {
    const a = analyzeRun(copiesRun(100))
    expect(gustafsonText(a.gustafson!, 'en')).toMatch(
      /^Weak scaling \(N copies at once, each running the whole command\): 2 copies did 2× the work/
    )
    expect(gustafsonText(a.gustafson!, 'ko')).toContain('사본마다 명령 전체를 실행')
  })

  it('Markdown and HTML head the report with the command, not a sum of a range', () => {
    const run = copiesRun(100)
    const a = analyzeRun(run)
    const md = exportFormat('markdown').run(run, a, { language: 'en' })
    // Its shape is in "Copies:"; not the sum's "replicate", nor a backend or pool.
    expect(md).toContain(`Copies: ${LINE} · 1 warm-up`)
    expect(md).not.toMatch(/replicate|warm pool/)
    expect(md).not.toContain('Sum of')
    expect(md).toContain('✓ Every copy exited 0')
    const html = exportFormat('html').run(run, a, { language: 'ko' })
    expect(html).toContain(`사본: ${LINE.replace('>', '&gt;')}`)
    expect(html).not.toContain('의 합')
  })
})
