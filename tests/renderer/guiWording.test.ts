import { describe, expect, it } from 'vitest'
import { analyzeRun } from '../../src/shared/scaling'
import { modelsText } from '../../src/shared/report'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import { syntheticRun } from '../helpers/syntheticRun'

/** Every string the renderer shows, with the functions called on sample arguments. */
function strings(messages: unknown, out: string[] = []): string[] {
  if (typeof messages === 'string') out.push(messages)
  else if (typeof messages === 'function') {
    const fn = messages as (...args: unknown[]) => unknown
    const text = fn(...Array.from({ length: fn.length }, (_, i) => (i === 0 ? 2 : 'Sample')))
    if (typeof text === 'string') out.push(text)
  } else if (messages && typeof messages === 'object') {
    for (const value of Object.values(messages)) strings(value, out)
  }
  return out
}

describe('the app’s words, in both languages', () => {
  it('never tell an app user to pass a command-line option', () => {
    // One worker count above one: the models cannot be fitted, and the text says what to measure.
    const run = syntheticRun([
      { workers: 1, wallMs: [100, 101, 99] },
      { workers: 2, wallMs: [55, 56, 54] }
    ])
    for (const language of ['en', 'ko'] as const) {
      const text = modelsText(analyzeRun(run).models, language)
      expect(text).toMatch(/1,2,4/)
      expect(text).not.toMatch(/--[a-z]/)
    }
    // Except the cluster agent's own command (issue 11): an agent is started in a terminal on
    // each machine, so the app names that command; no form field does its job.
    for (const text of [...strings(en), ...strings(ko)]) {
      if (!/speedup-lab worker --/.test(text)) expect(text).not.toMatch(/\s--[a-z]/)
    }
  })

  it('name the presets apart from the tabs, and the tutorial rather than “the blog”', () => {
    const tabs = [en.app.tabs.results, en.app.tabs.history, en.app.tabs.system, en.scaling.tab]
    expect(tabs).not.toContain(en.form.presetScaling)
    expect(tabs).not.toContain(en.form.presetTutorial)
    const tabsKo = [ko.app.tabs.results, ko.app.tabs.history, ko.app.tabs.system, ko.scaling.tab]
    expect(tabsKo).not.toContain(ko.form.presetScaling)
    expect(tabsKo).not.toContain(ko.form.presetTutorial)
    for (const text of strings(en)) expect(text).not.toMatch(/\bblog/i)
    for (const text of strings(ko)) expect(text).not.toMatch(/블로그/)
    expect(en.empty.tutorial).toMatch(/multiprocessing tutorial/)
  })

  it('start every English sentence with a capital letter', () => {
    // A sentence: ends with a full stop. A formula (“e = …”) may start with its variable,
    // an example address (“nats://host:4222, …”) with its scheme.
    const sentences = strings(en).filter(
      (text) => /[.!?]$/.test(text.trim()) && !/^[a-z] = /.test(text) && !/^[a-z]+:\/\//.test(text)
    )
    expect(sentences.filter((text) => /^[a-z]|[.!?]\s+[a-z]/.test(text.trim()))).toEqual([])
    expect(en.explain.spawn.share(2, '1 ms', '2 ms', '50%')).toMatch(/^[A-Z]/)
  })
})
