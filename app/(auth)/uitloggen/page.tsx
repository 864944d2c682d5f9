import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionState } from '@/lib/web/current-user';
import { AuthCard } from '../auth-card';
import { LogoutButton } from './logout-button';

export const metadata: Metadata = { title: 'Uitloggen' };
export const dynamic = 'force-dynamic';

export default async function LogoutPage() {
  if (!(await getSessionState())) redirect('/login');
  return (
    <AuthCard intro="Wilt u uitloggen? Uw sessie wordt dan beëindigd.">
      <div className="mt-6">
        <LogoutButton />
      </div>
    </AuthCard>
  );
}
