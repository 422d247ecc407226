import { useEffect, useState } from 'react'
import { atom, createTLStore, defaultBindingUtils, type TLStore } from 'tldraw'
import * as Y from 'yjs'
import type { VersionSummary } from '../../../shared/api/versions.ts'
import { fetchBoardInfo, fetchClientConfig } from '../api/apiClient.ts'
import type { BoardInfo, ClientConfig } from '../api/apiTypes.ts'
import { STORE_SHAPE_UTILS } from '../board/tldrawSetup.ts'
import { fetchVersions } from '../protection/historyApi.ts'
import { bindStoreToYDoc } from '../sync/bindStoreToYDoc.ts'
import { fetchVersionSnapshot } from './reportApi.ts'

/** Why a version could not be shown: not found or not allowed, or kept by a newer coboard. */
export type VersionProblem = 'unavailable' | 'newer'

export type VersionBoard =
  | { status: 'loading' }
  | { status: 'failed'; problem: VersionProblem }
  | { status: 'ready'; info: BoardInfo; config: ClientConfig; version: VersionSummary; store: TLStore }

/**
 * A kept version of a board as a read-only tldraw store: its snapshot (`GET …/versions/<v>/snapshot`)
 * in a Y.Doc of its own, with no provider — nothing reaches the live board — bound read-only, so
 * an older version's records are migrated in memory exactly as when a board opens.
 */
export function useVersionBoard(boardId: string, token: string, versionId: string): VersionBoard {
  const [state, setState] = useState<VersionBoard>({ status: 'loading' })
  useEffect(() => {
    let live = true
    const doc = new Y.Doc()
    let dispose = () => {}
    Promise.all([fetchBoardInfo(boardId, token), fetchClientConfig(), fetchVersions(boardId, token), fetchVersionSnapshot(boardId, token, versionId)])
      .then(([info, config, versions, snapshot]) => {
        const version = versions.find((v) => v.id === versionId)
        if (!live) return
        if (!version) return setState({ status: 'failed', problem: 'unavailable' })
        Y.applyUpdateV2(doc, snapshot)
        const store = createTLStore({
          shapeUtils: STORE_SHAPE_UTILS,
          bindingUtils: defaultBindingUtils,
          // Why 'readonly' here too: tldraw then refuses every edit (isReadonly) from the first frame.
          collaboration: { status: atom('status', 'online' as const), mode: atom('mode', 'readonly' as const) },
        })
        let problem: VersionProblem | undefined
        const binding = bindStoreToYDoc({
          store,
          doc,
          readOnly: true,
          onError: (error) => {
            if (error.kind === 'needs-reload') problem = 'newer'
            else if (error.kind === 'migration-failed') problem = 'unavailable'
          },
        })
        dispose = () => binding.dispose()
        setState(problem ? { status: 'failed', problem } : { status: 'ready', info, config, version, store })
      })
      .catch(() => live && setState({ status: 'failed', problem: 'unavailable' }))
    return () => {
      live = false
      dispose()
      doc.destroy()
    }
  }, [boardId, token, versionId])
  return state
}
