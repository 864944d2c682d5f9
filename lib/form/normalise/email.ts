import { z } from 'zod';

/**
 * E-mail addresses: lower case (the schema's form). The address is taken out of whatever
 * surrounds it — "mailto:", angle brackets, a Word hyperlink's display text.
 */
const ADDRESS =
  /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/;

/** The record's own (zod) notion of an e-mail address is the last word on validity. */
const VALID = z.email();

export function parseEmail(text: string | null): string | null {
  if (text == null) return null;
  const address = ADDRESS.exec(text)?.[0].toLowerCase();
  return address && VALID.safeParse(address).success ? address : null;
}

/** The domain part, for the trusted-domain check. */
export function emailDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
