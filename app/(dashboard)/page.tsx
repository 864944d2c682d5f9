import { redirect } from 'next/navigation';
import { HOME_PATH } from '@/lib/auth/home-path';
import { requireUser } from '@/lib/web/require-user';

export const dynamic = 'force-dynamic';

/** The start page is the role's own area. */
export default async function DashboardHome() {
  const user = await requireUser();
  redirect(HOME_PATH[user.role]);
}
