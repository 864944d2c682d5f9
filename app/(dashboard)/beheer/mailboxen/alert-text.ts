import type { TMailboxAlert, TMailboxStatus } from '@/lib/mailbox/list-mailbox-status';

/** One Dutch sentence per alert, for the overview and the mailbox list. */
export function alertText(alert: TMailboxAlert, mb: TMailboxStatus, syncAlarmMinuten: number): string {
  switch (alert) {
    case 'niet_gesynchroniseerd':
      return `${mb.name}: langer dan ${syncAlarmMinuten} minuten niet gesynchroniseerd${mb.holder ? '' : ' (geen verwerkingsproces leest deze mailbox)'}.`;
    case 'fout':
      return `${mb.name}: de laatste poging gaf een fout: ${mb.lastError ?? 'onbekend'}`;
    case 'geparkeerd':
      return `${mb.name}: ${mb.parked} geparkeerd${mb.parked === 1 ? ' bericht' : 'e berichten'} wacht${mb.parked === 1 ? '' : 'en'} op een beheerder.`;
    case 'uitgaand_mislukt':
      return `${mb.name}: ${mb.failedOutgoing} uitgaande mail${mb.failedOutgoing === 1 ? ' is' : 's zijn'} niet verstuurd (signalen of berichten aan de politie).`;
  }
}
