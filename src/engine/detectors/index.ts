// The detector registry: one line per detector. Order matters only for ties in confidence.
import type { FieldDetector, TokenDetector } from '../types.js';
import { kkDetector } from './kk/kk.js';
import { nikDetector } from './nik/nik.js';

export type Detector = TokenDetector | FieldDetector | (TokenDetector & FieldDetector);

export const detectors: readonly Detector[] = [
  nikDetector,
  kkDetector,
];

export const isTokenDetector = (d: Detector): d is TokenDetector => 'confirm' in d;
export const isFieldDetector = (d: Detector): d is FieldDetector => 'confirmField' in d;
