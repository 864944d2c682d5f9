import { BEOORDELING_LABELS, PRIORITEIT_LABELS } from '@/lib/melding/labels';
import type { TMeldingDetail } from '@/lib/melding/get-melding-by-id';
import {
  aanvullingAction,
  assessAction,
  assignAction,
  closeAction,
  nietInBehandelingAction,
  noteAction,
  resumeAction,
} from './actions';
import { ActionForm } from './action-form';
import { MailComposer } from './mail-composer';
import { Panel } from './panel';

type TDraft = { recipient: string | null; subject: string; body: string };
export const field = 'mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm';

/** The actions a medewerker can take on this melding, by its status. */
export function ActionsPanel({
  m,
  userId,
  colleagues,
  aanvulling,
  nietInBehandeling,
}: {
  m: TMeldingDetail;
  userId: string;
  colleagues: { id: string; name: string | null; email: string }[];
  aanvulling: TDraft;
  nietInBehandeling: TDraft;
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
        <Panel title="Niet in behandeling">
          <p className="mb-2 text-sm text-slate-700">
            Na overleg met de behandelaar: de bevestiging met reden en geadviseerd loket gaat naar de
            behandelaar en de melding wordt afgerond.
          </p>
          <MailComposer
            action={nietInBehandelingAction}
            meldingId={m.id}
            recipient={nietInBehandeling.recipient}
            subject={nietInBehandeling.subject}
            defaultBody={nietInBehandeling.body}
            sendLabel="Bevestiging versturen en afronden"
            idPrefix="nib"
          >
            <div>
              <label htmlFor="loketAdvies" className="block text-sm font-medium">
                Geadviseerd loket
              </label>
              <input id="loketAdvies" name="loketAdvies" list="loketten" required className={field} />
              <datalist id="loketten">
                <option value="Veilig Thuis" />
                <option value="Ander meldpunt" />
                <option value="Huisarts" />
                <option value="Wijkteam" />
              </datalist>
            </div>
            <div>
              <label htmlFor="nib-reden" className="block text-sm font-medium">
                Reden
              </label>
              <textarea id="nib-reden" name="reden" rows={2} required className={field} />
            </div>
          </MailComposer>
        </Panel>
      )}
      {open && (
        <Panel title="Afronden">
          <ActionForm
            action={closeAction}
            meldingId={m.id}
            submitLabel="Melding afronden"
            hint={
              m.firstAssessedAt
                ? null
                : 'Beoordeel de melding eerst (paneel Beoordelen): pas dan kan zij worden afgerond.'
            }
          >
            <div>
              <label htmlFor="close-uitkomst" className="block text-sm font-medium">
                Uitkomst
              </label>
              <select id="close-uitkomst" name="uitkomst" required defaultValue="" className={field}>
                <option value="" disabled>
                  Kies een uitkomst
                </option>
                <option value="TOEGELEID">Toegeleid naar zorg</option>
                <option value="GEEN_VERVOLG">Geen vervolg</option>
                <option value="DOORGESTUURD">Doorgestuurd naar ander meldpunt</option>
              </select>
            </div>
            <div>
              <label htmlFor="close-loket" className="block text-sm font-medium">
                Meldpunt (bij doorgestuurd)
              </label>
              <input id="close-loket" name="loketAdvies" className={field} />
            </div>
            <div>
              <label htmlFor="toelichting" className="block text-sm font-medium">
                Toelichting
              </label>
              <textarea id="toelichting" name="toelichting" rows={2} className={field} />
            </div>
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
