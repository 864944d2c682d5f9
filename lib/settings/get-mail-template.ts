import 'server-only';
import type { TDb, TTx } from '../db/client';
import {
  DEFAULT_MAIL_TEMPLATES,
  type TMailTemplateText,
  type TTemplateKind,
} from '../mail/default-templates';

/** The template for a kind: the beheerder's stored text, or the default while none is stored. */
export async function getMailTemplate(opts: {
  db: TDb | TTx;
  kind: TTemplateKind;
}): Promise<TMailTemplateText & { isDefault: boolean }> {
  const row = await opts.db.mailTemplate.findUnique({
    where: { kind: opts.kind },
    select: { subject: true, body: true },
  });
  return row ? { ...row, isDefault: false } : { ...DEFAULT_MAIL_TEMPLATES[opts.kind], isDefault: true };
}
