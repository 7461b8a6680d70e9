// The one way the web app talks to the server: JSON over /api/v1 with the session cookie and a
// CSRF token on every write. Errors become ApiError with the server's stable code and message.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The server answers in Indonesian and English; pages pick the one the user reads. */
    readonly messageEn: string = message,
  ) {
    super(message);
  }
}

type ErrorBody = { error?: { code?: string; message?: string; messageEn?: string } };

function errorFromBody(status: number, statusText: string, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  const message = error?.message ?? statusText;
  return new ApiError(status, error?.code ?? `http_${status}`, message, error?.messageEn ?? message);
}

let csrfToken: string | null = null;
let sessionLost: () => void = () => undefined;

/** Called when the server says the session is gone (expired, or signed out elsewhere). */
export function onSessionLost(handler: () => void): void {
  sessionLost = handler;
}

/** The server hands the token out at login and on /auth/me; it also may set it as a readable cookie. */
export function rememberCsrf(token: string | null | undefined): void {
  if (token) csrfToken = token;
}

function csrfFromCookie(): string | null {
  const match = /(?:^|;\s*)telusur_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

function headersFor(method: string, body: unknown): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken ?? csrfFromCookie();
    if (token) headers['x-csrf-token'] = token;
  }
  return headers;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: keep the status text
  }
  return errorFromBody(response.status, response.statusText, body);
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: headersFor(method, body),
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.code === 'UNAUTHENTICATED') sessionLost();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);

/**
 * Streams a file to the server with upload progress, which fetch() cannot report.
 * The file goes as multipart form data, never read whole into memory here.
 */
export function uploadWithProgress<T>(path: string, file: File, onProgress: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1${path}`);
    request.withCredentials = true;
    const token = csrfToken ?? csrfFromCookie();
    if (token) request.setRequestHeader('x-csrf-token', token);
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else {
        reject(errorFromBody(request.status, request.statusText, body));
      }
    };
    request.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
