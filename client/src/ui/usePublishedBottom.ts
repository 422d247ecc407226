import { useCallback } from 'react'

/** Fired on the window when a published edge moved: what is placed from one edge may move another. */
const LAYOUT_EVENT = 'coboard:layout'

/**
 * A callback ref that tells the page where an element ends: the CSS variable `name` on the root
 * element holds its bottom edge in viewport pixels while it is mounted. Re-measured when the
 * element changes size, when the window does, and when another published edge moved (the session
 * chip is placed from the top bar's edge, tldraw's style panel from the chip's). Things that must
 * stay clear of a floating control position themselves from it.
 */
export function usePublishedBottom(name: string) {
  return useCallback(
    (element: HTMLElement | null) => {
      if (!element) return
      const root = document.documentElement
      const update = () => {
        const value = `${Math.ceil(element.getBoundingClientRect().bottom)}px`
        // Unchanged: nothing to tell (and no endless round of events between two edges).
        if (root.style.getPropertyValue(name) === value) return
        root.style.setProperty(name, value)
        window.dispatchEvent(new Event(LAYOUT_EVENT))
      }
      update()
      const observer = new ResizeObserver(update)
      observer.observe(element)
      window.addEventListener('resize', update)
      window.addEventListener(LAYOUT_EVENT, update)
      return () => {
        observer.disconnect()
        window.removeEventListener('resize', update)
        window.removeEventListener(LAYOUT_EVENT, update)
        root.style.removeProperty(name)
        window.dispatchEvent(new Event(LAYOUT_EVENT))
      }
    },
    [name],
  )
}
