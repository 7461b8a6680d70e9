// Interns JSON field paths (`data.pasien[].nik`) straight from key bytes: an open-addressing
// table keyed by (parent path, key hash) with the key bytes kept for an exact check, so a key
// seen before costs a hash and a compare, never a string. Array elements share one path (`[]`).
// Paths are capped: past MAX_PATHS, new keys under a parent map to one `parent.*` path (and the
// parser emits such keys as values, since objects keyed by NIK would otherwise hide data). A key
// that is data itself (a NIK, a phone number, an e-mail address) maps there from the start: as a
// path it was never scanned, and it reached reports unmasked in the field name. So does a key
// that names a record rather than a field (a row number, a Firebase push id, a user id), and
// any key past MAX_CHILDREN under one parent: one path per user filled the cap within 5,000
// users of a Firebase export, and every later record lost its field names.

const MAX_PATHS = 20000;
/** Longer keys are data (a blob used as a key), not names. */
const MAX_KEY_BYTES = 256;
const ELEMENT = -1, WILDCARD = -2;
/** A key holding this many digits in a row is an identifier (NIK, phone, card, date), not a name. */
const DATA_KEY_DIGITS = 8;
/** Distinct keys one object path may have: past this, its keys are records (ids), not fields. */
const MAX_CHILDREN = 1000;
/** Opaque ids are at least this long; field names that long are words, not a jumble. */
const ID_KEY_BYTES = 16;

const OTHER = 0, DIGIT = 1, LOWER = 2, UPPER = 3;
const classOf = (c: number): number => c >= 48 && c <= 57 ? DIGIT : c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : OTHER;

/**
 * Whether key bytes buf[start, end) are data or a record's id rather than a field name: a long
 * number or an e-mail address; a row number ("0", pandas orient='index', PHP arrays); a Firebase
 * push id (-M…, 20 bytes); an opaque id of 16+ bytes with digits that switches between digits and
 * cases every three bytes or so (Kx9aPq2LmN8Rz0Tu…, a hex hash), which camelCase names never do.
 */
export function isDataKey(buf: Uint8Array, start: number, end: number): boolean {
  let run = 0, digits = 0, switches = 0, previous = -1, plain = true;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c === 64) return true;
    const kind = classOf(c);
    run = kind === DIGIT ? run + 1 : 0;
    if (run === DATA_KEY_DIGITS) return true;
    if (kind === DIGIT) digits++;
    if (kind === OTHER && c !== 45 && c !== 95) plain = false;
    if (kind !== OTHER && previous >= 0 && kind !== previous) switches++;
    if (kind !== OTHER) previous = kind;
  }
  const len = end - start;
  if (len > 0 && digits === len) return true;
  if (!plain || len < ID_KEY_BYTES) return false;
  if (len === 20 && buf[start] === 45) return true;
  return digits >= 2 && switches * 3 >= len;
}

export class PathTable {
  private slots = new Int32Array(1024);
  private parent = new Int32Array(256);
  private hash = new Int32Array(256);
  private keyStart = new Int32Array(256);
  private keyLen = new Int32Array(256);
  private pool = new Uint8Array(4096);
  private poolUsed = 0;
  private readonly decoder = new TextDecoder();
  /** Paths that collect keys past the cap (their keys are data, not names). */
  readonly wildcard = new Uint8Array(MAX_PATHS + 1);

  /** Per path: the part its key plays in a key/value pair (pairs.ts), read per value. */
  roles = new Uint8Array(256);

  /** `names` is the batch's columns array: path id i is names[i]; `roleOf` gives a key's part in a pair. */
  constructor(private readonly names: string[], private readonly roleOf: (key: string) => number = () => 0) {}

  /** Per path: the key that followed it last time; per parent (+1): its first key. */
  private follow = new Int32Array(256).fill(-1);
  private first = new Int32Array(256).fill(-1);
  /** Per parent (+1): how many keys it has had. */
  private children = new Int32Array(256);

  /**
   * Path of key buf[start, end) inside the object at `parent` (-1 = top level); `previous` is the
   * key before it in the same object (-1 for the first). Objects usually repeat their key order,
   * so the key is first checked against the one that followed `previous` last time.
   */
  key(parent: number, previous: number, buf: Uint8Array, start: number, end: number): number {
    const predicted = previous >= 0 ? this.follow[previous]! : parent + 1 < this.first.length ? this.first[parent + 1]! : -1;
    if (predicted >= 0 && this.keyLen[predicted] === end - start) {
      const at = this.keyStart[predicted]!;
      let k = 0;
      while (k < end - start && this.pool[at + k] === buf[start + k]) k++;
      if (k === end - start) return predicted;
    }
    const id = this.child(parent, buf, start, end);
    if (previous >= 0) this.follow[previous] = id;
    else if (parent + 1 < this.first.length) this.first[parent + 1] = id;
    return id;
  }

  /** Path of key buf[start, end) inside the object at `parent` (-1 = top level); `decoded`: the key's text, if known. */
  child(parent: number, buf: Uint8Array, start: number, end: number, decoded?: string): number {
    if (end - start > MAX_KEY_BYTES) return this.special(parent, WILDCARD);
    let h = 0x811c9dc5 ^ parent;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    const found = this.find(parent, h, buf, start, end);
    if (found >= 0) return found;
    if (this.names.length >= MAX_PATHS || this.children[parent + 1]! >= MAX_CHILDREN || isDataKey(buf, start, end)) {
      return this.special(parent, WILDCARD);
    }
    this.children[parent + 1] = this.children[parent + 1]! + 1;
    let key = decoded ?? this.decoder.decode(buf.subarray(start, end));
    if (decoded === undefined && key.includes('\\')) {
      try { key = JSON.parse(`"${key}"`) as string; } catch { /* keep the raw spelling */ }
    }
    const name = parent < 0 ? key : `${this.names[parent]}.${key}`;
    const id = this.add(parent, h, buf, start, end, name);
    this.roles[id] = this.roleOf(key);
    return id;
  }

  /** Path of a path `name` (from another table) inside `parent`: a document embedded in a string. */
  named(parent: number, name: string): number {
    const bytes = Buffer.from(name);
    return this.child(parent, bytes, 0, bytes.length, name);
  }

  /** Path shared by every element of the array at `parent`; top-level arrays add nothing. */
  element(parent: number): number {
    return parent < 0 ? -1 : this.special(parent, ELEMENT);
  }

  private special(parent: number, kind: number): number {
    const h = Math.imul(parent + 1, 0x9e3779b1) ^ kind;
    const found = this.find(parent, h, null, 0, kind);
    if (found >= 0) return found;
    const base = parent < 0 ? '' : this.names[parent]!;
    const id = this.add(parent, h, null, 0, kind, kind === ELEMENT ? `${base}[]` : parent >= 0 ? `${base}.*` : '*');
    if (kind === WILDCARD) this.wildcard[id] = 1;
    return id;
  }

  /** Looks up (parent, h) with key bytes buf[start, end), or a special kind (buf null, end = kind). */
  private find(parent: number, h: number, buf: Uint8Array | null, start: number, end: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s]!;
      if (slot === 0) return -1;
      const id = slot - 1;
      if (this.hash[id] !== h || this.parent[id] !== parent) continue;
      const len = this.keyLen[id]!;
      if (buf === null) { if (len === end) return id; continue; }
      if (len !== end - start) continue;
      const at = this.keyStart[id]!;
      let same = true;
      for (let k = 0; k < len; k++) if (this.pool[at + k] !== buf[start + k]) { same = false; break; }
      if (same) return id;
    }
  }

  private add(parent: number, h: number, buf: Uint8Array | null, start: number, end: number, name: string): number {
    const id = this.names.length;
    this.names.push(name);
    if (id >= this.parent.length) {
      const grow = (a: Int32Array) => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
      this.parent = grow(this.parent); this.hash = grow(this.hash);
      this.keyStart = grow(this.keyStart); this.keyLen = grow(this.keyLen);
      const grownFill = (a: Int32Array) => { const b = new Int32Array(a.length * 2).fill(-1); b.set(a); return b; };
      this.follow = grownFill(this.follow); this.first = grownFill(this.first);
    }
    // Indexed by parent + 1: the new path's slot is id + 1.
    if (id + 1 >= this.children.length) { const b = new Int32Array(this.children.length * 2); b.set(this.children); this.children = b; }
    if (id >= this.roles.length) { const b = new Uint8Array(this.roles.length * 2); b.set(this.roles); this.roles = b; }
    this.parent[id] = parent;
    this.hash[id] = h;
    if (buf) {
      const len = end - start;
      if (this.poolUsed + len > this.pool.length) {
        const next = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + len));
        next.set(this.pool);
        this.pool = next;
      }
      this.pool.set(buf.subarray(start, end), this.poolUsed);
      this.keyStart[id] = this.poolUsed;
      this.keyLen[id] = len;
      this.poolUsed += len;
    } else {
      this.keyLen[id] = end;
    }
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    else this.insert(id);
    return id;
  }

  private insert(id: number): void {
    const mask = this.slots.length - 1;
    let s = this.hash[id]! & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = id + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.names.length; id++) this.insert(id);
  }
}
