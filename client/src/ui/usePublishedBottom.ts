import { useCallback } from 'react'

/**
 * A callback ref that tells the page where an element ends: the CSS variable `name` on the root
 * element holds its bottom edge in viewport pixels while it is mounted. Re-measured when it or
 * anything in `alsoWatch` (elements whose size moves it) changes size, and when the window does.
 * Things that must stay clear of a floating control (the session chip under the top bar, tldraw's
 * style panel under the chip) position themselves from it.
 */
export function usePublishedBottom(name: string, alsoWatch: string[] = []) {
  const watched = alsoWatch.join(',')
  return useCallback(
    (element: HTMLElement | null) => {
      if (!element) return
      const root = document.documentElement
      const update = () => root.style.setProperty(name, `${Math.ceil(element.getBoundingClientRect().bottom)}px`)
      update()
      const observer = new ResizeObserver(update)
      observer.observe(element)
      if (watched) for (const other of document.querySelectorAll(watched)) observer.observe(other)
      window.addEventListener('resize', update)
      return () => {
        observer.disconnect()
        window.removeEventListener('resize', update)
        root.style.removeProperty(name)
      }
    },
    [name, watched],
  )
}
