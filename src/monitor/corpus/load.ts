// Loads the labelled post corpus (src/monitor/corpus/*.ndjson): synthetic posts written for
// Telusur, each with its label and the gold facts it states. Absent facts are null.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { POST_LABELS, type PostDataType, type PostFacts, type PostLabel } from '../facts.js';
import { monitorDataPath } from '../paths.js';

export interface CorpusPost {
  id: string;
  label: PostLabel;
  text: string;
  /** Gold facts; `contacts` are not labelled and stay empty. */
  facts: PostFacts;
}

const priceSchema = z.object({
  amount: z.number().positive(),
  currency: z.string().regex(/^[A-Z]{3,4}$/),
  per: z.enum(['total', 'record']),
});
const lineSchema = z.object({
  id: z.string().min(1),
  label: z.enum(POST_LABELS),
  text: z.string().min(1),
  facts: z.object({
    recordCount: z.number().int().positive().optional(),
    bytes: z.number().int().positive().optional(),
    price: priceSchema.optional(),
    dataTypes: z.array(z.string()).optional(),
    victim: z.string().optional(),
    platform: z.string().optional(),
    seller: z.string().optional(),
  }).strict(),
}).strict();

export function corpusDir(): string {
  return monitorDataPath('corpus');
}

/** Reads every *.ndjson file of the corpus folder, sorted by name; throws naming file and line. */
export function loadCorpus(dir = corpusDir()): CorpusPost[] {
  const posts: CorpusPost[] = [];
  const seen = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ndjson')).sort()) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const parsed = lineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${name}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const { id, label, text, facts } = parsed.data;
      if (seen.has(id)) throw new Error(`${name}:${i + 1}: duplicate id ${id}`);
      seen.add(id);
      posts.push({
        id, label, text,
        facts: {
          recordCount: facts.recordCount ?? null,
          bytes: facts.bytes ?? null,
          price: facts.price ?? null,
          dataTypes: (facts.dataTypes ?? []) as PostDataType[],
          victim: facts.victim ?? null,
          platform: facts.platform ?? null,
          seller: facts.seller ?? null,
          contacts: [],
        },
      });
    });
  }
  return posts;
}
