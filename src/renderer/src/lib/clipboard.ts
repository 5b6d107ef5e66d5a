/**
 * Puts text on the clipboard. The async Clipboard API first; where the page
 * may not use it (Electron's main grants the page no permissions) the older
 * copy command on a hidden text area, which needs none.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    const focused = document.activeElement as HTMLElement | null
    document.body.append(area)
    area.select()
    const copied = document.execCommand('copy')
    area.remove()
    focused?.focus()
    return copied
  }
}
