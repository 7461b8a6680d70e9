// Builds a multipart/form-data request body with one file (the demo loader and tests upload with it).
/** Builds a multipart/form-data body with one file, for upload tests. */
export function multipartBody(fileName: string, content: Buffer, description?: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----telusur${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (description) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n${description}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
