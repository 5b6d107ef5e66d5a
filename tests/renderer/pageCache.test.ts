import { describe, expect, it } from 'vitest'
import { noPages, PendingPages, pagesFor, withPage } from '../../src/renderer/src/lib/pageCache'

describe('the history list page cache', () => {
  it('asks for the pages around the rows shown, clipped to the list', () => {
    expect(pagesFor(0, 20, 100_000, 100, 60)).toEqual([0])
    expect(pagesFor(150, 170, 100_000, 100, 60)).toEqual([0, 1, 2])
    expect(pagesFor(99_980, 100_000, 100_000, 100, 60)).toEqual([999])
    expect(pagesFor(99_930, 99_950, 100_000, 100, 60)).toEqual([998, 999])
    expect(pagesFor(0, 0, 0, 100, 60)).toEqual([])
    expect(pagesFor(0, 5, 5, 100, 60)).toEqual([0])
  })

  it('keeps at most `keep` pages, the nearest the rows shown, and always the first', () => {
    let pages = noPages<number>()
    for (let p = 0; p < 30; p++) pages = withPage(pages, p, [p], false, 12, p)
    expect(pages.size).toBe(12)
    expect([...pages.keys()].sort((a, b) => a - b)).toEqual([
      0, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29
    ])
    // Scrolled back up: the far pages go first.
    pages = withPage(pages, 5, [5], false, 12, 5)
    expect(pages.has(5)).toBe(true)
    expect(pages.has(29)).toBe(false)
    expect(pages.has(0)).toBe(true)
  })

  it('drops every other page when a page of a new revision comes', () => {
    let pages = noPages<string>()
    pages = withPage(pages, 0, ['a'], false, 12, 0)
    pages = withPage(pages, 1, ['b'], false, 12, 0)
    pages = withPage(pages, 3, ['new'], true, 12, 0)
    expect([...pages]).toEqual([[3, ['new']]])
  })

  it('remembers which pages are on their way, per revision', () => {
    const pending = new PendingPages()
    pending.ask(4, 7)
    expect(pending.waiting(4, 7)).toBe(true)
    expect(pending.waiting(4, 8)).toBe(false)
    pending.answered(4)
    expect(pending.waiting(4, 7)).toBe(false)
  })
})
