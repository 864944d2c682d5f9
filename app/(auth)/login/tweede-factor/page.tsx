import type { Metadata } from 'next';
import { requireStage } from '@/lib/web/require-stage';
import { LOGIN_MESSAGES } from '@/lib/auth/login-throttle';
import { AuthCard } from '../../auth-card';
import { SignInStepForm } from '../sign-in-step-form';

export const metadata: Metadata = { title: 'Tweede stap' };
export const dynamic = 'force-dynamic';

export default async function SecondFactorPage() {
  await requireStage(['second-factor']);
  return (
    <AuthCard intro="Voer de code van zes cijfers uit uw authenticator-app in. Hebt u uw telefoon niet bij de hand? Gebruik dan een van uw herstelcodes.">
      <SignInStepForm
        provider="second-factor"
        submitLabel="Bevestigen"
        failure={LOGIN_MESSAGES.code}
        fields={[
          {
            name: 'code',
            label: 'Code of herstelcode',
            type: 'text',
            autoComplete: 'one-time-code',
            autoCapitalize: 'characters',
            spellCheck: false,
            autoFocus: true,
            className: 'font-mono tracking-widest',
          },
        ]}
      />
    </AuthCard>
  );
}
