// Key/value objects: `{"meta_key":"billing_phone","meta_value":"0812…"}` (WordPress usermeta in
// phpMyAdmin JSON exports), `{"question":"Nama Lengkap","answer":"Siti Aminah"}` (form exports),
// `{"key":"no_hp","value":"0812…"}`. The value is named by its key's string (`data[].billing_phone`):
// under `meta_value` or `answer`, names and addresses had no label and were lost, and under
// `name` a field name ("alamat") was read as a person's name.
import { isDataKey, type PathTable } from './paths.js';
import { isFieldName } from './tables.js';
import { unescapeJsonField } from './unicode-escapes.js';

/** A key's part in a pair (PathTable.roles): none, naming the value, or holding it. */
export const NAMES = 1, VALUE = 2;
/** Keys whose string, when it reads as a field name, names the object's value. */
const NAME_KEYS = new Set(['key', 'meta_key', 'question', 'field', 'field_name', 'fieldname', 'label', 'attribute', 'name']);
const VALUE_KEYS = new Set(['value', 'meta_value', 'answer', 'field_value', 'val']);
const MAX_LABEL_BYTES = 64;

/** The part key `key` plays in a pair, for PathTable to mark its path with. */
export function pairRole(key: string): number {
  const lower = key.toLowerCase();
  return NAME_KEYS.has(lower) ? NAMES : VALUE_KEYS.has(lower) ? VALUE : 0;
}

export class KeyValuePairs {
  /** Per open object (stack index): the label its name key gave, or null. */
  private labels: (string | null)[] = [];
  private readonly decoder = new TextDecoder();

  constructor(private readonly paths: PathTable) {}

  /** An object opened at stack index `depth`. */
  open(depth: number): void {
    this.labels[depth] = null;
  }

  /** The path naming a value under the VALUE key `keyPath` of the object at `depth` (path `objectPath`). */
  valuePath(depth: number, objectPath: number, keyPath: number): number {
    const label = this.labels[depth];
    return label ? this.paths.named(objectPath, label) : keyPath;
  }

  /**
   * A string value buf[start, end) under a NAMES key in the object at `depth`, to be emitted under
   * `path`. Returns the column to emit it under: a string that reads as a field name is one, so
   * free text (-1) rather than a value of `meta_key` or `name`; any other string stays a value.
   */
  string(depth: number, path: number, buf: Uint8Array, start: number, end: number): number {
    if (end - start > MAX_LABEL_BYTES || isDataKey(buf, start, end)) return path;
    const label = unescapeJsonField(this.decoder.decode(buf.subarray(start, end)));
    if (!isFieldName(label)) return path;
    this.labels[depth] = label;
    return -1;
  }
}
