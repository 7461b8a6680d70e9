// Post classify+extract throughput on one core (the calling thread): the corpus posts, cycled for
// a fixed time, through the same analyser `telusur posts classify` uses. Target ≥ 2,000 posts/s.
// Run alone: `npx tsx bench/posts.ts`; `npm run bench` calls runBench().
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../src/monitor/corpus/load.js';
import { PostAnalyser } from '../src/monitor/analyse.js';

const TARGET_POSTS_PER_SECOND = 2000;

export interface PostsBenchResult { postsPerSecond: number; posts: number; seconds: number; scanPii: boolean }

export function measurePosts(scanPii: boolean, seconds = Number(process.env.BENCH_POSTS_SECONDS ?? 3)): PostsBenchResult {
  const texts = loadCorpus().map((p) => p.text);
  const analyser = new PostAnalyser({ scanPii, asOf: new Date('2026-11-23') });
  for (const t of texts) analyser.analyse(t); // warm-up: JIT and lazy tables
  let posts = 0;
  const started = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (const t of texts) analyser.analyse(t);
    posts += texts.length;
    elapsed = process.hrtime.bigint() - started;
  }
  const s = Number(elapsed) / 1e9;
  return { postsPerSecond: posts / s, posts, seconds: s, scanPii };
}

export async function runBench(): Promise<string> {
  const lines = [`Posts classify+extract, one core, ${loadCorpus().length} corpus posts cycled`];
  for (const scanPii of [true, false]) {
    const r = measurePosts(scanPii);
    const verdict = r.postsPerSecond >= TARGET_POSTS_PER_SECOND ? 'PASS' : 'FAIL';
    lines.push(`${scanPii ? 'with engine PII scan ' : 'without PII scan     '} ${r.postsPerSecond.toFixed(0).padStart(7)} posts/s  (${r.posts} posts in ${r.seconds.toFixed(2)} s; target ≥ ${TARGET_POSTS_PER_SECOND}: ${verdict})`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runBench());
}
