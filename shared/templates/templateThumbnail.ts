import type { Locale } from '../locales.ts'
import { activeZones, type Template, type Zone } from './templateSchema.ts'

/** A template's zones as labelled rectangles, for the lobby to draw a small preview. */
export interface TemplateThumbnail {
  /** Width and height of the area the zones cover, in board units (origin at 0,0). */
  width: number
  height: number
  zones: { id: string; kind: Zone['kind']; label: string; x: number; y: number; w: number; h: number }[]
}

/** The thumbnail of a template in one locale (extension zones left out). */
export function templateThumbnail(template: Template, locale: Locale): TemplateThumbnail {
  const zones = activeZones(template)
  return {
    width: Math.max(1, ...zones.map((z) => z.x + z.w)),
    height: Math.max(1, ...zones.map((z) => z.y + z.h)),
    zones: zones.map((z) => ({ id: z.id, kind: z.kind, label: z.label[locale], x: z.x, y: z.y, w: z.w, h: z.h })),
  }
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

/**
 * A self-contained SVG of the thumbnail: outlined rectangles (header and reference kinds shaded,
 * never told apart by colour alone) and an accessible title. Labels are in <title> elements of
 * each rectangle rather than drawn, since they would be unreadably small at lobby-card size.
 */
export function thumbnailSvg(thumbnail: TemplateThumbnail, title: string): string {
  const shaded = new Set(['column-header', 'row-header', 'reference'])
  const rects = thumbnail.zones
    .map((z) => {
      const fill = shaded.has(z.kind) ? '#e6e6e6' : z.kind === 'band' ? '#f5f5f5' : '#ffffff'
      const dash = z.kind === 'reference' ? ' stroke-dasharray="24 12"' : ''
      return `<rect x="${z.x}" y="${z.y}" width="${z.w}" height="${z.h}" fill="${fill}" stroke="#333333" stroke-width="8"${dash}><title>${escapeXml(z.label)}</title></rect>`
    })
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${thumbnail.width} ${thumbnail.height}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>${rects}</svg>`
}
