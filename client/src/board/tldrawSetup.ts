import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import {
  AssetRecordType,
  defaultShapeUtils,
  EmbedShapeUtil,
  getHashForString,
  type Editor,
  type TLBookmarkAsset,
} from 'tldraw'
import { BoardNoteShapeUtil } from './BoardNoteShapeUtil.tsx'
import { ZoneFrameShapeUtil } from './ZoneFrameShapeUtil.tsx'

/**
 * tldraw's fonts, icons and translations, imported through Vite so they are fingerprinted into
 * client/dist and served from our own origin — never from tldraw's CDN. Defined once, outside any
 * component, as tldraw asks.
 */
export const SELF_HOSTED_ASSET_URLS = getAssetUrlsByImport()

/**
 * Shape utils that differ from tldraw's defaults. Embeds are switched off: an embed is an iframe
 * to YouTube, Figma, Google Maps... and every viewer's browser would call that host. Zones are
 * drawn in their template's colours (ZoneFrameShapeUtil); notes open fast in large numbers
 * (BoardNoteShapeUtil).
 */
export const SHAPE_UTILS = [EmbedShapeUtil.configure({ embedDefinitions: [] }), ZoneFrameShapeUtil, BoardNoteShapeUtil]

/** tldraw's default shape utils with ours in place of the defaults they replace, for the store. */
export const STORE_SHAPE_UTILS = [
  ...defaultShapeUtils.filter((util) => !SHAPE_UTILS.some((ours) => ours.type === util.type)),
  ...SHAPE_UTILS,
]

/**
 * Makes a pasted link a plain bookmark. tldraw's default handler fetches the linked page (a
 * request to a third-party host, refused by our CSP anyway) to unfurl a title and preview image.
 */
export function keepLinksLocal(editor: Editor): void {
  editor.registerExternalAssetHandler('url', async ({ url }) => {
    const asset: TLBookmarkAsset = {
      id: AssetRecordType.createId(getHashForString(url)),
      typeName: 'asset',
      type: 'bookmark',
      props: { src: url, description: '', image: '', favicon: '', title: url },
      meta: {},
    }
    return asset
  })
}

/** The marker tldraw renders in place of the editor when it hides itself for want of a licence. */
export const LICENCE_GATE_SELECTOR = '[data-testid="tl-license-expired"]'

/**
 * Calls `onHidden` once tldraw has replaced the editor with its licence gate (https, not
 * localhost, no valid key: tldraw shows the editor for 5 s, then renders only a hidden div).
 * Returns a function that stops watching.
 */
export function watchForLicenceGate(container: HTMLElement, onHidden: () => void): () => void {
  if (container.querySelector(LICENCE_GATE_SELECTOR)) {
    onHidden()
    return () => {}
  }
  const observer = new MutationObserver(() => {
    if (container.querySelector(LICENCE_GATE_SELECTOR)) {
      observer.disconnect()
      onHidden()
    }
  })
  observer.observe(container, { childList: true, subtree: true })
  return () => observer.disconnect()
}
