import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/require-user';
import { getDb } from '@/lib/db/client';
import { subjectIsFixed, TEMPLATE_KINDS, type TTemplateKind } from '@/lib/mail/default-templates';
import { getMailTemplate } from '@/lib/settings/get-mail-template';
import { getSettings } from '@/lib/settings/get-settings';
import { AdminHeading } from '../_shared/admin-heading';
import { updateTemplateAction } from './actions';
import { TemplateEditor } from './template-editor';

export const metadata: Metadata = { title: 'Sjablonen' };
export const dynamic = 'force-dynamic';

const TITLES: Record<TTemplateKind, string> = {
  AANVULLING: 'Verzoek om aanvulling',
  NIET_IN_BEHANDELING: 'Niet in behandeling',
  TERUGKOPPELING: 'Terugkoppeling aan de politie',
};

export default async function TemplatesPage() {
  await requireUser(['BEHEERDER']);
  const db = getDb();
  const [settings, templates] = await Promise.all([
    getSettings({ db }),
    Promise.all(TEMPLATE_KINDS.map((kind) => getMailTemplate({ db, kind }))),
  ]);
  // The meldpunt's real settings (an empty one stays visible as its placeholder, as sending would
  // refuse it); a fictitious melding and what staff would type with the action.
  const sample = {
    kenmerk: 'PL1300-2026000123',
    initialen: 'J.P. de V.',
    behandelaar: 'A. Agent',
    meldpuntNaam: settings.meldpuntNaam,
    meldpuntTelefoon: settings.meldpuntTelefoon,
    reden: '[reden die de medewerker invult]',
    loket: '[geadviseerd loket]',
    afstemming: 'Zoals op 7 december 2026 telefonisch afgestemd met A. Agent,',
  };
  return (
    <section className="space-y-6">
      <AdminHeading title="Sjablonen">
        De teksten die medewerkers als basis gebruiken voor mail aan de politie. Invulvelden tussen accolades
        worden bij het versturen ingevuld.
      </AdminHeading>
      {TEMPLATE_KINDS.map((kind, i) => (
        <TemplateEditor
          key={kind}
          action={updateTemplateAction}
          kind={kind}
          title={TITLES[kind]}
          subject={templates[i]!.subject}
          body={templates[i]!.body}
          subjectFixed={subjectIsFixed(kind)}
          sample={sample}
        />
      ))}
    </section>
  );
}
