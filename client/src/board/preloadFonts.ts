import { DefaultFontFaces, type TLFontFace } from 'tldraw'
import { SELF_HOSTED_ASSET_URLS } from './tldrawSetup.ts'

// The faces every board draws with: notes (tldraw's "draw" font) and template texts ("sans").
const BOARD_FACES: TLFontFace[] = [DefaultFontFaces.tldraw_draw.normal.normal, DefaultFontFaces.tldraw_sans.normal.normal]

// tldraw's FontManager reuses a face already in document.fonts when family and these descriptors
// match (FontManager.findOrCreateFontFace), so a face loaded here is the one the editor waits for.
const DESCRIPTORS = {
  style: 'normal',
  weight: 'normal',
  stretch: 'normal',
  unicodeRange: 'U+0-10FFFF',
  featureSettings: 'normal',
  ascentOverride: 'normal',
  descentOverride: 'normal',
  lineGapOverride: 'normal',
  display: 'swap',
} as const

/**
 * Starts loading the board's fonts while the board's data is still on its way. tldraw mounts its
 * canvas only once the fonts of the current page are loaded; started here, that wait overlaps the
 * link check and the first sync instead of following them.
 */
export function preloadBoardFonts(doc: Document): void {
  const urls = SELF_HOSTED_ASSET_URLS.fonts as Record<string, string | undefined>
  for (const face of BOARD_FACES) {
    const url = urls[face.src.url] ?? face.src.url
    const already = [...doc.fonts].some((existing) => existing.family === face.family && existing.style === 'normal' && existing.weight === 'normal')
    if (already) continue
    const instance = new FontFace(face.family, `url(${JSON.stringify(url)})`, DESCRIPTORS)
    doc.fonts.add(instance)
    instance.load().catch(() => undefined)
  }
}
