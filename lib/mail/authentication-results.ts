/**
 * Reads Authentication-Results headers (RFC 8601) from a raw message. Anyone can write such a
 * header into a mail, so the caller trusts only the one stamped by its own receiving MTA:
 * the topmost header carrying the mailbox's configured authserv-id.
 */

export type TAuthResultEntry = { method: string; result: string; props: Record<string, string> };
export type TAuthResultsHeader = { authservId: string; entries: TAuthResultEntry[] };

/** Headers end at the first empty line; a message without one is all header. Capped: garbage can be huge. */
function headerBlock(raw: Buffer): string {
  const head = raw.subarray(0, 1024 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  return end >= 0 ? head.slice(0, end) : head;
}

/** Unfolded values of every header named `name`, top to bottom. */
export function headerValues(raw: Buffer, name: string): string[] {
  const unfolded = headerBlock(raw).replace(/\r?\n[ \t]+/g, ' ');
  const prefix = `${name.toLowerCase()}:`;
  return unfolded
    .split(/\r?\n/)
    .filter((line) => line.toLowerCase().startsWith(prefix))
    .map((line) => line.slice(prefix.length).trim());
}

/** Comments may nest in principle; one level is what MTAs write, deeper ones are just dropped. */
function stripComments(s: string): string {
  return s.replace(/\([^()]*\)/g, ' ').replace(/\([^()]*\)/g, ' ');
}

export function parseAuthenticationResults(value: string): TAuthResultsHeader | null {
  const [idPart, ...rest] = stripComments(value).split(';');
  const authservId = idPart?.trim().split(/\s+/)[0]?.toLowerCase();
  if (!authservId) return null;
  const entries = rest.flatMap((part): TAuthResultEntry[] => {
    const [head, ...props] = part.trim().split(/\s+/);
    const m = /^([a-z0-9_-]+)(?:\/[0-9]+)?=([a-z]+)$/i.exec(head ?? '');
    if (!m?.[1] || !m[2]) return [];
    const parsed: Record<string, string> = {};
    for (const p of props) {
      const eq = p.indexOf('=');
      if (eq > 0)
        parsed[p.slice(0, eq).toLowerCase()] = p
          .slice(eq + 1)
          .replace(/^"|"$/g, '')
          .toLowerCase();
    }
    return [{ method: m[1].toLowerCase(), result: m[2].toLowerCase(), props: parsed }];
  });
  return { authservId, entries };
}

/** The topmost Authentication-Results header from `authservId`, or null when there is none. */
export function trustedAuthenticationResults(raw: Buffer, authservId: string): TAuthResultsHeader | null {
  const wanted = authservId.toLowerCase();
  for (const value of headerValues(raw, 'authentication-results')) {
    const parsed = parseAuthenticationResults(value);
    if (parsed?.authservId === wanted) return parsed;
  }
  return null;
}
