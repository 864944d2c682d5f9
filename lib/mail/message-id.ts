import { randomUUID } from 'node:crypto';

/**
 * A Message-ID for an outgoing mail, fixed when it is queued: a retry after a crash sends the
 * same ID, so the receiver (and our own reply threading) sees one mail, not two.
 * Accepts the sender address or a bare domain; the domain part is what makes the ID ours.
 */
export function newMessageId(addressOrDomain: string): string {
  const domain = addressOrDomain
    .slice(addressOrDomain.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(domain)) {
    throw new Error(`Ongeldig domein voor een Message-ID: ${JSON.stringify(addressOrDomain)}`);
  }
  return `<${randomUUID()}@${domain}>`;
}
