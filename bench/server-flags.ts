import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node flags `npm start` runs the server with (V8's garbage-collector settings), read from
 * package.json's start script: every benchmark runs the server as it ships, and the flags are
 * written in one place.
 */
export function serverNodeFlags(root: string): string[] {
  const start: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  const flags = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/src\/main\.js/.exec(start);
  if (!flags) throw new Error(`package.json's start script does not run node [flags] dist/src/main.js: ${start}`);
  return flags[1].split(/\s+/).filter(Boolean);
}
