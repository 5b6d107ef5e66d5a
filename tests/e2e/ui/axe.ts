import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_PATH = createRequire(__filename).resolve('axe-core/axe.min.js')

/** One axe finding, trimmed to what a failure message needs. */
export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * Runs axe-core in the page (the page must have been opened with
 * `bypassCSP: true`: its CSP forbids injected scripts) and returns the
 * serious and critical violations of WCAG 2.x A/AA and axe's best practices.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof globalThis.axe === "object"')
  if (!loaded) await page.addScriptTag({ path: AXE_PATH })
  const violations = (await page.evaluate(`(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations']
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' '))
    }))
  })()`)) as AxeViolation[]
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}
