import { describe, expect, it } from 'vitest';
import { newMessageId } from '../../../lib/mail/message-id';
import {
  buildAcceptatiesignaal,
  buildFoutmelding,
  buildReplyOpMelding,
  buildVerzoekOmAanvulling,
} from '../../../lib/mail/templates';

const original = { messageId: '<a1b2c3@politie.nl>', subject: 'melding niet-acute zorg met 2026123456' };

describe('outgoing templates', () => {
  it('acceptatiesignaal: protocol text exactly, kenmerk in the subject, threaded onto the melding', () => {
    expect(buildAcceptatiesignaal({ kenmerk: '2026123456', original })).toEqual({
      subject: 'Acceptatiesignaal: melding niet-acute zorg met 2026123456',
      body: 'Uw bericht is succesvol verwerkt in ons informatiesysteem en daarin ontvangen voor gebruik door de beoogde medewerkers.',
      inReplyTo: '<a1b2c3@politie.nl>',
      references: ['<a1b2c3@politie.nl>'],
    });
  });

  it('foutmelding: protocol text exactly with the reason', () => {
    const mail = buildFoutmelding({
      kenmerk: '2026123456',
      reden: 'er is geen meldformulier bijgevoegd',
      original,
    });
    expect(mail.subject).toBe('Foutmelding: melding niet-acute zorg met 2026123456');
    expect(mail.body).toBe(
      'Uw bericht is ontvangen maar kon niet succesvol verwerkt worden in ons informatiesysteem vanwege deze fout in de verwerking: er is geen meldformulier bijgevoegd',
    );
    expect(mail.inReplyTo).toBe('<a1b2c3@politie.nl>');
  });

  it('foutmelding without a known kenmerk carries the original subject', () => {
    expect(
      buildFoutmelding({ kenmerk: null, reden: 'x', original: { messageId: null, subject: 'Melding zorg' } }),
    ).toMatchObject({
      subject: 'Foutmelding: Melding zorg',
      inReplyTo: null,
      references: [],
    });
    expect(buildFoutmelding({ kenmerk: null, reden: 'x' }).subject).toBe(
      'Foutmelding: melding niet-acute zorg',
    );
  });

  it('keeps header injection out of subjects and reasons', () => {
    const mail = buildFoutmelding({
      kenmerk: null,
      reden: 'a\r\nb',
      original: { messageId: '<x@y>', subject: 'S\r\nBcc: evil@evil.example' },
    });
    expect(mail.subject).toBe('Foutmelding: S Bcc: evil@evil.example');
    expect(mail.body.endsWith('a b')).toBe(true);
  });

  it('verzoek om aanvulling: subject exactly as the protocol says, staff text as body, references extended', () => {
    const mail = buildVerzoekOmAanvulling({
      kenmerk: '2026123456',
      body: 'Graag het adres van betrokkene.',
      original: { ...original, references: ['<older@politie.nl>'] },
    });
    expect(mail).toEqual({
      subject: 'Verzoek om aanvulling op melding niet-acute zorg met 2026123456',
      body: 'Graag het adres van betrokkene.',
      inReplyTo: '<a1b2c3@politie.nl>',
      references: ['<older@politie.nl>', '<a1b2c3@politie.nl>'],
    });
  });

  it('reply op melding (bericht 2): the subject starts with the protocol text, threaded to the melding', () => {
    const mail = buildReplyOpMelding({
      kenmerk: '2026123456',
      body: 'Doorverwezen naar Veilig Thuis.',
      original: { messageId: '<a1b2c3@politie.nl>', subject: 'melding niet-acute zorg met 2026123456' },
    });
    expect(mail.subject.startsWith('reply op melding niet acute zorg met 2026123456')).toBe(true);
    expect(mail.inReplyTo).toBe('<a1b2c3@politie.nl>');
  });
});

describe('newMessageId', () => {
  it('makes a unique <uuid@domain> from an address or a domain', () => {
    const a = newMessageId('Meldpunt@Gemeente.example');
    expect(a).toMatch(/^<[0-9a-f-]{36}@gemeente\.example>$/);
    expect(newMessageId('gemeente.example')).not.toBe(newMessageId('gemeente.example'));
  });

  it('refuses something that is not a domain', () => {
    expect(() => newMessageId('meldpunt@')).toThrow(/Ongeldig domein/);
    expect(() => newMessageId('a@b c.example')).toThrow();
    expect(() => newMessageId('a@evil>\r\nBcc: x')).toThrow();
    expect(newMessageId('meldpunt@localhost')).toMatch(/@localhost>$/);
  });
});
