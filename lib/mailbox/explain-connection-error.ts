/**
 * Turns what a failed connection step threw into plain Dutch with its likely cause, for the
 * beheerder's "Verbinding testen". Never echoes credentials: only error codes and server text.
 *
 * A beheerder can point the test at any host and port, so the answers must not make it a port
 * scanner: refused, filtered (silent), reset, hung up, a TLS mode that does not fit the port, a
 * certificate that does not verify, or something that is no mail server all get ONE answer (the
 * timing is evened out by the caller). Only an unknown host name (public DNS facts) and a real
 * mail server refusing the login are told apart. The exact cause goes to the server log.
 */

export type TConnectionStep = 'oauth' | 'imap' | 'smtp';

type TErrorLike = {
  code?: unknown;
  message?: unknown;
  authenticationFailed?: unknown;
  serverResponseCode?: unknown;
  responseCode?: unknown;
  response?: unknown;
  responseText?: unknown;
  cause?: unknown;
};

function textOf(e: TErrorLike): string {
  return [e.message, e.responseText, e.response].filter((x) => typeof x === 'string').join(' ');
}

/** nodemailer wraps socket and DNS errors in codes of its own; the system's code is in the message. */
const WRAPPER_CODES = new Set(['ESOCKET', 'ECONNECTION', 'EDNS']);

function codeOf(e: TErrorLike): string {
  const cause = (e.cause ?? {}) as TErrorLike;
  const code = String(e.code ?? cause.code ?? '');
  if (!WRAPPER_CODES.has(code)) return code;
  const inner = /\b(E[A-Z]{4,}|[A-Z_]*CERT[A-Z_]*)\b/.exec(textOf(e))?.[1];
  return inner && !WRAPPER_CODES.has(inner) ? inner : code;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The one answer for every way a host and port can fail to be a working mail server. */
const unreachable = (where: string) =>
  `Geen verbinding met ${where}: de host is niet bereikbaar op deze poort, de TLS-instelling past niet bij de poort, het certificaat wordt niet vertrouwd of het is geen mailserver. Controleer servernaam, poort en TLS-modus, en of een firewall het verkeer tegenhoudt. De precieze oorzaak staat in het logboek van de server.`;

/** `oauth`: the mailbox signs in with a token; `google`: from Google Workspace (else Microsoft 365). */
export function explainConnectionError(
  step: TConnectionStep,
  err: unknown,
  opts: { oauth: boolean; google?: boolean },
): string {
  const e = (err ?? {}) as TErrorLike;
  const code = codeOf(e);
  const text = textOf(e);
  const where =
    step === 'smtp'
      ? 'de SMTP-server'
      : step === 'imap'
        ? 'de IMAP-server'
        : `de tokenserver van ${opts.google ? 'Google' : 'Microsoft'}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `De hostnaam van ${where} bestaat niet of kan niet worden opgezocht. Controleer de servernaam.`;
  // Told apart, refused, silent, reset or a TLS mode that does not fit the port would turn
  // "verbinding testen" into a port scanner of the network the server is in.
  if (
    [
      'ECONNREFUSED',
      'ETIMEDOUT',
      'ETIMEOUT',
      'ECONNRESET',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'EPROTO',
      'ERR_SSL_WRONG_VERSION_NUMBER',
    ].includes(code) ||
    /timed? ?out|wrong version number|ssl3_get_record|packet length too long/i.test(text)
  )
    return unreachable(where);
  if (step === 'oauth' && opts.google) {
    if (/PEM-sleutel/.test(text))
      return 'De opgeslagen privésleutel van het serviceaccount is ongeldig: plak de private_key uit het JSON-sleutelbestand (met BEGIN/END PRIVATE KEY).';
    if (/unauthorized_client|access_denied/.test(text))
      return 'Google weigert het serviceaccount voor deze mailbox: waarschijnlijk ontbreekt de domeinbrede delegatie voor de client-id van het serviceaccount met de scope https://mail.google.com/ (Admin-console → Beveiliging → API-beheer).';
    if (/invalid_grant/.test(text))
      return 'Google weigert de ondertekende aanvraag: de sleutel hoort niet bij dit serviceaccount, is ingetrokken, of de mailbox (gebruikersnaam) bestaat niet in dit domein.';
    return 'Er kon geen OAuth2-token worden opgehaald bij Google. Controleer het e-mailadres en de sleutel van het serviceaccount.';
  }
  if (step === 'oauth') {
    if (/PEM-sleutel/.test(text))
      return 'De opgeslagen privésleutel van het certificaat is ongeldig: vul de privésleutel in PEM-vorm in (BEGIN/END PRIVATE KEY).';
    if (/AADSTS700027|AADSTS700024/.test(text))
      return 'Microsoft weigert de ondertekende aanvraag: het certificaat met deze vingerafdruk is niet (meer) bij de app geregistreerd, of de sleutel hoort er niet bij.';
    if (/invalid_client|AADSTS7000215|AADSTS7000222/.test(text))
      return 'Microsoft weigert de client secret: die klopt niet of is verlopen. Maak in Entra ID een nieuwe aan en vul die hier in.';
    if (/AADSTS700016|unauthorized_client/.test(text))
      return 'Microsoft kent deze client-id niet in deze tenant: controleer de client-id (applicatie-id) en of de app in deze tenant is geregistreerd.';
    if (/AADSTS90002|AADSTS900023|invalid_request|\(400/.test(text))
      return 'Microsoft kent deze tenant niet of het verzoek is ongeldig: controleer de tenant-id.';
    return 'Er kon geen OAuth2-token worden opgehaald bij Microsoft. Controleer tenant-id, client-id en client secret.';
  }
  const authFailed =
    e.authenticationFailed === true ||
    e.serverResponseCode === 'AUTHENTICATIONFAILED' ||
    code === 'EAUTH' ||
    /authenticat|AUTHENTICATIONFAILED|535/i.test(text);
  if (authFailed) {
    if (!opts.oauth) return `${cap(where)} weigert de aanmelding: gebruikersnaam of wachtwoord klopt niet.`;
    if (opts.google)
      return `Het token is opgehaald, maar ${where} van Google weigert het: controleer of IMAP aanstaat voor deze gebruiker, of de delegatie de scope https://mail.google.com/ heeft en of de gebruikersnaam het mailadres van de mailbox is.`;
    return step === 'imap'
      ? 'Het token is opgehaald, maar de mailbox weigert het: waarschijnlijk ontbreekt de applicatiemachtiging IMAP.AccessAsApp (met beheerderstoestemming) of heeft de app geen toegang tot deze mailbox (Add-MailboxPermission in Exchange Online). Controleer ook de gebruikersnaam (het mailadres van de mailbox).'
      : 'Het token is opgehaald, maar de SMTP-server weigert het: waarschijnlijk ontbreekt de machtiging SMTP.SendAsApp of staat SMTP AUTH uit voor deze mailbox.';
  }
  if (code === 'EDNS') return `De hostnaam van ${where} kan niet worden opgezocht. Controleer de servernaam.`;
  return unreachable(where);
}
