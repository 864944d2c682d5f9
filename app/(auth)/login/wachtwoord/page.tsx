import type { Metadata } from 'next';
import { requireStage } from '@/lib/web/require-stage';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rules';
import { AuthCard } from '../../auth-card';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: 'Wachtwoord wijzigen' };
export const dynamic = 'force-dynamic';

export default async function ChangePasswordPage() {
  const state = await requireStage(['change-password', 'ready']);
  const forced = state.stage === 'change-password';
  return (
    <AuthCard
      intro={
        forced
          ? `U bent ingelogd met een eenmalig wachtwoord. Kies nu een eigen wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`
          : `Kies een nieuw wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens. Uw andere sessies worden daarna beëindigd.`
      }
    >
      <PasswordForm />
    </AuthCard>
  );
}
