// Output shape of users: never the password hash.
export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: string;
  organization_id: number | null;
  disabled: boolean;
  created_at: Date;
}

export const userColumns = 'id, email, name, role, organization_id, disabled, created_at';

export function presentUser(row: UserRecord) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organizationId: row.organization_id,
    disabled: row.disabled,
    createdAt: row.created_at,
  };
}
