/**
 * Whether an id token shows that the identity provider itself asked for more than a password:
 * an `amr` (RFC 8176 method references) naming a second factor, or an `acr` among the values the
 * configuration counts as multi-factor. Only then does OIDC_IDP_MFA=true skip meldpost's own TOTP.
 */
const MFA_AMR = new Set(['mfa', 'mca', 'otp', 'hwk', 'swk', 'sc', 'sms', 'tel', 'fido', 'ngcmfa']);

/** `acr` values that mean multi-factor unless OIDC_MFA_ACR names others: OpenID PAPE and eIDAS. */
const DEFAULT_MFA_ACR = [
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor-physical',
  'http://eidas.europa.eu/LoA/substantial',
  'http://eidas.europa.eu/LoA/high',
];

export function idTokenShowsMfa(
  claims: { amr?: unknown; acr?: unknown },
  mfaAcr: readonly string[] = DEFAULT_MFA_ACR,
): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  if (amr.some((m) => typeof m === 'string' && MFA_AMR.has(m.toLowerCase()))) return true;
  return typeof claims.acr === 'string' && mfaAcr.includes(claims.acr);
}
