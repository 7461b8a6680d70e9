// People who can be assigned to incidents (admins, analysts, investigators; not PSE officers, not
// disabled accounts), for the assignee picker: names and roles only, so analysts may read it
// while the full user list (e-mails, status) stays admin-only.
import { z } from 'zod';
import { pageClause, pageQuery, toPage } from '../../http/pagination.js';
import { route } from '../../http/route.js';

interface StaffRow { id: number; name: string; role: string }

export const staffRoutes = [
  route({
    operationId: 'staff.list',
    method: 'GET',
    path: '/staff',
    summary: 'Users assignable to incidents: id, display name and role (active admins, analysts and investigators)',
    tag: 'users',
    query: z.object({ ...pageQuery, role: z.enum(['admin', 'analyst', 'investigator']).optional() }),
    async handler({ query, services }) {
      const params: unknown[] = [];
      const where = [`u.role <> 'pse_officer'`, 'NOT u.disabled'];
      if (query.role) {
        params.push(query.role);
        where.push(`u.role = $${params.length}`);
      }
      const rows = await services.db.query<StaffRow>(`SELECT u.id, u.name, u.role FROM users u ${pageClause('u', query, where, params)}`, params);
      return toPage(rows, query.limit, (r) => ({ id: Number(r.id), name: r.name, displayName: r.name, role: r.role }));
    },
  }),
];
