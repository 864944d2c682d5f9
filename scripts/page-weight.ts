/**
 * What a browser downloads for one page of the web app: the HTML (with the React Server
 * Components payload Next.js inlines in it) and every script it names, raw and gzipped (as a
 * reverse proxy with `encode gzip` sends it). For bench:web and bench:web-load.
 */
import { gzipSync } from 'node:zlib';

export type TPageWeight = {
  htmlBytes: number;
  htmlGzipBytes: number;
  /** The part of the HTML that is the inlined RSC payload (`self.__next_f.push(…)` scripts). */
  rscPayloadBytes: number;
  jsBytes: number;
  jsGzipBytes: number;
  jsFiles: number;
  totalBytes: number;
};

export async function measurePageWeight(opts: { url: string; cookie: string }): Promise<TPageWeight> {
  const res = await fetch(opts.url, { headers: { cookie: opts.cookie }, redirect: 'manual' });
  if (res.status !== 200) throw new Error(`${opts.url}: HTTP ${res.status}`);
  const html = Buffer.from(await res.arrayBuffer());
  const text = html.toString('utf8');
  const rscPayloadBytes = [...text.matchAll(/<script[^>]*>self\.__next_f\.push\(.*?\)<\/script>/gs)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[0]),
    0,
  );
  const scripts = new Set(
    [
      // A nomodule script (the polyfills) is skipped by every browser that runs modules.
      ...text.matchAll(/<script(?![^>]*nomodule)[^>]*\ssrc="([^"]+)"/gi),
      ...text.matchAll(/<link[^>]*as="script"[^>]*href="([^"]+)"/g),
    ]
      .map((m) => m[1]!.replaceAll('&amp;', '&'))
      .filter((src) => src.startsWith('/')),
  );
  let jsBytes = 0;
  let jsGzipBytes = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, opts.url))).arrayBuffer());
    jsBytes += body.length;
    jsGzipBytes += gzipSync(body).length;
  }
  return {
    htmlBytes: html.length,
    htmlGzipBytes: gzipSync(html).length,
    rscPayloadBytes,
    jsBytes,
    jsGzipBytes,
    jsFiles: scripts.size,
    totalBytes: html.length + jsBytes,
  };
}
