import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { parseTemplate, type Template } from '../../shared/templates/templateSchema.ts'
import { validTemplateJson } from '../../shared/templates/testFixtures.ts'
import { CUSTOM_TEMPLATE_LIMITS, customTemplateProblems } from './customTemplateLimits.ts'
import { TemplateCatalog } from './TemplateCatalog.ts'

function template(edit: (json: ReturnType<typeof validTemplateJson>) => void): Template {
  const json = validTemplateJson()
  edit(json)
  const parsed = parseTemplate(json)
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
  return parsed.template
}

describe('customTemplateProblems', () => {
  it('lets every shipped template through', () => {
    const catalog = new TemplateCatalog(fileURLToPath(new URL('../../templates/', import.meta.url)))
    for (const id of catalog.ids()) expect(customTemplateProblems(catalog.get(id)!), id).toEqual([])
  })

  it('names each text that is too long and where it is', () => {
    const problems = customTemplateProblems(
      template((json) => {
        json.title.da = 'x'.repeat(CUSTOM_TEMPLATE_LIMITS.titleChars + 1)
        json.zones[0].label.nb = 'y'.repeat(500)
      }),
    )
    expect(problems).toEqual([
      `title › da: at most ${CUSTOM_TEMPLATE_LIMITS.titleChars} characters (this one has ${CUSTOM_TEMPLATE_LIMITS.titleChars + 1})`,
      `zones[0] "challenge" › label › nb: at most ${CUSTOM_TEMPLATE_LIMITS.labelChars} characters (this one has 500)`,
    ])
  })

  it('refuses repeated stakeholder groups, which only pad the lobby list', () => {
    expect(customTemplateProblems(template((json) => (json.suggestedGroups = ['citizen-service-user', 'citizen-service-user'])))).toEqual([
      'suggestedGroups: each group at most once',
    ])
  })
})
