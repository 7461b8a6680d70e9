// Output shape of a PSE registry entry.
export interface OrganizationRow {
  id: number;
  name: string;
  aliases: string[];
  sector: string;
  ownership: string;
  contacts: unknown[];
  dpo: unknown;
  domains: string[];
  created_at: Date;
  updated_at: Date;
}

export function presentOrganization(row: OrganizationRow) {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases,
    sector: row.sector,
    ownership: row.ownership,
    contacts: row.contacts,
    dpo: row.dpo,
    domains: row.domains,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
