import type { Metadata } from 'next';
import { requireStage } from '@/lib/auth/require-stage';
import { AuthCard } from '../../auth-card';
import { SecondFactorForm } from './second-factor-form';

export const metadata: Metadata = { title: 'Tweede stap' };
export const dynamic = 'force-dynamic';

export default async function SecondFactorPage() {
  await requireStage(['second-factor']);
  return (
    <AuthCard intro="Voer de code van zes cijfers uit uw authenticator-app in. Hebt u uw telefoon niet bij de hand? Gebruik dan een van uw herstelcodes.">
      <SecondFactorForm />
    </AuthCard>
  );
}
