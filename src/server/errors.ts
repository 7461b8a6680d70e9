// Errors the API returns, made by factories with a stable code. The client sees
// { error: { code, message, messageEn, details? } } — Indonesian first, English beside it —
// and never a stack trace. `reportable` marks errors an operator should look at.

export interface ErrorDetail {
  path: string;
  message: string;
  messageEn?: string;
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly details?: ErrorDetail[],
    readonly reportable = false,
  ) {
    super(message);
  }

  toJSON(): { error: { code: string; message: string; messageEn: string; details?: ErrorDetail[] } } {
    return { error: { code: this.code, message: this.message, messageEn: this.messageEn, ...(this.details ? { details: this.details } : {}) } };
  }
}

const resourceNames: Record<string, [string, string]> = {
  incident: ['Insiden', 'Incident'],
  alert: ['Peringatan', 'Alert'],
  organization: ['Organisasi', 'Organization'],
  user: ['Pengguna', 'User'],
  token: ['Token API', 'API token'],
  task: ['Tugas', 'Task'],
  evidence: ['Barang bukti', 'Evidence'],
  analysis: ['Analisis', 'Analysis'],
  notification: ['Notifikasi', 'Notification'],
  route: ['Rute', 'Route'],
};

export const errors = {
  unauthenticated: () => new ApiError(401, 'UNAUTHENTICATED', 'Anda harus masuk terlebih dahulu', 'Authentication required'),
  loginFailed: () => new ApiError(401, 'LOGIN_FAILED', 'Email atau kata sandi salah', 'Wrong e-mail or password'),
  forbidden: () => new ApiError(403, 'FORBIDDEN', 'Peran Anda tidak diizinkan melakukan ini', 'Your role is not allowed to do this'),
  csrf: () =>
    new ApiError(403, 'CSRF_TOKEN_INVALID', 'Token CSRF hilang atau salah (header X-CSRF-Token)', 'Missing or wrong CSRF token (X-CSRF-Token header)'),
  notFound: (resource: keyof typeof resourceNames | string) => {
    const [id, en] = resourceNames[resource] ?? [resource, resource];
    return new ApiError(404, `${resource.toUpperCase()}_NOT_FOUND`, `${id} tidak ditemukan`, `${en} not found`);
  },
  validation: (details: ErrorDetail[]) =>
    new ApiError(400, 'VALIDATION_FAILED', 'Masukan tidak valid', 'Invalid input', details),
  badRequest: (code: string, message: string, messageEn: string) => new ApiError(400, code, message, messageEn),
  conflict: (code: string, message: string, messageEn: string) => new ApiError(409, code, message, messageEn),
  invalidTransition: (from: string, to: string) =>
    new ApiError(
      409,
      'INCIDENT_STATUS_TRANSITION_INVALID',
      `Status insiden tidak dapat berubah dari "${from}" ke "${to}"`,
      `Incident status cannot change from "${from}" to "${to}"`,
    ),
  tooLarge: (limit: number) =>
    new ApiError(
      413,
      'EVIDENCE_TOO_LARGE',
      `Berkas melebihi batas ukuran ${limit} byte`,
      `File exceeds the size limit of ${limit} bytes`,
    ),
  accountLocked: () =>
    new ApiError(
      429,
      'ACCOUNT_LOCKED',
      'Terlalu banyak percobaan masuk yang gagal untuk akun ini; coba lagi dalam 15 menit',
      'Too many failed sign-ins for this account; try again in 15 minutes',
    ),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      'RATE_LIMITED',
      `Terlalu banyak percobaan; coba lagi dalam ${retryAfterSeconds} detik`,
      `Too many attempts; try again in ${retryAfterSeconds} seconds`,
    ),
  internal: () => new ApiError(500, 'INTERNAL_ERROR', 'Terjadi kesalahan di server', 'Internal server error', undefined, true),
};
