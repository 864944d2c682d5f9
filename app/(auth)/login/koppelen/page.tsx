import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import QRCode from 'qrcode';
import { requireStage } from '@/lib/web/require-stage';
import { totpUri } from '@/lib/auth/totp';
import { getDb } from '@/lib/db/client';
import { startTotpEnrolment } from '@/lib/auth/start-totp-enrolment';
import { AuthCard } from '../../auth-card';
import { EnrolForm } from './enrol-form';

export const metadata: Metadata = { title: 'Authenticator-app koppelen' };
export const dynamic = 'force-dynamic';

export default async function EnrolPage() {
  const state = await requireStage(['enrol']);
  const enrol = await startTotpEnrolment({ db: getDb(), sessionId: state.user.sessionId });
  if (!enrol) redirect('/login');
  // A data: URL (the CSP allows img data:), so the secret never travels in a separate request.
  const qr = await QRCode.toDataURL(totpUri(enrol.secret, enrol.email), {
    margin: 1,
    width: 220,
    errorCorrectionLevel: 'M',
  });
  return (
    <AuthCard
      wide
      intro="Inloggen bij meldpost vraagt naast uw wachtwoord een code uit een authenticator-app (bijvoorbeeld Microsoft Authenticator of Google Authenticator)."
    >
      <ol className="mt-6 list-decimal space-y-4 pl-5 text-sm">
        <li>
          Scan deze QR-code met de app.
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated data: URL, nothing for next/image to optimise */}
          <img
            src={qr}
            alt="QR-code om meldpost aan uw authenticator-app toe te voegen"
            width={220}
            height={220}
            className="mt-2 rounded border border-slate-200"
          />
        </li>
        <li>
          Lukt scannen niet? Voer dan deze sleutel in de app in:
          <code
            data-testid="totp-secret"
            className="mt-1 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-base tracking-wider"
          >
            {enrol.secret.match(/.{1,4}/g)!.join(' ')}
          </code>
        </li>
        <li>Vul hieronder de code van zes cijfers in die de app nu toont.</li>
      </ol>
      <EnrolForm />
    </AuthCard>
  );
}
