// Finds the next "structural" byte (a delimiter, a newline, a quote…) without a JS byte loop:
// a WebAssembly SIMD kernel (wasm/structural.wat) lists the offsets of every byte equal to one
// of three targets, 1 MB at a time, at ~5 GB/s; the parser then walks that list. This is what
// lets the CSV/TSV and COPY readers spend their time per field, not per byte.
//
// One wasm instance per thread, shared by every index: an index is valid only within one scan
// call (reset() at the start), which holds because parsers are synchronous; when two indexes
// take turns (SQL: COPY rows and INSERT strings), the one that lost the memory reloads.

const KERNEL =
  'AGFzbQEAAAABCwFgBn9/f39/fwF/AwIBAAUDAQABBxICBm1lbW9yeQIABWluZGV4AAAKsgEBrwECA38FeyAD/Q8hCSAE/Q8hCiAF/Q8hCyACIQgCQANAIAYgAU8NASAAIAZq/QAEACEMIAAgBmr9AAQQIQ0gDCAJ/SMgDCAK/SP9UCAMIAv9I/1Q/WQgDSAJ/SMgDSAK/SP9UCANIAv9I/1Q/WRBEHRyIQcCQANAIAdFDQEgCCAGIAdoajYCACAIQQRqIQggByAHQQFrcSEHDAALCyAGQSBqIQYMAAsLIAggAmtBAnYL';

const SLICE = 1 << 20;
const FIRST_SLICE = 1 << 16;
const PAD = 32;
const OUT = SLICE + PAD;

interface Kernel {
  /** The index whose slice is in memory now: several indexes may take turns in one scan. */
  owner: StructuralIndex | null;
  index(input: number, length: number, out: number, a: number, b: number, c: number): number;
  bytes: Uint8Array;
  positions: Int32Array;
}

// The ES2023 lib has no WebAssembly types (they live in the DOM lib): declare what is used.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
interface WasmMemory { buffer: ArrayBuffer; grow(pages: number): number }
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let kernel: Kernel | null = null;

function loadKernel(): Kernel {
  if (kernel) return kernel;
  const instance = new wasm.Instance(new wasm.Module(Buffer.from(KERNEL, 'base64')));
  const memory = instance.exports['memory'] as WasmMemory;
  const pages = Math.ceil((OUT + SLICE * 4) / 65536);
  memory.grow(pages - memory.buffer.byteLength / 65536);
  kernel = {
    owner: null,
    index: instance.exports['index'] as Kernel['index'],
    bytes: new Uint8Array(memory.buffer, 0, OUT),
    positions: new Int32Array(memory.buffer, OUT, SLICE),
  };
  return kernel;
}

export class StructuralIndex {
  private readonly kernel = loadKernel();
  private buf: Uint8Array = new Uint8Array(0);
  private to = 0;
  private sliceFrom = 0;
  private sliceTo = 0;
  private count = 0;
  private cursor = 0;
  private last = 0;
  private slice = FIRST_SLICE;

  constructor(private readonly a: number, private readonly b: number, private readonly c: number) {}

  /** Starts answering for buf[…, to). Call at the start of every scan. */
  reset(buf: Uint8Array, to: number): void {
    this.buf = buf;
    this.to = to;
    this.sliceFrom = this.sliceTo = this.count = this.cursor = this.last = 0;
  }

  private load(from: number): void {
    const k = this.kernel;
    // Slices grow 64 KB → 1 MB while the scan stays sequential, so indexes that take turns
    // (and so reload often) do not index far past what they use.
    const continuing = from === this.sliceTo && k.owner === this;
    this.slice = continuing ? Math.min(SLICE, this.slice * 2) : FIRST_SLICE;
    const length = Math.min(this.slice, this.to - from);
    k.bytes.set(this.buf.subarray(from, from + length), 0);
    k.bytes.fill(0, length, length + PAD);
    this.count = k.index(0, length, OUT, this.a, this.b, this.c);
    k.owner = this;
    this.cursor = 0;
    this.sliceFrom = from;
    this.sliceTo = from + length;
  }

  /**
   * Indexes the next slice, starting at `from`, for a caller that walks every position itself
   * (CSV): returns how many there are; they are `positions[0, count)` + from, below `sliceEnd`.
   */
  indexFrom(from: number): number {
    this.load(from);
    return this.count;
  }

  get positions(): Int32Array {
    return this.kernel.positions;
  }

  get sliceEnd(): number {
    return this.sliceTo;
  }

  /** The first position >= i holding a target byte, or `to` when there is none. */
  next(i: number): number {
    if (i < this.last || i < this.sliceFrom || i > this.sliceTo || this.kernel.owner !== this) {
      if (i >= this.to) return this.to;
      this.load(i);
    }
    this.last = i;
    const positions = this.kernel.positions;
    for (;;) {
      while (this.cursor < this.count) {
        const p = positions[this.cursor]! + this.sliceFrom;
        if (p >= i) return p;
        this.cursor++;
      }
      if (this.sliceTo >= this.to) return this.to;
      this.load(this.sliceTo);
    }
  }
}
