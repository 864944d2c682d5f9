import { AUDIT_ACTION_LABELS, auditActionLabel } from '@/lib/audit/audit-labels';
import { inputClass, labelClass } from '../_shared/format';

const GROUPS: { prefix: string; label: string }[] = [
  { prefix: 'melding.', label: 'Meldingen' },
  { prefix: 'bericht.', label: 'Berichten in de mailbox' },
  { prefix: 'auth.', label: 'Inloggen en sessies' },
  { prefix: 'user.', label: 'Gebruikers' },
  { prefix: 'mailbox.', label: 'Mailboxen' },
  { prefix: 'persoon.', label: 'Inzage en wissen per persoon' },
  { prefix: 'bewaartermijn.', label: 'Bewaartermijn' },
];

/**
 * The audit filter's "Actie" as a choice in words: a whole group (the filter matches by prefix)
 * or one action. A value from an old link that is no longer listed stays selectable.
 */
export function AuditActionSelect({ value }: { value: string | undefined }) {
  const codes = Object.keys(AUDIT_ACTION_LABELS).sort((a, b) =>
    auditActionLabel(a).localeCompare(auditActionLabel(b), 'nl'),
  );
  const grouped = GROUPS.map((g) => ({ ...g, codes: codes.filter((c) => c.startsWith(g.prefix)) }));
  const other = codes.filter((c) => !GROUPS.some((g) => c.startsWith(g.prefix)));
  const listed =
    value === undefined || value in AUDIT_ACTION_LABELS || GROUPS.some((g) => g.prefix === value);
  return (
    <div>
      <label htmlFor="f-action" className={labelClass}>
        Actie
      </label>
      <select id="f-action" name="action" defaultValue={value ?? ''} className={inputClass}>
        <option value="">Alle acties</option>
        {!listed && <option value={value}>{auditActionLabel(value)}</option>}
        {grouped.map((g) => (
          <optgroup key={g.prefix} label={g.label}>
            <option value={g.prefix}>Alles over {g.label.toLowerCase()}</option>
            {g.codes.map((c) => (
              <option key={c} value={c}>
                {auditActionLabel(c)}
              </option>
            ))}
          </optgroup>
        ))}
        <optgroup label="Overig">
          {other.map((c) => (
            <option key={c} value={c}>
              {auditActionLabel(c)}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
