// Placeholder (issue 16): replaced by the module's component.
export function BriefingPrefetch() {
  return null
}
