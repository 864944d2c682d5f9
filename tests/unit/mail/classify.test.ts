import { describe, expect, it } from 'vitest';
import { classifyMail } from '../../../lib/mail/classify';
import { composeParsed, fixture, PDF } from '../../fixtures/mail/compose';

const OUR_ID = '<0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f@gemeente.example>';
const ours = new Set([OUR_ID]);
const form = [{ filename: 'meldformulier.pdf', content: PDF, contentType: 'application/pdf' }];

describe('classifyMail: meldingen', () => {
  it('recognises a new melding by its protocol subject', async () => {
    const mail = await composeParsed({
      subject: 'melding niet-acute zorg met 2026123456',
      attachments: form,
    });
    expect(classifyMail(mail, ours)).toEqual({ kind: 'melding', kenmerk: '2026123456', forwarded: false });
  });

  it('is still a melding without an attachment (the worker answers with a foutmelding)', async () => {
    const mail = await composeParsed({
      subject: 'Melding niet acute zorg met registratiekenmerk PL0900-2026123456',
    });
    expect(classifyMail(mail, ours)).toEqual({
      kind: 'melding',
      kenmerk: 'PL0900-2026123456',
      forwarded: false,
    });
  });

  it.each(['FW:', 'Fwd:', 'Doorst:', 'FW: FW:'])(
    'recognises a melding forwarded with %s and names who forwarded it',
    async (prefix) => {
      const mail = await composeParsed({
        from: 'Meldpunt Regio Noord <Meldpunt@Regio-Noord.example>',
        subject: `${prefix} melding niet-acute zorg met 2026123456`,
        attachments: form,
      });
      expect(classifyMail(mail, ours)).toEqual({
        kind: 'melding',
        kenmerk: '2026123456',
        forwarded: true,
        forwardedBy: 'meldpunt@regio-noord.example',
      });
    },
  );

  it('keeps a melding from an automated police system that marks itself auto-generated', async () => {
    const mail = await composeParsed({
      subject: 'melding niet-acute zorg met 2026123456',
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      attachments: form,
    });
    expect(classifyMail(mail, ours)).toMatchObject({ kind: 'melding', kenmerk: '2026123456' });
  });
});

describe('classifyMail: replies to our mail', () => {
  it('threads by In-Reply-To to one of our Message-IDs', async () => {
    const mail = await composeParsed({
      from: 'agent.jansen@politie.nl',
      subject: 'RE: Verzoek om aanvulling op melding niet-acute zorg met 2026123456',
      inReplyTo: OUR_ID,
    });
    expect(classifyMail(mail, ours)).toEqual({ kind: 'reply', inReplyTo: OUR_ID, kenmerk: '2026123456' });
  });

  it('threads by References when In-Reply-To is someone else, and accepts a lookup callback', async () => {
    const mail = await composeParsed({
      subject: 'Aanvullende informatie',
      inReplyTo: '<other@politie.nl>',
      references: [OUR_ID, '<other@politie.nl>'],
    });
    expect(classifyMail(mail, (id) => id === OUR_ID)).toEqual({
      kind: 'reply',
      inReplyTo: OUR_ID,
      kenmerk: null,
    });
  });

  it('a reply by header wins over a melding subject inside it', async () => {
    const mail = await composeParsed({
      subject: 'RE: melding niet-acute zorg met 2026123456',
      inReplyTo: OUR_ID,
      attachments: form,
    });
    expect(classifyMail(mail, ours)).toEqual({ kind: 'reply', inReplyTo: OUR_ID, kenmerk: '2026123456' });
  });

  it.each([
    ['RE: Verzoek om aanvulling op melding niet-acute zorg met 2026123456'],
    ['Antw: Verzoek om aanvulling op melding niet-acute zorg met 2026123456'],
    ['AW: RE: Niet in behandeling: reply op melding niet acute zorg met 2026123456'],
    ['Re: reply op melding niet acute zorg met 2026123456'],
  ])('threads by kenmerk in our own subject when the headers are lost: %s', async (subject) => {
    const mail = await composeParsed({ subject });
    expect(classifyMail(mail, ours)).toEqual({ kind: 'reply', inReplyTo: null, kenmerk: '2026123456' });
  });

  it('treats our own subject without a reply prefix as a loop, not a melding', async () => {
    for (const subject of [
      'Acceptatiesignaal: melding niet-acute zorg met 2026123456',
      'Verzoek om aanvulling op melding niet-acute zorg met 2026123456',
    ]) {
      expect(classifyMail(await composeParsed({ subject }), ours)).toEqual({ kind: 'other' });
    }
  });
});

describe('classifyMail: machine mail wins over subjects', () => {
  it('recognises a Postfix DSN and the Message-ID of our bounced mail from text/rfc822-headers', async () => {
    const result = classifyMail(await fixture('bounce-postfix-dsn.eml'), ours);
    expect(result).toEqual({
      kind: 'auto',
      reason: 'bounce',
      bouncedMessageId: '<6f1c2d1e-8a55-4c3b-9d7e-0b1f3f9c2a10@gemeente.example>',
    });
  });

  it('recognises an Exchange NDR threaded onto our mail, with the Message-ID from message/rfc822', async () => {
    const result = classifyMail(await fixture('bounce-exchange-ndr.eml'), ours);
    expect(result).toEqual({ kind: 'auto', reason: 'bounce', bouncedMessageId: OUR_ID });
  });

  it('recognises an Outlook out-of-office reply to our verzoek om aanvulling', async () => {
    expect(classifyMail(await fixture('ooo-outlook.eml'), ours)).toEqual({
      kind: 'auto',
      reason: 'auto-reply',
    });
  });

  it('recognises an out-of-office reply by subject alone, even when it quotes a melding subject', async () => {
    expect(classifyMail(await fixture('ooo-subject-only.eml'), ours)).toEqual({
      kind: 'auto',
      reason: 'auto-reply',
    });
  });

  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, 'melding niet-acute zorg met 2026123456'],
    [{ 'X-Autoreply': 'yes' }, 'melding niet-acute zorg met 2026123456'],
    [{ Precedence: 'auto_reply' }, 'melding niet-acute zorg met 2026123456'],
    [{ 'Auto-Submitted': 'auto-generated' }, 'Uw aanvraag'],
    [{ Precedence: 'bulk' }, 'Nieuwsbrief november'],
    [
      { 'X-Auto-Response-Suppress': 'All' },
      'RE: Verzoek om aanvulling op melding niet-acute zorg met 2026123456',
    ],
  ])('marks %o with subject "%s" as an auto-reply', async (headers, subject) => {
    const mail = await composeParsed({ subject, headers, attachments: form });
    expect(classifyMail(mail, ours)).toEqual({ kind: 'auto', reason: 'auto-reply' });
  });

  it.each([
    'Automatisch antwoord: melding niet-acute zorg met 2026123456',
    'Out of Office: melding niet-acute zorg met 2026123456',
    'Afwezig: RE: Verzoek om aanvulling op melding niet-acute zorg met 2026123456',
  ])('marks the subject "%s" as an auto-reply', async (subject) => {
    expect(classifyMail(await composeParsed({ subject, inReplyTo: OUR_ID }), ours)).toEqual({
      kind: 'auto',
      reason: 'auto-reply',
    });
  });

  it('does not take Auto-Submitted: no as automatic', async () => {
    const mail = await composeParsed({
      subject: 'melding niet-acute zorg met 2026123456',
      headers: { 'Auto-Submitted': 'no' },
    });
    expect(classifyMail(mail, ours)).toMatchObject({ kind: 'melding' });
  });
});

describe('classifyMail: other mail', () => {
  it.each([
    'Vraag over de werkwijze',
    '',
    'Uitnodiging ketenoverleg melding niet-acute zorg',
    'melding niet-acute zorg met',
  ])('leaves "%s" as other', async (subject) => {
    expect(classifyMail(await composeParsed({ subject }), ours)).toEqual({ kind: 'other' });
  });

  it('copes with a mail without subject, From or Message-ID', () => {
    expect(classifyMail({ headers: new Map(), attachments: [] }, ours)).toEqual({ kind: 'other' });
  });
});
