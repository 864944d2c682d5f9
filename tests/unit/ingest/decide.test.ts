/**
 * The decision table of lib/ingest/decide.ts, whole: every classification × authenticity verdict
 * × policy × form reading, plus repeated delivery, DNS trouble and replies to closed meldingen.
 */
import { describe, expect, it } from 'vitest';
import {
  decide,
  type TFormReading,
  type TInboundAnalysis,
  type TInboundFacts,
  type TInboundOutcome,
} from '../../../lib/ingest/decide';
import type { TClassification } from '../../../lib/mail/classify';

const PASS = { verdict: 'pass' as const, temporary: false, reason: null };
const FAIL = {
  verdict: 'fail' as const,
  temporary: false,
  reason: 'Het bericht heeft geen DKIM-handtekening.',
};
const DNS = {
  verdict: 'fail' as const,
  temporary: true,
  reason: 'De DKIM-handtekening is niet geldig (politie.nl: temperror).',
};

const KENMERK = 'PL1300-2026000123';
const melding: TClassification = { kind: 'melding', kenmerk: KENMERK, forwarded: false };
const forwarded: TClassification = {
  kind: 'melding',
  kenmerk: KENMERK,
  forwarded: true,
  forwardedBy: 'collega@gemeente.example',
};
const reply: TClassification = { kind: 'reply', inReplyTo: '<a@meldpunt>', kenmerk: KENMERK };
const autoReply: TClassification = { kind: 'auto', reason: 'auto-reply' };
const bounce: TClassification = { kind: 'auto', reason: 'bounce', bouncedMessageId: '<a@meldpunt>' };
const other: TClassification = { kind: 'other' };

const goodForm: TFormReading = {
  picked: true,
  fileProblem: null,
  formKenmerk: KENMERK,
  contentProblems: [],
  warnings: [],
  hasOfficerEmail: true,
};

const FORMS: Record<string, TFormReading> = {
  good: goodForm,
  'no attachment': { picked: false, code: 'no-attachment', reason: 'er is geen meldformulier bijgevoegd' },
  'unsupported type': {
    picked: false,
    code: 'unsupported-type',
    reason: 'niet-ondersteund bestandstype (png)',
  },
  'several forms': {
    picked: false,
    code: 'several-forms',
    reason: 'er zijn meerdere meldformulieren bijgevoegd',
  },
  'broken pdf by name': { picked: false, code: 'unreadable', reason: 'beschadigde of onleesbare PDF' },
  'corrupt pdf': { ...goodForm, fileProblem: 'Bijlage is een beschadigde of onvolledige PDF' },
  'encrypted pdf': { ...goodForm, fileProblem: 'Bijlage is een met een wachtwoord beveiligde PDF' },
  'kenmerk mismatch': { ...goodForm, formKenmerk: 'PL1300-2026999999' },
  'no reden': {
    ...goodForm,
    contentProblems: [{ field: 'redenAanmelding', message: 'De reden aanmelding ontbreekt' }],
  },
  'no officer e-mail': {
    ...goodForm,
    hasOfficerEmail: false,
    contentProblems: [{ field: 'behandelaar.email', message: 'Het e-mailadres ontbreekt' }],
  },
  'bsn fails elfproef': {
    ...goodForm,
    warnings: [{ field: 'betrokkene.bsn', message: "Het BSN '123456789' voldoet niet aan de elfproef." }],
  },
  'no kenmerk in form': {
    ...goodForm,
    formKenmerk: null,
    contentProblems: [{ field: 'kenmerk', message: 'Het kenmerk ontbreekt' }],
  },
  'implausible birth date only': {
    ...goodForm,
    warnings: [{ field: 'betrokkene.geboortedatum', message: 'ligt in de toekomst' }],
  },
};

/** What each form reading comes to for a trusted sender. */
const EXPECTED_FOR_FORM: Record<string, Partial<TInboundOutcome>> = {
  good: { kind: 'accept', askAanvulling: null },
  'no attachment': { kind: 'foutmelding', reason: 'er is geen meldformulier bijgevoegd' },
  'unsupported type': { kind: 'foutmelding' },
  'several forms': { kind: 'foutmelding' },
  'broken pdf by name': { kind: 'foutmelding', reason: 'beschadigde of onleesbare PDF' },
  'corrupt pdf': { kind: 'foutmelding' },
  'encrypted pdf': { kind: 'foutmelding' },
  'kenmerk mismatch': { kind: 'foutmelding' },
  'no reden': { kind: 'accept', askAanvulling: 'email' },
  'no officer e-mail': { kind: 'accept', askAanvulling: 'telefoon' },
  'bsn fails elfproef': { kind: 'accept', askAanvulling: 'email' },
  'no kenmerk in form': { kind: 'accept', askAanvulling: 'email', kenmerk: KENMERK },
  'implausible birth date only': { kind: 'accept', askAanvulling: null },
};

const FACTS: TInboundFacts = {
  policy: 'ENFORCE',
  released: false,
  registerByHand: false,
  deferrals: 0,
  maxDeferrals: 6,
  duplicateOf: null,
  linkedMelding: null,
  zelftest: false,
};

function analysis(
  c: TClassification | null,
  auth: TInboundAnalysis['authenticity'] = PASS,
  form: TFormReading | null = null,
): TInboundAnalysis {
  return { authenticity: auth, unreadable: null, subjectMelding: null, classification: c, form };
}

describe('decide: meldingen', () => {
  for (const policy of ['ENFORCE', 'MONITOR'] as const) {
    for (const [authName, auth] of [
      ['verified', PASS],
      ['unverified', FAIL],
    ] as const) {
      for (const [formName, form] of Object.entries(FORMS)) {
        for (const c of [melding, forwarded]) {
          const trusted = auth === PASS || policy === 'MONITOR';
          const expected = trusted
            ? EXPECTED_FOR_FORM[formName]!
            : { kind: 'quarantine', isMelding: true, forwarded: c.kind === 'melding' && c.forwarded };
          it(`${policy} × ${authName} × ${c.kind === 'melding' && c.forwarded ? 'forwarded' : 'new'} × ${formName} → ${expected.kind}`, () => {
            const outcome = decide(analysis(c, auth, trusted ? form : null), { ...FACTS, policy });
            expect(outcome).toMatchObject(expected);
            if (outcome.kind === 'accept') {
              expect(outcome.verified).toBe(auth === PASS);
              // content problems travel with the melding as warnings
              if (form.picked) expect(outcome.warnings).toEqual([...form.contentProblems, ...form.warnings]);
            }
          });
        }
      }
    }
  }

  it('processes a released melding as verified, even under ENFORCE', () => {
    expect(decide(analysis(melding, FAIL, goodForm), { ...FACTS, released: true })).toMatchObject({
      kind: 'accept',
      verified: true,
    });
  });

  it('answers an unreadable mail with a melding subject by a foutmelding, only to a trusted sender', () => {
    const unreadable: TInboundAnalysis = {
      ...analysis(null),
      unreadable: 'het bericht kon niet worden gelezen',
      subjectMelding: { kenmerk: KENMERK, forwarded: false },
    };
    expect(decide(unreadable, FACTS)).toMatchObject({ kind: 'foutmelding', kenmerk: KENMERK });
    expect(decide({ ...unreadable, authenticity: FAIL }, FACTS)).toMatchObject({ kind: 'quarantine' });
    expect(decide({ ...unreadable, subjectMelding: null }, FACTS)).toMatchObject({ kind: 'unreadable' });
  });
});

describe('decide: DNS trouble', () => {
  it('defers with doubling backoff under ENFORCE, then quarantines once retries are spent', () => {
    expect(decide(analysis(melding, DNS), FACTS)).toMatchObject({ kind: 'defer', delayFactor: 1 });
    expect(decide(analysis(melding, DNS), { ...FACTS, deferrals: 3 })).toMatchObject({
      kind: 'defer',
      delayFactor: 8,
    });
    expect(decide(analysis(melding, DNS), { ...FACTS, deferrals: 6 })).toMatchObject({ kind: 'quarantine' });
  });
  it('does not defer where authenticity does not matter (MONITOR, other mail)', () => {
    expect(decide(analysis(melding, DNS, goodForm), { ...FACTS, policy: 'MONITOR' })).toMatchObject({
      kind: 'accept',
    });
    expect(decide(analysis(other, DNS), FACTS)).toMatchObject({ kind: 'other' });
  });
  it('defers a reply too, rather than sending it to the work queue', () => {
    expect(decide(analysis(reply, DNS), FACTS)).toMatchObject({ kind: 'defer' });
  });
});

describe('decide: replies and auto-replies follow the policy', () => {
  const open = { meldingId: 'm1', closed: false, anonymised: false };
  const table: [
    string,
    TClassification,
    typeof PASS | typeof FAIL,
    'ENFORCE' | 'MONITOR',
    TInboundFacts['linkedMelding'],
    Partial<TInboundOutcome>,
  ][] = [
    [
      'verified reply to an open melding',
      reply,
      PASS,
      'ENFORCE',
      open,
      { kind: 'reply', meldingId: 'm1', verified: true },
    ],
    [
      'spoofed reply under ENFORCE',
      reply,
      FAIL,
      'ENFORCE',
      open,
      { kind: 'reply-to-queue', code: 'unverified', meldingId: 'm1' },
    ],
    ['unverified reply under MONITOR', reply, FAIL, 'MONITOR', open, { kind: 'reply', verified: false }],
    [
      'reply to a closed melding',
      reply,
      PASS,
      'ENFORCE',
      { ...open, closed: true },
      { kind: 'reply-to-queue', code: 'closed' },
    ],
    [
      'reply to an anonymised melding',
      reply,
      PASS,
      'MONITOR',
      { ...open, anonymised: true },
      { kind: 'reply-to-queue', code: 'closed' },
    ],
    ['reply matching no melding', reply, PASS, 'ENFORCE', null, { kind: 'reply-to-queue', code: 'unlinked' }],
    [
      'verified auto-reply to our aanvulling',
      autoReply,
      PASS,
      'ENFORCE',
      open,
      { kind: 'auto-linked', meldingId: 'm1', bounce: false },
    ],
    ['spoofed auto-reply under ENFORCE', autoReply, FAIL, 'ENFORCE', open, { kind: 'auto', bounce: false }],
    [
      'unverified auto-reply under MONITOR',
      autoReply,
      FAIL,
      'MONITOR',
      open,
      { kind: 'auto-linked', verified: false },
    ],
    ['auto-reply to nothing of ours', autoReply, PASS, 'ENFORCE', null, { kind: 'auto' }],
    ['bounce of our mail from an MTA', bounce, FAIL, 'ENFORCE', open, { kind: 'auto', bounce: true }],
    ['other mail, verified', other, PASS, 'ENFORCE', null, { kind: 'other' }],
    ['other mail, unverified', other, FAIL, 'ENFORCE', null, { kind: 'other' }],
  ];
  it.each(table)('%s', (_name, c, auth, policy, linkedMelding, expected) => {
    expect(decide(analysis(c, auth), { ...FACTS, policy, linkedMelding })).toMatchObject(expected);
  });
});

describe('decide: repeated delivery', () => {
  const accepted = { outcome: 'accepted' as const, meldingId: 'm1', kenmerk: KENMERK, reason: null };
  const refused = {
    outcome: 'refused' as const,
    meldingId: null,
    kenmerk: KENMERK,
    reason: 'er is geen meldformulier bijgevoegd',
  };
  it('sends the acceptatiesignaal again for a resend of an accepted melding', () => {
    expect(decide(analysis(melding, PASS, goodForm), { ...FACTS, duplicateOf: accepted })).toEqual({
      kind: 'resend-accepted',
      meldingId: 'm1',
      kenmerk: KENMERK,
    });
  });
  it('sends the foutmelding again for a resend of a refused one', () => {
    expect(
      decide(analysis(melding, PASS, FORMS['no attachment']!), { ...FACTS, duplicateOf: refused }),
    ).toEqual({
      kind: 'resend-refused',
      kenmerk: KENMERK,
      reason: 'er is geen meldformulier bijgevoegd',
    });
  });
  it('never signals a resend from an unverified sender under ENFORCE', () => {
    expect(decide(analysis(melding, FAIL), { ...FACTS, duplicateOf: accepted })).toEqual({
      kind: 'duplicate',
    });
  });
  it('decides a melding afresh when the earlier delivery was quarantined (policy may have changed)', () => {
    const earlier = { outcome: 'other' as const, meldingId: null, kenmerk: KENMERK, reason: 'x' };
    expect(
      decide(analysis(melding, FAIL, goodForm), { ...FACTS, policy: 'MONITOR', duplicateOf: earlier }),
    ).toMatchObject({ kind: 'accept' });
  });
  it('records other mail delivered twice as a duplicate', () => {
    const earlier = { outcome: 'other' as const, meldingId: null, kenmerk: null, reason: null };
    expect(decide(analysis(other), { ...FACTS, duplicateOf: earlier })).toEqual({ kind: 'duplicate' });
  });
});

describe('decide: registration at a person’s request', () => {
  const register = { ...FACTS, registerByHand: true, released: true };
  it('registers from the form whatever the subject, with a signal only for a protocol melding', () => {
    expect(decide(analysis(other, FAIL, goodForm), register)).toMatchObject({
      kind: 'accept',
      byHand: true,
      signal: false,
      kenmerk: KENMERK,
    });
    expect(decide(analysis(melding, PASS, FORMS['kenmerk mismatch']!), register)).toMatchObject({
      kind: 'accept',
      kenmerk: 'PL1300-2026999999',
      signal: true,
      signalKenmerk: KENMERK,
    });
  });
  it('refuses without a readable form, sending the person to registration by hand', () => {
    for (const name of ['no attachment', 'corrupt pdf', 'broken pdf by name'])
      expect(decide(analysis(melding, PASS, FORMS[name]!), register)).toMatchObject({
        kind: 'register-failed',
        reason: expect.stringMatching(/Registreer de melding met de hand/),
      });
  });
});

describe('decide: keten-zelftest', () => {
  it('records the test mail of an open zelftest as its progress only, whatever the mail looks like', () => {
    for (const c of [melding, other])
      expect(decide(analysis(c, FAIL, goodForm), { ...FACTS, zelftest: true })).toEqual({ kind: 'zelftest' });
  });

  it('treats a mail without a known zelftest Message-ID (a forged marker) as ordinary mail', () => {
    expect(decide(analysis(other), FACTS)).toEqual({ kind: 'other', reason: null });
    expect(decide(analysis(melding, PASS, goodForm), FACTS)).toMatchObject({ kind: 'accept' });
  });
});
