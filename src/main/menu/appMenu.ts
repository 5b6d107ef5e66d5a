import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc'

/**
 * The standard app menu plus the Run menu. Run, Cancel and Export CSV are
 * sent to the renderer as 'app:menu' commands: the renderer owns the form
 * and the selection, so it decides what they mean right now. Cancel is
 * CmdOrCtrl+. (Esc belongs to text fields and dialogs).
 */
export function appMenuTemplate(
  command: (c: MenuCommand) => void,
  platform: NodeJS.Platform = process.platform
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const template: MenuItemConstructorOptions[] = []
  if (mac) template.push({ role: 'appMenu' })
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Export CSV…', accelerator: 'CmdOrCtrl+E', click: () => command('export-csv') },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: '&Run',
      submenu: [
        { label: 'Run benchmark', accelerator: 'CmdOrCtrl+Enter', click: () => command('run') },
        { label: 'Cancel run', accelerator: 'CmdOrCtrl+.', click: () => command('cancel') }
      ]
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' }
  )
  return template
}
