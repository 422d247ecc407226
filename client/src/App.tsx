import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import type { Locale } from '../../shared/locales.ts'
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx'
import { chooseUiLocale, readStoredUiLocale, storeUiLocale } from './i18n/uiLocale.ts'
import { LobbyPage } from './lobby/LobbyPage.tsx'
import { parseRoute } from './routes.ts'
import { ErrorPanel } from './ui/ErrorPanel.tsx'

// The board page (tldraw, Yjs, the sync client: ~95 % of the code) is its own chunk, so the lobby
// never downloads it. React starts loading it on the first render of a board address, that is as
// soon as the small main chunk has run.
const BoardPage = lazy(() => import('./board/BoardPage.tsx').then((module) => ({ default: module.BoardPage })))
const OutcomesPage = lazy(() => import('./report/OutcomesPage.tsx').then((module) => ({ default: module.OutcomesPage })))
const VersionView = lazy(() => import('./report/VersionView.tsx').then((module) => ({ default: module.VersionView })))

/** The whole app: picks the UI language and the page for the current address. */
export function App() {
  const route = useMemo(() => parseRoute(window.location), [])
  const [storedLocale, setStoredLocale] = useState(() => readStoredUiLocale(window.localStorage))
  const [boardLocale, setBoardLocale] = useState<Locale>()
  const locale = chooseUiLocale({ stored: storedLocale, board: boardLocale, browser: navigator.languages })
  const setLocale = useCallback((next: Locale) => {
    storeUiLocale(window.localStorage, next)
    setStoredLocale(next)
  }, [])

  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  // A pasted link for another role of the same board only changes the fragment, which does not
  // reload the page; reload so the new token is used from the start.
  useEffect(() => {
    const onHashChange = () => window.location.reload()
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])

  return (
    <I18nProvider locale={locale} setLocale={setLocale}>
      {route.page === 'lobby' ? (
        <LobbyPage />
      ) : route.page === 'board' && route.view === 'outcomes' ? (
        <Suspense fallback={<Opening />}>
          <OutcomesPage boardId={route.boardId} token={route.token} onBoardLocale={setBoardLocale} />
        </Suspense>
      ) : route.page === 'version' ? (
        <Suspense fallback={<Opening />}>
          <VersionView boardId={route.boardId} token={route.token} versionId={route.versionId} onBoardLocale={setBoardLocale} />
        </Suspense>
      ) : route.page === 'board' ? (
        <Suspense fallback={<Opening />}>
          <BoardPage boardId={route.boardId} token={route.token} view={route.view} onBoardLocale={setBoardLocale} />
        </Suspense>
      ) : (
        <NotFound />
      )}
    </I18nProvider>
  )
}

function Opening() {
  const { messages } = useI18n()
  return (
    <main className="page page--narrow" aria-busy="true">
      <p role="status">{messages.openingBoard}</p>
    </main>
  )
}

function NotFound() {
  const { messages } = useI18n()
  return (
    <ErrorPanel message={messages.boardNotFound}>
      <a href="/">{messages.backToLobby}</a>
    </ErrorPanel>
  )
}
