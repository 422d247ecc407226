import type { Editor, TLNoteShape } from 'tldraw'
import { DraftBadge } from '../privateWriting/DraftBadge.tsx'
import { isDraft } from '../privateWriting/drafts.ts'
import { NoteVoting } from './NoteVoting.tsx'
import { useVoting } from './VotingContext.tsx'

/**
 * What coboard adds on top of a note: the private-draft mark and the dot vote. Nothing (and no
 * subscriptions) on a board with no vote, so large boards draw as before.
 */
export function NoteExtras(props: { editor: Editor; shape: TLNoteShape }) {
  const voting = useVoting()
  const draft = isDraft(props.shape)
  if (!draft && !voting?.vote) return null
  return (
    <>
      {draft ? <DraftBadge /> : null}
      {voting?.vote && !draft ? <NoteVoting editor={props.editor} shape={props.shape} /> : null}
    </>
  )
}
