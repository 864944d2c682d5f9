import { BEOORDELING_LABELS, PRIORITEIT_LABELS } from '@/lib/melding/labels';
import type { TSoortMelding } from '@/lib/melding/soort-melding';
import type { TMeldingDetail } from '@/lib/melding/get-melding-by-id';
import { aanvullingAction, assessAction, assignAction, noteAction, resumeAction } from './actions';
import { CloseForm } from './close-form';
import { ContactForm } from './contact-form';
import { NietInBehandelingForm } from './niet-in-behandeling-form';
import { herinneringAction, reopenAction } from './protocol-actions';
import { ActionForm } from './action-form';
import { MailComposer } from './mail-composer';
import { Panel } from './panel';

type TDraft = { recipient: string | null; subject: string; body: string };
import { field } from './field-style';

/** The actions a medewerker can take on this melding, by its status. */
export function ActionsPanel({
  m,
  userId,
  colleagues,
  aanvulling,
  nietInBehandeling,
  terugkoppeling,
  soortenMelding,
}: {
  m: TMeldingDetail;
  userId: string;
  colleagues: { id: string; name: string | null; email: string }[];
  aanvulling: TDraft;
  nietInBehandeling: TDraft;
  terugkoppeling: TDraft;
  /** The beheerder's list: the active soorten, plus an inactive one this melding already has. */
  soortenMelding: TSoortMelding[];
}) {
  const open = m.status !== 'AFGEROND';
  return (
    <div className="space-y-2">
      {open && (
        <Panel title="Toewijzen" defaultOpen={!m.assignee}>
          {m.assignee?.id !== userId && (
            <ActionForm action={assignAction} meldingId={m.id} submitLabel="Aan mij toewijzen">
              <input type="hidden" name="assigneeId" value={userId} />
            </ActionForm>
          )}
          <ActionForm
            action={assignAction}
            meldingId={m.id}
            submitLabel="Toewijzen"
            className="mt-3 space-y-2"
          >
            <label htmlFor="assigneeId" className="block text-sm font-medium">
              Toewijzen aan collega
            </label>
            {/* Keyed on the assignee: a select keeps its first defaultValue, and must follow a new assignment. */}
            <select
              key={m.assignee?.id ?? 'niemand'}
              id="assigneeId"
              name="assigneeId"
              defaultValue={m.assignee?.id ?? ''}
              className={field}
            >
              <option value="">Niemand</option>
              {colleagues.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name ?? c.email}
                </option>
              ))}
            </select>
          </ActionForm>
        </Panel>
      )}
      {m.status === 'AANVULLING_GEVRAAGD' && (
        <div className="rounded border border-green-300 bg-green-50 p-3 text-sm">
          <p>
            {m.reactieOntvangen
              ? 'De behandelaar heeft gereageerd (zie de tijdlijn).'
              : 'Wacht op aanvulling van de behandelaar.'}
          </p>
          {m.herinneringNodig && (
            <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-2">
              <p className="font-medium">Herinnering nodig: er is nog geen reactie op het verzoek.</p>
              <ActionForm
                action={herinneringAction}
                meldingId={m.id}
                submitLabel="Herinnering versturen"
                className="mt-1"
              />
            </div>
          )}
          <ActionForm
            action={resumeAction}
            meldingId={m.id}
            submitLabel="Behandeling hervatten"
            className="mt-2"
          />
        </div>
      )}
      {open && (
        <Panel title="Beoordelen" defaultOpen={!m.firstAssessedAt}>
          <ActionForm action={assessAction} meldingId={m.id} submitLabel="Beoordeling opslaan">
            <fieldset>
              <legend className="text-sm font-medium">Beoordeling</legend>
              {Object.entries(BEOORDELING_LABELS).map(([v, l]) => (
                <label key={v} className="mt-1 flex items-center gap-2 text-sm">
                  <input type="radio" name="uitkomst" value={v} required className="h-4 w-4" />
                  {l}
                </label>
              ))}
            </fieldset>
            <div>
              <label htmlFor="prioriteit" className="block text-sm font-medium">
                Prioriteit
              </label>
              <select
                id="prioriteit"
                name="prioriteit"
                defaultValue={m.prioriteit ?? 'NORMAAL'}
                className={field}
              >
                {Object.entries(PRIORITEIT_LABELS).map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="reden" className="block text-sm font-medium">
                Reden (verplicht)
              </label>
              <textarea id="reden" name="reden" rows={3} required minLength={5} className={field} />
            </div>
            <fieldset>
              <legend className="text-sm font-medium">Soort melding (meer keuzes mogelijk)</legend>
              {soortenMelding
                .filter((s) => s.actief || m.soorten.includes(s.key))
                .map((s) => (
                  <label key={s.key} className="mt-1 flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="soorten"
                      value={s.key}
                      defaultChecked={m.soorten.includes(s.key)}
                      className="h-4 w-4"
                    />
                    {s.label}
                  </label>
                ))}
            </fieldset>
          </ActionForm>
        </Panel>
      )}
      {open && (
        <Panel title="Verzoek om aanvulling">
          <MailComposer
            action={aanvullingAction}
            meldingId={m.id}
            recipient={aanvulling.recipient}
            subject={aanvulling.subject}
            defaultBody={aanvulling.body}
            sendLabel="Verzoek versturen"
            idPrefix="aanvulling"
          />
        </Panel>
      )}
      {open && (
        <Panel title="Contactmoment vastleggen">
          <ContactForm meldingId={m.id} />
        </Panel>
      )}
      {open && (
        <Panel title="Niet in behandeling">
          <p className="mb-2 text-sm text-slate-700">
            Na afstemming met de behandelaar (afspraak 1): de melding wordt afgerond met het geadviseerde
            loket; een bevestiging aan de behandelaar kan worden meegestuurd.
          </p>
          <NietInBehandelingForm
            meldingId={m.id}
            recipient={nietInBehandeling.recipient}
            subject={nietInBehandeling.subject}
            defaultBody={nietInBehandeling.body}
            contacts={m.contacten}
          />
        </Panel>
      )}
      {open && (
        <Panel title="Afronden">
          <CloseForm
            meldingId={m.id}
            assessed={Boolean(m.firstAssessedAt)}
            recipient={terugkoppeling.recipient}
            terugkoppeling={terugkoppeling}
          />
        </Panel>
      )}
      {!open && !m.anonymisedAt && (
        <Panel title="Heropenen">
          <ActionForm action={reopenAction} meldingId={m.id} submitLabel="Melding heropenen">
            <label htmlFor="reopen-reden" className="block text-sm font-medium">
              Reden (verplicht; komt in de geschiedenis)
            </label>
            <textarea id="reopen-reden" name="reden" rows={2} required minLength={5} className={field} />
          </ActionForm>
        </Panel>
      )}
      <Panel title="Notitie toevoegen">
        <ActionForm action={noteAction} meldingId={m.id} submitLabel="Notitie opslaan" resetOnSuccess>
          <label htmlFor="note" className="block text-sm font-medium">
            Interne notitie (wordt niet verstuurd)
          </label>
          <textarea id="note" name="text" rows={3} required className={field} />
        </ActionForm>
      </Panel>
    </div>
  );
}
