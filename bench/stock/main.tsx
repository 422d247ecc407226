// The baseline of `npm run bench:client`: stock tldraw, no coboard code, no sync. It loads the same
// records the coboard board holds from a snapshot (`/snapshot.json`, served by the bench) and
// exposes the editor as `window.coboardEditor`, so that one page probe measures both.
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { createRoot } from 'react-dom/client'
import { Tldraw, type Editor, type TLStoreSnapshot } from 'tldraw'
import 'tldraw/tldraw.css'

const assetUrls = getAssetUrlsByImport()

async function start(): Promise<void> {
  const snapshot = (await (await fetch('/snapshot.json')).json()) as TLStoreSnapshot
  const root = document.getElementById('root')
  if (!root) throw new Error('no #root')
  root.style.cssText = 'position: fixed; inset: 0'
  createRoot(root).render(
    <Tldraw
      snapshot={snapshot}
      assetUrls={assetUrls}
      onMount={(editor: Editor) => {
        // The same first view as coboard opens a board without zones on: everything in view.
        editor.zoomToFit({ animation: { duration: 0 } })
        ;(window as unknown as { coboardEditor?: Editor }).coboardEditor = editor
      }}
    />,
  )
}

void start()
