import {
  restoreResultSchema,
  versionListSchema,
  versionSummarySchema,
  type RestoreResult,
  type VersionSummary,
} from '../../../shared/api/versions.ts'
import { bearer, readJson } from '../api/apiClient.ts'

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/versions`

/** The board's kept versions, newest first (facilitator link). */
export async function fetchVersions(boardId: string, token: string): Promise<VersionSummary[]> {
  return (await readJson(await fetch(base(boardId), { headers: bearer(token) }), versionListSchema)).versions
}

/** Keeps a version of the board now, optionally named. */
export async function saveVersion(boardId: string, token: string, label: string): Promise<VersionSummary> {
  const response = await fetch(base(boardId), {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify(label.trim() ? { label: label.trim() } : {}),
  })
  return readJson(response, versionSummarySchema)
}

/** Restores a version (`all`) or brings back what was deleted since (`deleted`). */
export async function restoreVersion(boardId: string, token: string, versionId: string, mode: 'all' | 'deleted'): Promise<RestoreResult> {
  const response = await fetch(`${base(boardId)}/${encodeURIComponent(versionId)}/restore`, {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify({ mode }),
  })
  return readJson(response, restoreResultSchema)
}
