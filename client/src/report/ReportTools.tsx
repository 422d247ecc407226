import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useEditor, useValue } from 'tldraw'
import { plainText } from '../../../shared/templates/templateFromBoard.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useBoardSettings } from '../protection/useBoardSettings.ts'
import { boardToken, outcomesLink } from './boardToken.ts'
import { ExportPanel } from './ExportPanel.tsx'
import { mayExport, mayMarkOutcomes } from './outcomeEdits.ts'
import { OutcomeEditor } from './OutcomeEditor.tsx'
import { useReportText } from './useReportText.ts'
import './report.css'

type Open = 'none' | 'report' | 'outcome'

/**
 * coboard's report tools in the board's top bar: "Report" (exports, when this link may export,
 * and the "What happened to our input" page) and, while one note is selected by someone who may
 * mark outcomes, "What happened?" for that note.
 */
export function ReportTools() {
  const { t } = useReportText()
  const editor = useEditor()
  const { info, session } = useBoard()
  const settings = useBoardSettings(session.doc)
  const [open, setOpen] = useState<Open>('none')
  const [notice, setNotice] = useState('')
  const note = useValue(
    'selected note',
    () => {
      const shape = editor.getOnlySelectedShape()
      return shape?.type === 'note' ? { id: shape.id as string, text: plainText((shape.props as { richText?: unknown }).richText) } : undefined
    },
    [editor],
  )
  const canMark = mayMarkOutcomes(info.role, settings) && note !== undefined
  const panelId = useId()
  const token = boardToken()

  useEffect(() => {
    if (open === 'outcome' && !canMark) setOpen('none')
  }, [open, canMark])
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(''), 6_000)
    return () => clearTimeout(timer)
  }, [notice])

  const toggle = (which: Open) => setOpen((current) => (current === which ? 'none' : which))
  const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text) || t('emptyNote')

  return (
    <>
      <button type="button" className="report-tools__toggle" aria-expanded={open === 'report'} aria-controls={panelId} onClick={() => toggle('report')}>
        {t('reportButton')}
      </button>
      {canMark ? (
        // On a phone there is no room for it in the row: it is reached from the Report menu there.
        <button
          type="button"
          className="report-tools__toggle report-tools__outcome"
          aria-expanded={open === 'outcome'}
          aria-controls={panelId}
          aria-label={t('markOutcomeFor', { note: short(note.text) })}
          onClick={() => toggle('outcome')}
        >
          {t('markOutcome')}
        </button>
      ) : null}
      {notice ? (
        <p role="status" className="report-tools__notice">
          {notice}
        </p>
      ) : null}
      {open === 'report' ? (
        <Popover id={panelId} title={t('exportHeading')} onClose={() => setOpen('none')}>
          {canMark ? (
            <p className="report-tools__outcome-entry">
              <button type="button" onClick={() => setOpen('outcome')}>
                {t('markOutcomeFor', { note: short(note.text) })}
              </button>
            </p>
          ) : null}
          <p>
            <a href={outcomesLink(window.location)} target="_blank" rel="noopener">
              {t('outcomesLink')}
            </a>
          </p>
          {mayExport(info.role, settings) ? <ExportPanel editor={editor} token={token} /> : null}
        </Popover>
      ) : null}
      {open === 'outcome' && canMark ? (
        <Popover id={panelId} title={t('outcomeHeading')} subtitle={short(note.text)} onClose={() => setOpen('none')}>
          <OutcomeEditor
            key={note.id}
            noteId={note.id}
            onCancel={() => setOpen('none')}
            onDone={(message) => {
              setOpen('none')
              setNotice(message)
            }}
          />
        </Popover>
      ) : null}
    </>
  )
}

/** A panel under the top bar; Escape or its close button closes it and focus returns to the bar. */
function Popover(props: { id: string; title: string; subtitle?: string; onClose: () => void; children: ReactNode }) {
  const { t } = useReportText()
  const titleId = useId()
  const ref = useRef<HTMLElement>(null)
  const [top, setTop] = useState<number>()
  // Just under the top bar, which wraps to two rows on narrow screens or with many buttons.
  useLayoutEffect(() => {
    const bar = ref.current?.parentElement?.closest('.board-chrome')
    if (bar) setTop(Math.round(bar.getBoundingClientRect().bottom + 6))
    ref.current?.focus()
  }, [])
  const onKeyDown = (event: KeyboardEvent) => {
    // Why stop it: tldraw would otherwise take Escape (and letters) as canvas shortcuts.
    event.stopPropagation()
    if (event.key === 'Escape') props.onClose()
  }
  return (
    <section
      id={props.id}
      ref={ref}
      tabIndex={-1}
      className="report-popover"
      style={top === undefined ? undefined : { top, maxHeight: `calc(100dvh - ${top + 12}px)` }}
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => event.stopPropagation()}
      onWheel={(event) => event.stopPropagation()}
    >
      <div className="report-popover__head">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
      {props.subtitle ? <p className="report-popover__subtitle">“{props.subtitle}”</p> : null}
      {props.children}
    </section>
  )
}
