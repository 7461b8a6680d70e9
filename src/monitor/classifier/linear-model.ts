// A multinomial logistic-regression model over sparse binary features, trained with AdaGrad.
// Deterministic: the same examples and options give the same weights, bit for bit.
import { POST_LABELS, type PostLabel } from '../facts.js';

export interface TrainingExample { features: readonly string[]; label: PostLabel }

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Features seen in fewer training posts are dropped (noise, and a smaller model file). */
  minDocumentFrequency: number;
  seed: number;
  /** Scale each post's features to unit length, so long posts do not shout. */
  normalize: boolean;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 20, learningRate: 0.1, l2: 1e-3, minDocumentFrequency: 2, seed: 20241, normalize: true };

/** The stored model: what classifier/model.json holds. */
export interface LinearModelFile {
  format: 'telusur.posts.linear-model';
  version: 1;
  labels: PostLabel[];
  bias: number[];
  weights: Record<string, number[]>;
  training: { posts: number; corpusSha256: string; options: TrainOptions };
}

export interface Prediction {
  label: PostLabel;
  /** Probability of `label` under the model, 0–1. */
  score: number;
  probabilities: Record<PostLabel, number>;
  /** Features that pushed towards `label`, strongest first: [feature, contribution]. */
  contributions: Array<[string, number]>;
}

const K = POST_LABELS.length;

export class LinearModel {
  private constructor(private readonly bias: number[], private readonly weights: Map<string, number[]>, private readonly normalize: boolean) {}

  static fromFile(file: LinearModelFile): LinearModel {
    if (file.format !== 'telusur.posts.linear-model' || file.version !== 1) throw new Error(`unsupported model format ${file.format} v${file.version}`);
    if (file.labels.join() !== POST_LABELS.join()) throw new Error(`model labels ${file.labels.join()} do not match ${POST_LABELS.join()}`);
    return new LinearModel(file.bias, new Map(Object.entries(file.weights)), file.training.options.normalize);
  }

  static train(examples: readonly TrainingExample[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): LinearModel {
    const df = new Map<string, number>();
    for (const e of examples) for (const f of e.features) df.set(f, (df.get(f) ?? 0) + 1);
    const vocabulary = [...df.entries()].filter(([, n]) => n >= options.minDocumentFrequency).map(([f]) => f).sort();
    const index = new Map(vocabulary.map((f, i) => [f, i]));
    const w = new Float64Array(vocabulary.length * K);
    const g2 = new Float64Array(vocabulary.length * K).fill(1e-8);
    const b = new Float64Array(K);
    const gb = new Float64Array(K).fill(1e-8);
    const encoded = examples.map((e) => ({
      ids: e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
      y: POST_LABELS.indexOf(e.label),
    }));
    const order = encoded.map((_, i) => i);
    const random = mulberry32(options.seed);
    const p = new Float64Array(K);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      for (const n of order) {
        const { ids, y } = encoded[n]!;
        const x = options.normalize && ids.length > 0 ? 1 / Math.sqrt(ids.length) : 1;
        for (let c = 0; c < K; c++) { let s = 0; for (const id of ids) s += w[id * K + c]!; p[c] = b[c]! + x * s; }
        softmaxInPlace(p);
        for (let c = 0; c < K; c++) {
          const grad = p[c]! - (c === y ? 1 : 0);
          gb[c]! += grad * grad;
          b[c]! -= (options.learningRate * grad) / Math.sqrt(gb[c]!);
          for (const id of ids) {
            const k = id * K + c;
            const g = grad * x + options.l2 * w[k]!;
            g2[k]! += g * g;
            w[k]! -= (options.learningRate * g) / Math.sqrt(g2[k]!);
          }
        }
      }
    }
    const weights = new Map<string, number[]>();
    vocabulary.forEach((f, i) => {
      const row = Array.from(w.subarray(i * K, i * K + K), round4);
      if (row.some((x) => x !== 0)) weights.set(f, row);
    });
    return new LinearModel(Array.from(b, round4), weights, options.normalize);
  }

  predict(features: readonly string[], explainTop = 6): Prediction {
    const rows: Array<[string, number[]]> = [];
    for (const f of features) {
      const row = this.weights.get(f);
      if (row) rows.push([f, row]);
    }
    const x = this.normalize && rows.length > 0 ? 1 / Math.sqrt(rows.length) : 1;
    const s = [...this.bias];
    for (const [, row] of rows) for (let c = 0; c < K; c++) s[c]! += x * row[c]!;
    const p = Float64Array.from(s);
    softmaxInPlace(p);
    let best = 0;
    for (let c = 1; c < K; c++) if (p[c]! > p[best]!) best = c;
    // A feature's push towards the winner: its weight there minus its mean weight elsewhere.
    const contributions: Array<[string, number]> = [];
    for (const [f, row] of rows) {
      let others = 0;
      for (let c = 0; c < K; c++) if (c !== best) others += row[c]!;
      const push = x * (row[best]! - others / (K - 1));
      if (push > 0) contributions.push([f, round4(push)]);
    }
    contributions.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const probabilities = Object.fromEntries(POST_LABELS.map((l, c) => [l, round4(p[c]!)])) as Record<PostLabel, number>;
    return { label: POST_LABELS[best]!, score: round4(p[best]!), probabilities, contributions: contributions.slice(0, explainTop) };
  }

  toFile(training: LinearModelFile['training']): LinearModelFile {
    const weights: Record<string, number[]> = {};
    for (const f of [...this.weights.keys()].sort()) weights[f] = this.weights.get(f)!;
    return { format: 'telusur.posts.linear-model', version: 1, labels: [...POST_LABELS], bias: this.bias, weights, training };
  }

  get featureCount(): number {
    return this.weights.size;
  }
}

function softmaxInPlace(p: Float64Array): void {
  let max = -Infinity;
  for (const x of p) max = Math.max(max, x);
  let sum = 0;
  for (let c = 0; c < p.length; c++) { p[c] = Math.exp(p[c]! - max); sum += p[c]!; }
  for (let c = 0; c < p.length; c++) p[c]! /= sum;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Small seeded PRNG so that training order, and so the model, is reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
