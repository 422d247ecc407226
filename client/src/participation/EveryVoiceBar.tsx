import { useBoard } from '../board/BoardContext.tsx'
import { PrivateWritingControls } from '../privateWriting/PrivateWritingControls.tsx'
import { VotingControls } from '../votes/VotingControls.tsx'
import { ParticipationPanel } from './ParticipationPanel.tsx'
import './everyVoice.css'

/** Private writing, dot voting and (for the facilitator) the participation panel, over the board. */
export function EveryVoiceBar() {
  const { info } = useBoard()
  return (
    <div className="every-voice" data-testid="every-voice">
      <PrivateWritingControls />
      <VotingControls />
      {info.role === 'facilitator' ? <ParticipationPanel /> : null}
    </div>
  )
}
