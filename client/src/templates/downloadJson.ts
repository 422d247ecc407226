/** Offers `value` as a pretty-printed JSON file download named `fileName`. */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has taken its copy once the click's download has started; the next task is late enough.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
