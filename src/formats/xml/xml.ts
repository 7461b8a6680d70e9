// XML and HTML: SOAP responses of population and health services, XML exports, admin pages saved
// from a breached panel. Each text node is a field named by its element (`<NAMA_LGKP>` →
// NAMA_LGKP), each attribute value one named `element@attribute`, and an HTML table's cells take
// the names of its headers (html-table.ts). Names need no path to give context, so a range may
// start at any line: before its first start tag, text takes the name of the end tag closing it.
import { ChunkedParser } from '../chunked.js';
import { unescapeXml } from '../escapes.js';
import { pieceEnd, recordLimit } from '../pieces.js';
import { HtmlTable } from './html-table.js';
import type { FileState, FormatReader } from '../types.js';

const LT = 60, GT = 62, SLASH = 47, BANG = 33, QUESTION = 63, EQUALS = 61, DQUOTE = 34, SQUOTE = 39;
/** Names past this share one catch-all column, so a broken file cannot create millions of names. */
const MAX_COLUMNS = 4096;
/** A longer name (or <th> text) is cut to this: names are short, and each is kept as a column. */
const MAX_NAME_BYTES = 128;
/** Distinct names cached; a broken file's random "names" beyond it are read afresh each time. */
const MAX_NAMES = 65536;
/** Deeper elements are not tracked (their text keeps the deepest tracked name). */
const MAX_DEPTH = 512;
/** HTML elements that never have an end tag. */
const VOID = new Set(['br', 'img', 'input', 'meta', 'link', 'hr', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);
/** HTML elements whose content is script or style text, not markup. */
const RAW_TEXT = new Set(['script', 'style']);

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** An element name met in the file, read from its bytes once (tags repeat millions of times). */
interface Name {
  readonly bytes: Buffer;
  readonly text: string;
  /** For HTML, whose tags match in any case. */
  readonly lower: string;
  /** An HTML element with no end tag (<br>), or one holding script or style text. */
  readonly void: boolean;
  readonly rawText: boolean;
  /** The column of its text, and of each attribute (element@attribute) by the attribute's Name. */
  column: number;
  attributes: Map<Name, number> | null;
}
const isNameByte = (c: number) => c > 32 && c !== GT && c !== SLASH && c !== EQUALS && c !== LT && c !== DQUOTE && c !== SQUOTE;

export class XmlParser extends ChunkedParser {
  protected override readonly unescape = unescapeXml;
  /**
   * Open elements, `depth` deep: their names and columns, whether text was emitted directly
   * inside (a leaf: <NIK>…</NIK>), and whether a leaf or an attribute field was (a record:
   * <penduduk>, <tr>).
   */
  private depth = 0;
  private readonly frameName: Name[] = [];
  private readonly frameColumn = new Int32Array(MAX_DEPTH);
  private readonly hasText = new Uint8Array(MAX_DEPTH);
  private readonly hasLeaf = new Uint8Array(MAX_DEPTH);
  /** Names by a hash of their bytes (a colliding name is read afresh each time, not cached). */
  private readonly nameByHash = new Map<number, Name>();
  /** The current HTML table's <th> texts, and the position of the next cell in its row. */
  private readonly table = new HtmlTable();
  /** Before any open element (a range that starts mid-document): text awaits its end tag, a leaf closed. */
  private looseText = false;
  private looseLeaf = false;

  protected scan(buf: Buffer, from: number, to: number, final: boolean): number {
    let i = from;
    while (i < to) {
      const lt = buf.indexOf(LT, i);
      if (lt < 0 || lt >= to) {
        if (!final) return i;
        this.text(buf, i, to, -1);
        return to;
      }
      const end = this.markupEnd(buf, lt, to);
      if (end < 0 && !final) return i; // the tag is cut: text before it waits for the tag's name
      if (lt > i) this.text(buf, i, lt, end < 0 ? -1 : this.closingColumn(buf, lt, end));
      if (end < 0) {
        this.text(buf, lt, to, -1); // an unclosed "<" at the end of the input is text
        return to;
      }
      i = this.markup(buf, lt, end, to, final);
      if (i < 0) return lt;
    }
    return i;
  }

  /** Where the markup opening at `lt` ends (just past its ">"), or -1 when it does not end before `to`. */
  private markupEnd(buf: Buffer, lt: number, to: number): number {
    if (buf[lt + 1] === BANG && buf[lt + 2] === 45 && buf[lt + 3] === 45) return endOf(buf, '-->', lt + 4, to);
    if (buf[lt + 1] === BANG && buf[lt + 2] === 91) return endOf(buf, ']]>', lt + 2, to);
    let quote = 0;
    for (let j = lt + 1; j < to; j++) {
      const c = buf[j]!;
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === DQUOTE || c === SQUOTE) {
        if (buf[j - 1] === EQUALS || isSpace(buf[j - 1]!)) quote = c;
      } else if (c === GT) {
        return j + 1;
      } else if (c === LT) {
        return j; // "a < b" in text: the "<" opened no tag
      }
    }
    return -1;
  }

  /** Reads the markup buf[lt, end); returns where scanning goes on, or -1 to wait for more input. */
  private markup(buf: Buffer, lt: number, end: number, to: number, final: boolean): number {
    const next = buf[lt + 1]!;
    if (buf[end - 1] !== GT) {
      this.text(buf, lt, end, -1);
      return end;
    }
    if (next === BANG && buf[lt + 2] === 91) {
      // <![CDATA[…]]>: text of the open element, as written.
      const open = lt + 9;
      if (open <= end - 3) this.text(buf, open, end - 3, this.openColumn());
      return end;
    }
    if (next === BANG || next === QUESTION) return end; // comment, doctype, processing instruction
    if (next === SLASH) {
      const name = this.endTagName(buf, lt, end);
      if (name) this.close(name);
      return end;
    }
    const nameEnd = nameEndOf(buf, lt + 1, end);
    if (nameEnd === lt + 1) {
      this.text(buf, lt, end, -1);
      return end;
    }
    const name = this.nameAt(buf, lt + 1, nameEnd);
    const lower = name.lower;
    const fields = this.attributes(buf, nameEnd, end - 1, name);
    if (buf[end - 2] === SLASH) {
      if (fields > 0) this.records++; // <row nik="…" nama="…"/>
      return end;
    }
    if (name.void) return end;
    if (name.rawText) {
      // Script and style hold no markup; their text (a page's inline data) is free text.
      const close = indexOfIgnoringCase(buf, `</${lower}`, end, to);
      if (close < 0 && !final) return -1;
      this.text(buf, end, close < 0 ? to : close, -1);
      return close < 0 ? to : close;
    }
    this.open(name);
    if (fields > 0 && this.depth > 0) this.hasLeaf[this.depth - 1] = 1;
    return end;
  }

  private open(name: Name): void {
    const lower = name.lower;
    if (lower === 'table') this.table.startTable();
    if (lower === 'tr' || lower === 'row') this.table.startRow();
    let column: number;
    if (lower === 'td' || lower === 'th' || lower === 'cell') {
      const header = this.table.startCell(lower === 'th');
      column = header ? this.column(header) : this.columnOfName(name);
    } else if (lower === 'data' && this.innerElement() === 'cell') {
      column = this.openColumn(); // SpreadsheetML: <Cell><Data>…</Data></Cell>
    } else {
      column = this.columnOfName(name);
    }
    if (this.depth >= MAX_DEPTH) return;
    const at = this.depth++;
    this.frameName[at] = name;
    this.frameColumn[at] = column;
    this.hasText[at] = 0;
    this.hasLeaf[at] = 0;
  }

  private close(name: Name): void {
    // HTML leaves some elements unclosed (<p>, <li>, <td>): close back to the one named.
    let at = this.depth - 1;
    while (at >= 0 && this.depth - at <= 8 && !this.opened(at, name)) at--;
    if (at < 0 || !this.opened(at, name)) {
      if (this.depth > 0) return;
      // Before any open element: the end tag of loose text is a leaf's, the next one its record's.
      if (this.looseText) this.looseLeaf = true;
      else if (this.looseLeaf) {
        this.records++;
        this.looseLeaf = false;
      }
      this.looseText = false;
      return;
    }
    if (name.lower === 'tr' || name.lower === 'row') this.table.endRow();
    const text = this.hasText[at] === 1, leaf = this.hasLeaf[at] === 1;
    this.depth = at;
    if (leaf) this.records++;
    else if (text && at > 0) this.hasLeaf[at - 1] = 1;
    else if (text) this.looseLeaf = true;
  }

  /** Whether the element open at depth `at` is the one `name` closes (in any case, as HTML has it). */
  private opened(at: number, name: Name): boolean {
    const open = this.frameName[at]!;
    return open === name || open.lower === name.lower;
  }

  /** The Name of buf[s, e), from the cache when these bytes were met before. */
  private nameAt(buf: Buffer, s: number, e: number): Name {
    if (e - s > MAX_NAME_BYTES) e = s + MAX_NAME_BYTES;
    let hash = e - s;
    for (let i = s; i < e; i++) hash = (Math.imul(hash, 31) + buf[i]!) | 0;
    const known = this.nameByHash.get(hash);
    if (known && sameBytes(known.bytes, buf, s, e)) return known;
    const text = buf.toString('utf8', s, e);
    const lower = text.toLowerCase();
    const name: Name = {
      bytes: Buffer.from(buf.subarray(s, e)), text, lower, void: VOID.has(lower), rawText: RAW_TEXT.has(lower), column: -1, attributes: null,
    };
    if (!known && this.nameByHash.size < MAX_NAMES) this.nameByHash.set(hash, name);
    return name;
  }

  /** The Name of the end tag buf[lt, end) ("</NIK >"), or null when it has none. */
  private endTagName(buf: Buffer, lt: number, end: number): Name | null {
    let s = lt + 2;
    while (s < end && isSpace(buf[s]!)) s++;
    const e = nameEndOf(buf, s, end);
    return e > s ? this.nameAt(buf, s, e) : null;
  }

  private columnOfName(name: Name): number {
    if (name.column < 0) name.column = this.column(name.text);
    return name.column;
  }

  /** Each `name="value"` of a start tag: a field named `element@name`. Returns how many. */
  private attributes(buf: Buffer, from: number, to: number, element: Name): number {
    let fields = 0;
    let i = from;
    while (i < to) {
      while (i < to && !isNameByte(buf[i]!)) i++;
      const nameStart = i;
      while (i < to && isNameByte(buf[i]!)) i++;
      const nameEnd = i;
      while (i < to && isSpace(buf[i]!)) i++;
      if (nameEnd === nameStart || buf[i] !== EQUALS) continue;
      i++;
      while (i < to && isSpace(buf[i]!)) i++;
      const quote = buf[i];
      let s = i, e: number;
      if (quote === DQUOTE || quote === SQUOTE) {
        s = i + 1;
        e = buf.indexOf(quote, s);
        if (e < 0 || e > to) e = to;
        i = e + 1;
      } else {
        while (i < to && !isSpace(buf[i]!)) i++;
        e = i;
      }
      if (e <= s) continue;
      const attribute = this.nameAt(buf, nameStart, nameEnd);
      // Namespace declarations name schemas, not people.
      if (!attribute.text.startsWith('xmlns')) {
        this.emit(s, e, this.attributeColumn(element, attribute));
        fields++;
      }
    }
    return fields;
  }

  /** Emits the text buf[s, e), trimmed, as a field of `column` (the open element's when -1). */
  private text(buf: Buffer, s: number, e: number, column: number): void {
    while (s < e && isSpace(buf[s]!)) s++;
    while (e > s && isSpace(buf[e - 1]!)) e--;
    if (e <= s) return;
    const depth = this.depth;
    this.emit(s, e, column >= 0 ? column : this.openColumn());
    if (depth > 0) {
      this.hasText[depth - 1] = 1;
      const element = this.frameName[depth - 1]!.lower;
      const cell = element === 'th' || element === 'td' || element === 'cell' || (element === 'data' && depth > 1 && this.frameName[depth - 2]!.lower === 'cell');
      if (cell) this.table.cellText(buf.toString('utf8', s, Math.min(e, s + MAX_NAME_BYTES)), element === 'th');
    } else {
      this.looseText = true;
    }
  }

  /** The lowercased name of the innermost open element, or '' outside any. */
  private innerElement(): string {
    return this.depth > 0 ? this.frameName[this.depth - 1]!.lower : '';
  }

  private openColumn(): number {
    return this.depth > 0 ? this.frameColumn[this.depth - 1]! : -1;
  }

  /** Before any open element (a range that starts mid-document): the column of the end tag at `lt`. */
  private closingColumn(buf: Buffer, lt: number, end: number): number {
    if (this.depth > 0 || buf[lt + 1] !== SLASH) return -1;
    const name = this.endTagName(buf, lt, end);
    return name ? this.columnOfName(name) : -1;
  }

  private attributeColumn(element: Name, attribute: Name): number {
    element.attributes ??= new Map();
    let column = element.attributes.get(attribute);
    if (column === undefined) element.attributes.set(attribute, (column = this.column(`${element.text}@${attribute.text}`)));
    return column;
  }

  private column(name: string): number {
    return this.namedColumn(name, MAX_COLUMNS);
  }

  protected overflow(buf: Buffer, from: number, to: number): number {
    const cut = pieceEnd(buf, from, to);
    this.emit(from, cut, this.openColumn());
    return cut;
  }
}

/** Whether `bytes` are buf[s, e): a loop, as names are short and Buffer.compare costs more to call. */
function sameBytes(bytes: Buffer, buf: Buffer, s: number, e: number): boolean {
  if (bytes.length !== e - s) return false;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== buf[s + i]) return false;
  return true;
}

function endOf(buf: Buffer, marker: string, from: number, to: number): number {
  const at = buf.indexOf(marker, from, 'latin1');
  return at < 0 || at + marker.length > to ? -1 : at + marker.length;
}

function nameEndOf(buf: Buffer, from: number, to: number): number {
  let i = from;
  while (i < to && isNameByte(buf[i]!)) i++;
  return i;
}

function indexOfIgnoringCase(buf: Buffer, needle: string, from: number, to: number): number {
  for (let at = buf.indexOf(LT, from); at >= 0 && at + needle.length <= to; at = buf.indexOf(LT, at + 1)) {
    if (buf.toString('latin1', at, at + needle.length).toLowerCase() === needle) return at;
  }
  return -1;
}

/** How sure the head is XML or HTML: a declaration, a doctype, or a first tag with end tags after it. */
function sniffXml(head: Uint8Array, path: string): number {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && isSpace(head[i]!)) i++;
  if (head[i] !== LT) return 0;
  const start = Buffer.from(head.buffer, head.byteOffset + i, Math.min(head.length - i, 64)).toString('latin1').toLowerCase();
  if (start.startsWith('<?xml') || start.startsWith('<!doctype')) return 0.95;
  const letter = head[i + 1]! | 32;
  const closes = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 65536)).indexOf('</', i, 'latin1') >= 0;
  if (letter >= 97 && letter <= 122 && closes) return 0.9;
  return /\.(xml|html?|xhtml)$/i.test(path) ? 0.3 : 0;
}

export const xmlReader: FormatReader = {
  format: 'xml',
  splittable: true,
  sniff: sniffXml,
  prepare: async (): Promise<FileState> => ({}),
  createParser: (state, rangeStart) => new XmlParser(rangeStart, recordLimit(state)),
};
