import { mount } from 'svelte'
import { config } from 'zod'
// Korean glyphs ship with the app (split by unicode-range: only the parts a page uses load).
import '@fontsource-variable/noto-sans-kr'
import './app.css'
// The theme applies itself on import: <html data-theme> is set before the first paint.
import './lib/theme'
import App from './App.svelte'

// The page's CSP forbids eval; zod must not even probe for it (the probe is
// reported as a CSP violation).
config({ jitless: true })

const app = mount(App, { target: document.getElementById('app')! })

export default app
