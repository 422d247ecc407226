import { useId } from 'react'
import type { Locale } from '../../../shared/locales.ts'
import { STAKEHOLDER_GROUP_LABELS } from '../../../shared/stakeholderGroups.ts'
import type { TemplateCatalogEntry } from './templateApi.ts'
import { useTemplateMessages } from './templateMessages.ts'
import { TemplateThumbnailView } from './TemplateThumbnailView.tsx'
import './templates.css'

/**
 * Lets the facilitator choose a template in the lobby: a radio group of cards (title, summary,
 * duration, suggested groups, preview, sources). Native radios give arrow-key navigation and
 * screen-reader semantics for free. `locale` is the language the entries are written in.
 */
export function TemplatePicker(props: {
  templates: readonly TemplateCatalogEntry[]
  value: string
  onChange: (id: string) => void
  locale: Locale
}) {
  const t = useTemplateMessages()
  const name = useId()
  const hintId = useId()
  return (
    <fieldset className="template-picker field" aria-describedby={hintId}>
      <legend>{t.pickerLegend}</legend>
      <p id={hintId} className="hint">
        {t.pickerHint}
      </p>
      <div className="template-picker__list">
        {props.templates.map((entry) => (
          <TemplateCard
            key={entry.id}
            entry={entry}
            name={name}
            checked={entry.id === props.value}
            onSelect={() => props.onChange(entry.id)}
            locale={props.locale}
          />
        ))}
      </div>
    </fieldset>
  )
}

/** One template as a selectable card. */
function TemplateCard(props: {
  entry: TemplateCatalogEntry
  name: string
  checked: boolean
  onSelect: () => void
  locale: Locale
}) {
  const t = useTemplateMessages()
  const { entry, locale } = props
  const titleId = useId()
  const detailsId = useId()
  const groups = entry.suggestedGroups.map((g) => STAKEHOLDER_GROUP_LABELS[g][locale])
  return (
    <label className="template-card" data-checked={props.checked} data-template={entry.id}>
      <input
        type="radio"
        name={props.name}
        value={entry.id}
        checked={props.checked}
        onChange={props.onSelect}
        // Named by the title alone and described by the rest, rather than named by the whole card.
        aria-labelledby={titleId}
        aria-describedby={detailsId}
      />
      <span className="template-card__preview" aria-hidden="true">
        {entry.zoneCount !== 0 || entry.thumbnail.zones.length > 0 ? (
          <TemplateThumbnailView thumbnail={entry.thumbnail} label={t.previewOf(entry.title)} />
        ) : null}
      </span>
      <span className="template-card__text" lang={locale}>
        <span id={titleId} className="template-card__title">{entry.title}</span>
        <span id={detailsId} className="template-card__details">
          <span className="template-card__summary">{entry.summary}</span>
          <span className="template-card__meta">
            {entry.durationMinutes > 0 ? <span>{t.minutes(entry.durationMinutes)}</span> : null}
            {entry.zoneCount ? <span>{t.zoneCount(entry.zoneCount)}</span> : null}
            {entry.custom ? <span className="template-card__badge">{t.customTemplate}</span> : null}
          </span>
          <span className="template-card__groups">
            {t.suggestedGroups}: {groups.length > 0 ? groups.join(', ') : t.anyGroup}
          </span>
          {entry.sources.length > 0 ? (
            <span className="template-card__sources">
              {t.source(entry.sources.length)}: {entry.sources.join('; ')}
            </span>
          ) : null}
        </span>
      </span>
    </label>
  )
}
