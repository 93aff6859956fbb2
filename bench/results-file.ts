import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The results file holds one generated section per database, each between its own markers, so a
 * run on one database rewrites its section and leaves the other's, and any text written by hand
 * outside the markers, as they were.
 */
export function writeResultsSection(file: string, key: string, section: string, newFileHeader: string): void {
  const begin = `<!-- bench:${key} -->`;
  const end = `<!-- /bench:${key} -->`;
  const block = `${begin}\n${section.trim()}\n${end}`;
  if (!existsSync(file)) {
    writeFileSync(file, `${newFileHeader.trim()}\n\n${block}\n`);
    return;
  }
  const text = readFileSync(file, 'utf8');
  const [from, to] = [text.indexOf(begin), text.indexOf(end)];
  if (from >= 0 && to > from) {
    writeFileSync(file, text.slice(0, from) + block + text.slice(to + end.length));
    return;
  }
  // A new database's section goes after the other generated sections, before the text written by hand.
  const lastEnd = [...text.matchAll(/<!-- \/bench:[\w-]+ -->/g)].at(-1);
  if (!lastEnd) {
    writeFileSync(file, `${text.trimEnd()}\n\n${block}\n`);
    return;
  }
  const at = lastEnd.index! + lastEnd[0].length;
  writeFileSync(file, `${text.slice(0, at)}\n\n${block}${text.slice(at)}`);
}
