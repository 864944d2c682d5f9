import {
  BEOORDELING_LABELS,
  OUTGOING_KIND_LABELS,
  OUTGOING_STATE_LABELS,
  PRIORITEIT_LABELS,
  STATUS_LABELS,
  UITKOMST_LABELS,
} from '@/lib/melding/labels';
import { FORM_GROUPS } from '@/lib/melding/form-fields';
import type { TTimelineEvent } from '@/lib/melding/get-melding-timeline';
import type { ContactKanaal } from '@/lib/db/generated/enums';
import { formatDateTime } from '../format';

const FIELD_LABELS = new Map(FORM_GROUPS.flatMap((g) => g.fields.map((f) => [f.path, f.label] as const)));
const STATE_STYLE: Record<string, string> = {
  SENT: 'text-green-800',
  FAILED: 'text-red-800',
  BOUNCED: 'text-red-800',
  QUEUED: 'text-slate-700',
  SENDING: 'text-slate-700',
};

const CONTACT_PHRASE: Record<ContactKanaal, string> = {
  TELEFOON: 'Telefonisch contact',
  EMAIL: 'Contact per e-mail',
  ANDERS: 'Contact',
};

function Item({ e }: { e: TTimelineEvent }) {
  switch (e.type) {
    case 'ontvangen':
      return (
        <p>
          {e.version === 1 ? 'Melding ontvangen' : `Nieuwe versie (${e.version}) van de melding ontvangen`}
        </p>
      );
    case 'status':
      return (
        <p>
          Status {e.from ? `van ${STATUS_LABELS[e.from]} ` : ''}naar <strong>{STATUS_LABELS[e.to]}</strong>
          {e.uitkomst ? ` — ${UITKOMST_LABELS[e.uitkomst]}` : ''}
          {e.by ? ` door ${e.by}` : ''}
          {e.reason ? <span className="block text-slate-700">{e.reason}</span> : null}
        </p>
      );
    case 'beoordeling':
      return (
        <p>
          Beoordeling door {e.by}: <strong>{BEOORDELING_LABELS[e.uitkomst]}</strong>, prioriteit{' '}
          {PRIORITEIT_LABELS[e.prioriteit].toLowerCase()}
          <span className="block whitespace-pre-wrap text-slate-700">{e.reden}</span>
        </p>
      );
    case 'notitie':
      return (
        <p>
          Notitie van {e.by}
          <span className="block whitespace-pre-wrap text-slate-700">{e.text}</span>
        </p>
      );
    case 'contact':
      return (
        <p>
          {CONTACT_PHRASE[e.kanaal]} met {e.withWhom} op {formatDateTime(e.contactAt)}, vastgelegd door {e.by}
          <span className="block whitespace-pre-wrap text-slate-700">{e.outcome}</span>
        </p>
      );
    case 'uitgaand':
      return (
        <div>
          <p>
            {OUTGOING_KIND_LABELS[e.kind]} aan {e.recipient} —{' '}
            <span className={`font-medium ${STATE_STYLE[e.state]}`}>{OUTGOING_STATE_LABELS[e.state]}</span>
            {e.sentAt ? ` (${formatDateTime(e.sentAt)})` : ''}
          </p>
          {e.lastError &&
            (e.state === 'SENT' ? (
              <p className="text-xs text-amber-800">{e.lastError}</p>
            ) : (
              <p className="text-xs text-red-800">
                Laatste fout: {e.lastError} (poging {e.attempts})
              </p>
            ))}
          <details className="mt-1">
            <summary className="cursor-pointer text-xs text-brand-700 underline">Mail bekijken</summary>
            <p className="mt-1 text-xs font-medium">{e.subject}</p>
            <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 font-sans text-xs">{e.body}</pre>
          </details>
        </div>
      );
    case 'reactie':
      return (
        <div>
          <p>Reactie ontvangen van {e.from ?? 'onbekende afzender'}</p>
          {e.subject && <p className="text-xs text-slate-700">{e.subject}</p>}
          <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-green-50 p-2 font-sans text-xs">
            {e.text ?? '(geen tekst)'}
          </pre>
        </div>
      );
    case 'correctie':
      return (
        <p>
          {FIELD_LABELS.get(e.field) ?? e.field} gecorrigeerd door {e.by}: “{e.from ?? '—'}” → “{e.to ?? '—'}”
        </p>
      );
    case 'bekeken':
      return (
        <p className="text-slate-700">
          {e.action === 'melding.bijlage_gedownload'
            ? 'Bijlage geopend'
            : e.action === 'melding.email_bekeken'
              ? 'E-mail bekeken'
              : 'Bekeken'}{' '}
          door {e.by}
        </p>
      );
  }
}

/** The melding's history, newest first; views are folded away so the work stays readable. */
export function Timeline({ events }: { events: TTimelineEvent[] }) {
  const work = events.filter((e) => e.type !== 'bekeken');
  const views = events.filter((e) => e.type === 'bekeken');
  return (
    <div>
      <ol className="space-y-3 border-l-2 border-slate-300 pl-4 text-sm">
        {work.map((e, i) => (
          <li key={i}>
            <time className="block text-xs text-slate-600" dateTime={e.at.toISOString()}>
              {formatDateTime(e.at)}
            </time>
            <Item e={e} />
          </li>
        ))}
      </ol>
      <details className="mt-4 text-sm">
        <summary className="cursor-pointer font-medium">
          Wie heeft deze melding bekeken ({views.length})
        </summary>
        <ol className="mt-2 space-y-1">
          {views.map((e, i) => (
            <li key={i}>
              <time className="text-xs text-slate-600" dateTime={e.at.toISOString()}>
                {formatDateTime(e.at)}
              </time>{' '}
              <Item e={e} />
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
