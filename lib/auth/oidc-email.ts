/**
 * The e-mail address an OpenID Connect sign-in may be matched on: only one the identity provider
 * says it verified (`email_verified`, or Microsoft Entra ID's `xms_edov` optional claim).
 */
export type TOidcClaims = {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  xms_edov?: unknown;
  amr?: unknown;
  acr?: unknown;
};

const isTrue = (v: unknown) => v === true || v === 'true';

export function verifiedEmail(claims: TOidcClaims): string | null {
  if (typeof claims.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(claims.email)) return null;
  if (!isTrue(claims.email_verified) && !isTrue(claims.xms_edov)) return null;
  return claims.email.trim().toLowerCase();
}
