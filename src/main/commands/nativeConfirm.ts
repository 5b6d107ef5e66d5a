import { dialog } from 'electron'
import type { BrowserWindow, MessageBoxOptions } from 'electron'
import { confirmCommandDialog } from './confirmCommandText'

/**
 * The native confirmation a command needs (Electron's message box, modal to
 * the window when there is one), showing its exact text; true only for Run.
 * Cancel is the default and what closing the box answers. Kept apart from
 * index.ts so the IPC test exercises this very code with only `dialog` faked.
 */
export function nativeConfirmCommand(
  window: () => BrowserWindow | null,
  locale: () => string
): (text: string) => Promise<boolean> {
  return async (text) => {
    const words = confirmCommandDialog(locale(), text)
    const options: MessageBoxOptions = {
      type: 'warning',
      title: words.title,
      message: words.message,
      detail: words.detail,
      buttons: words.buttons,
      defaultId: 1,
      cancelId: 1,
      noLink: true
    }
    const parent = window()
    const answer = parent
      ? await dialog.showMessageBox(parent, options)
      : await dialog.showMessageBox(options)
    return answer.response === 0
  }
}
