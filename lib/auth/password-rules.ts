import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;

export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Het nieuwe wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens lang zijn.`)
  .max(200, 'Het nieuwe wachtwoord mag hoogstens 200 tekens lang zijn.');
