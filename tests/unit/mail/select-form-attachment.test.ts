import { describe, expect, it } from 'vitest';
import { selectFormAttachment } from '../../../lib/mail/select-form-attachment';
import { composeParsed, DOC, DOCX, PDF, PNG, XLSX } from '../../fixtures/mail/compose';

const att = (filename: string | undefined, content: Buffer, contentType = 'application/octet-stream') => ({
  filename,
  content,
  contentType,
});

describe('selectFormAttachment', () => {
  it('picks the one PDF form from a real parsed mail, next to a signature logo', async () => {
    const mail = await composeParsed({
      subject: 'melding niet-acute zorg met 2026123456',
      attachments: [
        { filename: 'logo.png', content: PNG, contentType: 'image/png' },
        { filename: 'meldformulier.pdf', content: PDF, contentType: 'application/pdf' },
      ],
    });
    const r = selectFormAttachment(mail.attachments);
    expect(r).toMatchObject({ ok: true, format: 'pdf', attachment: { filename: 'meldformulier.pdf' } });
  });

  it('picks a .docx form by its bytes', () => {
    expect(selectFormAttachment([att('formulier.docx', DOCX)])).toMatchObject({ ok: true, format: 'docx' });
  });

  it('judges by bytes when the Content-Type and name lie', () => {
    expect(selectFormAttachment([att('scan.jpg', PDF, 'image/jpeg')])).toMatchObject({
      ok: true,
      format: 'pdf',
    });
    const r = selectFormAttachment([att('meldformulier.pdf', PNG, 'application/pdf')]);
    expect(r).toMatchObject({ ok: false, code: 'unsupported-type' });
    expect(!r.ok && r.reason).toContain('(png)');
  });

  it('tolerates bytes before the PDF header', () => {
    expect(selectFormAttachment([att('f.pdf', Buffer.concat([Buffer.from('\r\n\r\n'), PDF]))])).toMatchObject(
      { ok: true, format: 'pdf' },
    );
  });

  it('reports no attachment', () => {
    expect(selectFormAttachment([])).toEqual({
      ok: false,
      code: 'no-attachment',
      reason: 'er is geen meldformulier bijgevoegd',
    });
    // an S/MIME signature or inline image is not an attempt at a form
    const incidental = [
      att('smime.p7s', Buffer.from('x'), 'application/pkcs7-signature'),
      { ...att('logo.png', PNG, 'image/png'), related: true },
    ];
    expect(selectFormAttachment(incidental)).toMatchObject({ ok: false, code: 'no-attachment' });
  });

  it.each([
    ['formulier.doc', DOC, 'doc (oud Word-formaat)'],
    ['formulier.xlsx', XLSX, 'xlsx'],
    ['formulier.odt', Buffer.from('plain text'), 'odt'],
    [undefined, Buffer.from('plain text'), 'application/octet-stream'],
  ])('reports the unsupported type of %s as "%s"', (filename, content, type) => {
    const r = selectFormAttachment([att(filename, content)]);
    expect(r).toMatchObject({ ok: false, code: 'unsupported-type' });
    expect(!r.ok && r.reason).toContain(`niet-ondersteund bestandstype (${type})`);
  });

  it('calls a broken file that claims to be a PDF unreadable, never an unsupported type', () => {
    const r = selectFormAttachment([
      att('meldformulier.pdf', Buffer.from('geen pdf-bytes'), 'application/pdf'),
    ]);
    expect(r).toMatchObject({ ok: false, code: 'unreadable' });
    expect(!r.ok && r.reason).toContain('beschadigde of onleesbare PDF');
    expect(!r.ok && r.reason).not.toContain('niet-ondersteund');
  });

  it('reports several forms, naming them', () => {
    const r = selectFormAttachment([att('a.pdf', PDF), att('b.docx', DOCX)]);
    expect(r).toEqual({
      ok: false,
      code: 'several-forms',
      reason:
        'er zijn meerdere meldformulieren bijgevoegd ("a.pdf", "b.docx"); stuur één meldformulier per melding',
    });
  });

  it('takes the same form attached twice as one', () => {
    expect(selectFormAttachment([att('a.pdf', PDF), att('a (1).pdf', Buffer.from(PDF))])).toMatchObject({
      ok: true,
      attachment: { filename: 'a.pdf' },
    });
  });

  it('keeps a hostile file name on one short line in the reason', () => {
    const r = selectFormAttachment([
      att(`x\r\nBcc: evil@evil.example"${'a'.repeat(200)}.odt`, Buffer.from('x')),
    ]);
    expect(!r.ok && r.reason).not.toMatch(/[\r\n]/);
    expect(!r.ok && r.reason.length).toBeLessThan(250);
  });
});
