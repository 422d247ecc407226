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
