/**
 * A source's URL as a link target, only when it is a web address: `http:` or `https:`. Anything
 * else (`javascript:`, `data:`, `vbscript:`, a relative or malformed URL) gets no link; the page
 * shows it as text. The write paths refuse such URLs too; this holds for any already stored.
 */
export function webHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}
