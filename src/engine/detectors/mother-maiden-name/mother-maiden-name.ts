// MOTHER_MAIDEN_NAME: the mother's maiden name (nama ibu kandung), the classic bank security
// answer, so leaking it enables account takeover. Same name test as PERSON_NAME, its own label.
import type { FieldDetector } from '../../types.js';
import { nameDetector } from '../person-name/person-name.js';

export const motherMaidenNameDetector: FieldDetector = nameDetector('MOTHER_MAIDEN_NAME', 'mother-maiden-name.letters+label');
