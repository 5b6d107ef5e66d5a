// Placeholder: the Electron main process comes with the desktop-app issue.
import { app } from 'electron'

void app.whenReady().then(() => app.quit())
