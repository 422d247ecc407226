import { memo, useRef } from 'react'
import { useEditor, useSharedSafeId, useTransform, useValue, type TLCursorProps } from 'tldraw'
import { STAKEHOLDER_GROUP_LABELS, stakeholderGroupSchema } from '../../../shared/stakeholderGroups.ts'
import { readableTextOn } from '../ui/contrast.ts'
import { useBoard } from './BoardContext.tsx'
import { cursorLabel } from './cursorLabel.ts'

/**
 * A collaborator's cursor, as tldraw draws it, with the name tag's text in near-black or white,
 * whichever reads better on the person's group colour (tldraw always uses white: 2.25:1 on orange),
 * and the person's stakeholder group after the name (cursorLabel.ts). While they chat, the name
 * above the message is drawn the same way.
 */
export const BoardCursor = memo(function BoardCursor({ className, zoom, point, color, name: personName, chatMessage, userId }: TLCursorProps) {
  const ref = useRef<HTMLDivElement>(null)
  const editor = useEditor()
  const { info } = useBoard()
  // The group travels in the presence record's meta (sync/presence.ts).
  const group = useValue('cursor group', () => stakeholderGroupSchema.safeParse(editor.getCollaborators().find((p) => p.userId === userId)?.meta.group).data, [editor, userId])
  const name = cursorLabel(personName, group ? STAKEHOLDER_GROUP_LABELS[group][info.locale] : undefined, info.anonymous)
  useTransform(ref, point?.x, point?.y, 1 / zoom)
  const cursorId = useSharedSafeId('cursor')
  if (!point) return null
  const background = color && /^#[0-9a-f]{6}$/i.test(color) ? color : '#1b1b1f'
  const tagStyle = { backgroundColor: background, color: readableTextOn(background) }
  return (
    <div ref={ref} className={['tl-collaborators__item', className].filter(Boolean).join(' ')}>
      <svg className="tl-cursor" aria-hidden="true">
        <use href={`#${cursorId}`} color={color} />
      </svg>
      {chatMessage ? (
        <>
          {name ? (
            // tldraw draws this name in the group colour straight on the canvas (2.25:1 for orange
            // on white); on the group colour as a tag, with the readable text colour, it is ≥ 4.5:1.
            <div className="tl-nametag-title" style={{ ...tagStyle, textShadow: 'none', borderRadius: 4 }}>
              {name}
            </div>
          ) : null}
          <div className="tl-nametag-chat" style={tagStyle}>
            {chatMessage}
          </div>
        </>
      ) : name ? (
        <div className="tl-nametag" style={tagStyle}>
          {name}
        </div>
      ) : null}
    </div>
  )
})
