/**
 * Preloaded into the web server (`node --import` before `next start`; see WEB_NODE_ARGS in
 * web-build.ts): stamps every request with the client's address in `x-meldpost-client-ip`,
 * replacing whatever a client sent under that name. Next.js keeps a client's own
 * `X-Forwarded-For` and never exposes the socket address, so without this the sign-in limit per
 * IP keyed on a value the client chooses (a fresh one per request dodged it, and anyone could
 * lock out any address).
 *
 * The address is the socket's, unless TRUSTED_PROXIES (validated in lib/env.ts) says that many
 * reverse proxies stand in front: then it is the entry that many places from the right of
 * X-Forwarded-For plus the socket — the last one a proxy of ours wrote, not one the client did.
 */
import http from 'node:http';

export const CLIENT_IP_HEADER = 'x-meldpost-client-ip';

/** IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d. */
const plain = (address) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

export function clientIp(socketAddress, forwardedFor, trustedProxies) {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? ''];
  const client = chain[Math.max(0, chain.length - 1 - trustedProxies)];
  return client ? plain(client) : null;
}

const trusted = Number(process.env.TRUSTED_PROXIES ?? '0');
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithClientIp(event, request, ...rest) {
  if (event === 'request') {
    const ip = clientIp(request.socket.remoteAddress, request.headers['x-forwarded-for'], trusted);
    if (ip) request.headers[CLIENT_IP_HEADER] = ip;
    else delete request.headers[CLIENT_IP_HEADER];
  }
  return emit.call(this, event, request, ...rest);
};
