/**
 * The analysis (src/shared/analysis) returns structured findings: codes and
 * their numbers, no sentences. The Scaling view words them in the user's
 * language: English is the shared wording (src/shared/analysis/findingText.ts,
 * also used by the CLI and the Markdown reports); Korean is written here from
 * the same fields, with the same numbers (tests/renderer/analysisText.test.ts
 * checks that every number survives).
 */
import type {
  BackendComparisonAnalysis,
  GustafsonAnalysis,
  NetworkCostAnalysis,
  RunAnalysis,
  SizeSweepAnalysis,
  StudyAnalysis,
  StudyFinding,
  WarningSource
} from '../../../../shared/analysis'
import type { KernelName, PoolMode, RunBackend } from '../../../../shared/config'
import type { KarpFlattPoint, KarpFlattSeries } from '../../../../shared/analysis/karpFlattSeries'
import { AICC_MARGIN } from '../../../../shared/stats/compareScalingModels'
import {
  formatInteger,
  formatMiB,
  formatMs,
  formatPValue,
  formatPercent,
  formatSize,
  formatValue
} from '../../../../shared/format'
import type { ScalingWarning } from '../../../../shared/analysis/scalingWarnings'
import {
  comparisonMessage,
  contentionMessage,
  gustafsonMessage,
  karpFlattMessage,
  karpFlattRange,
  modelsMessage,
  networkCostMessage,
  studyFindingMessage,
  sweepMessage,
  usableSizes,
  warningMessage,
  whereMessage,
  widestScaled
} from '../../../../shared/analysis/findingText'
import { LARGE_SERIAL_FRACTION, MIN_FIT_R_SQUARED } from '../../../../shared/analysis/analyzeRun'
import { KARP_FLATT_NEAR_ZERO } from '../../../../shared/analysis/karpFlattSeries'
import type { StudyStepInfo, WorkerMemory } from '../../../../shared/study'
import type { Language } from './languages'
import type { ContentionAnalysis } from '../../../../shared/analysis/contention'
import type { BreakEven } from '../../../../shared/stats/findBreakEven'

const BACKEND_KO: Record<RunBackend, string> = {
  process: '프로세스',
  thread: '스레드',
  cluster: '클러스터'
}
const POOL_KO: Record<PoolMode, string> = { warm: '웜 풀', cold: '콜드 풀' }

/** "12.3ms", as Korean writes it elsewhere in the app. */
const ms = (value: number): string => formatMs(value, 'ko')
const pm = (x: number | null, digits = 2): string =>
  x === null ? '' : ` ± ${formatValue(x, digits)}`

/** One warning about a worker count's measurements. */
export function warningText(w: ScalingWarning, language: Language): string {
  if (language === 'en') return warningMessage(w)
  switch (w.code) {
    case 'more-workers-than-cores':
      return (
        `논리 코어 ${w.logicalCores}개에 워커 ${w.workers}개: 워커들이 CPU를 번갈아 쓰므로 ` +
        `${w.logicalCores}배를 넘는 속도 향상은 불가능하고, 남는 워커는 오버헤드만 늘립니다.`
      )
    case 'job-shorter-than-spawn':
      return (
        `워커를 띄우는 데 ${ms(w.spawnMs)}가 걸려 작업 자체(${ms(w.jobMs)})보다 깁니다: ` +
        `콜드 실행은 대부분 시작 시간을 재는 셈입니다. 범위를 키우거나 웜 풀을 쓰세요.`
      )
    case 'outliers': {
      const list = w.repetitions.map((rep, i) => `#${rep}(${ms(w.valuesMs[i])})`).join(', ')
      return (
        `이상치인 반복: ${list}(수정 Z 점수 ${formatValue(w.threshold)} 초과). 다른 프로그램이나 ` +
        `OS가 실행을 방해했습니다. 그런 프로그램을 닫고 다시 재거나 반복을 늘리세요.`
      )
    }
    case 'slow-first-repetition':
      return (
        `첫 반복이 ${ms(w.firstMs)}로 나머지 중앙값(${ms(w.restMedianMs)})의 ` +
        `${formatValue(w.ratio)}배였습니다: 캐시, JIT, CPU 클럭이 아직 예열 중이었습니다. ` +
        `워밍업을 한 번 추가하세요.`
      )
    case 'trend':
      return w.direction === 'slowing'
        ? `반복할수록 느려졌습니다(처음부터 끝까지 약 ${formatPercent(w.relativeChange)}, ` +
            `Mann–Kendall ${formatPValue(w.pValue)}): CPU가 뜨거워져 클럭을 낮췄거나 다른 ` +
            `작업이 컴퓨터를 쓰고 있습니다. 식힌 뒤 다른 프로그램을 닫고 다시 재세요.`
        : `반복할수록 빨라졌습니다(처음부터 끝까지 약 ${formatPercent(-w.relativeChange)}, ` +
            `Mann–Kendall ${formatPValue(w.pValue)}): 컴퓨터가 아직 예열 중이었거나(CPU 클럭, ` +
            `캐시, JIT) 백그라운드 작업이 끝났습니다. 워밍업을 늘리세요.`
    case 'wide-interval':
      return (
        `중앙값의 ${formatPercent(w.level, 'ko', 0)} 구간이 ±${ms(w.halfWidthMs)}(${ms(w.medianMs)}의 ` +
        `±${formatPercent(w.relativeHalfWidth)})입니다: 시간이 너무 들쭉날쭉해 워커 수끼리 ` +
        `세밀하게 비교할 수 없습니다. 반복을 늘리거나 다른 프로그램을 닫으세요.`
      )
  }
}

/** "wasm kernel" / "wasm 커널" when a study compared kernels; nothing otherwise. */
const kernelWord = (kernel: KernelName | undefined, language: Language): string | undefined =>
  kernel === undefined ? undefined : language === 'en' ? `${kernel} kernel` : `${kernel} 커널`

/** Where a study's warning came from, worded from its data: "process · cold · 10,000 elements". */
export function whereText(source: WarningSource, language: Language): string {
  const { backend, pool, size } = source
  if (language === 'en') return whereMessage(source)
  return [
    kernelWord(source.kernel, language),
    BACKEND_KO[backend],
    pool === undefined ? undefined : POOL_KO[pool],
    size === undefined ? undefined : `원소 ${formatInteger(size)}개`
  ]
    .filter((x) => x !== undefined)
    .join(' · ')
}

/** A study step's progress label, worded from its data (StudyProgress.stepInfo). */
export function stepLabelText(step: StudyStepInfo, language: Language): string {
  if (step.kind === 'done') return language === 'en' ? 'done' : '완료'
  const backend = language === 'en' ? step.backend : BACKEND_KO[step.backend]
  if (step.kind === 'size') {
    const kernel = step.kernel ? `${kernelWord(step.kernel, language)} · ` : ''
    return language === 'en'
      ? `size sweep · ${kernel}${backend} · ${step.pool} · ${formatInteger(step.size)} elements`
      : `크기 스윕 · ${kernel}${backend} · ${POOL_KO[step.pool]} · 원소 ${formatInteger(step.size)}개`
  }
  const what =
    language === 'en'
      ? { backend: 'backend comparison', 'cold-start': 'cold-start probe', memory: 'memory probe' }
      : { backend: '백엔드 비교', 'cold-start': '콜드 스타트 측정', memory: '메모리 측정' }
  return `${what[step.kind]} · ${backend}`
}

/** Amdahl's law and the USL fitted to a run (RunAnalysis.models: a code and its numbers). */
export function modelsText(a: RunAnalysis, language: Language): string {
  if (language === 'en') return modelsMessage(a.models)
  const body = modelsKo(a)
  const excluded = a.models.excluded
  return excluded.length > 0
    ? `${body} 워커 ${excluded.join(', ')}개는 코어 ${a.models.cores}개보다 많아 그래프에는 그리되 ` +
        `피팅하지 않습니다: 작업이 아니라 코어를 번갈아 쓰는 것을 잰 값이기 때문입니다.`
    : body
}

function modelsKo(a: RunAnalysis): string {
  const models = a.models
  if (models.code === 'not-significant') {
    return (
      `Amdahl의 법칙이나 USL을 말할 근거가 부족합니다: 워커 ${models.workers.join(', ')}개의 ` +
      `속도 향상이 유의하지 않습니다(95% 구간이 1을 포함). 잡음에 맞춘 직렬 비율은 아무것도 ` +
      `가르쳐 주지 않습니다. 반복을 늘리거나 범위를 키우세요.`
    )
  }
  if (models.code === 'poor-fit') {
    const r2 = models.rSquared ?? Number.NaN
    return (
      `Amdahl의 법칙을 말할 근거가 부족합니다: 워커 ${models.workers.join(', ')}개의 속도 향상을 ` +
      `잘 설명하지 못합니다(R² = ${formatValue(r2, 3)}, ${MIN_FIT_R_SQUARED} 미만). 그 직렬 비율은 ` +
      `의미 없는 숫자입니다.`
    )
  }
  if (models.code === 'weak-scaling') {
    return (
      'Amdahl의 법칙과 USL은 고정된 작업을 N개로 나누는 경우(분할 작업)를 설명합니다. ' +
      '이 실행은 N에 따라 작업이 늘어나므로 Gustafson의 스케일드 속도 향상으로 봅니다.'
    )
  }
  if (models.code === 'slower-than-one') {
    return (
      `모델을 피팅하지 않았습니다: 워커 ${models.workers.join(', ')}개가 워커 1개보다 느렸으므로` +
      `(속도 향상 1 미만) 오버헤드가 작업을 지배합니다. Amdahl의 법칙과 USL은 워커를 늘릴수록 ` +
      `빨라지는 작업을 설명합니다. 범위를 키우세요.`
    )
  }
  const comparison = models.comparison
  const fit = comparison?.amdahl ?? null
  if (!comparison || !fit) {
    const only = models.workers
    return (
      `모델을 말할 근거가 부족합니다: 코어 ${models.cores}개 안에서 1보다 큰 워커 수가 ` +
      `${only.length === 0 ? '없고' : `워커 ${only.join(', ')}개뿐이고`}, 속도 향상 하나에 ` +
      `맞춘 직렬 비율에는 불확도가 없습니다. 코어 안에서 1보다 큰 워커 수를 두 개 이상 재세요` +
      `(예: 코어 4개에서 워커 수 1,2,4).`
    )
  }
  const ceiling =
    fit.ceiling === null
      ? '상한 없음(f = 0: 측정상 직렬인 부분이 없음)'
      : `워커를 몇 개 쓰든 상한은 1/f ≈ ${formatValue(fit.ceiling)}×${pm(fit.ceilingError)}`
  let text =
    `1보다 큰 워커 수 ${fit.n}개에 대한 Amdahl 피팅: 직렬 비율 f = ` +
    `${formatValue(fit.serialFraction)}${pm(fit.serialFractionError)}` +
    `${fit.rSquared === null ? '' : `, R² = ${formatValue(fit.rSquared, 3)}`}` +
    `(워커 1개 시간의 ${formatPercent(fit.serialFraction)}), ${ceiling}.`
  if (fit.atBound && fit.serialFraction === 0) {
    text += ' (속도 향상이 선형 이상이라 f를 0으로 고정했습니다.)'
  }
  if (fit.serialFraction >= LARGE_SERIAL_FRACTION) {
    text +=
      ' 이렇게 큰 직렬 비율은 직렬 코드인 경우가 드뭅니다: 워커가 빈 코어를 얻지 못했거나' +
      '(다른 프로그램, 코어보다 많은 워커) 작업이 오버헤드에 비해 너무 짧았습니다.'
  }
  const usl = comparison.usl
  if (comparison.basis === 'usl-better' && usl) {
    text +=
      ` USL이 더 잘 맞습니다: σ = ${formatValue(usl.sigma)}${pm(usl.sigmaError)}, ` +
      `κ = ${formatValue(usl.kappa)}${pm(usl.kappaError)}` +
      (usl.peakWorkers !== null
        ? `, 워커 약 ${formatValue(usl.peakWorkers, 2)}개에서 정점 ${formatValue(usl.peakSpeedup ?? Number.NaN)}×.`
        : '.')
  } else if (comparison.basis !== 'amdahl-enough' || comparison.deltaAicc === null) {
    text += ` 1보다 큰 워커 수 ${fit.n}개로는 USL의 추가 항을 검증할 수 없어(최소 5개 필요) Amdahl의 법칙을 씁니다.`
  } else {
    text +=
      ` Amdahl의 법칙으로 충분합니다: USL의 결합 항이 피팅을 개선하지 않습니다` +
      `(ΔAICc = ${formatValue(comparison.deltaAicc, 2)}, ${AICC_MARGIN} 미만).`
  }
  return text
}

const atWorkers = (p: KarpFlattPoint): string =>
  `워커 ${p.workers}개에서 ${formatValue(p.serialFraction)}`

/** What the Karp–Flatt series says (the shared English: findingText.ts). */
export function karpFlattText(series: KarpFlattSeries, language: Language): string {
  if (language === 'en') return karpFlattMessage(series)
  const points = series.points
  if (points.length === 0) {
    const left = series.left ?? []
    if (left.length === 0)
      return 'e(N)을 보려면 워커가 2개 이상 필요합니다: 1보다 큰 워커 수가 없습니다.'
    const of = (reason: string): string =>
      left
        .filter((l) => l.reason === reason)
        .map((l) => l.workers)
        .join(', ')
    const parts: string[] = []
    if (of('not-significant'))
      parts.push(
        `워커 ${of('not-significant')}개의 속도 향상이 유의하지 않습니다(95% 구간이 1을 포함)`
      )
    if (of('oversubscribed'))
      parts.push(`워커 ${of('oversubscribed')}개는 코어보다 많습니다(번갈아 쓰는 것을 잼)`)
    if (of('out-of-range'))
      parts.push(
        `워커 ${of('out-of-range')}개의 속도 향상이 1…N 밖입니다(직렬 부분이 아니라 오버헤드)`
      )
    return `e(N)을 말할 근거가 부족합니다: ${parts.join('; ')}.`
  }
  const first = points[0]
  const last = points[points.length - 1]
  if (points.length === 1) {
    return `e는 ${atWorkers(first)}입니다. 그대로인지(직렬 부분) 커지는지(오버헤드) 보려면 워커 수를 더 재세요.`
  }
  switch (series.trend) {
    case 'insufficient':
      return (
        `e는 ${atWorkers(first)}, ${atWorkers(last)}입니다. 불확도가 없는 두 점으로는 추세와 ` +
        `잡음을 구분할 수 없습니다. 반복이나 워커 수를 늘리세요.`
      )
    case 'growing':
      return (
        `e가 ${atWorkers(first)}에서 ${atWorkers(last)}로 커집니다: 손실은 직렬 코드가 아니라 ` +
        `워커 수와 함께 늘어나는 오버헤드(시작, 메시지, 병합, 고르지 않은 몫)이므로, 워커를 ` +
        `더할수록 Amdahl의 법칙이 예측하는 것보다 덜 도움이 됩니다.`
      )
    case 'shrinking':
      return (
        `e가 ${atWorkers(first)}에서 ${atWorkers(last)}로 줄어듭니다: 워커를 늘리면 고정된 직렬 ` +
        `부분이 허용하는 것보다 더 얻습니다. 보통 한 번 드는 비용이 더 많은 워커에 나뉘거나 ` +
        `워커별 몫이 캐시에 더 잘 들어가기 때문입니다.`
      )
    case 'flat': {
      const mean = series.meanSerialFraction ?? Number.NaN
      const { low, high } = karpFlattRange(points)
      const range = low === high ? `모두 ${low}` : `${low}…${high}`
      const span = `워커 ${first.workers}개부터 ${last.workers}개까지`
      if (mean <= KARP_FLATT_NEAR_ZERO) {
        return `${span} e가 0 근처(${range})에 머뭅니다: 측정 가능한 직렬 부분이 없고, 작업이 거의 완벽하게 확장됩니다.`
      }
      return (
        `${span} e가 ${formatValue(mean, 2)} 근처(${range})에 머뭅니다: 작업의 ` +
        `${formatPercent(mean)}가 직렬인 것처럼 동작하므로, 워커를 몇 개 더하든 속도 향상은 ` +
        `${formatValue(1 / mean, 2)}× 근처에서 막힙니다(Amdahl의 법칙).`
      )
    }
  }
}

/** Weak scaling read with Gustafson's law (GustafsonAnalysis). */
export function gustafsonText(g: GustafsonAnalysis, language: Language): string {
  if (language === 'en') return gustafsonMessage(g)
  const what =
    g.workload === 'replicate' ? '워커마다 범위 전체를 더함' : '워커마다 같은 길이의 자기 몫을 더함'
  const widest = widestScaled(g)
  if (!widest)
    return `약한 스케일링(${what}): 1보다 큰 워커 수가 없어 스케일드 속도 향상이 없습니다.`
  return (
    `약한 스케일링(${what}): 워커 ${widest.workers}개가 ${widest.workers}배의 일을 스케일드 ` +
    `속도 향상 ${formatValue(widest.scaledSpeedup)} ± ${formatValue(widest.scaledSpeedupError, 2)}` +
    `(이상적으로 ${widest.workers})로 해냈습니다. Gustafson 직렬 비율 f = ` +
    `${formatValue(widest.serialFraction ?? Number.NaN)}${pm(widest.serialFractionError)}.`
  )
}

/** Where N first beats one in a size sweep (SizeSweepAnalysis: breakEven.status and its numbers). */
export function sweepText(s: SizeSweepAnalysis, language: Language): string {
  if (language === 'en') return sweepMessage(s)
  const b = s.breakEven
  const usable = usableSizes(s)
  const who = `${BACKEND_KO[s.backend]}, ${POOL_KO[s.pool]}: 워커 ${s.workers}개`
  const uncertain = usable.filter((p) => !p.clear).length
  const unclear =
    uncertain === 0
      ? ''
      : ` (크기 ${usable.length}개 중 ${uncertain}개에서는 차이가 오차 범위 안입니다)`
  const sizes = usable.map((p) => p.size)
  const smallest = formatInteger(sizes[0])
  const largest = formatInteger(sizes[sizes.length - 1])
  const bounds = (): string => {
    const lower = b.interval.lower === null ? `${smallest} 미만` : formatSize(b.interval.lower)
    const upper = b.interval.upper === null ? `${largest} 초과` : formatSize(b.interval.upper)
    return lower === upper ? '' : `; 오차 범위 안에서 ${lower} … ${upper}`
  }
  switch (b.status) {
    case 'crosses':
      return (
        `${who}는 원소 약 ${formatSize(b.size ?? Number.NaN)}개에서 처음 1개를 이겼습니다` +
        `(${formatInteger(b.bracket!.below)}와 ${formatInteger(b.bracket!.above)} 사이${bounds()}).`
      )
    case 'mixed':
      return b.size === null
        ? `${who}는 어떤 크기에서는 이기고 더 큰 크기에서는 집니다: 크기에 따라 이기는 쪽이 ` +
            `${b.changes}번 바뀌고 1에서 N으로 넘어가지 않아 손익분기를 정할 수 없습니다` +
            `(시간이 들쭉날쭉합니다: 반복을 늘리세요).`
        : `${who}는 원소 약 ${formatSize(b.size)}개에서 처음 1개를 이겼지만, 크기에 따라 이기는 ` +
            `쪽이 ${b.changes}번 바뀝니다(잡음 또는 캐시 효과)${bounds()}.`
    case 'always':
      return `${who}는 원소 ${smallest}개부터 잰 모든 크기에서 1개를 이겼습니다: 손익분기는 그보다 아래에 있습니다${unclear}.`
    case 'never':
      return `${who}는 원소 ${largest}개까지 한 번도 1개를 이기지 못했습니다: 손익분기는 그보다 위에 있습니다${unclear}.`
  }
}

function memoryKo(m: WorkerMemory): string {
  if (m.method === 'rss-growth') return `${formatMiB(m.rssBytesPerWorker)}(엔진 RSS 증가분)`
  return (
    `${formatMiB(m.rssBytesPerWorker)} RSS` +
    (m.pssBytesPerWorker === null ? '' : `(PSS ${formatMiB(m.pssBytesPerWorker)})`)
  )
}

/** Threads against processes, read side by side (BackendComparisonAnalysis). */
export function comparisonText(c: BackendComparisonAnalysis, language: Language): string {
  if (language === 'en') return comparisonMessage(c)
  const parts: string[] = []
  if (c.headline.length > 0) {
    const list = c.headline
      .map(
        (x) =>
          `${BACKEND_KO[x.backend]} ${formatValue(x.speedup.speedup)} ± ${formatValue(x.speedup.speedupError, 2)}×`
      )
      .join(', ')
    const compare =
      c.difference === null
        ? ''
        : c.difference.code === 'apart'
          ? ` (${BACKEND_KO[c.difference.leader]}가 오차 범위를 넘어 앞섬)`
          : ' (차이는 오차 범위 안)'
    parts.push(`워커 ${c.headlineWorkers}개에서 속도 향상은 ${list}였습니다${compare}.`)
    const thread = c.headline.find((x) => x.backend === 'thread')?.speedup
    if (thread && c.threads !== null) {
      parts.push(
        c.threads === 'adds-throughput'
          ? 'CPython의 스레드는 GIL에 묶이지만, JavaScript 워커 스레드는 각자 전역 락이 없는 ' +
              'V8 isolate에서 돌아가므로 프로세스처럼 CPU 처리량을 늘립니다.'
          : `여기서는 스레드가 처리량을 뚜렷하게 늘리지 못했습니다(${formatValue(thread.speedup)} ± ` +
              `${formatValue(thread.speedupError, 2)}×). JavaScript 스레드에는 GIL이 없으니, ` +
              `작업이 너무 작았거나 컴퓨터가 너무 바빴습니다.`
      )
    }
  }
  const starts = c.backends.filter((b) => b.coldStartMs !== null)
  if (starts.length > 0) {
    parts.push(
      `워커 하나의 콜드 스타트: ${starts.map((b) => `${BACKEND_KO[b.backend]} ${ms(b.coldStartMs!)}`).join(', ')}.`
    )
  }
  const mems = c.backends.filter((b) => b.memory !== null)
  if (mems.length > 0) {
    parts.push(
      `워커당 메모리: ${mems.map((b) => `${BACKEND_KO[b.backend]} ${memoryKo(b.memory!)}`).join(', ')}.`
    )
  }
  return parts.join(' ')
}

/** The study's verdict, a sentence per finding (StudyAnalysis.verdict: codes and numbers). */
export function verdictText(analysis: StudyAnalysis, language: Language): string[] {
  return analysis.verdict.map((f) => findingText(f, language))
}

/** One finding of a study's verdict. */
export function findingText(f: StudyFinding, language: Language): string {
  if (language === 'en') return studyFindingMessage(f)
  switch (f.code) {
    case 'wrong-total': {
      const wrong = f.runs.map((r) =>
        [
          BACKEND_KO[r.backend],
          r.pool === undefined ? undefined : POOL_KO[r.pool],
          r.size === undefined ? undefined : formatInteger(r.size)
        ]
          .filter((x) => x !== undefined)
          .join(' · ')
      )
      return `✗ 닫힌 식과 맞지 않는 합계가 있습니다(${wrong.join('; ') || '측정'}).`
    }
    case 'break-even':
      return sweepText(f.sweep, language)
    case 'backend-comparison':
      return comparisonText(f.comparison, language)
    case 'network-cost':
      return networkCostText(f.cost, language)
  }
}

/** Where a break-even lies, in Korean (describeBreakEvenSize's counterpart). */
function breakEvenPlaceKo(b: BreakEven, sizes: readonly number[]): string {
  const smallest = formatInteger(Math.min(...sizes))
  const largest = formatInteger(Math.max(...sizes))
  if (b.status === 'always') return `원소 ${smallest}개 미만(모든 크기에서 N이 이김)`
  if (b.status === 'never') return `원소 ${largest}개 초과(N이 한 번도 이기지 못함)`
  if (b.size === null) return '정할 수 없음(이기는 쪽이 여러 번 바뀜)'
  return `원소 약 ${formatSize(b.size)}개`
}

/** The network-cost study (NetworkCostAnalysis), in the user's language. */
export function networkCostText(c: NetworkCostAnalysis, language: Language): string {
  if (language === 'en') return networkCostMessage(c)
  const sizes = c.points.map((p) => p.size)
  const kernel = c.kernel ? `${c.kernel} 커널, ` : ''
  const head =
    `네트워크 비용(${kernel}${POOL_KO[c.pool]}, 워커 1개 대 ${c.workers}개): ` +
    `${BACKEND_KO[c.local.backend]}에서는 ${breakEvenPlaceKo(c.local.breakEven, sizes)}에서, ` +
    `클러스터에서는 ${breakEvenPlaceKo(c.cluster.breakEven, sizes)}에서 N이 처음 1개를 이겼습니다`
  const diff =
    c.difference === 'unplaced'
      ? ''
      : c.difference === 'same'
        ? ' (잰 크기 안에서 같은 자리)'
        : ` — 클러스터에서 ${c.ratio !== null ? `${formatValue(c.ratio)}배 ` : ''}${c.difference === 'cluster-later' ? '늦게' : '일찍'}` +
          (c.apart ? ', 오차 범위를 넘는 차이' : ', 오차 범위 안의 차이')
  const shares = c.points.filter((p) => p.networkShare !== null)
  const network =
    c.networkMs === null
      ? ''
      : ` 네트워크 왕복(중앙값 ${ms(c.networkMs)})은 ` +
        (shares.length >= 2
          ? `클러스터 워커 ${c.workers}개 시간의 ${formatPercent(shares[0].networkShare!)}(원소 ` +
            `${formatInteger(shares[0].size)}개)에서 ${formatPercent(shares[shares.length - 1].networkShare!)}(원소 ` +
            `${formatInteger(shares[shares.length - 1].size)}개)였습니다.`
          : shares.length === 1
            ? `클러스터 워커 ${c.workers}개 시간의 ${formatPercent(shares[0].networkShare!)}였습니다.`
            : '측정되었습니다.')
  return `${head}${diff}.${network}`
}

/** The contention finding (it leads the verdict); null when the cores were not shown to be shared. */
export function contentionText(c: ContentionAnalysis, language: Language): string | null {
  if (language === 'en') return contentionMessage(c)
  if (c.code !== 'contended') return null
  const parts: string[] = []
  const s = c.slowdown
  if (s && c.signals.includes('workers-slower')) {
    parts.push(
      `워커 ${s.workers}개가 함께 돌 때 각 워커가 혼자 돌 때보다 ${formatValue(s.slowdown, 2)}배 ` +
        `느렸습니다(원소당 ${formatValue(s.togetherNsPerElement)} ns 대 ${formatValue(s.aloneNsPerElement)} ns)`
    )
  }
  const load = c.load
  if (load && c.signals.includes('other-programs')) {
    parts.push(
      `실행하는 동안 다른 프로그램이 코어 ${c.cores}개 중 ${formatValue(load.otherCores, 2)}개를 썼습니다`
    )
  }
  if (load && load.stealCores !== null && c.signals.includes('steal')) {
    parts.push(
      `가상 머신의 호스트가 코어 ${formatValue(load.stealCores, 2)}개를 가져갔습니다(스틸 시간)`
    )
  }
  return (
    `코어를 나눠 썼습니다: ${parts.join('; ')}. 이 결과는 기계가 아니라 부하를 잰 것입니다. ` +
    `기계를 재려면 다른 프로그램을 닫고 다시 실행하세요.`
  )
}
