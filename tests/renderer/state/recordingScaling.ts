import type { BenchApi } from '../../../src/shared/api'
import type { StudyConfig } from '../../../src/shared/study'
import { ScalingState } from '../../../src/renderer/src/lib/state/scaling.svelte'
import type { RunForm } from '../../../src/renderer/src/lib/state/runForm.svelte'
import { NoticeStore } from '../../../src/renderer/src/lib/state/notice.svelte'

/**
 * The Scaling view's state over `form`, on 2 cores, with an api that records
 * every study it is asked to run into `sent` (and answers "cancelled").
 */
export function recordingScaling(form: RunForm, sent: StudyConfig[]): ScalingState {
  const api = {
    runStudy: async (config: StudyConfig) => {
      sent.push(config)
      return { ok: false, error: { code: 'cancelled', message: 'test' } }
    },
    onStudyProgress: () => () => {},
    cancel: async () => ({ ok: true, value: { cancelled: true } })
  } as unknown as BenchApi
  return new ScalingState({
    api,
    notice: new NoticeStore(),
    base: () => form.config,
    shown: () => null,
    selectedIds: () => [],
    frames: { request: () => 1, cancel: () => {} },
    cores: () => 2,
    commandSizes: () => form.command.sweepSizes
  })
}
