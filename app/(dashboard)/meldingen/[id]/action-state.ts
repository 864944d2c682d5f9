/** What a triage action tells its form: a Dutch message, and when (so a repeat shows again). */
export type TActionState = { ok: boolean; message: string; at: number } | null;
