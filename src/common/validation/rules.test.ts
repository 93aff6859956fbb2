import {
  check,
  citations,
  country,
  fuzzyDate,
  int,
  line,
  list,
  nameLine,
  object,
  oneOf,
  optional,
  prose,
  quote,
  quotes,
  slug,
  url,
  verbatimText,
  GRAPHQL_INT_MAX,
} from './rules';
import { cutEchoes, echo, ECHO_MAX_CHARACTERS } from '../errors';

const messages = (rule: Parameters<typeof check>[0], value: unknown) => check(rule, value, 'f').map((p) => p.message);
const ok = (rule: Parameters<typeof check>[0], value: unknown) => expect(check(rule, value, 'f')).toEqual([]);

describe('the write rules', () => {
  it('urls: absolute http(s) only', () => {
    for (const good of ['https://www.bloomberg.com/news/x?y=1', 'http://example.com']) ok(url, good);
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      'ftp://x.org',
      '//x.org',
      'example.com',
      'https://exa mple.com',
    ]) {
      expect([bad, messages(url, bad)]).toEqual([bad, [expect.stringMatching(/http\(s\) URL/)]]);
    }
    expect(messages(url, ' https://x.org')).toEqual(['must not begin or end with whitespace']);
    expect(messages(url, true)).toEqual(['must be a string (got true)']);
  });

  it('integers: whole, within bounds, bounds within GraphQL Int', () => {
    const count = int(0, 10_000_000);
    ok(count, 0);
    ok(count, 80_000);
    expect(messages(count, 3_000_000_000)).toEqual(['must be between 0 and 10000000 (got 3000000000)']);
    expect(messages(count, -1)).toEqual(['must be between 0 and 10000000 (got -1)']);
    expect(messages(count, 1.5)).toEqual(['must be a whole number (got 1.5)']);
    expect(messages(count, 'first')).toEqual(['must be a whole number (got "first")']);
    expect(messages(count, '12')).toEqual(['must be a whole number (got "12")']);
    expect(() => int(0, GRAPHQL_INT_MAX + 1)).toThrow(/GraphQL Int/);
  });

  it('strings: typed, non-empty, bounded, not padded, no control or bidirectional characters', () => {
    const name = line(10);
    ok(name, 'Huawei');
    expect(messages(name, undefined)).toEqual(['is required (a non-empty string)']);
    expect(messages(name, true)).toEqual(['must be a string (got true)']);
    expect(messages(name, 12)).toEqual(['must be a string (got 12)']);
    expect(messages(name, '   ')).toEqual(['must not be empty']);
    expect(messages(name, 'x'.repeat(11))).toEqual(['must be at most 10 characters (got 11)']);
    expect(messages(name, ' Huawei')).toEqual(['must not begin or end with whitespace']);
    expect(messages(name, 'Hua\nwei')).toEqual(['must not contain control characters or line breaks']);
    for (const bidi of ['\u202e', '\u202a', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c']) {
      expect(messages(name, `Eve${bidi}x`)).toEqual([expect.stringMatching(/bidirectional/)]);
    }
    ok(prose(100), 'First line.\nSecond\tline.');
    expect(messages(prose(100), 'bell\u0007')).toEqual(['must not contain control characters']);
    expect(messages(prose(100), 'nul\u0000')).toEqual(['must not contain control characters']);
    // A source's text is kept verbatim, surrounding whitespace included.
    ok(verbatimText(100), ' date 2020-02-06\n');
  });

  it('one slug pattern and one country pattern', () => {
    ok(slug, 'huawei-v-verizon-2');
    for (const bad of ['Huawei', 'huawei--verizon', '-huawei', 'huawei-', 'hua wei', 'huawei_v', '', 'x'.repeat(101)])
      expect([bad, check(slug, bad, 'f')]).toEqual([bad, [expect.anything()]]);
    expect(messages(slug, 42)).toEqual(['must be a slug string (got 42)']);
    ok(country, 'CN');
    for (const bad of ['cn', 'CHN', 'China', 'C', 1]) expect(messages(country, bad)).toEqual([expect.stringMatching(/ISO 3166-1 alpha-2/)]);
  });

  it('quotes: at least three words and twelve characters, not padded', () => {
    ok(quote, 'against Verizon Communications');
    ok(quote, 'Shenzhen-based Huawei');
    for (const weak of [' ', '\n\n', 'a', 'Huawei', 'Huawei Inc', '1 2', 'Verizon Communications'])
      expect([weak, messages(quote, weak)]).toEqual([weak, [expect.any(String)]]);
    expect(messages(quotes, [])).toEqual(['every fact needs at least one verbatim quote of the source']);
    expect(messages(citations, [])).toEqual(['must list at least one source and verbatim quote: no fact without a source']);
  });

  it('enums and dates', () => {
    expect(messages(oneOf({ A: 'A', B: 'B' }), 'C')).toEqual(['must be one of A, B (got "C")']);
    ok(fuzzyDate, '<2019-02~');
    expect(messages(fuzzyDate, '2019-13')).toEqual(['"2019-13" has no month 13']);
    expect(messages(fuzzyDate, 2019)).toEqual(['must be a fuzzy date string such as "2019-12" or "2019-02~"']);
    ok(optional(fuzzyDate), null);
  });

  it('lists and objects report each problem at its path', () => {
    const rule = object({ parties: list(object({ name: line(5) }), { min: 1, max: 3 }), citations });
    expect(check(rule, { parties: [{ name: 'ok' }, { name: 'far too long' }, 'x'], citations: [{ source: 'Bad Slug', quote: 'a' }] })).toEqual([
      { path: 'parties[1].name', message: 'must be at most 5 characters (got 12)' },
      { path: 'parties[2]', message: 'must be an object' },
      { path: 'citations[0].source', message: '"Bad Slug" is not a slug (lowercase letters, digits and single hyphens)' },
      { path: 'citations[0].quote', message: 'must quote at least 3 words and 12 characters of the source (got "a")' },
    ]);
    expect(check(rule, { parties: [1, 2, 3, 4], citations: cite() }, 'doc')).toEqual([{ path: 'doc.parties', message: 'must list at most 3 (got 4)' }]);
    expect(check(rule, null)).toEqual([{ path: 'input', message: 'must be an object' }]);
  });
});

function cite() {
  return [{ source: 'a-source', quote: 'two words here' }];
}

describe('names that mix scripts', () => {
  const name = nameLine(200);
  it('refuses a word mixing lookalike Latin, Greek and Cyrillic letters, saying which letter', () => {
    // "Huаwei" with a Cyrillic а (U+0430), "Gοogle" with a Greek ο (U+03BF), "Неllo" with a Cyrillic Н.
    for (const spoof of ['Hu\u0430wei', 'G\u03bfogle Inc', 'Huawei (\u041dello)', 'Hu-\u0430wei', 'Alpha\u03b2et']) {
      expect([spoof, messages(name, spoof)]).toEqual([
        spoof,
        [
          expect.stringMatching(
            /^mixes scripts: in ".+", ".+" \(U\+[0-9A-F]{4}\) is a (Cyrillic|Greek) letter that looks like the Latin ".+"; write each word in one script$/,
          ),
        ],
      ]);
    }
    expect(messages(name, 'Hu\u0430wei')).toEqual([
      'mixes scripts: in "Hu\u0430wei", "\u0430" (U+0430) is a Cyrillic letter that looks like the Latin "a"; write each word in one script',
    ]);
  });

  it('accepts words in one script each, and letters that look like nothing in the other script', () => {
    for (const good of [
      'Huawei Technologies',
      'Газпром',
      'Huawei (Хуавэй)',
      'Ωmega Holdings',
      'Ren Zhengfei 任正非',
      'トヨタ自動車',
      'Société Générale',
      'Ελληνική Εταιρεία',
    ])
      ok(name, good);
  });
});

describe('echoed input', () => {
  it('quotes at most ECHO_MAX_CHARACTERS characters of a value, as JSON', () => {
    expect(echo('short')).toBe('"short"');
    expect(echo('x'.repeat(12_000))).toBe(`"${'x'.repeat(ECHO_MAX_CHARACTERS)}…"`);
    expect(echo('a "quoted"\nline')).toBe('"a \\"quoted\\"\\nline"');
    expect(echo({ deep: 'y'.repeat(100) }).length).toBe(ECHO_MAX_CHARACTERS + 1);
    expect(messages(line(10), 'z'.repeat(5000))[0].length).toBeLessThan(100);
  });

  it("cuts what a library's message quotes in full", () => {
    const long = 'q'.repeat(12_000);
    const message = `Variable "$a" got invalid value "${long}"; Int cannot represent non-integer value: "${long}"`;
    expect(cutEchoes(message)).toBe(
      `Variable "$a" got invalid value "${'q'.repeat(ECHO_MAX_CHARACTERS)}…"; Int cannot represent non-integer value: "${'q'.repeat(ECHO_MAX_CHARACTERS)}…"`,
    );
    expect(cutEchoes('"\\"'.repeat(5000)).length).toBeLessThan(15_001);
  });
});
