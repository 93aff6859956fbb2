// Small DOM helpers shared by the explorer's pages: text is always set as text, never parsed as HTML.

export type Child = Node | string | null | undefined | false;

/** An element with these attributes and children (strings become text nodes; falsy children are skipped). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}

/** An enum value as words: PATENT_INFRINGEMENT -> "patent infringement". */
export const words = (value: string) => value.replace(/_/g, ' ').toLowerCase();
