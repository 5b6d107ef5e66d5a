import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc'

/** The app's own menu items, in the languages the renderer speaks. */
export interface MenuLabels {
  file: string
  exportCsv: string
  exportHtml: string
  run: string
  runBenchmark: string
  cancelRun: string
  view: string
}

export const MENU_LABELS: Record<'en' | 'ko', MenuLabels> = {
  en: {
    file: '&File',
    exportCsv: 'Export CSV…',
    exportHtml: 'Export HTML report…',
    run: '&Run',
    runBenchmark: 'Run benchmark',
    cancelRun: 'Cancel run',
    view: '&View'
  },
  ko: {
    file: '파일(&F)',
    exportCsv: 'CSV 내보내기…',
    exportHtml: 'HTML 보고서 내보내기…',
    run: '실행(&R)',
    runBenchmark: '벤치마크 실행',
    cancelRun: '벤치마크 취소',
    view: '보기(&V)'
  }
}

/**
 * The labels for the OS language (app.getLocale()): Korean for ko-*, else
 * English. The window's own language menu does not reach the native menu.
 */
export function menuLabels(locale: string): MenuLabels {
  return locale.toLowerCase().startsWith('ko') ? MENU_LABELS.ko : MENU_LABELS.en
}

/**
 * The standard app menu plus the Run menu. Run, Cancel and Export CSV are
 * sent to the renderer as 'app:menu' commands: the renderer owns the form
 * and the selection, so it decides what they mean right now. Cancel is
 * CmdOrCtrl+. (Esc belongs to text fields and dialogs). A packaged build's
 * View menu has zoom and full screen only: no Reload (it would drop the run
 * on screen) and no DevTools.
 */
export function appMenuTemplate(
  command: (c: MenuCommand) => void,
  platform: NodeJS.Platform = process.platform,
  labels: MenuLabels = MENU_LABELS.en,
  { packaged = false }: { packaged?: boolean } = {}
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const template: MenuItemConstructorOptions[] = []
  if (mac) template.push({ role: 'appMenu' })
  template.push(
    {
      label: labels.file,
      submenu: [
        { label: labels.exportCsv, accelerator: 'CmdOrCtrl+E', click: () => command('export-csv') },
        { label: labels.exportHtml, click: () => command('export-html') },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: labels.run,
      submenu: [
        { label: labels.runBenchmark, accelerator: 'CmdOrCtrl+Enter', click: () => command('run') },
        { label: labels.cancelRun, accelerator: 'CmdOrCtrl+.', click: () => command('cancel') }
      ]
    },
    packaged
      ? {
          label: labels.view,
          submenu: [
            { role: 'resetZoom' },
            { role: 'zoomIn' },
            { role: 'zoomOut' },
            { type: 'separator' },
            { role: 'togglefullscreen' }
          ]
        }
      : { role: 'viewMenu' },
    { role: 'windowMenu' }
  )
  return template
}
