import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus/load.js';
import { crossValidate, evaluateExtraction, stratifiedFolds } from './evaluate.js';

const posts = loadCorpus();

describe('the labelled corpus', () => {
  it('holds at least 400 posts of every label, with unique ids', () => {
    expect(posts.length).toBeGreaterThanOrEqual(400);
    for (const label of ['offer', 'report', 'other']) expect(posts.filter((p) => p.label === label).length).toBeGreaterThanOrEqual(100);
  });

  it('deals every label evenly across folds', () => {
    const fold = stratifiedFolds(posts, 5);
    const offersPerFold = [0, 1, 2, 3, 4].map((f) => posts.filter((p, i) => p.label === 'offer' && fold[i] === f).length);
    expect(Math.max(...offersPerFold) - Math.min(...offersPerFold)).toBeLessThanOrEqual(1);
  });
});

describe('quality bars of issue 5', () => {
  it('classifies offers with cross-validated F1 ≥ 0.9', () => {
    expect(crossValidate(posts, 5).perLabel.offer.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('extracts record count, price and victim with exact match ≥ 0.9 where posts state them', () => {
    const scores = evaluateExtraction(posts);
    for (const fact of ['recordCount', 'price', 'victim'] as const) {
      expect(scores[fact].exact / scores[fact].stated, fact).toBeGreaterThanOrEqual(0.9);
    }
  });
});
