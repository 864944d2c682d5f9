import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Inloggen' };
export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  if (await getCurrentUser()) redirect('/');
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand-900">meldpost</h1>
        <p className="mt-1 text-sm text-slate-600">Meldpunt niet-acute zorg — log in met uw werkaccount.</p>
        <LoginForm />
      </div>
    </main>
  );
}
