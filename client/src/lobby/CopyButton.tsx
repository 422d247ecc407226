import { useState } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // The async clipboard needs a secure context (https or localhost); on plain http over a LAN
    // it is missing, so fall back to the older selection-based copy.
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    } finally {
      area.remove()
    }
  }
}

/** Copies a link and says so in a polite live region, so screen-reader users hear it too. */
export function CopyButton(props: { text: string; label: string }) {
  const { messages } = useI18n()
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <span className="copy-button">
      <button type="button" onClick={async () => setOutcome((await copyText(props.text)) ? 'copied' : 'failed')}>
        {props.label}
      </button>
      <span role="status" className="copy-button__status">
        {outcome === 'copied' ? messages.linkCopied : outcome === 'failed' ? messages.copyFailed : ''}
      </span>
    </span>
  )
}
