// Deterministic estimates of how much room a text needs on the board. The server has no DOM to
// measure with, so the generator wraps words with an average glyph width; the factor is generous
// (sans-serif averages ~0.5 em per glyph) so that real text ends up shorter than the estimate.

/** tldraw's text sizes, as used by the generator. */
export type TextSize = 's' | 'm' | 'l' | 'xl'

/** Font size in board units for each tldraw size (tldraw 5: 16 × FONT_SIZES). */
export const FONT_SIZE: Record<TextSize, number> = { s: 18, m: 24, l: 36, xl: 44 }

/** Line height as a multiple of the font size (tldraw uses 1.35 for text shapes). */
export const LINE_HEIGHT = 1.35

/** Average advance of one glyph as a fraction of the font size; deliberately on the wide side. */
export const GLYPH_WIDTH = 0.56

/** Number of lines `text` wraps to in a box `width` units wide at `size`. */
export function estimateLines(text: string, width: number, size: TextSize): number {
  const perLine = Math.max(1, Math.floor(width / (FONT_SIZE[size] * GLYPH_WIDTH)))
  let lines = 0
  for (const paragraph of text.split('\n')) {
    let used = 0
    lines += 1
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (used > 0 && used + 1 + word.length <= perLine) {
        used += 1 + word.length
        continue
      }
      if (used > 0) lines += 1
      // A word longer than a line breaks across lines.
      const spans = Math.ceil(word.length / perLine)
      lines += spans - 1
      used = word.length - (spans - 1) * perLine
    }
  }
  return lines
}

/** Height in board units of `text` wrapped to `width` at `size`. */
export function estimateTextHeight(text: string, width: number, size: TextSize): number {
  return Math.ceil(estimateLines(text, width, size) * FONT_SIZE[size] * LINE_HEIGHT)
}

/** Whether the longest word of `text` fits on one line: browsers overflow or split words that do not. */
export function longestWordFits(text: string, width: number, size: TextSize): boolean {
  const longest = Math.max(0, ...text.split(/\s+/).map((w) => w.length))
  return longest * FONT_SIZE[size] * GLYPH_WIDTH <= width
}
