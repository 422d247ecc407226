import { useId } from 'react'
import type { Locale } from '../../../shared/locales.ts'
import type { Template } from '../../../shared/templates/templateSchema.ts'
import { useTemplateMessages } from './templateMessages.ts'

/**
 * A template's purpose, facilitation agenda (steps, minutes, instructions) and short sources, in
 * the board's language. Headings come from the UI language; the content is marked with `lang`.
 */
export function AgendaPanel(props: { template: Template; locale: Locale }) {
  const t = useTemplateMessages()
  const { template, locale } = props
  const agendaId = useId()
  return (
    <div className="agenda-panel">
      <h3 className="agenda-panel__title" lang={locale}>
        {template.title[locale]}
      </h3>
      <section aria-labelledby={agendaId}>
        <h4 id={agendaId}>
          {t.agendaHeading}
          {template.agenda.length > 0 ? <span className="agenda-panel__total"> · {t.agendaTotal(template.durationMinutes)}</span> : null}
        </h4>
        {template.agenda.length > 0 ? (
          <ol className="agenda-steps" lang={locale}>
            {template.agenda.map((step) => (
              <li key={step.id} className="agenda-step" data-step={step.id}>
                <span className="agenda-step__head">
                  <span className="agenda-step__title">{step.title[locale]}</span>
                  <span className="agenda-step__minutes">{t.minutes(step.minutes)}</span>
                </span>
                <span className="agenda-step__instructions">{step.instructions[locale]}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="hint">{t.agendaEmpty}</p>
        )}
      </section>
      <section>
        <h4>{t.purposeHeading}</h4>
        <p lang={locale}>{template.purpose[locale]}</p>
        {template.notice ? <p lang={locale}>{template.notice[locale]}</p> : null}
      </section>
      {template.sources.length > 0 ? (
        <section>
          <h4>{t.sourcesHeading}</h4>
          <ul className="agenda-sources">
            {template.sources.map((source) => (
              <li key={source.short} title={source.full}>
                {source.short}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
