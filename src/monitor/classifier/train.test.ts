import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../analyse.js';
import { corpusSha256, trainFromCorpus } from './train.js';
import { LinearModel, type LinearModelFile } from './linear-model.js';

describe('the stored post classifier', () => {
  const stored = JSON.parse(readFileSync(modelPath(), 'utf8')) as LinearModelFile;

  it('was trained from the corpus as it is now (retrain after editing the corpus)', () => {
    expect(stored.training.corpusSha256).toBe(corpusSha256());
  });

  it('is reproduced exactly by the training script', () => {
    expect(trainFromCorpus()).toEqual(stored);
  });

  it('refuses a model file of another format', () => {
    expect(() => LinearModel.fromFile({ ...stored, version: 2 as 1 })).toThrow(/unsupported model format/);
  });
});
