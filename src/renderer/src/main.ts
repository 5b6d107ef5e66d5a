import { mount } from 'svelte'
import { config } from 'zod'
// Korean glyphs ship with the app (split by unicode-range: only the parts a page uses load).
import '@fontsource-variable/noto-sans-kr'
import './app.css'
// The theme applies itself on import: <html data-theme> is set before the first paint.
import './lib/theme'
import { i18n } from './lib/i18n'
import App from './App.svelte'

// The page's CSP forbids eval; zod must not even probe for it (the probe is
// reported as a CSP violation).
config({ jitless: true })

const start = (): void => {
  mount(App, { target: document.getElementById('app')! })
}

// A window whose language is not English waits for its messages (a few
// milliseconds, from the app's own files) rather than flash English first;
// an English one mounts at once, in this task.
if (i18n.loading) void i18n.ready.then(start)
else start()
