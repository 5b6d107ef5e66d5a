/**
 * The one table model of every report: a head, each column's alignment, the
 * rows of cells (already worded), and notes under it. Built once per table
 * (report/tables/), rendered as terminal text, as Markdown and as HTML.
 */
export type Align = 'left' | 'right'

export interface Table {
  /** A line above the table (the terminal) or its caption (Markdown, HTML); none when empty. */
  title?: string
  head: string[]
  align: Align[]
  rows: string[][]
  /** Lines under the table. */
  notes?: string[]
}

const pad = (s: string, width: number, right: boolean): string =>
  right ? s.padStart(width) : s.padEnd(width)

/**
 * Terminal text: columns padded to their widest cell and three spaces apart,
 * a rule of ─ under the head; the title above, the notes under.
 */
export function tableToText(t: Table): string {
  const widths = t.head.map((h, i) => Math.max(h.length, ...t.rows.map((row) => row[i].length)))
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => pad(cell, widths[i], t.align[i] === 'right'))
      .join('   ')
      .trimEnd()
  return [
    ...(t.title ? [t.title] : []),
    line(t.head),
    line(widths.map((w) => '─'.repeat(w))),
    ...t.rows.map(line),
    ...(t.notes ?? [])
  ].join('\n')
}

/** Prose on one line, with `<` as an entity so "/proc/<pid>" is not read as an HTML tag. */
export function escapeInline(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r?\n/g, ' ')
}

/** A cell's text made safe for a table row: pipes escaped, line breaks folded. */
export function escapeCell(text: string): string {
  return escapeInline(text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|'))
}

/** A GitHub-flavoured Markdown table (the title and notes are the caller's prose). */
export function tableToMarkdown(t: Table): string {
  const line = (cells: string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`
  const rule = `| ${t.align.map((a) => (a === 'right' ? '--:' : ':--')).join(' | ')} |`
  return [line(t.head), rule, ...t.rows.map(line)].join('\n')
}

/** Text as HTML: & < > " ' as entities. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** An HTML table, its title as the caption and its notes under it. */
export function tableToHtml(t: Table): string {
  const cell = (tag: 'th' | 'td', text: string, i: number): string =>
    `<${tag}${t.align[i] === 'right' ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`
  return (
    `<div class="table"><table>` +
    (t.title ? `<caption>${escapeHtml(t.title)}</caption>` : '') +
    `<thead><tr>${t.head.map((h, i) => cell('th', h, i)).join('')}</tr></thead>` +
    `<tbody>${t.rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('')}</tbody>` +
    `</table></div>` +
    (t.notes?.length ? t.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('') : '')
  )
}
