import { useEffect, useMemo, useRef, useState } from 'react'
import {
  atom,
  computed,
  createTLCurrentUser,
  createTLStore,
  createUserId,
  defaultBindingUtils,
  getUserPreferences,
  Tldraw,
  UserRecordType,
  useValue,
  type Editor,
  type TLComponents,
  type TLStore,
  type TLUserPreferences,
} from 'tldraw'
import type { Locale } from '../../../shared/locales.ts'
import type { Role } from '../../../shared/roles.ts'
import { BOARD_DOC_KEYS, readBoardSettings } from '../../../shared/boardDoc.ts'
import { isFrozen, SESSION_ROOT } from '../../../shared/session/sessionState.ts'
import { STAKEHOLDER_GROUP_COLOURS, STAKEHOLDER_GROUP_LABELS } from '../../../shared/stakeholderGroups.ts'
import type * as Y from 'yjs'
import type { ClientConfig } from '../api/apiTypes.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { localeFromLanguages, tldrawLocaleFor } from '../i18n/uiLocale.ts'
import type { Identity } from '../join/identity.ts'
import { createBoardAssetStore, type UploadProblem } from './assetStore.ts'
import { BoardChrome } from './BoardChrome.tsx'
import { useBoard } from './BoardContext.tsx'
import { BoardCursor } from './BoardCursor.tsx'
import { BoardStylePanel, BoardToolbar, TRIM_OVERRIDES } from './BoardToolbar.tsx'
import { LicenceNotice } from './LicenceNotice.tsx'
import { readRememberedZone } from './rememberedZone.ts'
import { registerNotePlacement } from './zoneNotes.ts'
import { showOpeningView } from './zoneViews.ts'
import { keepLinksLocal, SELF_HOSTED_ASSET_URLS, SHAPE_UTILS, STORE_SHAPE_UTILS, watchForLicenceGate } from './tldrawSetup.ts'
import { bindStoreToYDoc, type BindingError } from '../sync/bindStoreToYDoc.ts'
import { isDraft } from '../privateWriting/drafts.ts'
import { bindPresence, type AwarenessUser, type PresenceBinding } from '../sync/presence.ts'
import { BoardTemplateLayer } from '../templates/BoardTemplatePanel.tsx'
import { zoneLockOverrides } from '../templates/zoneProtection.ts'

// tldraw asks for stable component overrides: defined once, outside the component.
// Issue 4 (templates): the agenda panel and zone protection live in the InFrontOfTheCanvas slot.
// Issue 8: our zone switcher and "Add note" there too (BoardOverlay); the toolbar trimmed to what
// workshops use; the style panel only while there is something to style; no page menu (a board is
// one page); cursor name tags that meet WCAG contrast.
const COMPONENTS: TLComponents = {
  SharePanel: BoardChrome,
  InFrontOfTheCanvas: BoardTemplateLayer,
  Toolbar: BoardToolbar,
  StylePanel: BoardStylePanel,
  PageMenu: null,
  CollaboratorCursor: BoardCursor,
}
const OVERRIDES = { facilitator: [zoneLockOverrides('facilitator'), TRIM_OVERRIDES], other: [zoneLockOverrides('participant'), TRIM_OVERRIDES] }

function uploadMessage(problem: UploadProblem, config: ClientConfig, messages: ReturnType<typeof useI18n>['messages']): string {
  switch (problem) {
    case 'tooBig':
      return messages.uploadTooBig((config.maxUploadBytes / 1_000_000).toFixed(0))
    case 'badType':
      return messages.uploadBadType(config.uploadTypes.map((type) => type.replace('image/', '').toUpperCase()).join(', '))
    case 'notAllowed':
      return messages.uploadNotAllowed
    case 'quotaFull':
      return messages.uploadQuotaFull
    case 'failed':
      return messages.uploadFailed
  }
}

/** The tldraw canvas of an open board, bound to the board's Y.Doc and presence. */
export function BoardEditor(props: { config: ClientConfig; token: string }) {
  const { info, identity } = useBoard()
  const { locale, messages, setLocale } = useI18n()
  const [uploadProblem, setUploadProblem] = useState<UploadProblem>()
  const [licenceHidden, setLicenceHidden] = useState(false)
  const containerRef = useRef<HTMLDivElement>(null)
  const { store, fatalError } = useBoundStore({
    config: props.config,
    token: props.token,
    onUploadRefused: setUploadProblem,
  })
  const user = useTldrawUser(identity, locale, setLocale)

  useEffect(() => {
    const container = containerRef.current
    return container ? watchForLicenceGate(container, () => setLicenceHidden(true)) : undefined
  }, [])

  useEffect(() => {
    if (!uploadProblem) return
    const timer = setTimeout(() => setUploadProblem(undefined), 8_000)
    return () => clearTimeout(timer)
  }, [uploadProblem])

  return (
    <div className="board-editor" ref={containerRef}>
      {store ? (
        <Tldraw
          store={store}
          user={user}
          licenseKey={props.config.tldrawLicenseKey ?? undefined}
          assetUrls={SELF_HOSTED_ASSET_URLS}
          shapeUtils={SHAPE_UTILS}
          components={COMPONENTS}
          overrides={info.role === 'facilitator' ? OVERRIDES.facilitator : OVERRIDES.other}
          locale={tldrawLocaleFor(locale)}
          acceptedImageMimeTypes={props.config.uploadTypes}
          maxAssetSize={props.config.maxUploadBytes}
          onMount={(editor: Editor) => {
            keepLinksLocal(editor)
            const stopPlacing = registerNotePlacement(editor)
            // Open on the whole board (title, purpose, every zone) — on a phone, on one zone at a
            // readable size — clear of the UI, which is measured once it has been laid out.
            if (editor.getCurrentPageShapeIds().size > 0) editor.zoomToFit({ animation: { duration: 0 } })
            const frame = requestAnimationFrame(() => showOpeningView(editor, readRememberedZone(window.localStorage, info.id)))
            // Exposed for the browser tests and the client benchmark, which drive the canvas.
            ;(window as unknown as { coboardEditor?: Editor }).coboardEditor = editor
            return () => {
              cancelAnimationFrame(frame)
              stopPlacing()
            }
          }}
        />
      ) : null}
      {licenceHidden ? <LicenceNotice /> : null}
      {fatalError ? (
        <div className="banner banner--error" role="alert" data-testid="binding-stopped">
          <p>{fatalError.kind === 'needs-reload' ? messages.needsReload : messages.loadFailed}</p>
          <button type="button" onClick={() => window.location.reload()}>
            {messages.reload}
          </button>
        </div>
      ) : null}
      {uploadProblem ? (
        <div className="banner banner--error banner--bottom" role="alert" data-testid="upload-refused">
          <p>{uploadMessage(uploadProblem, props.config, messages)}</p>
        </div>
      ) : null}
    </div>
  )
}

/** What others see of this user in awareness: identity plus the stakeholder group's colour. */
function awarenessUserOf(identity: Identity, anonymous: boolean, locale: Locale, role: Role): AwarenessUser {
  // On anonymous boards others see the stakeholder group only, never the name.
  const name = anonymous ? STAKEHOLDER_GROUP_LABELS[identity.group][locale] : identity.name
  return { id: identity.id, name, group: identity.group, color: STAKEHOLDER_GROUP_COLOURS[identity.group], role }
}

/**
 * Creates the tldraw store of the open board and binds it to the board's Y.Doc and awareness
 * before the editor mounts, so the editor starts on the board's content (not on an empty page
 * that the binding would replace a moment later). A fatal binding error (the board was saved by a
 * newer coboard, or migrating it failed) turns the editor read-only and is returned for display.
 */
/** The board's anonymity and freeze, as a tldraw atom kept in step with its Y.Doc. */
function useBoardRulesAtom(doc: Y.Doc) {
  const [rules] = useState(() => atom('board rules', { anonymous: readBoardSettings(doc).anonymous, frozen: isFrozen(doc) }))
  useEffect(() => {
    const update = () => rules.set({ anonymous: readBoardSettings(doc).anonymous, frozen: isFrozen(doc) })
    const settings = doc.getMap(BOARD_DOC_KEYS.settings)
    const session = doc.getMap(SESSION_ROOT)
    update()
    settings.observe(update)
    session.observe(update)
    return () => {
      settings.unobserve(update)
      session.unobserve(update)
    }
  }, [doc, rules])
  return rules
}

function useBoundStore(options: {
  config: ClientConfig
  token: string
  onUploadRefused: (problem: UploadProblem) => void
}): { store: TLStore | undefined; fatalError: BindingError | undefined } {
  const { session, info, identity, readOnly } = useBoard()
  const { config, token, onUploadRefused } = options
  const [bound, setBound] = useState<{ store: TLStore; presence: PresenceBinding }>()
  const [fatalError, setFatalError] = useState<BindingError>()
  const identityRef = useRef(identity)
  identityRef.current = identity
  // The editor's document-scoped user record (tldraw v5 attribution, e.g. who last edited a
  // note's text) follows the coboard identity, not tldraw's own random per-browser id.
  const [identityAtom] = useState(() => atom('identity', identity))
  useEffect(() => {
    identityAtom.set(identity)
  }, [identityAtom, identity])
  // The board's rules as tldraw atoms: an anonymous board gets no user record (it would carry a
  // name; the server refuses it), a frozen board puts the editor in read-only mode for participants.
  const rules = useBoardRulesAtom(session.doc)
  const anonymous = useValue('anonymous', () => rules.get().anonymous, [rules])

  useEffect(() => {
    const bindingFailed = atom('binding failed', false)
    const store = createTLStore({
      shapeUtils: STORE_SHAPE_UTILS,
      bindingUtils: defaultBindingUtils,
      assets: createBoardAssetStore({
        boardId: info.id,
        token,
        maxUploadBytes: config.maxUploadBytes,
        uploadTypes: config.uploadTypes,
        onRefused: onUploadRefused,
      }),
      users: {
        currentUser: computed('current user', () => {
          const current = identityAtom.get()
          if (rules.get().anonymous) return null
          return UserRecordType.create({
            id: createUserId(current.id),
            name: current.name,
            color: STAKEHOLDER_GROUP_COLOURS[current.group],
          })
        }),
      },
      collaboration: {
        status: computed('online', () => (session.state.get().kind === 'synced' ? 'online' : 'offline')),
        mode: computed('mode', () =>
          readOnly || bindingFailed.get() || (rules.get().frozen && info.role !== 'facilitator') ? 'readonly' : 'readwrite',
        ),
      },
    })
    const binding = bindStoreToYDoc({
      store,
      doc: session.doc,
      readOnly,
      // Private drafts stay on this device until published (client/src/privateWriting).
      keepLocal: isDraft,
      onError: (error) => {
        // Records that failed validation are left out; the rest of the board still works.
        if (error.kind === 'invalid-records') return
        bindingFailed.set(true)
        setFatalError(error)
      },
    })
    performance.mark('coboard:store-bound')
    const presence = bindPresence({
      store,
      awareness: session.awareness,
      user: awarenessUserOf(identityRef.current, rules.get().anonymous, info.locale, info.role),
    })
    setBound({ store, presence })
    return () => {
      presence.dispose()
      binding.dispose()
      setBound(undefined)
      setFatalError(undefined)
    }
  }, [session, info.id, info.role, info.locale, token, config, readOnly, onUploadRefused, identityAtom, rules])

  useEffect(() => {
    bound?.presence.setUser(awarenessUserOf(identity, anonymous, info.locale, info.role))
  }, [bound, identity, anonymous, info.locale, info.role])

  return { store: bound?.store, fatalError }
}

/**
 * tldraw's notion of the current user, from the coboard identity: id, name and the stakeholder
 * group's colour (so tldraw's own presence UI agrees with ours), and the UI language. tldraw's
 * UI reads its language from these preferences (its `locale` prop only reaches the loading
 * screen), and a language picked in tldraw's own menu comes back to coboard's switcher.
 * Other preferences (dark mode, snapping...) stay tldraw's, remembered by tldraw in this browser.
 */
function useTldrawUser(identity: Identity, locale: Locale, setLocale: (locale: Locale) => void) {
  const localeRef = useRef({ locale, setLocale })
  localeRef.current = { locale, setLocale }
  const { user, prefs } = useMemo(() => {
    const withIdentity = (next: TLUserPreferences): TLUserPreferences => ({
      ...next,
      id: identity.id,
      name: identity.name,
      color: STAKEHOLDER_GROUP_COLOURS[identity.group],
    })
    const prefs = atom(
      'user preferences',
      withIdentity({ ...getUserPreferences(), locale: tldrawLocaleFor(localeRef.current.locale) }),
    )
    const user = createTLCurrentUser({
      userPreferences: prefs,
      setUserPreferences: (next) => {
        prefs.set(withIdentity(next))
        const picked = next.locale ? localeFromLanguages([next.locale]) : undefined
        if (picked && picked !== localeRef.current.locale) localeRef.current.setLocale(picked)
      },
    })
    return { user, prefs }
  }, [identity])
  useEffect(() => {
    prefs.update((current) => ({ ...current, locale: tldrawLocaleFor(locale) }))
  }, [prefs, locale])
  return user
}
