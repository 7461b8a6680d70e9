// UU PDP Art. 46 notifications on an incident: the record with the Art. 46(2) items, filed by the
// PSE (or staff on its behalf), and the generated letters to the PSE and to data subjects.
import { z } from 'zod';
import { recordEvent } from '../../commands/incidents.js';
import { errors } from '../../errors.js';
import { idParam, pageClause, pageQuery, toPage } from '../../http/pagination.js';
import { route } from '../../http/route.js';
import { renderLetterHtml, type LetterInput } from '../../pdp/letter.js';
import { renderLetterPdf } from '../../pdp/letter-pdf.js';

interface NotificationRow {
  id: number;
  incident_id: number;
  organization_id: number | null;
  organization_name?: string | null;
  data_exposed: string;
  exposed_at: Date | null;
  exposure_how: string;
  handling: string;
  recovery: string;
  subjects_estimate: number | null;
  contact: string;
  filed_by: number | null;
  filed_at: Date;
}
const present = (n: NotificationRow) => ({
  id: n.id,
  incidentId: n.incident_id,
  organizationId: n.organization_id,
  dataExposed: n.data_exposed,
  exposedAt: n.exposed_at,
  exposureHow: n.exposure_how,
  handling: n.handling,
  recovery: n.recovery,
  subjectsEstimate: n.subjects_estimate,
  contact: n.contact,
  filedBy: n.filed_by,
  filedAt: n.filed_at,
});

const notificationBody = z.object({
  /** Art. 46(2)(a): the personal data exposed. */
  dataExposed: z.string().trim().min(1).max(20_000),
  /** Art. 46(2)(b): when … */
  exposedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** … and how. */
  exposureHow: z.string().trim().min(1).max(20_000),
  /** Art. 46(2)(c): handling and recovery. */
  handling: z.string().trim().min(1).max(20_000),
  recovery: z.string().trim().min(1).max(20_000),
  subjectsEstimate: z.number().int().min(0).nullable().optional(),
  contact: z.string().max(1000).optional(),
  /** The notifying organization; a PSE officer always files for their own. */
  organizationId: z.number().int().positive().optional(),
});

export const notificationRoutes = [
  route({
    operationId: 'notifications.list',
    method: 'GET',
    path: '/incidents/:id/notifications',
    summary: 'Art. 46 notifications filed on an incident',
    tag: 'notifications',
    params: idParam,
    query: z.object({ ...pageQuery }),
    scope: { resource: 'incident', param: 'id' },
    async handler({ params, query, services }) {
      const sqlParams: unknown[] = [params.id];
      const rows = await services.db.query<NotificationRow>(`SELECT * FROM notifications n ${pageClause('n', query, ['n.incident_id = $1'], sqlParams)}`, sqlParams);
      return toPage(rows, query.limit, present);
    },
  }),
  route({
    operationId: 'notifications.create',
    method: 'POST',
    path: '/incidents/:id/notifications',
    summary: 'File the Art. 46 notification; the first one filed stops the 3×24 h clock',
    tag: 'notifications',
    params: idParam,
    body: notificationBody,
    scope: { resource: 'incident', param: 'id' },
    successStatus: 201,
    async handler({ params, body, user, services, write }) {
      const organizationId = user.role === 'pse_officer' ? user.organizationId : (body.organizationId ?? null);
      if (organizationId && user.role !== 'pse_officer') {
        const victim = await services.db.query('SELECT 1 FROM incident_organizations WHERE incident_id = $1 AND organization_id = $2', [params.id, organizationId]);
        if (!victim.length) throw errors.notFound('organization');
      }
      const row = await write(async (tx, audit) => {
        const [created] = await tx.query<NotificationRow>(
          `INSERT INTO notifications (incident_id, organization_id, data_exposed, exposed_at, exposure_how, handling, recovery, subjects_estimate, contact, filed_by, filed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
          [params.id, organizationId, body.dataExposed, body.exposedAt ?? null, body.exposureHow, body.handling, body.recovery,
            body.subjectsEstimate ?? null, body.contact ?? '', user.id, services.now()],
        );
        await recordEvent(tx, params.id, user.id, 'notification_filed', { notificationId: created!.id });
        audit({ action: 'notification.create', targetType: 'notification', targetId: created!.id, detail: { incidentId: params.id } });
        return created!;
      });
      return present(row);
    },
  }),
  route({
    operationId: 'notifications.get',
    method: 'GET',
    path: '/notifications/:id',
    summary: 'One notification',
    tag: 'notifications',
    params: idParam,
    scope: { resource: 'notification', param: 'id' },
    async handler({ params, services }) {
      const [row] = await services.db.query<NotificationRow>('SELECT * FROM notifications WHERE id = $1', [params.id]);
      return present(row!);
    },
  }),
  route({
    operationId: 'notifications.letter',
    method: 'GET',
    path: '/notifications/:id/letter',
    summary: 'The generated letter (HTML or PDF) to the PSE or to data subjects, in Indonesian or English',
    tag: 'notifications',
    params: idParam,
    query: z.object({ audience: z.enum(['pse', 'subjects']).default('pse'), lang: z.enum(['id', 'en']).default('id'), format: z.enum(['html', 'pdf']).default('html') }),
    scope: { resource: 'notification', param: 'id' },
    rawResponse: true,
    async handler({ params, query, services, reply }) {
      const [row] = await services.db.query<NotificationRow & { title: string; pse_notified_at: Date | null; victim_name: string | null }>(
        `SELECT n.*, i.title, i.pse_notified_at,
           COALESCE(o.name, (SELECT string_agg(vo.name, ', ' ORDER BY vo.name) FROM incident_organizations io JOIN organizations vo ON vo.id = io.organization_id WHERE io.incident_id = i.id)) AS victim_name
         FROM notifications n JOIN incidents i ON i.id = n.incident_id LEFT JOIN organizations o ON o.id = n.organization_id WHERE n.id = $1`,
        [params.id],
      );
      const input: LetterInput = {
        incidentId: row!.incident_id,
        incidentTitle: row!.title,
        organizationName: row!.victim_name ?? (query.lang === 'id' ? 'Penyelenggara Sistem Elektronik' : 'Electronic System Operator'),
        dataExposed: row!.data_exposed,
        exposedAt: row!.exposed_at,
        exposureHow: row!.exposure_how,
        handling: row!.handling,
        recovery: row!.recovery,
        subjectsEstimate: row!.subjects_estimate,
        contact: row!.contact,
        filedAt: row!.filed_at,
        pseNotifiedAt: row!.pse_notified_at,
      };
      if (query.format === 'pdf') {
        const pdf = await renderLetterPdf(input, query.audience, query.lang);
        return reply
          .type('application/pdf')
          .header('Content-Disposition', `attachment; filename="notifikasi-${params.id}-${query.audience}-${query.lang}.pdf"`)
          .send(Buffer.from(pdf));
      }
      return reply.type('text/html; charset=utf-8').send(renderLetterHtml(input, query.audience, query.lang));
    },
  }),
];
