import 'server-only';
import type { TDb } from '../db/client';
import { OPEN_IN_WORK_QUEUE } from '../ingest/work-queue-scope';
import { buildNotificatie } from '../mail/notificatie';
import { newMessageId } from '../mail/message-id';
import { queueOutgoing } from '../outbox/queue-outgoing';
import { getSettings } from '../settings/get-settings';

/**
 * One run of the notification job: every active medewerker or beheerder who opted in and for whom
 * something new arrived since their last notification gets one mail in the outbox (counts and
 * links only, lib/mail/notificatie.ts), sent from the first active mailbox. The job runs once per
 * interval over all workers (runOncePerSlot), so nobody gets more than one mail per interval.
 * Returns how many mails were queued.
 */
export async function queueNotificationMails(opts: {
  db: TDb;
  /** The dashboard's public address, e.g. https://meldpunt.example/ */
  baseUrl: string;
  now?: Date;
}): Promise<number> {
  const now = opts.now ?? new Date();
  const mailbox = await opts.db.mailbox.findFirst({
    where: { active: true },
    orderBy: { name: 'asc' },
    select: { id: true, fromAddress: true },
  });
  if (!mailbox) return 0;
  const users = await opts.db.user.findMany({
    where: { mailNotifications: true, active: true, role: { in: ['MEDEWERKER', 'BEHEERDER'] } },
    select: { id: true, email: true, role: true, notifiedUpTo: true },
  });
  if (users.length === 0) return 0;
  const { meldpuntNaam } = await getSettings({ db: opts.db });
  const link = (path: string) => new URL(path, opts.baseUrl).href;
  const waitingMeldingen = { status: 'ONTVANGEN', anonymisedAt: null } as const;
  let queued = 0;
  for (const user of users) {
    if (!user.notifiedUpTo) {
      // Opted in outside the account page: start counting from now.
      await opts.db.user.updateMany({
        where: { id: user.id, notifiedUpTo: null },
        data: { notifiedUpTo: now },
      });
      continue;
    }
    const since = user.notifiedUpTo;
    const seesMeldingen = user.role === 'MEDEWERKER';
    const [nieuweMeldingen, nieuwInPostvak] = await Promise.all([
      seesMeldingen
        ? opts.db.melding.count({ where: { ...waitingMeldingen, createdAt: { gt: since, lte: now } } })
        : 0,
      opts.db.inboundMessage.count({
        where: { AND: [OPEN_IN_WORK_QUEUE, { storedAt: { gt: since, lte: now } }] },
      }),
    ]);
    if (nieuweMeldingen === 0 && nieuwInPostvak === 0) continue;
    const [wachtendeMeldingen, wachtendInPostvak] = await Promise.all([
      seesMeldingen ? opts.db.melding.count({ where: waitingMeldingen }) : 0,
      opts.db.inboundMessage.count({ where: OPEN_IN_WORK_QUEUE }),
    ]);
    const content = buildNotificatie({
      meldpuntNaam,
      meldingen: seesMeldingen
        ? { nieuw: nieuweMeldingen, wachtend: wachtendeMeldingen, link: link('/meldingen') }
        : null,
      postvak: { nieuw: nieuwInPostvak, wachtend: wachtendInPostvak, link: link('/postvak') },
      accountLink: link('/account'),
    });
    await opts.db.$transaction(async (tx) => {
      // Only if no other run advanced this user meanwhile: one mail per new arrival.
      const claimed = await tx.user.updateMany({
        where: { id: user.id, mailNotifications: true, notifiedUpTo: user.notifiedUpTo },
        data: { notifiedUpTo: now },
      });
      if (claimed.count === 0) return;
      await queueOutgoing(tx, {
        mailboxId: mailbox.id,
        kind: 'NOTIFICATIE',
        recipient: user.email,
        subject: content.subject,
        body: content.body,
        messageId: newMessageId(mailbox.fromAddress),
      });
      queued++;
    });
  }
  return queued;
}
