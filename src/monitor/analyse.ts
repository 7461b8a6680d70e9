// Understanding one post: extract its facts, classify it, and explain the verdict in words.
import { readFileSync } from 'node:fs';
import type { PostLabel } from './facts.js';
import { extractFacts, seedVictimResolver, tokenize, type ExtractedFacts, type VictimResolver } from './extract/index.js';
import { postFeatures } from './classifier/features.js';
import { LinearModel, type LinearModelFile } from './classifier/linear-model.js';
import { monitorDataPath } from './paths.js';

export interface PostAnalysis {
  label: PostLabel;
  score: number;
  probabilities: Record<PostLabel, number>;
  facts: ExtractedFacts;
  explain: string[];
}

export interface AnalyserOptions {
  model?: LinearModel;
  victims?: VictimResolver;
  /** Scan the post for personal data with the engine (default true). */
  scanPii?: boolean;
  asOf?: Date;
  /** The project's keyed finding hasher, to match samples across posts without keeping values. */
  findingHash?: (normalized: string) => string;
}

export function modelPath(): string {
  return monitorDataPath('classifier', 'model.json');
}

let storedModel: LinearModel | undefined;
/** The model trained from the corpus and kept in the repository (classifier/model.json). */
export function loadStoredModel(): LinearModel {
  storedModel ??= LinearModel.fromFile(JSON.parse(readFileSync(modelPath(), 'utf8')) as LinearModelFile);
  return storedModel;
}

export class PostAnalyser {
  private readonly model: LinearModel;
  private readonly victims: VictimResolver;

  constructor(private readonly options: AnalyserOptions = {}) {
    this.model = options.model ?? loadStoredModel();
    this.victims = options.victims ?? seedVictimResolver();
  }

  analyse(text: string): PostAnalysis {
    const tokens = tokenize(text);
    const { asOf, findingHash } = this.options;
    const facts = extractFacts(text, { victims: this.victims, scanPii: this.options.scanPii ?? true, ...(asOf ? { asOf } : {}), ...(findingHash ? { findingHash } : {}) }, tokens);
    const features = postFeatures(tokens, facts);
    const prediction = this.model.predict(features.names);
    const explain = [`${prediction.label} ${prediction.score.toFixed(2)} (offer ${prediction.probabilities.offer.toFixed(2)}, report ${prediction.probabilities.report.toFixed(2)}, other ${prediction.probabilities.other.toFixed(2)})`];
    if (facts.piiError) explain.push(`PII scan failed (${facts.piiError}); other facts unaffected`);
    const seen = new Set<string>();
    for (const [feature, push] of prediction.contributions) {
      const what = describeFeature(feature, features.cues);
      if (!seen.has(what)) { seen.add(what); explain.push(`${what} +${push.toFixed(2)}`); }
    }
    return { label: prediction.label, score: prediction.score, probabilities: prediction.probabilities, facts, explain };
  }
}

/** A feature name as an analyst reads it. */
function describeFeature(feature: string, cues: ReadonlyArray<{ cue: string; phrase: string }>): string {
  const colon = feature.indexOf(':');
  const kind = feature.slice(0, colon);
  const value = feature.slice(colon + 1);
  switch (kind) {
    case 'w': return value === '#' ? 'a number' : `word "${value}"`;
    case 'b': return `phrase "${value.replace(/#/g, '<n>')}"`;
    case 'c': return `spelling "${value.replace(/\^|\$/g, '')}"`;
    case 'cue': {
      const phrases = [...new Set(cues.filter((c) => c.cue === value).map((c) => c.phrase))].slice(0, 3);
      return `${value} cue (${phrases.map((p) => `"${p}"`).join(', ')})`;
    }
    case 'fact': return `fact ${value}`;
    case 'first': return `opens with "${value === '#' ? '<n>' : value}"`;
    case 'opens': return `opens with a ${value} cue`;
    default: return feature;
  }
}
