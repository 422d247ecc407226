import type { ZoneKind } from '../../../shared/templates/templateSchema.ts'

/** Smallest size (CSS px) of a zone label on the projector. */
export const PRESENTER_LABEL_PX = 28
/** Smallest size (CSS px) of a zone prompt on the projector, when the zone is shown on its own. */
export const PRESENTER_PROMPT_PX = 16

const SIZE_MARGIN = 0.25

/** What the presenter view shows: the whole board or one zone. */
export type PresenterTarget = { kind: 'board' } | { kind: 'zone'; zoneId: string }

/** Which of a zone's texts the presenter draws over the canvas, larger than the canvas draws them. */
export type LabelOverlay = 'none' | 'label' | 'label-and-prompt'

/**
 * Whether the presenter view draws a zone's label (and prompt) itself because the canvas draws
 * them too small to read from the back of a room. Cells are left alone on the whole board: their
 * row and column headers name them, and labels on every cell would cover the notes.
 */
export function labelOverlay(input: { kind: ZoneKind; focused: boolean; labelPx: number; promptPx: number | undefined }): LabelOverlay {
  if (input.focused) {
    // A hair's margin: the browser's layout rounds, and 15.99 px is not 16.
    const promptSmall = input.promptPx !== undefined && input.promptPx < PRESENTER_PROMPT_PX + SIZE_MARGIN
    if (promptSmall) return 'label-and-prompt'
    return input.labelPx < PRESENTER_LABEL_PX + SIZE_MARGIN ? 'label' : 'none'
  }
  if (input.kind === 'cell') return 'none'
  return input.labelPx < PRESENTER_LABEL_PX ? 'label' : 'none'
}

/** Lines `text` wraps to at `charsPerLine` characters per line (words kept whole where they fit). */
export function wrappedLines(text: string, charsPerLine: number): number {
  const perLine = Math.max(1, Math.floor(charsPerLine))
  let lines = 1
  let used = 0
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (used > 0 && used + 1 + word.length <= perLine) {
      used += 1 + word.length
      continue
    }
    if (used > 0) lines += 1
    const spans = Math.ceil(word.length / perLine)
    lines += spans - 1
    used = word.length - (spans - 1) * perLine
  }
  return lines
}

// Average advance of a bold sans-serif glyph, as a fraction of the font size (on the wide side).
const BOLD_GLYPH = 0.62
const LINE = 1.2

/**
 * The largest font size (CSS px) from `maxPx` down to `minPx` at which `text` fits a box of
 * `width` × `height` pixels without splitting a word; undefined when it does not fit even at `minPx`.
 */
export function fittedFontPx(text: string, width: number, height: number, minPx: number, maxPx: number): number | undefined {
  const longest = Math.max(1, ...text.split(/\s+/).map((word) => word.length))
  for (let px = Math.round(maxPx); px >= minPx; px -= 1) {
    const perLine = width / (px * BOLD_GLYPH)
    if (longest > perLine) continue
    if (wrappedLines(text, perLine) * px * LINE <= height) return px
  }
  return undefined
}
