import { useEffect, useState } from 'react'

/** Hash routes (#/workflows/wf_…): the page is one file wherever it is served from. */
export function useRoute(): string[] {
  const read = () =>
    location.hash
      .replace(/^#\/?/, '')
      .split('?')[0]
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent)
  const [parts, setParts] = useState(read)
  useEffect(() => {
    const onChange = () => setParts(read())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return parts
}

export function navigate(path: string): void {
  location.hash = `#${path}`
}

/** The query of the hash (#/templates/new?from=…): what a link hands the page it opens. */
export function hashQuery(hash: string = location.hash): URLSearchParams {
  return new URLSearchParams(hash.split('?')[1] ?? '')
}

/** A link's page is the current one: the same path, or for a section's link (`templates`) any
 * page under it (`templates/tpl_…`). */
export function isCurrentPage(match: string, route: string[]): boolean {
  const here = route.join('/')
  if (match === '' || match.includes('/')) return here === match
  return route[0] === match
}
