// Roles and the permissions they carry (ARCHITECTURE §5). Routes declare one permission each;
// object rules (same zone, own enterprise) live in the services' policy files.

export const ROLES = [
  'platform_admin',
  'zone_admin',
  'approval_officer',
  'commissioner',
  'inspector',
  'checkpoint_staff',
  'policy_officer',
  'investment_officer',
  'labour_officer',
  'leader',
  'enterprise_user',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'auth.self', // signed in: own profile, password, sign-out
  'zones.read', // the list of zones (platform admin)
  'zones.manage', // the zone's own settings
  'org.read',
  'org.write', // parks, buildings, grid units, teams
  'users.read',
  'users.manage',
  'assignments.read',
  'assignments.write',
  'enterprises.read',
  'enterprises.write',
  'enterprises.import',
  'enterprises.export',
  'pii.reveal', // see an unmasked phone or ID number, with a recorded reason
  'audit.read',
  'services.catalogue.read', // the service catalogue (事项清单), read by staff and applicants
  'services.catalogue.write',
  'calendar.read',
  'calendar.manage', // holidays and swapped working days (调休) of the zone
  'files.read', // stored files; each purpose adds its own object rule
  'files.upload',
  'services.apply', // applicants: own applications, appointments, consultations, batch employment registration
  'services.handle', // the approval bureau: workbench, state changes, counter entry, licences, slots, answers
  'services.stats', // service statistics
  'services.agency.read', // agency-service cases (帮办代办) for key projects
  'services.agency.write',
  'services.employment.read', // online employment registrations of returning workers (就业登记)
  'resumption.read', // the zone's resumption picture: plans, statuses, reports, demands, visits, supplies, projects
  'resumption.file', // enterprises: own plan, daily reports, demands (raise, confirm, reopen), supply requests
  'resumption.review', // site checks and decisions on plans, suspend/resume; commissioners only for their enterprises
  'resumption.commission', // visits and demands logged for assigned enterprises (commissioners), or any (zone admin)
  'resumption.demands.handle', // move demands to in progress and resolved; commissioners only for their enterprises
  'resumption.supplies.manage', // the zone's stock of protective supplies and allocations
  'resumption.projects.write', // the registry of major projects
  'resumption.stats',
  'inspections.read', // checklists, rounds, tasks, findings and the ledger, census
  'inspections.manage', // checklist templates, park plans, rounds; closing any ledger item
  'inspections.inspect', // inspectors: their own tasks (answers, photos, submission, follow-ups), census entries
  'inspections.stats',
  'checkpoints.read', // checkpoints, registrations (masked), risk levels, passes
  'checkpoints.manage', // checkpoints, their QR codes and posters, risk zoning, retention and limits
  'checkpoints.register', // checkpoint staff: entry on behalf, temperatures, pass scans
  'checkpoints.duty', // the duty console: live alerts and the abnormal-case ledger
  'checkpoints.passes', // issue and revoke building passes (出入证), floor colours
  'checkpoints.stats',
  'trace', // movement tracing (活动轨迹) and possible contacts, with a stated reason, audited
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF_READ: Permission[] = [
  'auth.self',
  'org.read',
  'users.read',
  'assignments.read',
  'enterprises.read',
  'enterprises.export',
  'services.catalogue.read',
  'calendar.read',
  'files.read',
  'resumption.read',
  'inspections.read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Reads every zone; changes nothing.
  platform_admin: ['auth.self', 'zones.read', 'org.read', 'users.read', 'assignments.read', 'enterprises.read', 'enterprises.export', 'audit.read', 'services.catalogue.read', 'calendar.read', 'files.read', 'services.stats', 'services.agency.read', 'resumption.read', 'resumption.stats', 'inspections.read', 'inspections.stats', 'checkpoints.read', 'checkpoints.stats'],
  zone_admin: PERMISSIONS.filter((p) => p !== 'zones.read'),
  // The approval bureau keeps the catalogue.
  // The zone's approval team also reviews resumption plans (Xi'an folded it into plan-making).
  approval_officer: [...STAFF_READ, 'services.catalogue.write', 'files.upload', 'services.handle', 'services.stats', 'services.agency.read', 'services.agency.write', 'services.employment.read', 'resumption.review', 'resumption.demands.handle', 'resumption.stats'],
  // Object rules keep commissioners to the enterprises they are assigned to.
  commissioner: [...STAFF_READ, 'resumption.review', 'resumption.commission', 'resumption.demands.handle', 'resumption.stats'],
  // Inspectors change only their own tasks (object rule in the inspections module).
  inspector: [...STAFF_READ, 'inspections.inspect', 'inspections.stats'],
  // Checkpoint staff register, follow up alerts and issue passes; tracing stays with the zone admin.
  checkpoint_staff: [...STAFF_READ, 'checkpoints.read', 'checkpoints.register', 'checkpoints.duty', 'checkpoints.passes', 'checkpoints.stats'],
  // Handling departments: policy and funding, labour.
  policy_officer: [...STAFF_READ, 'resumption.demands.handle'],
  investment_officer: [...STAFF_READ, 'services.agency.read', 'resumption.projects.write'],
  labour_officer: [...STAFF_READ, 'services.employment.read', 'resumption.demands.handle'],
  // Leaders read only; overdue demands escalate to them.
  leader: [...STAFF_READ, 'services.stats', 'services.agency.read', 'resumption.stats', 'inspections.stats', 'checkpoints.read', 'checkpoints.stats'],
  // Only the own enterprise (enforced by the enterprises policy).
  enterprise_user: ['auth.self', 'enterprises.read', 'services.catalogue.read', 'calendar.read', 'files.read', 'services.apply', 'resumption.file'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r]) set.add(p);
  return set;
}

/** Roles that must be tied to one enterprise. */
export const ENTERPRISE_ROLES: readonly Role[] = ['enterprise_user'];

/** Role names as users read them (UX glossary). */
export const ROLE_LABELS: Record<Role, [zh: string, en: string]> = {
  platform_admin: ['平台管理员', 'Platform admin'],
  zone_admin: ['管委会管理员', 'Zone admin'],
  approval_officer: ['审批人员', 'Approval officer'],
  commissioner: ['驻企特派员/服务专员', 'Commissioner'],
  inspector: ['巡查人员', 'Inspector'],
  checkpoint_staff: ['卡口工作人员', 'Checkpoint staff'],
  policy_officer: ['政策专员', 'Policy officer'],
  investment_officer: ['招商人员', 'Investment officer'],
  labour_officer: ['人社专员', 'Labour officer'],
  leader: ['领导', 'Leader'],
  enterprise_user: ['企业用户', 'Enterprise user'],
};
