/**
 * Below this size on screen (CSS pixels) a note's text is not legible, so the note is drawn as a
 * plain coloured card: at the zoom that shows a whole 2,000-note board, text would be ~2 px tall.
 */
export const MIN_LEGIBLE_TEXT_PX = 4

/**
 * Whether a note is drawn with its text: when it is on screen (not culled) and its text would be
 * at least MIN_LEGIBLE_TEXT_PX tall. A note being edited or selected is always drawn in full.
 */
export function showsNoteText(input: { fontSize: number; scale: number; zoom: number; culled: boolean; active: boolean }): boolean {
  if (input.active) return true
  if (input.culled) return false
  return input.fontSize * input.scale * input.zoom >= MIN_LEGIBLE_TEXT_PX
}
