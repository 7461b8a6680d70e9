// The declared access policy: route (operationId) × role. Enforced centrally in http/register.ts,
// and walked route by route, role by role in the RBAC-matrix test. Row scope (which incidents a
// role sees) is separate: policies/scope.ts.
import type { Role } from './roles.js';

export type Rule = 'public' | 'authenticated' | readonly Role[];

const all: Role[] = ['admin', 'analyst', 'investigator', 'pse_officer'];
const staff: Role[] = ['admin', 'analyst'];
const readers: Role[] = ['admin', 'analyst', 'investigator'];

export const policy: Record<string, Rule> = {
  'health.get': 'public',
  'auth.login': 'public',
  'auth.logout': 'authenticated',
  'auth.me': 'authenticated',
  'auth.changePassword': 'authenticated',

  'users.list': ['admin'],
  'users.create': ['admin'],
  'users.get': ['admin'],
  'users.update': ['admin'],
  'tokens.list': ['admin'],
  'tokens.create': ['admin'],
  'tokens.revoke': ['admin'],

  'organizations.list': all,
  'organizations.get': all,
  'organizations.create': staff,
  'organizations.update': staff,

  'alerts.list': staff,
  'alerts.get': staff,
  'alerts.create': staff,
  'alerts.dismiss': staff,
  'alerts.promote': staff,
  'alerts.merge': staff,

  'incidents.list': all,
  'incidents.get': all,
  'incidents.timeline': all,
  'incidents.create': staff,
  'incidents.update': staff,
  'incidents.transition': staff,
  'incidents.acknowledge': ['admin', 'pse_officer'],
  'incidents.alerts': readers,
  'notes.list': readers,
  'notes.create': staff,

  'tasks.list': readers,
  'tasks.listForIncident': readers,
  'tasks.get': readers,
  'tasks.create': staff,
  'tasks.update': staff,

  'evidence.list': all,
  'evidence.get': all,
  'evidence.upload': staff,
  'evidence.download': readers,
  'evidence.custody': readers,

  'analyses.list': all,
  'analyses.get': all,
  'analyses.create': staff,
  'analyses.cancel': staff,
  'analyses.findings': readers,

  'notifications.list': all,
  'notifications.get': all,
  'notifications.create': ['admin', 'analyst', 'pse_officer'],
  'notifications.letter': all,

  'audit.list': ['admin'],
  'audit.verify': ['admin'],

  'stats.summary': staff,

  'sources.list': staff,
  // Crawler tokens are issued to an admin or analyst account; investigators and PSE officers
  // read incidents and never feed the alert inbox.
  'ingest.push': staff,
  // Assignee picker: names and roles only; the full user list stays admin-only.
  'staff.list': staff,
};
