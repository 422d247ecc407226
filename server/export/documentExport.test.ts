import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentBlocks, safeHref } from '../../shared/document/documentModel.ts'
import { documentDocx } from './documentDocx.ts'
import { documentMarkdown } from './documentExport.ts'

/** A block as y-prosemirror writes it: an XmlElement holding XmlText (with marks as attributes) or other blocks. */
function element(name: string, children: Array<Y.XmlElement | Y.XmlText>, attributes: Record<string, unknown> = {}): Y.XmlElement {
  const node = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string)
  node.insert(0, children)
  return node
}
const text = (value: string, marks?: Record<string, unknown>) => {
  const node = new Y.XmlText()
  node.insert(0, value, marks)
  return node
}
const paragraph = (...parts: Y.XmlText[]) => element('paragraph', parts)
const list = (...items: string[]) => element('orderedList', items.map((item) => element('listItem', [paragraph(text(item))])))

/** A document with links (one safe, one not), a quotation, a quoted note and two numbered lists. */
function sampleDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.getXmlFragment('document').insert(0, [
    element('heading', [text('What worked')], { level: 2, sectionId: 'worked' }),
    paragraph(text('See '), text('the council report', { link: { href: 'https://aarhus.dk/report?id=1' } }), text(' and '), text('this', { link: { href: 'javascript:alert(1)' } }), text('.')),
    element('blockquote', [paragraph(text('We were heard, for once.'))]),
    list('Meet in the library', 'Fewer e-mails'),
    paragraph(text('And later:')),
    list('More time between sessions', 'A bus every hour', 'Childcare'),
  ])
  return doc
}

/** The parts of a .docx that matter here, as XML text. */
async function docxParts(doc: Y.Doc) {
  const files = unzipSync(new Uint8Array(await documentDocx({ title: 'Our account', locale: 'en', blocks: documentBlocks(doc), authors: { names: [], groups: [] } })))
  const part = (name: string) => strFromU8(files[name])
  return { document: part('word/document.xml'), rels: part('word/_rels/document.xml.rels'), styles: part('word/styles.xml'), numbering: part('word/numbering.xml') }
}

/** The paragraphs of document.xml that hold `text`. */
const paragraphsWith = (xml: string, wanted: string) => (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []).filter((p) => p.includes(wanted))

describe('the document as Word', () => {
  it('writes links as real hyperlinks, only to http(s) and mailto targets', async () => {
    const { document, rels } = await docxParts(sampleDoc())
    const link = /<w:hyperlink [^>]*r:id="([\w-]+)"[^>]*>(?:(?!<\/w:hyperlink>).)*the council report/s.exec(document)
    expect(link).not.toBeNull()
    expect(rels).toMatch(new RegExp(`Id="${link![1]}"[^>]*Target="https://aarhus.dk/report\\?id=1"[^>]*TargetMode="External"|Id="${link![1]}"[^>]*TargetMode="External"[^>]*Target="https://aarhus.dk/report\\?id=1"`))
    // The unsafe one stays text, with no link anywhere.
    expect(document).toContain('>this<')
    expect(rels).not.toContain('javascript')
    expect((document.match(/<w:hyperlink /g) ?? []).length).toBe(1)
  })

  it('styles quotations as quotes: indented, italic, with a rule on the left', async () => {
    const { document, styles } = await docxParts(sampleDoc())
    expect(paragraphsWith(document, 'We were heard, for once.')[0]).toContain('<w:pStyle w:val="Quote"/>')
    const quote = /<w:style w:type="paragraph" w:styleId="Quote">.*?<\/w:style>/s.exec(styles)?.[0] ?? ''
    expect(quote).toContain('<w:i/>')
    expect(quote).toMatch(/<w:ind w:left="720"/)
    expect(quote).toMatch(/<w:left w:val="single"/)
  })

  it('numbers each numbered list from 1', async () => {
    const { document, numbering } = await docxParts(sampleDoc())
    const numIdOf = (wanted: string) => /<w:numId w:val="(\d+)"\/>/.exec(paragraphsWith(document, wanted)[0])?.[1]
    const first = numIdOf('Meet in the library')
    expect(numIdOf('Fewer e-mails')).toBe(first)
    const second = numIdOf('More time between sessions')
    expect(second).toBeDefined()
    expect(second).not.toBe(first)
    expect(numIdOf('Childcare')).toBe(second)
    // Each list is a numbering instance of its own, which Word starts at 1.
    for (const id of [first, second]) {
      const num = new RegExp(`<w:num w:numId="${id}"[^>]*>.*?</w:num>`, 's').exec(numbering)?.[0] ?? ''
      expect(num).toMatch(/<w:startOverride w:val="1"\/>/)
    }
  })

  it('the Markdown has the same link and numbering', () => {
    const markdown = documentMarkdown({ title: 'Our account', locale: 'en', blocks: documentBlocks(sampleDoc()), authors: { names: [], groups: [] } })
    expect(markdown).toContain('[the council report](https://aarhus.dk/report?id=1)')
    expect(markdown).not.toContain('javascript')
    expect(markdown).toContain('> We were heard, for once.')
    expect(markdown).toContain('1. More time between sessions')
    expect(markdown).toContain('3. Childcare')
  })

  it('takes only absolute http(s) and mailto links', () => {
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b')
    expect(safeHref('mailto:kontakt@aarhus.dk')).toBe('mailto:kontakt@aarhus.dk')
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '/relative', 'vbscript:x', undefined]) expect(safeHref(bad)).toBeUndefined()
  })
})
