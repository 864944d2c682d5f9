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

const INTRO =
  'Inloggen bij meldpost vraagt naast uw wachtwoord een code uit een authenticator-app (bijvoorbeeld Microsoft Authenticator of Google Authenticator).';

export default async function EnrolPage() {
  // Enrolling swaps the session (new id, new cookie), after which Next renders this page again for
  // the new session: the same form then keeps the recovery codes on screen.
  const state = await requireStage(['enrol', 'change-password', 'ready']);
  if (state.stage !== 'enrol')
    return (
      <AuthCard wide intro={INTRO}>
        <EnrolForm enrol={null} />
      </AuthCard>
    );
  const enrol = await startTotpEnrolment({ db: getDb(), sessionId: state.user.sessionId });
  if (!enrol) redirect('/login');
  // A data: URL (the CSP allows img data:), so the secret never travels in a separate request.
  const qr = await QRCode.toDataURL(totpUri(enrol.secret, enrol.email), {
    margin: 1,
    width: 220,
    errorCorrectionLevel: 'M',
  });
  return (
    <AuthCard wide intro={INTRO}>
      <EnrolForm enrol={{ qr, secret: enrol.secret.match(/.{1,4}/g)!.join(' ') }} />
    </AuthCard>
  );
}
