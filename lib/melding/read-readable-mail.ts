import 'server-only';
import type { TDb } from '../db/client';
import { readBytes } from '../bytes/read-bytes';
import {
  readableFromJson,
  readableMail,
  readableToJson,
  type TReadableMail,
  type TReadableMailJson,
} from '../mail/readable-mail';

/**
 * A ledger message as staff read it, from the readable copy the worker kept on its row: the raw
 * mail (with a 20 MB attachment, perhaps) is not read. A message stored before that copy existed
 * gets it now, made once from the raw mail. Null when the mail was removed or cannot be read.
 */
export async function readReadableMail(opts: {
  db: TDb;
  message: { id: string; rawHash: string | null; readable: unknown };
}): Promise<TReadableMail | null> {
  if (opts.message.readable) return readableFromJson(opts.message.readable as TReadableMailJson);
  const raw = opts.message.rawHash ? await readBytes({ db: opts.db, sha256: opts.message.rawHash }) : null;
  const mail = raw ? await readableMail(raw).catch(() => null) : null;
  if (mail)
    await opts.db.inboundMessage.updateMany({
      where: { id: opts.message.id, rawHash: { not: null } },
      data: { readable: readableToJson(mail) },
    });
  return mail;
}
