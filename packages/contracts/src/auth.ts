import { z } from 'zod';
import { ROLES, PERMISSIONS } from './access.js';
import { PASSWORD_MIN } from './domain.js';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const NewPassword = z
  .string()
  .min(PASSWORD_MIN)
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: 'v.password_weak' });

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  enterpriseId: z.string().nullable(),
  zone: z.object({ id: z.string(), code: z.string(), name: z.string(), timeZone: z.string() }),
});
export type Me = z.infer<typeof Me>;
