// Byte classes for the JSON tokenizer's dispatch, and the bare words it takes for values.
export const WS = 1, OPEN_OBJ = 2, OPEN_ARR = 3, CLOSE = 4, COMMA = 5, COLON = 6, STRING = 7, NUMBER = 8, WORD = 9, PY_STRING = 10;
export const CLASS = new Uint8Array(256);
for (const c of [32, 9, 10, 13]) CLASS[c] = WS;
CLASS[123] = OPEN_OBJ; CLASS[91] = OPEN_ARR; CLASS[125] = CLOSE; CLASS[93] = CLOSE;
CLASS[44] = COMMA; CLASS[58] = COLON; CLASS[34] = STRING; CLASS[39] = PY_STRING;
for (const c of '-0123456789') CLASS[c.charCodeAt(0)] = NUMBER;
for (let c = 97; c <= 122; c++) CLASS[c] = WORD;
for (let c = 65; c <= 90; c++) CLASS[c] = WORD;
export const NUMBER_BYTE = new Uint8Array(256);
for (const c of '-+.eE0123456789') NUMBER_BYTE[c.charCodeAt(0)] = 1;

/** JSON's true/false/null, Python's True/False/None, and the NaN and Infinity its json module writes. */
const LITERALS = ['true', 'false', 'null', 'True', 'False', 'None', 'NaN', 'Infinity'].map((word) => Buffer.from(word));

export function isLiteral(buf: Buffer, start: number, end: number): boolean {
  const len = end - start;
  return LITERALS.some((word) => word.length === len && buf.compare(word, 0, len, start, end) === 0);
}
