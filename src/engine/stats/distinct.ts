// Counts distinct values in bounded memory: exact (an open-addressing set of 64-bit keys) up to a
// limit, then HyperLogLog (2^14 registers, ~0.8% standard error). Workers' counters merge.

const HLL_BITS = 14;
const HLL_REGISTERS = 1 << HLL_BITS;
// 2^17 keys: a table of at most 2 MB per type (load ≤ 0.5), so the main thread, which holds every
// type's merged table at once, stays small whatever the dump holds.
export const DEFAULT_EXACT_LIMIT = 1 << 17;

/**
 * Where hashPair leaves its two halves. A typed array, not a variable: a 32-bit value above 2^30
 * stored in a variable is boxed as a heap number, an allocation per counted value.
 */
const pair = new Uint32Array(2);

/**
 * Two independent 32-bit hashes of a string in one pass, into pair[0] (high) and pair[1] (low);
 * the low one is never zero. Each step takes two UTF-16 units as one 32-bit word (the hot path
 * hashes ~250 million characters per 512 MB dump) and shifts its high bits down, so that every
 * unit reaches every bit of both lanes.
 */
function hashPair(value: string): void {
  let a = 0x811c9dc5, b = 0x9747b28c;
  const length = value.length, even = length & ~1;
  for (let i = 0; i < even; i += 2) {
    const word = value.charCodeAt(i) | (value.charCodeAt(i + 1) << 16);
    a = Math.imul(a ^ word, 0x01000193);
    a ^= a >>> 13;
    b = Math.imul(b ^ word, 0x5bd1e995);
    b ^= b >>> 15;
  }
  if (length !== even) {
    const last = value.charCodeAt(even);
    a = Math.imul(a ^ last, 0x01000193);
    b = Math.imul(b ^ last, 0x5bd1e995);
  }
  pair[0] = fmix(a ^ length);
  pair[1] = fmix(b ^ Math.imul(length, 0x9e3779b1)) | 1;
}

/**
 * Two hashes of the digit values digits[from, to) into `pair`, as hashPair's, four digits to a
 * step. A type's values are all counted as strings or all as digits: the two need not agree.
 */
function hashDigits(digits: Uint8Array, from: number, to: number): void {
  const length = to - from;
  let a = 0x811c9dc5 ^ length, b = 0x9747b28c ^ length;
  for (let i = from; i < to; i += 4) {
    let word = 0;
    for (let k = i; k < i + 4 && k < to; k++) word = word * 10 + digits[k]!;
    a = Math.imul(a ^ word, 0x01000193);
    a ^= a >>> 13;
    b = Math.imul(b ^ word, 0x5bd1e995);
    b ^= b >>> 15;
  }
  pair[0] = fmix(a);
  pair[1] = fmix(b ^ Math.imul(length, 0x9e3779b1)) | 1;
}

export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A counter's table as it stands (pairs of key words, a zero low word marking a free slot), or its registers. */
export interface DistinctState {
  slots: Uint32Array | null;
  size: number;
  registers: Uint8Array | null;
}

/**
 * Small, so that the first counter grows within its first few keys, while add() still runs
 * unoptimized: V8 then has seen the call to grow(). With 2,048 slots the first growth came after
 * add() was optimized, and threw away the optimized code of it and of its three callers.
 * An odd power of two, as 2,048 was: quadrupling, it reaches the full tables (2^19 and 2^21
 * slots) exactly; from 64 it took one more step, rehashing 65,536 keys per table.
 */
const INITIAL_SLOTS = 128;

export class DistinctCounter {
  private slots: Uint32Array = new Uint32Array(0);
  private size = 0;
  private registers: Uint8Array | null = null;

  /** An exact limit of 0: the counter estimates from its first key. */
  constructor(private readonly exactLimit = DEFAULT_EXACT_LIMIT) {
    // Set here, not in the field initializers: V8 then knows these fields change, and does not
    // throw away the optimized add() of every counter when the first table grows or estimates.
    if (exactLimit > 0) this.resize(INITIAL_SLOTS);
    else this.registers = new Uint8Array(HLL_REGISTERS);
  }

  get approximate(): boolean {
    return this.registers !== null;
  }

  /**
   * Adds a key given as two 32-bit words; `low` must be non-zero (the string hash guarantees it).
   * Returns false when the key was already counted, true when it is new or, once estimating, unknown.
   */
  add(high: number, low: number): boolean {
    if (this.registers) {
      addToRegisters(this.registers, high, low);
      return true;
    }
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1;
    let slot = (fmix(high ^ Math.imul(low, 0x9e3779b1)) & mask) << 1;
    for (;;) {
      const stored = slots[slot + 1]!;
      if (stored === 0) break;
      if (stored === low && slots[slot] === high) return false;
      slot = (slot + 2) & ((mask << 1) | 1);
    }
    slots[slot] = high;
    slots[slot + 1] = low;
    if (++this.size * 4 > slots.length) this.grow();
    return true;
  }

  addString(value: string): void {
    hashPair(value);
    this.add(pair[0]!, pair[1]!);
  }

  /** Adds the value whose digits are digits[from, to) (0–9 each). */
  addDigits(digits: Uint8Array, from: number, to: number): void {
    hashDigits(digits, from, to);
    this.add(pair[0]!, pair[1]!);
  }

  count(): number {
    return this.registers ? estimate(this.registers) : this.size;
  }

  /** Calls `visit` for every exact key; returns false (and visits nothing) once approximate. */
  forEachKey(visit: (high: number, low: number) => void): boolean {
    if (this.registers) return false;
    const slots = this.slots;
    for (let i = 0; i < slots.length; i += 2) if (slots[i + 1] !== 0) visit(slots[i]!, slots[i + 1]!);
    return true;
  }

  /**
   * The counter's table or registers: a copy (cheaper than listing the keys), or with `handOver`
   * the counter's own arrays, for a counter that is dropped right after (a worker's, once collected).
   */
  state(handOver = false): DistinctState {
    if (this.registers) return { slots: null, size: 0, registers: handOver ? this.registers : this.registers.slice() };
    return { slots: handOver ? this.slots : this.slots.slice(), size: this.size, registers: null };
  }

  merge(other: DistinctState): void {
    if (other.registers) {
      this.toRegisters();
      const mine = this.registers!;
      for (let i = 0; i < HLL_REGISTERS; i++) if (other.registers[i]! > mine[i]!) mine[i] = other.registers[i]!;
      return;
    }
    const slots = other.slots!;
    if (this.size === 0 && !this.registers && other.size <= this.exactLimit) {
      // The first worker's totals into the scan's: its table is taken whole, not rebuilt key by key.
      this.slots = slots;
      this.size = other.size;
      return;
    }
    // Room for every incoming key at once (up to the exact limit): no doubling and rehashing on the way.
    this.reserve(Math.min(this.size + other.size, this.exactLimit));
    for (let i = 0; i < slots.length; i += 2) if (slots[i + 1] !== 0) this.add(slots[i]!, slots[i + 1]!);
  }

  /**
   * Quadruples the table (up to what the exact limit needs): every key is rehashed a third as
   * often as when doubling, and rehashing into a table bigger than the cache is a miss per key.
   */
  private grow(): void {
    if (this.size >= this.exactLimit) return this.toRegisters();
    let largest = this.slots.length;
    while (largest < 4 * this.exactLimit) largest *= 2;
    this.resize(Math.min(this.slots.length * 4, largest));
  }

  /** Grows the table so that `keys` keys fit without growing again. */
  private reserve(keys: number): void {
    if (this.registers) return;
    let length = this.slots.length;
    while (keys * 4 > length) length *= 2;
    if (length > this.slots.length) this.resize(length);
  }

  private resize(length: number): void {
    const old = this.slots;
    this.slots = new Uint32Array(length);
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.add(old[i]!, old[i + 1]!);
  }

  private toRegisters(): void {
    if (this.registers) return;
    const registers = new Uint8Array(HLL_REGISTERS);
    this.forEachKey((high, low) => addToRegisters(registers, high, low));
    this.registers = registers;
    this.slots = new Uint32Array(0);
    this.size = 0;
  }
}

function addToRegisters(registers: Uint8Array, high: number, low: number): void {
  const h = fmix(high ^ fmix(low));
  const index = h >>> (32 - HLL_BITS);
  const rest = (h << HLL_BITS) | (1 << (HLL_BITS - 1));
  const rank = Math.clz32(rest) + 1;
  if (rank > registers[index]!) registers[index] = rank;
}

/** 2^-rank for every rank a register can hold. */
const INVERSE_POWERS = Float64Array.from({ length: 64 }, (_, rank) => 2 ** -rank);

function estimate(registers: Uint8Array): number {
  return estimateFromRanks(rankCounts(registers));
}

/**
 * How many registers hold each rank. Its own function: V8 optimizes the loop mid-call, and code
 * after the loop in the same function, never run before, would throw that code away on every call.
 */
function rankCounts(registers: Uint8Array): Float64Array {
  const ranks = new Float64Array(64);
  for (let i = 0; i < HLL_REGISTERS; i++) ranks[registers[i]!]!++;
  return ranks;
}

/** The estimate from the harmonic sum over 64 ranks, not 16,384 registers. */
function estimateFromRanks(ranks: Float64Array): number {
  let sum = 0;
  for (let rank = 0; rank < 64; rank++) sum += ranks[rank]! * INVERSE_POWERS[rank]!;
  const zeros = ranks[0]!;
  const alpha = 0.7213 / (1 + 1.079 / HLL_REGISTERS);
  const raw = (alpha * HLL_REGISTERS * HLL_REGISTERS) / sum;
  if (raw <= 2.5 * HLL_REGISTERS && zeros > 0) return Math.round(HLL_REGISTERS * Math.log(HLL_REGISTERS / zeros));
  return Math.round(raw);
}
