import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { Tldraw, type Editor, type TLComponents } from 'tldraw'
import type { BoardInfo, ClientConfig } from '../api/apiTypes.ts'
import { useBoardMessages } from '../board/boardMessages.ts'
import type { BoardSession } from '../board/BoardSession.ts'
import { SELF_HOSTED_ASSET_URLS, SHAPE_UTILS } from '../board/tldrawSetup.ts'
import { useBoardZones } from '../board/useBoardZones.ts'
import { useContentReady } from '../board/useBoardSession.ts'
import { ZoneLegend } from '../board/ZoneLegend.tsx'
import { presentedZones } from '../board/zoneNavigation.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { VoteResultsProvider } from '../votes/VotingContext.tsx'
import { PresenterContext } from './PresenterContext.tsx'
import { PresenterControls } from './PresenterControls.tsx'
import type { PresenterTarget } from './presenterLayout.ts'
import { PresenterZoneLabels } from './PresenterZoneLabels.tsx'
import { usePresenterCamera } from './usePresenterCamera.ts'
import { usePresenterStore } from './usePresenterStore.ts'
import './presenter.css'

// Stable, as tldraw asks: large zone labels in front of the canvas, and no other UI.
const PRESENTER_COMPONENTS: TLComponents = { InFrontOfTheCanvas: PresenterZoneLabels }

/**
 * The presenter view (`/b/<id>?view=presenter#k=<token>`): the board for a projector. No editing
 * chrome; the whole board or one zone at a time, with large zone labels and the colour legend.
 * It only reads the board (any link works; an observer link is the natural one to use) and does
 * not appear among the people on the board.
 *
 * Layout: a bar (title, navigation) above a stage (the canvas) and a side column. The side column
 * holds the legend and `aside` — where the live agenda step and its timer go.
 */
export function PresenterView(props: { session: BoardSession; info: BoardInfo; config: ClientConfig; aside?: ReactNode }) {
  const { messages } = useI18n()
  const t = useBoardMessages()
  const ready = useContentReady(props.session)
  const { store, failed } = usePresenterStore(props.session)
  const [editor, setEditor] = useState<Editor>()
  const [target, setTarget] = useState<PresenterTarget>({ kind: 'board' })
  const title = props.info.title || messages.untitledBoard

  useEffect(() => {
    document.title = `${title} – ${t.presenterTitle}`
  }, [title, t])

  if (!ready || !store) {
    return (
      <main className="page page--narrow" aria-busy="true">
        <p role="status">{messages.openingBoard}</p>
      </main>
    )
  }
  return (
    <PresenterContext.Provider value={target}>
      <main className="presenter" aria-label={`${t.presenterTitle}: ${title}`}>
        <header className="presenter__bar">
          <h1 className="presenter__title">{title}</h1>
          {editor ? <PresenterNavigation editor={editor} target={target} onTarget={setTarget} /> : null}
        </header>
        <div className="presenter__body">
          <div className="presenter__stage" data-testid="presenter-stage">
            {/* Issue 11: a closed vote's results on the notes, for the room. */}
            <VoteResultsProvider doc={props.session.doc}>
            <Tldraw
              store={store}
              hideUi
              licenseKey={props.config.tldrawLicenseKey ?? undefined}
              assetUrls={SELF_HOSTED_ASSET_URLS}
              shapeUtils={SHAPE_UTILS}
              components={PRESENTER_COMPONENTS}
              onMount={(mounted: Editor) => {
                setEditor(mounted)
                // Exposed for the browser tests, as on the board page.
                ;(window as unknown as { coboardEditor?: Editor }).coboardEditor = mounted
              }}
            />
            </VoteResultsProvider>
          </div>
          <aside className="presenter__side">
            {editor ? <PresenterLegend editor={editor} /> : null}
            {props.aside}
          </aside>
        </div>
        {failed ? (
          <div className="banner banner--error" role="alert">
            <p>{messages.loadFailed}</p>
          </div>
        ) : null}
      </main>
    </PresenterContext.Provider>
  )
}

function PresenterNavigation(props: { editor: Editor; target: PresenterTarget; onTarget: (target: PresenterTarget) => void }) {
  const zones = useBoardZones(props.editor)
  const presented = useMemo(() => presentedZones(zones), [zones])
  usePresenterCamera(props.editor, props.target, zones)
  return <PresenterControls zones={presented} target={props.target} onTarget={props.onTarget} />
}

function PresenterLegend(props: { editor: Editor }) {
  const zones = useBoardZones(props.editor)
  return <ZoneLegend zones={zones} />
}
