/** The native prompt shown when the window's page has died, in the OS language. */
export interface CrashPrompt {
  message: string
  /** With {reason}: Electron's word for how the page ended (crashed, oom, …). */
  detail: string
  reload: string
  quit: string
  /** With {error}: the app could not open its window at all. */
  startFailed: string
}

export const CRASH_PROMPT: Record<'en' | 'ko', CrashPrompt> = {
  en: {
    message: 'The window stopped working.',
    detail:
      'Its page ended ({reason}). Any run in progress was cancelled; runs already finished are kept in History.',
    reload: 'Reload',
    quit: 'Quit',
    startFailed: 'Speedup Lab could not open its window: {error}'
  },
  ko: {
    message: '창이 응답을 멈췄습니다.',
    detail:
      '페이지가 종료되었습니다({reason}). 진행 중이던 실행은 취소되었고, 끝난 실행은 기록에 남아 있습니다.',
    reload: '다시 불러오기',
    quit: '종료',
    startFailed: 'Speedup Lab 창을 열 수 없습니다: {error}'
  }
}

export function crashPrompt(locale: string): CrashPrompt {
  return locale.toLowerCase().startsWith('ko') ? CRASH_PROMPT.ko : CRASH_PROMPT.en
}

export interface RendererGoneDeps {
  prompt: CrashPrompt
  /** Stops the run or study: nobody can see it any more. */
  cancelRun(): Promise<unknown>
  /** Shows the prompt; resolves to the index of the button chosen (0 reload, 1 quit). */
  ask(prompt: { message: string; detail: string; buttons: string[] }): Promise<number>
  reload(): void
  quit(): void
  log(line: string): void
}

/**
 * The `render-process-gone` listener: a crashed page would otherwise leave a
 * blank window while a run goes on behind it. Cancels the run first, then
 * asks to reload the page or quit. A page that ends cleanly (the window
 * closing) is not a crash; a second crash while the prompt is up asks once.
 */
export function onRendererGone(
  deps: RendererGoneDeps
): (details: { reason: string; exitCode: number }) => Promise<void> {
  let asking = false
  return async ({ reason, exitCode }) => {
    if (reason === 'clean-exit' || asking) return
    asking = true
    try {
      deps.log(`renderer gone: ${reason} (exit code ${exitCode})`)
      await deps.cancelRun().catch((e: unknown) => deps.log(`cancel after crash: ${String(e)}`))
      const { prompt } = deps
      const choice = await deps.ask({
        message: prompt.message,
        detail: prompt.detail.replace('{reason}', reason),
        buttons: [prompt.reload, prompt.quit]
      })
      if (choice === 0) deps.reload()
      else deps.quit()
    } finally {
      asking = false
    }
  }
}
