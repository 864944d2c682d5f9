import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionState } from '@/lib/web/current-user';
import { STAGE_PATH } from '@/lib/auth/session-stage';
import { LOGIN_MESSAGES } from '@/lib/auth/login-throttle';
import { getEnv } from '@/lib/env';
import { AuthCard } from '../auth-card';
import { OidcButton } from './oidc-button';
import { SignInStepForm } from './sign-in-step-form';

export const metadata: Metadata = { title: 'Inloggen' };
export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const state = await getSessionState();
  if (state) redirect(state.stage === 'ready' ? '/' : STAGE_PATH[state.stage]);
  const env = getEnv();
  const oidcName = env.OIDC_ISSUER ? env.OIDC_NAME : null;
  const { error } = await searchParams;
  return (
    <AuthCard intro="Meldpunt niet-acute zorg — log in met uw werkaccount.">
      {error === 'oidc' && (
        <p role="alert" className="mt-4 text-sm text-red-700">
          Inloggen via {oidcName ?? 'uw organisatieaccount'} is niet gelukt: er is geen actief
          meldpost-account met een bevestigd e-mailadres dat hierbij past. Neem contact op met de beheerder.
        </p>
      )}
      {error === 'oidc_account' && (
        <p role="alert" className="mt-4 text-sm text-red-700">
          Inloggen via {oidcName ?? 'uw organisatieaccount'} is geweigerd: het meldpost-account met dit
          e-mailadres is gekoppeld aan een ander account bij {oidcName ?? 'uw organisatie'}. Neem contact op
          met de beheerder.
        </p>
      )}
      <SignInStepForm
        provider="credentials"
        submitLabel="Inloggen"
        failure={LOGIN_MESSAGES.invalid}
        fields={[
          { name: 'email', label: 'E-mailadres', type: 'email', autoComplete: 'username' },
          { name: 'password', label: 'Wachtwoord', type: 'password', autoComplete: 'current-password' },
        ]}
      />
      {oidcName && <OidcButton name={oidcName} />}
    </AuthCard>
  );
}
