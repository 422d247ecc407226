import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import './styles.css'

// The production build carries a service worker so that a board reloads while offline (its
// content comes from IndexedDB, the app itself from the worker's cache). Not in dev: it would
// cache Vite's modules. Only board pages register it: installing it stores the whole app, board
// code (tldraw) included, and the lobby is meant to load without any of that.
if (import.meta.env.PROD && 'serviceWorker' in navigator && window.location.pathname.startsWith('/b/')) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined)
  })
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
