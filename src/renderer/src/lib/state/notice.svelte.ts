/** One line of feedback at the bottom of the window ("CSV saved to …"). */
export interface Notice {
  tone: 'info' | 'error'
  text: string
}

export class NoticeStore {
  current = $state.raw<Notice | null>(null)
  #timer: ReturnType<typeof setTimeout> | undefined

  show(tone: Notice['tone'], text: string): void {
    this.current = { tone, text }
    clearTimeout(this.#timer)
    // Errors stay until dismissed; confirmations fade after a while.
    if (tone === 'info') this.#timer = setTimeout(() => (this.current = null), 8000)
  }

  dismiss(): void {
    clearTimeout(this.#timer)
    this.current = null
  }
}
