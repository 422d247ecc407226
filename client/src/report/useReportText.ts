import { REPORT_MESSAGES } from '../../../shared/i18n/reportMessages.ts'
import { useCatalog } from '../i18n/useCatalog.ts'
import { REPORT_UI_MESSAGES } from './reportUiMessages.ts'

/** The report UI's words and the shared report words (status names…), in the UI language. */
export function useReportText() {
  return { t: useCatalog(REPORT_UI_MESSAGES), r: useCatalog(REPORT_MESSAGES) }
}
