import { useEffect, useState } from 'react'
import type { Template } from '../../../shared/templates/templateSchema.ts'
import { fetchTemplate } from './templateApi.ts'

/** Loading state of a board's full template. */
export type BoardTemplateState =
  | { status: 'loading' }
  | { status: 'loaded'; template: Template; json: unknown }
  | { status: 'failed' }

/** The full template a board was made from (`GET /api/templates/<id>`), for its agenda and tools. */
export function useBoardTemplate(templateId: string): BoardTemplateState {
  const [state, setState] = useState<BoardTemplateState>({ status: 'loading' })
  useEffect(() => {
    const abort = new AbortController()
    setState({ status: 'loading' })
    fetchTemplate(templateId, abort.signal)
      .then(({ template, json }) => setState({ status: 'loaded', template, json }))
      .catch(() => {
        if (!abort.signal.aborted) setState({ status: 'failed' })
      })
    return () => abort.abort()
  }, [templateId])
  return state
}
