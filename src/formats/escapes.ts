// How each format escapes text inside a field, undone for the values the engine hands to field
// detectors (names, addresses, diagnoses). Identifiers never contain escapes, so the hot path
// never calls these; they run only on labelled cells.

/** CSV/TSV: a quote inside a quoted field is doubled. */
export function unescapeCsv(raw: string): string {
  return raw.includes('""') ? raw.replaceAll('""', '"') : raw;
}

const JSON_SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** JSON strings: backslash escapes and \uXXXX (surrogate pairs included); bad escapes stay as written. */
export function unescapeJson(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (match, code: string) =>
    code.length === 5 ? String.fromCharCode(parseInt(code.slice(1), 16)) : (JSON_SIMPLE[code] ?? match),
  );
}

const SQL_SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a', "'": "'", '"': '"', '\\': '\\' };

/** MySQL strings and PostgreSQL COPY rows: backslash escapes, and a doubled quote inside a string. */
export function unescapeSql(raw: string): string {
  if (!raw.includes('\\') && !raw.includes("''")) return raw;
  return raw.replace(/\\([ntr0bZ'"\\])|''/g, (match, code: string | undefined) => (code === undefined ? "'" : (SQL_SIMPLE[code] ?? match)));
}

const XML_NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** XML and HTML text: character references (&amp;, &#39;, &#x27;); unknown ones stay as written. */
export function unescapeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,6});/g, (match, ref: string) => {
    if (ref[0] !== '#') return XML_NAMED[ref] ?? match;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}
