/** What an administration action tells its form: a Dutch message, and when (so a repeat shows again). */
export type TAdminState = { ok: boolean; message: string; at: number; data?: Record<string, string> } | null;
