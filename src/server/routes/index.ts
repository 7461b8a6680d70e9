// Every API route, in one list: registration, the policy check and the OpenAPI document all read it.
import type { RouteDef } from '../http/route.js';
import { alertRoutes } from './alerts/index.js';
import { analysisRoutes } from './analyses/index.js';
import { auditRoutes } from './audit/index.js';
import { authRoutes } from './auth/index.js';
import { evidenceRoutes } from './evidence/index.js';
import { healthRoutes } from './health/index.js';
import { ingestRoutes } from './ingest/index.js';
import { incidentActivityRoutes } from './incidents/activity.js';
import { incidentRoutes } from './incidents/index.js';
import { notificationRoutes } from './notifications/index.js';
import { organizationRoutes } from './organizations/index.js';
import { sourceRoutes } from './sources/index.js';
import { staffRoutes } from './staff/index.js';
import { statsRoutes } from './stats/index.js';
import { taskRoutes } from './tasks/index.js';
import { tokenRoutes } from './tokens/index.js';
import { userRoutes } from './users/index.js';

export const apiRoutes: RouteDef[] = [
  ...healthRoutes,
  ...authRoutes,
  ...userRoutes,
  ...tokenRoutes,
  ...organizationRoutes,
  ...alertRoutes,
  ...incidentRoutes,
  ...incidentActivityRoutes,
  ...taskRoutes,
  ...evidenceRoutes,
  ...analysisRoutes,
  ...notificationRoutes,
  ...auditRoutes,
  ...statsRoutes,
  ...sourceRoutes,
  ...ingestRoutes,
  ...staffRoutes,
];
