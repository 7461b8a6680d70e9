// The four roles of the platform and the signed-in principal a request acts as.
export const roles = ['admin', 'analyst', 'investigator', 'pse_officer'] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Set only for pse_officer: the one organization they act for. */
  organizationId: number | null;
  via: 'session' | 'token';
  /** For audit rows: the e-mail, or the token name for machine access. */
  label: string;
}
