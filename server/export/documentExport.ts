import { safeHref, type CommentThreadView, type DocBlock, type Inline } from '../../shared/document/documentModel.ts'
import { createTranslator } from '../../shared/i18n/translator.ts'
import { REPORT_MESSAGES } from '../../shared/i18n/reportMessages.ts'
import type { Locale } from '../../shared/locales.ts'
import { STAKEHOLDER_GROUP_LABELS, type StakeholderGroup } from '../../shared/stakeholderGroups.ts'

/** What a document export needs besides the blocks. */
export interface DocumentExportInput {
  title: string
  locale: Locale
  blocks: DocBlock[]
  authors: { names: string[]; groups: StakeholderGroup[] }
  /** When given, the comments go into an appendix. */
  comments?: CommentThreadView[]
}

/** The suggested author line ("Written by …, as a collective author"), or null when nobody wrote yet. */
export function authorshipLine(input: Pick<DocumentExportInput, 'authors' | 'locale'>): string | null {
  const t = createTranslator(REPORT_MESSAGES, input.locale)
  const list = (items: string[]) => new Intl.ListFormat(input.locale === 'nb' ? 'nb-NO' : input.locale, { type: 'conjunction' }).format(items)
  const groups = list(input.authors.groups.map((g) => STAKEHOLDER_GROUP_LABELS[g][input.locale].toLowerCase()))
  if (input.authors.names.length && input.authors.groups.length) return t('authorshipNamesGroups', { names: list(input.authors.names), groups })
  if (input.authors.names.length) return t('authorshipNames', { names: list(input.authors.names) })
  if (input.authors.groups.length) return t('authorshipGroups', { groups })
  return null
}

const md = (text: string) => text.replace(/([\\`*_{}[\]<>#|!~])/g, '\\$1')

function inlineMarkdown(inline: Inline[]): string {
  return inline
    .map((run) => {
      if (run.text === '\n') return '  \n'
      let text = md(run.text)
      if (run.marks.includes('code')) text = '`' + run.text.replace(/`/g, "'") + '`'
      if (run.marks.includes('bold')) text = `**${text}**`
      if (run.marks.includes('italic')) text = `*${text}*`
      if (run.marks.includes('strike')) text = `~~${text}~~`
      const href = safeHref(run.href)
      if (href) text = `[${text}](${href.replace(/[()\s]/g, encodeURIComponent)})`
      return text
    })
    .join('')
}

function blockMarkdown(block: DocBlock, t: ReturnType<typeof createTranslator<keyof typeof REPORT_MESSAGES.en>>, locale: Locale, indent = ''): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level)} ${inlineMarkdown(block.inline)}`, '']
    case 'paragraph':
      return [indent + inlineMarkdown(block.inline), '']
    case 'quote':
      return block.blocks.flatMap((b) => blockMarkdown(b, t, locale)).map((line) => (line ? `> ${line}` : '>'))
    case 'list':
      return [
        ...block.items.flatMap((item, i) =>
          item.flatMap((b, k) => blockMarkdown(b, t, locale).filter(Boolean).map((line, j) => (k === 0 && j === 0 ? `${indent}${block.ordered ? `${i + 1}.` : '-'} ${line}` : `${indent}   ${line}`))),
        ),
        '',
      ]
    case 'table': {
      if (block.rows.length === 0) return []
      const cells = block.rows.map((row) => row.map((cell) => inlineMarkdown(cell).replace(/\|/g, '\\|')))
      const width = Math.max(...cells.map((r) => r.length))
      const line = (row: string[]) => `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`
      return [line(cells[0]), line(Array(width).fill('---')), ...cells.slice(1).map(line), '']
    }
    case 'note':
      return [`> **${t('quotedNote')}**${block.group ? ` (${STAKEHOLDER_GROUP_LABELS[block.group][locale]})` : ''}: ${md(block.text)}`, '']
    case 'code':
      return ['```', block.text, '```', '']
    case 'rule':
      return ['---', '']
  }
}

/** The document as Markdown: its blocks, the author line, and (optionally) the comments. */
export function documentMarkdown(input: DocumentExportInput): string {
  const t = createTranslator(REPORT_MESSAGES, input.locale)
  const lines = [`# ${md(input.title)}`, '']
  const authors = authorshipLine(input)
  if (authors) lines.push(`*${md(authors)}*`, '')
  for (const block of input.blocks) lines.push(...blockMarkdown(block, t, input.locale))
  if (input.comments?.length) {
    lines.push(`## ${t('commentsHeading')}`, '')
    for (const thread of input.comments) {
      lines.push(`- ${md(t('commentOn', { quote: thread.quote }))}${thread.resolved ? ` (${t('commentResolved')})` : ''}`)
      for (const reply of thread.replies) {
        const who = reply.author.name ?? STAKEHOLDER_GROUP_LABELS[reply.author.group][input.locale]
        lines.push(`  - **${md(who)}**: ${md(reply.text)}`)
      }
    }
    lines.push('')
  }
  return lines.join('\n')
}
