// The high-severity rule of issue 5: specific data under UU PDP Art. 4 (health, biometric,
// children's data) or more than one million records.
import type { PostFacts } from '../facts.js';

export interface Severity { level: 'high' | 'normal'; reasons: string[] }

const MINOR_WORDS = /\b(siswa|murid|pelajar|anak|anak-anak|balita|tk|sd|smp|sma|dapodik|nisn|minors?|students?|children|child|kids)\b/i;

export function severityOf(text: string, facts: Pick<PostFacts, 'dataTypes' | 'recordCount'>): Severity {
  const reasons: string[] = [];
  if (facts.dataTypes.includes('HEALTH')) reasons.push('data kesehatan / health data');
  if (facts.dataTypes.includes('BIOMETRIC')) reasons.push('data biometrik / biometric data');
  if (MINOR_WORDS.test(text)) reasons.push('data anak / children\'s data');
  if (facts.recordCount !== null && facts.recordCount > 1_000_000) reasons.push(`lebih dari 1 juta data / over 1 million records (${facts.recordCount})`);
  return { level: reasons.length > 0 ? 'high' : 'normal', reasons };
}
