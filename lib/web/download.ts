/** A file for the browser to save (or show, `inline`), never cached: the body may hold personal data. */
export function downloadResponse(file: {
  body: string | Uint8Array;
  contentType: string;
  filename: string;
}): Response {
  const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
  return new Response(body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
    },
  });
}

/** Today's date for a download's file name (`auditlog-2026-12-07.csv`). */
export const fileDate = () => new Date().toISOString().slice(0, 10);
