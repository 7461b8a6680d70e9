// Trains the post classifier from the labelled corpus and writes classifier/model.json.
// Reproducible: `npx tsx src/monitor/classifier/train.ts` on the same corpus gives the same file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusDir, loadCorpus, type CorpusPost } from '../corpus/load.js';
import { extractFacts, tokenize } from '../extract/index.js';
import { postFeatures } from './features.js';
import { DEFAULT_TRAIN_OPTIONS, LinearModel, type LinearModelFile, type TrainingExample, type TrainOptions } from './linear-model.js';
import { modelPath } from '../analyse.js';

/** Features of a corpus post, as the analyser computes them (personal-data scan is not a feature). */
export function trainingExample(post: CorpusPost): TrainingExample {
  const tokens = tokenize(post.text);
  const facts = extractFacts(post.text, { scanPii: false }, tokens);
  return { features: postFeatures(tokens, facts).names, label: post.label };
}

export function corpusSha256(dir = corpusDir()): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ndjson')).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex');
}

export function trainFromCorpus(options: TrainOptions = DEFAULT_TRAIN_OPTIONS): LinearModelFile {
  const posts = loadCorpus();
  const model = LinearModel.train(posts.map(trainingExample), options);
  return model.toFile({ posts: posts.length, corpusSha256: corpusSha256(), options });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = trainFromCorpus();
  writeFileSync(modelPath(), `${JSON.stringify(file)}\n`);
  console.log(`model: ${Object.keys(file.weights).length} features from ${file.training.posts} posts → ${modelPath()}`);
}
