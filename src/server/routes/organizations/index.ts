// The PSE registry. Analysts keep it; a PSE officer sees only their own organization.
import { errors } from '../../errors.js';
import { idParam, pageClause, toPage } from '../../http/pagination.js';
import { route } from '../../http/route.js';
import { presentOrganization, type OrganizationRow } from '../../presenters/organizations.js';
import { organizationBody, organizationListQuery, organizationPatch } from './schema.js';

const nameTaken = () => errors.conflict('ORGANIZATION_NAME_TAKEN', 'Nama organisasi sudah terdaftar', 'Organization name already registered');

export const organizationRoutes = [
  route({
    operationId: 'organizations.list',
    method: 'GET',
    path: '/organizations',
    summary: 'List organizations; q matches name, aliases and domains',
    tag: 'organizations',
    query: organizationListQuery,
    async handler({ query, user, services }) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (user.role === 'pse_officer') {
        params.push(user.organizationId);
        where.push(`o.id = $${params.length}`);
      }
      if (query.q) {
        params.push(`%${query.q.toLowerCase()}%`);
        const p = `$${params.length}`;
        where.push(
          `(lower(o.name) LIKE ${p} OR EXISTS (SELECT 1 FROM unnest(o.aliases || o.domains) a WHERE lower(a) LIKE ${p}))`,
        );
      }
      if (query.sector) {
        params.push(query.sector);
        where.push(`o.sector = $${params.length}`);
      }
      if (query.ownership) {
        params.push(query.ownership);
        where.push(`o.ownership = $${params.length}`);
      }
      if (query.domain) {
        params.push(query.domain);
        where.push(`$${params.length} = ANY(o.domains)`);
      }
      const rows = await services.db.query<OrganizationRow>(`SELECT * FROM organizations o ${pageClause('o', query, where, params)}`, params);
      return toPage(rows, query.limit, presentOrganization);
    },
  }),
  route({
    operationId: 'organizations.create',
    method: 'POST',
    path: '/organizations',
    summary: 'Register an organization (PSE)',
    tag: 'organizations',
    body: organizationBody,
    successStatus: 201,
    async handler({ body, services, write }) {
      const taken = await services.db.query('SELECT 1 FROM organizations WHERE lower(name) = lower($1)', [body.name]);
      if (taken.length) throw nameTaken();
      const row = await write(async (tx, audit) => {
        const [created] = await tx.query<OrganizationRow>(
          `INSERT INTO organizations (name, aliases, sector, ownership, contacts, dpo, domains)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [body.name, body.aliases, body.sector, body.ownership, JSON.stringify(body.contacts), JSON.stringify(body.dpo), body.domains],
        );
        audit({ action: 'organization.create', targetType: 'organization', targetId: created!.id, detail: { name: body.name } });
        return created!;
      });
      return presentOrganization(row);
    },
  }),
  route({
    operationId: 'organizations.get',
    method: 'GET',
    path: '/organizations/:id',
    summary: 'One organization',
    tag: 'organizations',
    params: idParam,
    scope: { resource: 'organization', param: 'id' },
    async handler({ params, services }) {
      const [row] = await services.db.query<OrganizationRow>('SELECT * FROM organizations WHERE id = $1', [params.id]);
      return presentOrganization(row!);
    },
  }),
  route({
    operationId: 'organizations.update',
    method: 'PATCH',
    path: '/organizations/:id',
    summary: 'Change an organization',
    tag: 'organizations',
    params: idParam,
    body: organizationPatch,
    scope: { resource: 'organization', param: 'id' },
    async handler({ params, body, services, write }) {
      const [current] = await services.db.query<OrganizationRow>('SELECT * FROM organizations WHERE id = $1', [params.id]);
      const next = { ...current!, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) } as OrganizationRow;
      if (body.name && body.name.toLowerCase() !== current!.name.toLowerCase()) {
        const taken = await services.db.query('SELECT 1 FROM organizations WHERE lower(name) = lower($1)', [body.name]);
        if (taken.length) throw nameTaken();
      }
      const row = await write(async (tx, audit) => {
        const [updated] = await tx.query<OrganizationRow>(
          `UPDATE organizations SET name = $2, aliases = $3, sector = $4, ownership = $5, contacts = $6, dpo = $7, domains = $8,
             updated_at = now() WHERE id = $1 RETURNING *`,
          [params.id, next.name, next.aliases, next.sector, next.ownership, JSON.stringify(next.contacts), JSON.stringify(next.dpo), next.domains],
        );
        audit({ action: 'organization.update', targetType: 'organization', targetId: params.id, detail: { changed: Object.keys(body) } });
        return updated!;
      });
      return presentOrganization(row);
    },
  }),
];
