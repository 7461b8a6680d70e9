// Measures the post classifier by stratified k-fold cross-validation on the corpus, and the
// extractor by exact match against the gold facts of the offer and report posts that state them.
import type { CorpusPost } from './corpus/load.js';
import { POST_LABELS, type PostFacts, type PostLabel } from './facts.js';
import { extractFacts } from './extract/index.js';
import { trainingExample } from './classifier/train.js';
import { DEFAULT_TRAIN_OPTIONS, LinearModel, mulberry32, shuffle, type TrainOptions } from './classifier/linear-model.js';

export interface LabelScores { precision: number; recall: number; f1: number; support: number }

export interface ClassificationReport {
  folds: number;
  perLabel: Record<PostLabel, LabelScores>;
  accuracy: number;
  /** confusion[gold][predicted] */
  confusion: Record<PostLabel, Record<PostLabel, number>>;
  errors: Array<{ id: string; gold: PostLabel; predicted: PostLabel; score: number }>;
}

/** Stratified folds: each label's posts are shuffled with a fixed seed and dealt round-robin. */
export function stratifiedFolds(posts: readonly CorpusPost[], k: number, seed = 7): number[] {
  const fold = new Array<number>(posts.length).fill(0);
  const random = mulberry32(seed);
  for (const label of POST_LABELS) {
    const idx = posts.map((p, i) => (p.label === label ? i : -1)).filter((i) => i >= 0);
    shuffle(idx, random);
    idx.forEach((postIndex, n) => { fold[postIndex] = n % k; });
  }
  return fold;
}

export function crossValidate(posts: readonly CorpusPost[], k = 5, options: TrainOptions = DEFAULT_TRAIN_OPTIONS): ClassificationReport {
  const examples = posts.map(trainingExample);
  const fold = stratifiedFolds(posts, k);
  const confusion = emptyConfusion();
  const errors: ClassificationReport['errors'] = [];
  for (let f = 0; f < k; f++) {
    const model = LinearModel.train(examples.filter((_, i) => fold[i] !== f), options);
    examples.forEach((e, i) => {
      if (fold[i] !== f) return;
      const prediction = model.predict(e.features, 0);
      confusion[e.label][prediction.label]++;
      if (prediction.label !== e.label) errors.push({ id: posts[i]!.id, gold: e.label, predicted: prediction.label, score: prediction.score });
    });
  }
  return summarize(k, posts.length, confusion, errors);
}

/** Scores a trained model on posts it never saw (the held-out set). */
export function evaluateModel(posts: readonly CorpusPost[], model: LinearModel): ClassificationReport {
  const confusion = emptyConfusion();
  const errors: ClassificationReport['errors'] = [];
  for (const post of posts) {
    const prediction = model.predict(trainingExample(post).features, 0);
    confusion[post.label][prediction.label]++;
    if (prediction.label !== post.label) errors.push({ id: post.id, gold: post.label, predicted: prediction.label, score: prediction.score });
  }
  return summarize(0, posts.length, confusion, errors);
}

function emptyConfusion(): ClassificationReport['confusion'] {
  return Object.fromEntries(POST_LABELS.map((g) => [g, Object.fromEntries(POST_LABELS.map((p) => [p, 0]))])) as ClassificationReport['confusion'];
}

function summarize(folds: number, total: number, confusion: ClassificationReport['confusion'], errors: ClassificationReport['errors']): ClassificationReport {
  const perLabel = {} as Record<PostLabel, LabelScores>;
  let correct = 0;
  for (const label of POST_LABELS) {
    const tp = confusion[label][label];
    correct += tp;
    const predicted = POST_LABELS.reduce((s, g) => s + confusion[g][label], 0);
    const support = POST_LABELS.reduce((s, p) => s + confusion[label][p], 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    perLabel[label] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support };
  }
  errors.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { folds, perLabel, accuracy: correct / total, confusion, errors };
}

export const EVALUATED_FACTS = ['recordCount', 'bytes', 'price', 'victim', 'dataTypes', 'platform', 'seller'] as const;
export type EvaluatedFact = (typeof EVALUATED_FACTS)[number];

export interface FactScores {
  /** Offer/report posts whose gold states the fact, and how many of those match exactly. */
  stated: number;
  exact: number;
  /** Offer/report posts that do not state it but where the extractor still found a value. */
  notStated: number;
  spurious: number;
  mismatches: Array<{ id: string; gold: unknown; got: unknown }>;
}

function comparable(fact: EvaluatedFact, facts: PostFacts): string {
  const v = facts[fact];
  if (fact === 'dataTypes') return JSON.stringify([...(v as string[])].sort());
  if (fact === 'seller' && typeof v === 'string') return v.toLowerCase();
  return JSON.stringify(v);
}

function isStated(fact: EvaluatedFact, facts: PostFacts): boolean {
  return fact === 'dataTypes' ? facts.dataTypes.length > 0 : facts[fact] !== null;
}

export function evaluateExtraction(posts: readonly CorpusPost[]): Record<EvaluatedFact, FactScores> {
  const scores = Object.fromEntries(EVALUATED_FACTS.map((f) => [f, { stated: 0, exact: 0, notStated: 0, spurious: 0, mismatches: [] }])) as unknown as Record<EvaluatedFact, FactScores>;
  for (const post of posts) {
    if (post.label === 'other') continue;
    const got = extractFacts(post.text, { scanPii: false });
    for (const fact of EVALUATED_FACTS) {
      const s = scores[fact];
      if (isStated(fact, post.facts)) {
        s.stated++;
        if (comparable(fact, post.facts) === comparable(fact, got)) s.exact++;
        else s.mismatches.push({ id: post.id, gold: post.facts[fact], got: got[fact] });
      } else {
        s.notStated++;
        if (isStated(fact, got)) { s.spurious++; s.mismatches.push({ id: post.id, gold: post.facts[fact], got: got[fact] }); }
      }
    }
  }
  return scores;
}
