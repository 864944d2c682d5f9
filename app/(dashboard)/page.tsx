import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/web/require-user';
import type { Role } from '@/lib/db/generated/enums';

export const dynamic = 'force-dynamic';

const HOME: Record<Role, string> = {
  MEDEWERKER: '/meldingen',
  COORDINATOR: '/statistieken',
  BEHEERDER: '/beheer',
};

/** The start page is the role's own area. */
export default async function DashboardHome() {
  const user = await requireUser();
  redirect(HOME[user.role]);
}
