// The detector registry: one line per detector. Order matters only for ties in confidence.
import type { FieldDetector, TokenDetector } from '../types.js';
import { addressDetector } from './address/address.js';
import { bankAccountDetector } from './bank-account/bank-account.js';
import { biometricDetector } from './biometric/biometric.js';
import { bpjsDetector } from './bpjs/bpjs.js';
import { creditCardDetector } from './credit-card/credit-card.js';
import { dateOfBirthDetector } from './date-of-birth/date-of-birth.js';
import { emailDetector } from './email/email.js';
import { healthDetector } from './health/health.js';
import { ipAddressDetector } from './ip-address/ip-address.js';
import { kkDetector } from './kk/kk.js';
import { motherMaidenNameDetector } from './mother-maiden-name/mother-maiden-name.js';
import { nikDetector } from './nik/nik.js';
import { npwpDetector } from './npwp/npwp.js';
import { passportDetector } from './passport/passport.js';
import { passwordDetector } from './password/password.js';
import { personNameDetector } from './person-name/person-name.js';
import { phoneDetector } from './phone/phone.js';
import { religionDetector } from './religion/religion.js';

export type Detector = TokenDetector | FieldDetector | (TokenDetector & FieldDetector);

export const detectors: readonly Detector[] = [
  nikDetector,
  kkDetector,
  npwpDetector,
  phoneDetector,
  emailDetector,
  creditCardDetector,
  bpjsDetector,
  passportDetector,
  bankAccountDetector,
  dateOfBirthDetector,
  personNameDetector,
  addressDetector,
  motherMaidenNameDetector,
  religionDetector,
  healthDetector,
  biometricDetector,
  passwordDetector,
  ipAddressDetector,
];

export const isTokenDetector = (d: Detector): d is TokenDetector => 'confirm' in d;
export const isFieldDetector = (d: Detector): d is FieldDetector => 'confirmField' in d;
