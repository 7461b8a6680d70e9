// Turns anything thrown into the API's error shape. Known client errors keep their status and a
// stable code; everything else becomes INTERNAL_ERROR with no stack and no message from inside.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, errors } from '../errors.js';

const fastifyCodes: Record<string, () => ApiError> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Jenis konten tidak didukung', 'Unsupported content type'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => errors.badRequest('BODY_INVALID', 'Badan JSON kosong', 'Empty JSON body'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => errors.badRequest('BODY_INVALID', 'Badan JSON tidak valid', 'Invalid JSON body'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new ApiError(413, 'BODY_TOO_LARGE', 'Badan permintaan terlalu besar', 'Request body too large'),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () =>
    errors.badRequest('MULTIPART_REQUIRED', 'Unggahan harus multipart/form-data', 'Upload must be multipart/form-data'),
};

/** PostgreSQL SQLSTATEs that mean the request was wrong, not the server (same on pg and PGlite). */
const databaseCodes: Record<string, () => ApiError> = {
  '23503': () => errors.badRequest('REFERENCE_NOT_FOUND', 'Data yang dirujuk tidak ditemukan', 'A referenced record does not exist'),
  '23505': () => errors.conflict('ALREADY_EXISTS', 'Data yang sama sudah ada', 'The same record already exists'),
  '22003': () => errors.badRequest('VALUE_OUT_OF_RANGE', 'Nilai di luar jangkauan', 'Value out of range'),
};

export function installErrorHandler(app: FastifyInstance, maxUploadBytes: number): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    let api: ApiError;
    if (error instanceof ApiError) api = error;
    else if (error.code && fastifyCodes[error.code]) api = fastifyCodes[error.code]!();
    else if (error.code && databaseCodes[error.code]) api = databaseCodes[error.code]!();
    else if (error.code === 'FST_REQ_FILE_TOO_LARGE') api = errors.tooLarge(maxUploadBytes);
    else if (error.statusCode === 429) api = errors.rateLimited(60);
    else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      api = errors.badRequest('BAD_REQUEST', 'Permintaan tidak valid', 'Bad request');
      api = new ApiError(error.statusCode, api.code, api.message, api.messageEn);
    } else {
      // Log the class and code only: messages of database errors can quote input values.
      req.log.error({ err: { type: error.name, code: error.code, stack: error.stack?.split('\n').slice(1).join('\n') } }, 'unhandled error');
      api = errors.internal();
    }
    reply.code(api.statusCode).type('application/json; charset=utf-8').send(api.toJSON());
  });
}
