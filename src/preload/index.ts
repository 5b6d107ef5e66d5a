// Placeholder: the preload comes with the desktop-app issue.
export {}
