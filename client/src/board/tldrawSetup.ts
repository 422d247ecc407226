import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { isValidElement, type ReactElement, type ReactNode } from 'react'
import {
  AssetRecordType,
  defaultShapeUtils,
  EmbedShapeUtil,
  FrameShapeUtil,
  getHashForString,
  type Editor,
  type TLBookmarkAsset,
  type TLFrameShape,
} from 'tldraw'
import { coboardMeta } from '../../../shared/templates/generateTemplateRecords.ts'

/**
 * tldraw's fonts, icons and translations, imported through Vite so they are fingerprinted into
 * client/dist and served from our own origin — never from tldraw's CDN. Defined once, outside any
 * component, as tldraw asks.
 */
export const SELF_HOSTED_ASSET_URLS = getAssetUrlsByImport()

/**
 * Frames without tldraw's small heading when they are template zones. A zone's label already sits
 * inside it in large type; the heading above repeated it, was cut off on narrow cells, and — drawn
 * at a constant screen size — covered the prompt of an enclosing band when the board was zoomed out.
 */
class ZoneFrameShapeUtil extends FrameShapeUtil {
  override component(shape: TLFrameShape): ReactElement {
    const rendered = super.component(shape)
    if (!coboardMeta(shape)?.zone || !isValidElement(rendered)) return rendered
    const children = (rendered.props as { children?: ReactNode }).children
    const body = Array.isArray(children) ? children[0] : undefined
    return isValidElement(body) ? body : rendered
  }
}

/**
 * Shape utils that differ from tldraw's defaults. Embeds are switched off: an embed is an iframe
 * to YouTube, Figma, Google Maps... and every viewer's browser would call that host.
 */
export const SHAPE_UTILS = [EmbedShapeUtil.configure({ embedDefinitions: [] }), ZoneFrameShapeUtil]

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
