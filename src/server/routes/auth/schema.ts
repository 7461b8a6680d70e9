// Request schemas of the sign-in routes.
import { z } from 'zod';

export const loginBody = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(12, 'minimal 12 karakter / at least 12 characters').max(1024),
});
