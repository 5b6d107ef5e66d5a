/** A button beside a notice ("Show in folder"); its label follows the language like the text. */
export interface NoticeAction {
  label: () => string
  run: () => void
}

/** One line of feedback at the bottom of the window ("CSV saved to …"). */
export interface Notice {
  tone: 'info' | 'error'
  /** Read at render time, so a notice shown before a language change follows it. */
  readonly text: string
  action?: NoticeAction
}

export class NoticeStore {
  current = $state.raw<Notice | null>(null)
  #timer: ReturnType<typeof setTimeout> | undefined

  /** `text` may be a function of the current language: pass one for anything worded by i18n. */
  show(tone: Notice['tone'], text: string | (() => string), action?: NoticeAction): void {
    const message = typeof text === 'function' ? text : () => text
    this.current = {
      tone,
      get text() {
        return message()
      },
      action
    }
    clearTimeout(this.#timer)
    // Errors stay until dismissed; confirmations fade after a while (longer with a button to reach).
    if (tone === 'info') {
      this.#timer = setTimeout(() => (this.current = null), action ? 20_000 : 8000)
    }
  }

  dismiss(): void {
    clearTimeout(this.#timer)
    this.current = null
  }
}
