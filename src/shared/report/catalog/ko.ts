/**
 * 한국어: 분석의 모든 발견을 코드별로, 영어(en.ts)와 같은 숫자로 씁니다.
 * Korean: every finding keyed by its code, with the numbers English gives
 * (tests/renderer/analysisText.test.ts checks that every number survives).
 */
import {
  formatDateTime,
  formatFixed,
  formatInteger,
  formatMiB,
  formatMs,
  formatPercent,
  formatPValue,
  formatSize,
  formatSpeedup,
  formatValue
} from '../../format'
import type { KernelName, PoolMode, RunBackend } from '../../config'
import type { JobName } from '../../workloads/jobs'
import type { ModelsAnalysis, NetworkCostAnalysis, RunAnalysis } from '../../analysis/types'
import type { KarpFlattPoint } from '../../analysis/karpFlattSeries'
import { KARP_FLATT_NEAR_ZERO } from '../../analysis/karpFlattSeries'
import { LARGE_SERIAL_FRACTION, MIN_FIT_R_SQUARED } from '../../analysis/analyzeRun'
import {
  breakEvenTooWide,
  leftFor,
  usableSizes,
  widestScaled,
  winsAtSmallest
} from '../../analysis/findingFacts'
import { AICC_MARGIN } from '../../stats/compareScalingModels'
import type { BreakEven } from '../../stats/findBreakEven'
import type { RunRecord } from '../../result'
import type { WorkerMemory } from '../../study'
import { groupDigits } from '../groupDigits'
import { karpFlattRange, plusMinus as pm } from './common'
import type { FindingCatalog } from './types'
import { methodRulesKo } from './methodRulesKo'
import { failedCopies } from '../../command/copyFigures'

export const BACKEND_KO: Record<RunBackend, string> = {
  process: '프로세스',
  thread: '스레드',
  cluster: '클러스터',
  async: '비동기(이벤트 루프)'
}
export const POOL_KO: Record<PoolMode, string> = { warm: '웜 풀', cold: '콜드 풀' }
export const JOB_KO: Record<JobName, string> = { sum: '합계', wait: '대기', command: '명령' }

/** "12.3ms", as Korean writes it elsewhere in the app. */
const ms = (value: number): string => formatMs(value, 'ko')

/** "wasm 커널" when a study compared kernels; nothing otherwise. */
const kernelWord = (kernel: KernelName | undefined): string | undefined =>
  kernel === undefined ? undefined : `${kernel} 커널`

const atWorkers = (p: KarpFlattPoint): string =>
  `워커 ${p.workers}개에서 ${formatValue(p.serialFraction)}`

function fittedOrNot(models: ModelsAnalysis): string {
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

/** Where a break-even lies: "원소 약 180,000개", "원소 10,000개 미만(모든 크기에서 N이 이김)". */
function breakEvenPlaceLong(b: BreakEven, sizes: readonly number[]): string {
  const smallest = formatInteger(Math.min(...sizes))
  const largest = formatInteger(Math.max(...sizes))
  if (b.status === 'always') return `원소 ${smallest}개 미만(모든 크기에서 N이 이김)`
  if (b.status === 'never') return `원소 ${largest}개 초과(N이 한 번도 이기지 못함)`
  if (b.size === null) return '정할 수 없음(이기는 쪽이 여러 번 바뀜)'
  if (breakEvenTooWide(b))
    return `원소 ${breakEvenPlace(b, Math.min(...sizes), Math.max(...sizes))}`
  return `원소 약 ${formatSize(b.size)}개`
}

/** Short, for table cells: "약 180,000", "10,000 미만" (the app's kernel table words). */
function breakEvenPlace(b: BreakEven | null, smallest: number, largest: number): string {
  if (!b) return '—'
  // 구간이 반 자릿수(√10배) 이하일 때만 한 값으로; 아니면 그 값이 있을 수 있는 범위.
  if (b.size !== null && breakEvenTooWide(b)) {
    const lower =
      b.interval.lower === null ? `${formatInteger(smallest)} 미만` : formatSize(b.interval.lower)
    const upper =
      b.interval.upper === null ? `${formatInteger(largest)} 초과` : formatSize(b.interval.upper)
    return `${lower} … ${upper} 사이 어딘가${b.status === 'mixed' ? '(잡음 큼)' : ''}`
  }
  switch (b.status) {
    case 'always':
      return `${formatInteger(smallest)} 미만`
    case 'never':
      return `${formatInteger(largest)} 초과`
    case 'crosses':
      return b.size === null ? '불분명' : `약 ${formatSize(b.size)}`
    case 'mixed':
      return b.size === null ? '불분명(잡음 큼)' : `약 ${formatSize(b.size)}(잡음 큼)`
  }
}

function memoryKo(m: WorkerMemory): string {
  if (m.method === 'rss-growth') return `${formatMiB(m.rssBytesPerWorker)}(엔진 RSS 증가분)`
  return (
    `${formatMiB(m.rssBytesPerWorker)} RSS` +
    (m.pssBytesPerWorker === null ? '' : `(PSS ${formatMiB(m.pssBytesPerWorker)})`)
  )
}

function networkDifference(c: NetworkCostAnalysis): string {
  if (c.difference === 'unplaced') return '비교할 수 없음(손익분기를 정할 수 없음)'
  if (c.difference === 'same') return '잰 크기 안에서 같은 자리'
  return (
    `클러스터에서 ${c.ratio !== null ? `${formatValue(c.ratio)}배 ` : ''}` +
    `${c.difference === 'cluster-later' ? '늦게' : '일찍'}` +
    (c.apart ? ', 오차 범위를 넘는 차이' : ', 오차 범위 안의 차이')
  )
}

/** "1.93×(95% 구간 1.88–1.98×)", or why there is none. */
function withInterval(
  speedup: number,
  interval: { lower: number; upper: number } | null,
  minReps: number
): string {
  return interval
    ? `${formatSpeedup(speedup)}(95% 구간 ${formatFixed(interval.lower, 2)}–${formatSpeedup(interval.upper)})`
    : `${formatSpeedup(speedup)}(95% 구간 없음: 반복 ${minReps}회는 너무 적습니다. --reps 5 이상으로 하세요)`
}

function verdictParts(run: RunRecord, analysis: RunAnalysis) {
  const sums = [...new Set(run.results.map((r) => r.expectedSum))]
  const sumText =
    sums.length === 1
      ? `닫힌 식의 값 ${groupDigits(sums[0])}`
      : `닫힌 식의 값(${run.results.map((r) => `${r.workers}: ${groupDigits(r.expectedSum)}`).join('; ')})`
  const oversubscribed = analysis.workers.filter((w) => w.oversubscribed).map((w) => w.workers)
  const failed = run.config.job === 'command' ? failedCopies(run.results) : 0
  return {
    ok:
      run.config.job === 'wait'
        ? `✓ 요청 ${groupDigits(sums[0])}개가 모두 정확히 한 번씩 응답받았습니다.`
        : run.config.job === 'command'
          ? failed === 0
            ? '✓ 모든 반복에서 모든 사본이 0으로 종료했습니다.'
            : `⚠ 사본 ${failed}개가 실패했지만 실행을 계속했습니다(--ignore-failure). 경고를 보세요.`
          : `✓ 모든 합계가 ${sumText}과 맞습니다.`,
    /** 작업이 너무 작을 때 해 볼 일. */
    larger: run.config.job === 'command' ? '명령에 더 많은 일을 주세요' : '범위를 키우세요',
    scaled: analysis.speedupDefinition === 'N·T1/TN' ? '확장 속도 향상 N·T1/TN' : '속도 향상',
    coresNote: oversubscribed.length
      ? ` 경고: 워커 ${oversubscribed.join(', ')}개가 사용 가능한 코어 ` +
        `${analysis.context.logicalCores}개를 넘습니다.`
      : ''
  }
}

export const ko: FindingCatalog = {
  warning: {
    'more-workers-than-cores': (w) =>
      `논리 코어 ${w.logicalCores}개에 워커 ${w.workers}개: 워커들이 CPU를 번갈아 쓰므로 ` +
      `${w.logicalCores}배를 넘는 속도 향상은 불가능하고, 남는 워커는 오버헤드만 늘립니다.`,
    'job-shorter-than-spawn': (w) =>
      `워커를 띄우는 데 ${ms(w.spawnMs)}가 걸려 워커 하나가 작업 전체를 계산하는 시간(${ms(w.jobMs)})보다 깁니다: ` +
      `콜드 실행은 대부분 시작 시간을 재는 셈입니다. 범위를 키우거나 웜 풀을 쓰세요.`,
    outliers: (w) => {
      // The statistic in plain words first: how far from the others, then its name and value.
      const item = (rep: number, i: number): string => {
        const z = w.scores?.[i]
        const far =
          z === undefined
            ? ''
            : `, 다른 반복들과 멀리 떨어짐: 수정 Z ${formatValue(Math.abs(z), 2)}`
        return `#${rep}(${ms(w.valuesMs[i])}${far})`
      }
      const slow = w.repetitions.flatMap((rep, i) =>
        w.valuesMs[i] > w.medianMs ? [item(rep, i)] : []
      )
      const fast = w.repetitions.flatMap((rep, i) =>
        w.valuesMs[i] < w.medianMs ? [item(rep, i)] : []
      )
      const causes = [
        slow.length
          ? `느린 반복: ${slow.join(', ')}. 다른 프로그램이나 OS가 실행을 방해했습니다. 그런 프로그램을 닫고 다시 재거나 반복을 늘리세요.`
          : '',
        fast.length
          ? `빠른 반복: ${fast.join(', ')}. 나머지보다 빨랐습니다(그때 방해가 적었거나 CPU 클럭이 높았음). 다른 프로그램 탓이 아니며, 버리지 않고 이름만 밝힙니다.`
          : ''
      ].filter(Boolean)
      return (
        `이상치인 반복(다른 반복들과 멀리 떨어짐: 수정 Z — 중앙값에서 떨어진 거리를 보통의 흩어짐 단위로 잰 값 — ` +
        `${formatValue(w.threshold)} 초과). ${causes.join(' ')}`
      )
    },
    'slow-first-repetition': (w) =>
      `첫 반복이 ${ms(w.firstMs)}로 나머지 중앙값(${ms(w.restMedianMs)})의 ` +
      `${formatValue(w.ratio)}배였습니다: 캐시, JIT, CPU 클럭이 아직 예열 중이었습니다. ` +
      (w.warmupAuto
        ? `두 시간이 일치해 워밍업이 멈췄지만 여기서는 너무 일렀습니다: 횟수를 정하세요(--warmup 5).`
        : `워밍업을 한 번 추가하세요.`),
    trend: (w) =>
      w.direction === 'slowing'
        ? `반복할수록 느려졌습니다(처음부터 끝까지 약 ${formatPercent(w.relativeChange)}, ` +
          `반복 전체에 걸친 추세, Mann–Kendall 검정, ${formatPValue(w.pValue)}): CPU가 뜨거워져 클럭을 낮췄거나 다른 ` +
          `작업이 컴퓨터를 쓰고 있습니다. 식힌 뒤 다른 프로그램을 닫고 다시 재세요.`
        : `반복할수록 빨라졌습니다(처음부터 끝까지 약 ${formatPercent(-w.relativeChange)}, ` +
          `반복 전체에 걸친 추세, Mann–Kendall 검정, ${formatPValue(w.pValue)}): 컴퓨터가 아직 예열 중이었거나(CPU 클럭, ` +
          `캐시, JIT) 백그라운드 작업이 끝났습니다. 워밍업을 늘리세요.`,
    'wide-interval': (w) =>
      `중앙값의 ${formatPercent(w.level, 'ko', 0)} 구간이 ±${ms(w.halfWidthMs)}(${ms(w.medianMs)}의 ` +
      `±${formatPercent(w.relativeHalfWidth)})입니다: 시간이 너무 들쭉날쭉해 워커 수끼리 ` +
      `세밀하게 비교할 수 없습니다. 반복을 늘리거나 다른 프로그램을 닫으세요.`,
    'output-changed': (w) =>
      `${w.copies.map((c) => `사본 ${c + 1}`).join(', ')}의 출력이 반복 ${w.repetitions.join(', ')}에서 ` +
      `바뀌었습니다(첫 반복과 해시가 다름): 명령이 매번 같은 일을 하지 않으므로 시간을 ` +
      `비교하기 어려울 수 있습니다.`,
    'output-truncated': (w) =>
      `사본 하나가 ${formatInteger(w.bytes, 'ko-KR')}바이트를 출력했습니다: 처음 ` +
      `${formatInteger(w.keptBytes, 'ko-KR')}바이트만 보관해 해시하고 나머지는 버리고 셌습니다. ` +
      `출력을 읽는 데에도 시간이 듭니다. 필요 없다면 파일이나 /dev/null로 보내세요.`,
    'copies-failed': (w) =>
      `반복 ${w.repetitions.join(', ')}에서 사본이 0으로 끝나지 않았습니다(실패를 무시하도록 해 계속함): ${w.first}`,
    'workers-unheard': () =>
      `명령이 {workers}를 쓰지 않아 몇 개의 워커를 쓸지 명령에 알려 주는 것이 없습니다: 모든 워커 ` +
      `수에서 같은 작업이 돌았으므로 그 사이의 차이는 잡음입니다. N을 명령에 넘기거나(xz -T{workers}처럼) ` +
      `대신 N개의 사본을 동시에 측정하세요.`
  },

  karpFlatt: {
    'no-points': () => 'e(N)을 보려면 워커가 2개 이상 필요합니다: 1보다 큰 워커 수가 없습니다.',
    'not-enough-evidence': (s) => {
      const parts: string[] = []
      const noise = leftFor(s, 'not-significant')
      const over = leftFor(s, 'oversubscribed')
      const outside = leftFor(s, 'out-of-range')
      if (noise) parts.push(`워커 ${noise}개의 속도 향상이 유의하지 않습니다(95% 구간이 1을 포함)`)
      if (over) parts.push(`워커 ${over}개는 코어보다 많습니다(번갈아 쓰는 것을 잼)`)
      if (outside)
        parts.push(`워커 ${outside}개의 속도 향상이 1…N 밖입니다(직렬 부분이 아니라 오버헤드)`)
      return `e(N)을 말할 근거가 부족합니다: ${parts.join('; ')}.`
    },
    'one-point': (s) =>
      `e는 ${atWorkers(s.points[0])}입니다. 그대로인지(직렬 부분) 커지는지(오버헤드) 보려면 워커 수를 더 재세요.`,
    insufficient: (s) =>
      `e는 ${atWorkers(s.points[0])}, ${atWorkers(s.points[s.points.length - 1])}입니다. ` +
      `불확도가 없는 두 점으로는 추세와 잡음을 구분할 수 없습니다. 반복이나 워커 수를 늘리세요.`,
    growing: (s) =>
      `e가 ${atWorkers(s.points[0])}에서 ${atWorkers(s.points[s.points.length - 1])}로 커집니다: ` +
      `손실은 직렬 코드가 아니라 워커 수와 함께 늘어나는 오버헤드(시작, 메시지, 병합, 고르지 ` +
      `않은 몫)이므로, 워커를 더할수록 Amdahl의 법칙이 예측하는 것보다 덜 도움이 됩니다.`,
    shrinking: (s) =>
      `e가 ${atWorkers(s.points[0])}에서 ${atWorkers(s.points[s.points.length - 1])}로 ` +
      `줄어듭니다: 워커를 늘리면 고정된 직렬 부분이 허용하는 것보다 더 얻습니다. 보통 한 번 ` +
      `드는 비용이 더 많은 워커에 나뉘거나 워커별 몫이 캐시에 더 잘 들어가기 때문입니다.`,
    flat: (s) => {
      const first = s.points[0]
      const last = s.points[s.points.length - 1]
      const mean = s.meanSerialFraction ?? Number.NaN
      const { low, high } = karpFlattRange(s.points)
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
  },

  models: {
    'weak-scaling': (m) =>
      m.command
        ? 'Amdahl의 법칙과 USL은 워커 N개로 빨라지는 하나의 작업(--command, {workers}로 N을 ' +
          '알려 줌)을 설명합니다. N개의 사본을 동시에 실행하면 N에 따라 작업이 늘어나므로 ' +
          'Gustafson의 스케일드 속도 향상으로 봅니다.'
        : 'Amdahl의 법칙과 USL은 고정된 작업을 N개로 나누는 경우(분할 작업)를 설명합니다. ' +
          '이 실행은 N에 따라 작업이 늘어나므로 Gustafson의 스케일드 속도 향상으로 봅니다.',
    'slower-than-one': (m) =>
      `모델을 피팅하지 않았습니다: 워커 ${m.workers.join(', ')}개가 워커 1개보다 느렸으므로` +
      `(속도 향상 1 미만) 오버헤드가 작업을 지배합니다. Amdahl의 법칙과 USL은 워커를 늘릴수록 ` +
      `빨라지는 작업을 설명합니다. ` +
      (m.command ? '명령에 더 많은 일을 주세요.' : '범위를 키우세요.'),
    'too-few-worker-counts': fittedOrNot,
    'not-significant': (m) =>
      `Amdahl의 법칙이나 USL을 말할 근거가 부족합니다: 워커 ${m.workers.join(', ')}개의 ` +
      `속도 향상이 유의하지 않습니다(95% 구간이 1을 포함). 잡음에 맞춘 직렬 비율은 아무것도 ` +
      `가르쳐 주지 않습니다. ` +
      (m.command
        ? '반복을 늘리거나 명령에 더 많은 일을 주세요.'
        : '반복을 늘리거나 범위를 키우세요.'),
    'poor-fit': (m) =>
      `Amdahl의 법칙을 말할 근거가 부족합니다: 워커 ${m.workers.join(', ')}개의 속도 향상을 ` +
      `잘 설명하지 못합니다(R² = ${formatValue(m.rSquared ?? Number.NaN, 3)}, ` +
      `${MIN_FIT_R_SQUARED} 미만). 그 직렬 비율은 의미 없는 숫자입니다.`,
    fitted: fittedOrNot
  },

  modelsExcluded: (m) =>
    `워커 ${m.excluded.join(', ')}개는 코어 ${m.cores}개보다 많아 그래프에는 그리되 피팅하지 ` +
    `않습니다: 작업이 아니라 코어를 번갈아 쓰는 것을 잰 값이기 때문입니다.`,

  contention: (c) => {
    const parts: string[] = []
    const s = c.slowdown
    if (s && c.signals.includes('workers-slower')) {
      parts.push(
        `워커 ${s.workers}개가 함께 돌 때 각 워커가 혼자 돌 때보다 ${formatValue(s.slowdown, 2)}배 ` +
          `느렸습니다(${s.unit === 'ms-per-copy' ? '사본당' : '원소당'} ` +
          `${formatValue(s.together)} ${s.unit === 'ms-per-copy' ? 'ms' : 'ns'} 대 ` +
          `${formatValue(s.alone)} ${s.unit === 'ms-per-copy' ? 'ms' : 'ns'})`
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
  },

  reference: (r) =>
    `이 기계에서 이 작업은 더 한가할 때(${formatDateTime(r.startedAt, 'ko')} 실행) 워커 ` +
    `${r.workers}개로 ${formatSpeedup(r.speedup)}까지 빨라졌습니다(95% 구간 ` +
    `${formatSpeedup(r.low)}~${formatSpeedup(r.high)}).`,

  gustafson: (g) => {
    const what = g.copies
      ? '사본 N개를 동시에 실행, 사본마다 명령 전체를 실행'
      : g.workload === 'replicate'
        ? '워커마다 범위 전체를 더함'
        : '워커마다 같은 길이의 자기 몫을 더함'
    const widest = widestScaled(g)
    if (!widest)
      return `약한 스케일링(${what}): 1보다 큰 워커 수가 없어 스케일드 속도 향상이 없습니다.`
    return (
      `약한 스케일링(${what}): ${g.copies ? '사본' : '워커'} ${widest.workers}개가 ${widest.workers}배의 일을 스케일드 ` +
      `속도 향상 ${formatValue(widest.scaledSpeedup)} ± ${formatValue(widest.scaledSpeedupError, 2)}` +
      `(이상적으로 ${widest.workers})로 해냈습니다. Gustafson 직렬 비율 f = ` +
      `${formatValue(widest.serialFraction ?? Number.NaN)}${pm(widest.serialFractionError)}.`
    )
  },

  breakEven: (() => {
    const facts = (s: Parameters<FindingCatalog['breakEven']['crosses']>[0]) => {
      const b = s.breakEven
      const usable = usableSizes(s)
      // A command's sweep: its sizes are the values of {size}, and pools mean nothing to it.
      const command = s.job === 'command'
      const who = command
        ? `내 명령: 워커 ${s.workers}개`
        : `${BACKEND_KO[s.backend]}, ${POOL_KO[s.pool]}: 워커 ${s.workers}개`
      const at = (size: string): string => (command ? `크기 ${size}` : `원소 ${size}개`)
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
      const between = (lower: string, upper: string): string =>
        command ? `크기 ${lower}와 ${upper}` : `원소 ${lower}개와 ${upper}개`
      return { b, who, unclear, smallest, largest, bounds, at, between }
    }
    return {
      crosses: (s) => {
        const { b, who, bounds, smallest, largest, at, between } = facts(s)
        if (breakEvenTooWide(b)) {
          const lower = b.interval.lower === null ? smallest : formatInteger(b.interval.lower)
          const upper = b.interval.upper === null ? largest : formatInteger(b.interval.upper)
          return (
            `${who}는 ${between(lower, upper)} 사이에서 지다가 이기기 시작합니다: ` +
            `오차가 너무 커서 더 말할 수 없습니다.`
          )
        }
        return (
          `${who}는 ${at(`약 ${formatSize(b.size ?? Number.NaN)}`)}에서 처음 1개를 이겼습니다` +
          `(${formatInteger(b.bracket!.below)}와 ${formatInteger(b.bracket!.above)} 사이${bounds()}).`
        )
      },
      mixed: (s) => {
        const { b, who, bounds, at } = facts(s)
        return b.size === null
          ? `${who}는 어떤 크기에서는 이기고 더 큰 크기에서는 집니다: 크기에 따라 이기는 쪽이 ` +
              `${b.changes}번 바뀌고 1에서 N으로 넘어가지 않아 손익분기를 정할 수 없습니다` +
              `(시간이 들쭉날쭉합니다: 반복을 늘리세요).`
          : winsAtSmallest(s)
            ? `${who}는 ${at(facts(s).smallest)}에서 이미 이겼지만, 크기에 따라 이기는 쪽이 ` +
              `${b.changes}번 바뀌어(잡음 또는 캐시 효과) 손익분기를 하나로 정할 수 없습니다; ` +
              `${at(`약 ${formatSize(b.size)}`)} 근처에서 다시 지다가 이기기 시작합니다${bounds()}.`
            : `${who}는 ${at(`약 ${formatSize(b.size)}`)}에서 처음 1개를 이겼지만, 크기에 따라 이기는 ` +
              `쪽이 ${b.changes}번 바뀝니다(잡음 또는 캐시 효과)${bounds()}.`
      },
      always: (s) => {
        const { who, smallest, unclear, at } = facts(s)
        return `${who}는 ${at(smallest)}부터 잰 모든 크기에서 1개를 이겼습니다: 손익분기는 그보다 아래에 있습니다${unclear}.`
      },
      never: (s) => {
        const { who, largest, unclear, at } = facts(s)
        return `${who}는 ${at(largest)}까지 한 번도 1개를 이기지 못했습니다: 손익분기는 그보다 위에 있습니다${unclear}.`
      }
    }
  })(),

  breakEvenPlace,

  breakEvenCell: (b, sizes) => {
    const place = breakEvenPlaceLong(b, sizes)
    if (b.size === null) return place
    const smallest = Math.min(...sizes)
    const largest = Math.max(...sizes)
    const lower =
      b.interval.lower === null ? `< ${formatInteger(smallest)}` : formatSize(b.interval.lower)
    const upper =
      b.interval.upper === null ? `> ${formatInteger(largest)}` : formatSize(b.interval.upper)
    return `${place}, 오차 범위 안에서 ${lower} … ${upper}`
  },

  workloadComparison: (c) => {
    const sp = (x: { speedup: number; speedupError: number }): string =>
      `${formatValue(x.speedup)} ± ${formatValue(x.speedupError, 2)}×`
    const sum = c.series.find((s) => s.job === 'sum')
    const waits = c.series
      .filter((s) => s.job === 'wait')
      .flatMap((s) => {
        const top = s.points.find((p) => p.workers === c.topWorkers)
        return top ? [`${BACKEND_KO[s.backend]} ${sp(top.speedup)}`] : []
      })
    const parts: string[] = []
    if (sum?.best)
      parts.push(
        `합계(${BACKEND_KO[sum.backend]})는 코어 ${c.cores}개에서 최고 ${sp(sum.best.speedup)}(워커 ${sum.best.workers}개)였습니다.`
      )
    if (waits.length) parts.push(`워커 ${c.topWorkers}개에서 대기: ${waits.join(', ')}.`)
    parts.push(
      c.code === 'waiting-scales'
        ? `계산은 코어 수에서 멈추지만 대기는 코어 수를 넘어서도 계속 빨라집니다. 기다리는 워커는 ` +
            `코어를 차지하지 않기 때문입니다. 비동기는 워커 없이, 이벤트 루프 하나에 요청 ` +
            `${c.topWorkers}개를 동시에 띄워 같은 결과에 이릅니다.`
        : `이 수치로는 차이가 뚜렷하지 않습니다(코어 ${c.cores}개를 넘는 워커 수가 적거나 오차가 ` +
            `넓음). 코어 수보다 많은 워커 수나 반복을 더하세요.`
    )
    return parts.join(' ')
  },

  backendComparison: (c) => {
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
  },

  networkDifference,

  networkCost: (c) => {
    const sizes = c.points.map((p) => p.size)
    const kernel = c.kernel ? `${c.kernel} 커널, ` : ''
    const head =
      `네트워크 비용(${kernel}${POOL_KO[c.pool]}, 워커 1개 대 ${c.workers}개): ` +
      `${BACKEND_KO[c.local.backend]}에서는 ${breakEvenPlaceLong(c.local.breakEven, sizes)}에서, ` +
      `클러스터에서는 ${breakEvenPlaceLong(c.cluster.breakEven, sizes)}에서 N이 처음 1개를 이겼습니다`
    const diff =
      c.difference === 'unplaced'
        ? ''
        : c.difference === 'same'
          ? ` (${networkDifference(c)})`
          : ` — ${networkDifference(c)}`
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
  },

  studyFinding: {
    'wrong-total': (f) => {
      const wrong = f.runs.map((r) =>
        [
          BACKEND_KO[r.backend],
          r.pool === undefined ? undefined : POOL_KO[r.pool],
          r.size === undefined ? undefined : formatInteger(r.size)
        ]
          .filter((x) => x !== undefined)
          .join(' · ')
      )
      // A command's sweep has no totals: its check is that every copy exited 0.
      if (f.runs.length > 0 && f.runs.every((r) => r.job === 'command'))
        return `✗ 내 명령의 사본 중 0으로 끝나지 않은 것이 있습니다(크기 ${f.runs.map((r) => formatInteger(r.size ?? Number.NaN)).join('; ')}).`
      return `✗ 닫힌 식과 맞지 않는 합계가 있습니다(${wrong.join('; ') || '측정'}).`
    }
  },

  // A command's sweep: its backend and pool say nothing (its copies are new processes).
  where: ({ backend, pool, size, kernel, job }) =>
    [
      job === undefined ? undefined : job === 'command' ? '내 명령' : JOB_KO[job],
      kernelWord(kernel),
      job === 'command' ? undefined : BACKEND_KO[backend],
      pool === undefined || job === 'command' ? undefined : POOL_KO[pool],
      size === undefined
        ? undefined
        : job === 'command'
          ? `크기 ${formatInteger(size)}`
          : `원소 ${formatInteger(size)}개`
    ]
      .filter((x) => x !== undefined)
      .join(' · '),

  studyStep: (step) => {
    if (step.kind === 'done') return '완료'
    const backend = BACKEND_KO[step.backend]
    if (step.kind === 'size') {
      if (step.job === 'command') return `크기 스윕 · 내 명령 · 크기 ${formatInteger(step.size)}`
      const kernel = step.kernel ? `${kernelWord(step.kernel)} · ` : ''
      return `크기 스윕 · ${kernel}${backend} · ${POOL_KO[step.pool]} · 원소 ${formatInteger(step.size)}개`
    }
    if (step.kind === 'workload') return `계산 대 대기 · ${JOB_KO[step.job]} · ${backend}`
    const what = {
      backend: '백엔드 비교',
      'cold-start': '콜드 스타트 측정',
      memory: '메모리 측정'
    }[step.kind]
    return `${what} · ${backend}`
  },

  runVerdict: {
    'wrong-total': (run, a) => {
      const r = run.results.find((x) => !x.correct)!
      if (run.config.job === 'command')
        return `✗ 워커 ${a.verdict.wrongWorkers.join(', ')}개에서 모든 사본이 0으로 종료하지는 않았습니다: ${groupDigits(r.expectedSum)}개 중 ${groupDigits(r.sum)}개만 0으로 종료했습니다.`
      return `✗ 워커 ${a.verdict.wrongWorkers.join(', ')}개의 합계가 틀렸습니다: ${groupDigits(r.expectedSum)}이어야 하는데 ${groupDigits(r.sum)}입니다.`
    },
    'baseline-only': (run, a) =>
      `${verdictParts(run, a).ok} 워커 1개만 측정해서 비교할 대상이 없습니다. 워커 수를 추가하세요(예: --workers 1,2).`,
    'too-small': (run, a) => {
      const row = a.workers
        .filter((w) => w.tooSmall)
        .reduce<(typeof a.workers)[number] | null>(
          (x, y) => (x === null || y.workers > x.workers ? y : x),
          null
        )
      const small = row?.tooSmall
      const detail =
        row && small
          ? ` 워커 ${row.workers}개일 때 워커마다 계산이 ${ms(small.computeMs)}인데 반복마다 오버헤드가 ${ms(small.overheadMs)}입니다.`
          : ''
      if (run.config.job === 'command')
        return `${verdictParts(run, a).ok} 속도 향상을 재기에는 작업이 너무 작습니다.${detail} 명령에 더 많은 일을 주세요.`
      return `${verdictParts(run, a).ok} 속도 향상을 재기에는 작업이 너무 작습니다.${detail} 범위를 키우${run.config.pool === 'cold' ? '거나 웜 풀을 쓰' : ''}세요.`
    },
    faster: (run, a) => {
      const { ok, scaled, coresNote } = verdictParts(run, a)
      const v = a.verdict
      return `${ok} 가장 좋은 것: 워커 ${v.workers}개, ${scaled} ${withInterval(v.speedup!, v.interval, v.minReps)}로 워커 1개보다 빠릅니다(효율 ${formatValue((v.efficiency ?? Number.NaN) * 100, 3)} %).${coresNote}`
    },
    slower: (run, a) => {
      const { ok, scaled, coresNote, larger } = verdictParts(run, a)
      const v = a.verdict
      return `${ok} 더 느립니다: 가장 나은 워커 ${v.workers}개도 ${scaled}가 ${withInterval(v.speedup!, v.interval, v.minReps)}입니다. 이 작업은 오버헤드가 지배합니다. ${larger}.${coresNote}`
    },
    'no-difference': (run, a) => {
      const { ok, scaled, coresNote } = verdictParts(run, a)
      const v = a.verdict
      return `${ok} 워커 1개와 유의한 차이가 없습니다: 가장 나은 워커 ${v.workers}개의 ${scaled}가 ${withInterval(v.speedup!, v.interval, v.minReps)}이며, 이 구간은 1을 포함합니다.${coresNote}`
    }
  },

  methodRules: methodRulesKo,

  method: (method) =>
    `구간은 ${formatPercent(method.level, 'ko', 0)}입니다: 중앙값의 구간은 백분위 부트스트랩` +
    `(시드를 고정한 재표본 ${formatInteger(method.resamples)}개; 반복 ` +
    `${method.minRepsForMedianInterval}회부터이며, 그보다 적으면 평균의 Student t 구간이 대신합니다), ` +
    `평균의 구간은 Student t로 만듭니다. "S ± e"는 그 반폭을 속도 향상까지 전파한 것이고` +
    `(상대 오차를 제곱합으로), 그 구간은 S·exp(∓e/S)입니다(로그 척도: 오차가 작으면 ≈ S ± e, ` +
    `0 아래로 내려가지 않음). 효율은 S/N ± e/N입니다.`,

  kernels: (c) => {
    const fast = c.kernels.find((k) => k.kernel === c.faster)
    const slow = c.kernels.find((k) => k.kernel === c.slower)
    if (!fast || !slow || c.ratio === null) return []
    const n = c.workers
    const place = (b: BreakEven | null): string => breakEvenPlace(b, c.smallestSize, c.largestSize)
    const sentences = [
      `${fast.kernel} 루프는 원소당 시간이 ${slow.kernel}보다 ${formatFixed(c.ratio, 1)}배 짧았습니다` +
        `(${formatFixed(fast.nsPerElement, 3)} 대 ${formatFixed(slow.nsPerElement, 3)} ns, 워커 1개, 원소 ${formatInteger(c.largestSize)}개).`
    ]
    for (const pool of ['warm', 'cold'] as const) {
      const [bs, bf] = [slow.breakEven[pool], fast.breakEven[pool]]
      if (!bs || !bf) continue
      sentences.push(
        `${BACKEND_KO[c.backend]}, ${POOL_KO[pool]}: 손익분기(워커 ${n}개가 처음 1개를 이기는 곳)는 ` +
          `${slow.kernel}에서 원소 ${place(bs)}, ${fast.kernel}에서 ${place(bf)}입니다.`
      )
    }
    const [ss, sf] = [slow.speedupAtLargest, fast.speedupAtLargest]
    if (ss && sf) {
      const why =
        c.lesson === 'pays-off-later'
          ? '같은 오버헤드가 더 짧은 계산에 비해 더 무거우므로, 빠른 루프일수록 병렬화가 더 늦게 이득이 됩니다.'
          : c.lesson === 'contradicted'
            ? '위의 손익분기점은 반대를 말하므로, 이 숫자로는 루프 속도에 대한 규칙을 말할 수 없습니다.'
            : '차이가 오차 안에 있어 루프에 대해 알려 주는 것이 없습니다.'
      sentences.push(
        `원소 ${formatInteger(c.largestSize)}개(웜)에서 워커 ${n}개는 ${slow.kernel}로 ${formatSpeedup(ss.speedup)}, ` +
          `${fast.kernel}로 ${formatSpeedup(sf.speedup)} 빨랐습니다: ${why}`
      )
    }
    return sentences
  }
}
