import type { Page } from 'playwright-core'
import { inPage } from './helpers'

/** One thing the layout got wrong, named so a failure says where to look. */
export interface LayoutProblem {
  kind: 'page-overflow' | 'wider-than-parent' | 'text-cut'
  /** A CSS-ish path to the element, e.g. `main.content > section.results > div.cards`. */
  where: string
  text: string
  detail: string
}

/**
 * Looks at every visible element of the page and reports:
 * - the page itself wider than the window;
 * - an element sticking out of its parent's box sideways (by more than a pixel),
 *   unless it lies inside a declared horizontal scroll container (`.table-wrap`
 *   or `[data-scroll-x]`): wide tables may scroll inside their card;
 * - text that does not fit its own box (scrollWidth > clientWidth on an element
 *   holding text directly), which is what an ellipsis or a clipped "0." is —
 *   unless a `title` on it or around it holds the whole text.
 * Absolutely positioned and fixed elements (tooltips, menus, the screen-reader
 * only text) are placed on purpose and skipped, with their subtrees.
 */
export function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(
    inPage<null, LayoutProblem[]>(`
    const SCROLLERS = '.table-wrap, [data-scroll-x]'
    const problems = []
    const name = (el) => {
      const parts = []
      for (let e = el; e && e !== document.body && parts.length < 5; e = e.parentElement) {
        let p = e.tagName.toLowerCase()
        if (e.id) p += '#' + e.id
        const cls = [...e.classList].filter((c) => !c.startsWith('svelte-')).slice(0, 2)
        if (cls.length) p += '.' + cls.join('.')
        const data = [...e.attributes].find((a) => a.name.startsWith('data-') && a.name !== 'data-theme')
        if (data) p += '[' + data.name + '=' + data.value + ']'
        parts.unshift(p)
      }
      return parts.join(' > ')
    }
    const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 60)
    const root = document.documentElement
    if (root.scrollWidth > root.clientWidth + 1) {
      const beyond = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1 && !e.closest(SCROLLERS))
        .slice(0, 3)
        .map(name)
      problems.push({ kind: 'page-overflow', where: beyond.join(' ; ') || 'html', text: '', detail: root.scrollWidth + ' > ' + root.clientWidth })
    }
    const visit = (el, inScroller) => {
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.visibility === 'hidden') return
      if (style.position === 'absolute' || style.position === 'fixed') return
      if (el.classList.contains('visually-hidden')) return
      if (el instanceof SVGElement && el.tagName !== 'svg') return
      const rect = el.getBoundingClientRect()
      const parent = el.parentElement
      if (!inScroller && parent && parent !== document.body && rect.width > 0) {
        const pr = parent.getBoundingClientRect()
        const out = Math.max(rect.right - pr.right, pr.left - rect.left)
        if (out > 1) {
          problems.push({ kind: 'wider-than-parent', where: name(el), text: text(el),
            detail: 'sticks out ' + Math.round(out) + ' px (' + Math.round(rect.width) + ' in ' + Math.round(pr.width) + ')' })
        }
      }
      // A field whose value is wider than the field shows it cut, like text.
      if (!inScroller && el.tagName === 'INPUT' && el.value && el.scrollWidth > el.clientWidth + 1) {
        problems.push({ kind: 'text-cut', where: name(el), text: el.value,
          detail: 'value ' + el.scrollWidth + ' px in a ' + el.clientWidth + ' px field' })
      }
      const inline = style.display === 'inline' || style.display === 'contents'
      const holdsText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '')
      // An ellipsis is fine where the whole text is one hover away (a title), never in a headline.
      const titled = (el.closest('[title]')?.getAttribute('title') || '').includes(text(el).replace(/…$/, ''))
      if (!inScroller && !inline && holdsText && !titled && el.scrollWidth > el.clientWidth + 1) {
        problems.push({ kind: 'text-cut', where: name(el), text: text(el),
          detail: 'text ' + el.scrollWidth + ' px in a ' + el.clientWidth + ' px box' })
      }
      const scroller = inScroller || el.matches(SCROLLERS)
      for (const child of el.children) visit(child, scroller)
    }
    visit(document.body, false)
    return problems`),
    null
  )
}

/**
 * Table headers set over the wrong column: a header aligned one way above
 * cells aligned the other way reads as the next column's title. For every
 * visible table, each header cell of the last header row is compared with
 * the cell below it in the first body row.
 */
export function misalignedHeaders(page: Page): Promise<string[]> {
  return page.evaluate(
    inPage<null, string[]>(`
    const side = (el) => {
      const a = getComputedStyle(el).textAlign
      return a === 'end' || a === 'right' ? 'right' : a === 'center' ? 'center' : 'left'
    }
    const columns = (row) => {
      const out = []
      for (const cell of row.cells) for (let i = 0; i < cell.colSpan; i++) out.push(cell.colSpan === 1 ? cell : null)
      return out
    }
    const found = []
    for (const table of document.querySelectorAll('table')) {
      if (table.closest('.visually-hidden') || table.getClientRects().length === 0) continue
      const head = table.tHead?.rows[table.tHead.rows.length - 1]
      const body = table.tBodies[0]?.rows[0]
      if (!head || !body) continue
      const h = columns(head)
      const b = columns(body)
      h.forEach((th, i) => {
        const td = b[i]
        if (!th || !td || !td.textContent.trim()) return
        if (side(th) !== side(td)) {
          const caption = (table.caption?.textContent || '').trim().slice(0, 40)
          found.push('«' + caption + '» header «' + th.textContent.trim() + '» is ' + side(th) + ', its column ' + side(td))
        }
      })
    }
    return found`),
    null
  )
}
