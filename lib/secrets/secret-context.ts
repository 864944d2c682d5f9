/**
 * The additional authenticated data a stored secret is sealed with: its row and its purpose. A
 * ciphertext copied to another mailbox, another user, or from a mailbox secret to a TOTP secret
 * (or back) then no longer decrypts.
 */
export const mailboxSecretContext = (mailboxId: string) => `mailbox:${mailboxId}:secret`;
export const totpSecretContext = (userId: string) => `user:${userId}:totp`;
