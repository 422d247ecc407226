import type { Role } from '../../../shared/roles.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { CopyButton } from './CopyButton.tsx'
import { LinkQrCode } from './LinkQrCode.tsx'

/** One link of a board: its role, what it is for, the address with a copy button, and a QR code. */
export function LinkCard(props: { role: Role; link: string; idPrefix?: string; headingLevel?: 3 | 4 }) {
  const { messages } = useI18n()
  const roleName = messages.roleName[props.role]
  const inputId = `${props.idPrefix ?? 'board-link'}-${props.role}`
  const Heading = props.headingLevel === 4 ? 'h4' : 'h3'
  return (
    <li className="link-card" data-role={props.role}>
      <div className="link-card__text">
        <Heading>
          <label htmlFor={inputId}>{roleName}</label>
        </Heading>
        <p className="hint">{messages.roleDescription[props.role]}</p>
        <input id={inputId} className="link-card__url" type="text" readOnly value={props.link} onFocus={(event) => event.currentTarget.select()} />
        <CopyButton text={props.link} label={messages.copyLink(roleName)} />
      </div>
      <LinkQrCode link={props.link} alt={messages.qrAlt(roleName)} />
    </li>
  )
}
