import type { Page } from 'playwright-core'

/**
 * The size text is drawn at on screen, in CSS pixels: the element's computed font size times every
 * CSS transform above it (the canvas zoom, a shape's scale) — read from the DOM, as a ruler held
 * to the screen would. Undefined when no element matches or it has no layout box.
 */
export async function onScreenFontPx(page: Page, selector: string): Promise<number | undefined> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel)
    if (!(element instanceof HTMLElement) || element.offsetWidth === 0) return undefined
    // The computed width is the layout width before transforms, unrounded (offsetWidth rounds).
    const scale = element.getBoundingClientRect().width / parseFloat(getComputedStyle(element).width)
    return parseFloat(getComputedStyle(element).fontSize) * scale
  }, selector)
}

/**
 * Every visible control (buttons, links, inputs, selects) whose box reaches outside the viewport.
 * A control scrolled out of view inside a scrolling panel counts as reachable when the panel
 * itself is on screen (the panel's own box is checked instead).
 */
export async function controlsOffScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    for (const element of document.querySelectorAll('button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])')) {
      if (!(element instanceof HTMLElement)) continue
      let rect = element.getBoundingClientRect()
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowY
        if ((overflow === 'auto' || overflow === 'scroll') && parent.scrollHeight > parent.clientHeight) {
          rect = parent.getBoundingClientRect()
          break
        }
      }
      // Hidden, or visually hidden for screen readers only (1 px), or a skip link that shows on focus.
      if (rect.width <= 1 || rect.height <= 1 || element.closest('[hidden]')) continue
      if (element.classList.contains('tl-skip-to-main-content')) continue
      const style = getComputedStyle(element)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      if (rect.left < 0 || rect.top < 0 || rect.right > window.innerWidth + 0.5 || rect.bottom > window.innerHeight + 0.5) {
        const name = element.getAttribute('aria-label') || element.textContent?.trim().slice(0, 40) || element.tagName
        problems.push(`${name} at ${Math.round(rect.left)},${Math.round(rect.top)}–${Math.round(rect.right)},${Math.round(rect.bottom)}`)
      }
    }
    return problems
  })
}

/**
 * The parts of the board (the header's title, purpose and source lines, and every zone) that a
 * control of the UI lies over, as the screen shows them now: "<shape> under <control>". Controls
 * inside the canvas (a note's vote buttons) belong to the board and are not counted.
 */
export async function boardUnderUi(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { x: number; y: number; w: number; h: number }
    type Editor = {
      getCurrentPageShapes(): Array<{ id: string; type: string; meta: { coboard?: { part?: string; zone?: string } } }>
      getShapePageBounds(id: string): Box | undefined
      pageToViewport(p: { x: number; y: number }): { x: number; y: number }
      getContainer(): HTMLElement
    }
    const editor = (window as unknown as { coboardEditor: Editor }).coboardEditor
    const origin = editor.getContainer().getBoundingClientRect()
    const parts = editor.getCurrentPageShapes().filter((shape) => (shape.type === 'text' && shape.id.includes('/header/')) || (shape.type === 'frame' && shape.id.includes('/zone/')))
    const onScreen = parts.map((shape) => {
      const b = editor.getShapePageBounds(shape.id)!
      const a = editor.pageToViewport({ x: b.x, y: b.y })
      const z = editor.pageToViewport({ x: b.x + b.w, y: b.y + b.h })
      return { name: shape.id.replace(/^shape:[^/]+\//, ''), left: a.x + origin.left, top: a.y + origin.top, right: z.x + origin.left, bottom: z.y + origin.top }
    })
    const controls = [...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"], .session-chip, .zone-nav, .connection-status')].filter((element) => {
      if (!(element instanceof HTMLElement) || element.closest('.tl-canvas, [hidden], dialog:not([open])')) return false
      const style = getComputedStyle(element)
      const r = element.getBoundingClientRect()
      return style.visibility !== 'hidden' && style.display !== 'none' && r.width > 1 && r.height > 1 && !element.classList.contains('tl-skip-to-main-content')
    })
    const problems: string[] = []
    for (const element of controls) {
      const r = element.getBoundingClientRect()
      for (const part of onScreen) {
        // One pixel of anti-aliased border does not hide anything.
        if (r.left < part.right - 1 && r.right > part.left + 1 && r.top < part.bottom - 1 && r.bottom > part.top + 1) {
          const name = element.getAttribute('aria-label') || element.textContent?.trim().slice(0, 30) || element.className
          problems.push(`${part.name} under “${name}”`)
        }
      }
    }
    return [...new Set(problems)]
  })
}
