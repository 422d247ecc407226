/**
 * The name tag on a collaborator's cursor: the name and the stakeholder group ("Anna · Citizen").
 * On anonymous boards the name already is the group, so the group is not repeated; without a
 * name the group alone; without a known group the name alone. Pure.
 */
export function cursorLabel(name: string | null, groupLabel: string | undefined, anonymous: boolean): string | null {
  const trimmed = name?.trim() ?? ''
  if (!groupLabel || anonymous || trimmed === groupLabel) return trimmed || null
  return trimmed ? `${trimmed} · ${groupLabel}` : groupLabel
}
