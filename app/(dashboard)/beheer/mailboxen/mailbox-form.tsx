'use client';

import { useState, type ReactNode } from 'react';
import type { TActionState } from '@/lib/web/action-state';
import { AdminForm } from '../_shared/admin-form';
import { inputClass, labelClass } from '../_shared/format';

/** The mailbox's current settings for the form; never its secret, only whether one is set. */
export type TMailboxFormValues = {
  id?: string;
  name: string;
  imapHost: string;
  imapPort: number;
  imapTls: string;
  smtpHost: string;
  smtpPort: number;
  smtpTls: string;
  authType: 'PASSWORD' | 'OAUTH2_MICROSOFT' | 'OAUTH2_GOOGLE';
  username: string;
  oauthTenantId: string | null;
  oauthClientId: string | null;
  oauthCertThumbprint: string | null;
  fromAddress: string;
  signalRecipient: string;
  trustedDomains: string[];
  authenticityPolicy: 'ENFORCE' | 'MONITOR';
  authservId: string | null;
  inboxFolder: string;
  processedFolder: string;
  errorFolder: string;
  otherFolder: string;
  quarantineFolder: string;
  sentFolder: string | null;
  otherMailAction: 'MOVE' | 'LEAVE';
  pollIntervalSec: number;
  secretSet: boolean;
};

export const NEW_MAILBOX: TMailboxFormValues = {
  name: '',
  imapHost: '',
  imapPort: 993,
  imapTls: 'tls',
  smtpHost: '',
  smtpPort: 587,
  smtpTls: 'starttls',
  authType: 'PASSWORD',
  username: '',
  oauthTenantId: null,
  oauthClientId: null,
  oauthCertThumbprint: null,
  fromAddress: '',
  signalRecipient: '',
  trustedDomains: ['politie.nl'],
  authenticityPolicy: 'ENFORCE',
  authservId: null,
  inboxFolder: 'INBOX',
  processedFolder: 'Verwerkt',
  errorFolder: 'Fout',
  otherFolder: 'Overig',
  quarantineFolder: 'Quarantaine',
  sentFolder: null,
  otherMailAction: 'MOVE',
  pollIntervalSec: 60,
  secretSet: false,
};

const TLS_OPTIONS = [
  ['tls', 'TLS (versleuteld vanaf het begin, meestal poort 993 / 465)'],
  ['starttls', 'STARTTLS (meestal poort 143 / 587)'],
  ['none', 'Geen (alleen voor een testserver op dezelfde machine)'],
] as const;

function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

function Text({
  name,
  label,
  value,
  hint,
  type = 'text',
  required = true,
}: {
  name: string;
  label: string;
  value: string | number | null;
  hint?: string;
  type?: string;
  required?: boolean;
}) {
  return (
    <Field id={`mb-${name}`} label={label} hint={hint}>
      <input
        id={`mb-${name}`}
        name={name}
        type={type}
        defaultValue={value ?? ''}
        required={required}
        aria-describedby={hint ? `mb-${name}-hint` : undefined}
        className={inputClass}
      />
    </Field>
  );
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <Field id={`mb-${name}`} label={label}>
      <select id={`mb-${name}`} name={name} defaultValue={value} className={inputClass}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Field>
  );
}

const POLICIES = [
  {
    value: 'ENFORCE',
    label: 'Afdwingen (aanbevolen)',
    consequence:
      'Een melding waarvan niet vast te stellen is dat zij echt van de politie komt (geen geldige DKIM-handtekening of DMARC van een vertrouwd domein), gaat in quarantaine: zij komt niet bij de meldingen en er gaat geen signaal terug tot een beheerder haar beoordeelt.',
  },
  {
    value: 'MONITOR',
    label: 'Alleen registreren',
    consequence:
      'Zo’n melding wordt toch verwerkt en krijgt het acceptatiesignaal; medewerkers zien haar met het kenmerk "Afzender niet geverifieerd". Alleen bedoeld voor de overgang, zolang de politie haar mail nog niet goed ondertekent.',
  },
] as const;

/** The authenticity policy as a choice with its consequence next to each option, not a bare select. */
function AuthenticityPolicy({ value }: { value: string }) {
  return (
    <fieldset className="md:col-span-2">
      <legend className="text-sm font-medium">Echtheidscontrole van politiemail (DKIM/DMARC)</legend>
      <div className="mt-1 space-y-2">
        {POLICIES.map((p) => (
          <div key={p.value} className="flex gap-2">
            <input
              type="radio"
              id={`mb-authenticityPolicy-${p.value}`}
              name="authenticityPolicy"
              value={p.value}
              defaultChecked={value === p.value}
              aria-describedby={`mb-authenticityPolicy-${p.value}-hint`}
              className="mt-1 h-4 w-4"
            />
            <div>
              <label htmlFor={`mb-authenticityPolicy-${p.value}`} className="text-sm font-medium">
                {p.label}
              </label>
              <p id={`mb-authenticityPolicy-${p.value}-hint`} className="text-xs text-slate-700">
                {p.consequence}
              </p>
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded border border-slate-200 bg-white p-4">
      <legend className="px-1 font-semibold">{title}</legend>
      <div className="grid gap-4 md:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export function MailboxForm({
  action,
  values,
}: {
  action: (s: TActionState, f: FormData) => Promise<TActionState>;
  values: TMailboxFormValues;
}) {
  const [authType, setAuthType] = useState(values.authType);
  const microsoft = authType === 'OAUTH2_MICROSOFT';
  const google = authType === 'OAUTH2_GOOGLE';
  const secretLabel = microsoft
    ? 'Client secret, of de privésleutel (PEM) bij een certificaat'
    : google
      ? 'Privésleutel van het serviceaccount (private_key uit het JSON-sleutelbestand)'
      : 'Wachtwoord';
  return (
    <AdminForm
      action={action}
      submitLabel={values.id ? 'Opslaan' : 'Mailbox aanmaken'}
      hidden={values.id ? { id: values.id } : undefined}
      className="space-y-4"
    >
      <Section title="Algemeen">
        <Text name="name" label="Naam" value={values.name} />
        <Text
          name="pollIntervalSec"
          label="Controle-interval (seconden)"
          type="number"
          value={values.pollIntervalSec}
          hint="Naast IMAP IDLE wordt de map zo vaak helemaal nagelopen (5–3600)."
        />
      </Section>
      <Section title="Inkomende mail (IMAP)">
        <Text name="imapHost" label="IMAP-server" value={values.imapHost} />
        <Text name="imapPort" label="IMAP-poort" type="number" value={values.imapPort} />
        <Select name="imapTls" label="IMAP-beveiliging" value={values.imapTls} options={TLS_OPTIONS} />
      </Section>
      <Section title="Uitgaande mail (SMTP)">
        <Text name="smtpHost" label="SMTP-server" value={values.smtpHost} />
        <Text name="smtpPort" label="SMTP-poort" type="number" value={values.smtpPort} />
        <Select name="smtpTls" label="SMTP-beveiliging" value={values.smtpTls} options={TLS_OPTIONS} />
        <Text name="fromAddress" label="Afzenderadres" type="email" value={values.fromAddress} />
      </Section>
      <Section title="Aanmelden">
        <Field id="mb-authType" label="Manier van aanmelden">
          <select
            id="mb-authType"
            name="authType"
            value={authType}
            onChange={(e) => setAuthType(e.target.value as typeof authType)}
            className={inputClass}
          >
            <option value="PASSWORD">Gebruikersnaam en wachtwoord</option>
            <option value="OAUTH2_MICROSOFT">Microsoft 365 (OAuth2, client credentials)</option>
            <option value="OAUTH2_GOOGLE">Google Workspace (OAuth2, serviceaccount)</option>
          </select>
        </Field>
        <Text
          name="username"
          label={microsoft || google ? 'Mailadres van de mailbox' : 'Gebruikersnaam'}
          value={values.username}
        />
        <Field
          id="mb-secret"
          label={secretLabel}
          hint={
            values.secretSet
              ? 'Ingesteld. Laat leeg om het huidige te behouden; een nieuwe waarde vervangt het. Wijzigt u server, poort, TLS of aanmelding, vul het dan opnieuw in.'
              : 'Wordt versleuteld opgeslagen en nooit meer getoond.'
          }
        >
          {microsoft || google ? (
            <textarea
              id="mb-secret"
              name="secret"
              rows={3}
              autoComplete="off"
              spellCheck={false}
              required={!values.secretSet}
              placeholder={values.secretSet ? 'ingesteld' : ''}
              aria-describedby="mb-secret-hint"
              className={inputClass}
            />
          ) : (
            <input
              id="mb-secret"
              name="secret"
              type="password"
              autoComplete="new-password"
              required={!values.secretSet}
              placeholder={values.secretSet ? 'ingesteld' : ''}
              aria-describedby="mb-secret-hint"
              className={inputClass}
            />
          )}
        </Field>
        {microsoft && (
          <>
            <Text name="oauthTenantId" label="Tenant-id (directory-id)" value={values.oauthTenantId} />
            <Text
              name="oauthClientId"
              label="Client-id (applicatie-id)"
              value={values.oauthClientId}
              hint="De app heeft de applicatiemachtiging IMAP.AccessAsApp (en SMTP.SendAsApp) nodig, met toegang tot deze mailbox."
            />
            <Text
              name="oauthCertThumbprint"
              label="Vingerafdruk van het certificaat (alleen bij een certificaat)"
              value={values.oauthCertThumbprint}
              required={false}
              hint="De SHA-1-vingerafdruk zoals Entra ID die toont (40 tekens). Leeg: aanmelden met de client secret."
            />
          </>
        )}
        {google && (
          <Text
            name="oauthClientId"
            label="E-mailadres van het serviceaccount"
            value={values.oauthClientId}
            hint="Het serviceaccount heeft domeinbrede delegatie nodig met de scope https://mail.google.com/."
          />
        )}
      </Section>
      <Section title="Mappen">
        <Text name="inboxFolder" label="Postvak IN" value={values.inboxFolder} />
        <Text name="processedFolder" label="Verwerkt" value={values.processedFolder} />
        <Text name="errorFolder" label="Fout" value={values.errorFolder} />
        <Text name="otherFolder" label="Overige mail" value={values.otherFolder} />
        <Text name="quarantineFolder" label="Quarantaine" value={values.quarantineFolder} />
        <Text
          name="sentFolder"
          label="Kopie van verzonden mail (optioneel)"
          value={values.sentFolder}
          required={false}
          hint="Bijvoorbeeld Verzonden items. Ingevuld: signalen en mails die meldpost verstuurt, staan ook in deze map van de mailbox. Leeg: alleen in meldpost."
        />
        <Select
          name="otherMailAction"
          label="Overige mail (geen melding)"
          value={values.otherMailAction}
          options={[
            ['MOVE', 'Verplaatsen naar de map voor overige mail'],
            ['LEAVE', 'Laten staan in postvak IN'],
          ]}
        />
      </Section>
      <Section title="Keten en echtheid">
        <Text
          name="signalRecipient"
          label="Ontvanger van signalen"
          type="email"
          value={values.signalRecipient}
          hint="Hier gaan acceptatiesignalen en foutmeldingen heen."
        />
        <Field
          id="mb-trustedDomains"
          label="Vertrouwde afzenderdomeinen"
          hint="Gescheiden door komma's, bijvoorbeeld politie.nl"
        >
          <input
            id="mb-trustedDomains"
            name="trustedDomains"
            defaultValue={values.trustedDomains.join(', ')}
            required
            aria-describedby="mb-trustedDomains-hint"
            className={inputClass}
          />
        </Field>
        <AuthenticityPolicy value={values.authenticityPolicy} />
        <Text
          name="authservId"
          label="Vertrouwde authserv-id (optioneel)"
          value={values.authservId}
          required={false}
          hint="Alleen invullen als de eigen mailserver Authentication-Results toevoegt."
        />
      </Section>
    </AdminForm>
  );
}
