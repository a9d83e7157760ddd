// Row types of every table, as Kysely sees them. Booleans are 0/1 integers on both dialects,
// instants epoch-ms numbers, money integer fen, JSON text.

export type ZonesTable = {
  id: string;
  code: string;
  name: string;
  time_zone: string;
  created_at: number;
  updated_at: number;
};

export type UsersTable = {
  id: string;
  zone_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  enterprise_id: string | null;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: number | null;
  last_login_at: number | null;
  password_changed_at: number;
  created_at: number;
  updated_at: number;
};

export type UserRolesTable = { user_id: string; zone_id: string; role: string };

export type SessionsTable = {
  id: string; // sha256 of the cookie token: a leaked table gives no usable sessions
  user_id: string;
  zone_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
};

export type ParksTable = {
  id: string;
  zone_id: string;
  name: string;
  address: string | null;
  area_sqm: number | null;
  manager_name: string | null;
  manager_phone_enc: string | null;
  manager_phone_idx: string | null;
  created_at: number;
  updated_at: number;
};

export type BuildingsTable = {
  id: string;
  zone_id: string;
  park_id: string;
  name: string;
  floors: number | null;
  area_sqm: number | null;
  created_at: number;
  updated_at: number;
};

export type GridUnitsTable = {
  id: string;
  zone_id: string;
  parent_id: string | null;
  level: 'zone' | 'street' | 'community' | 'group';
  code: string;
  name: string;
  created_at: number;
  updated_at: number;
};

export type TeamsTable = {
  id: string;
  zone_id: string;
  kind: string;
  name: string;
  parent_id: string | null;
  leader_id: string | null;
  duties: string | null;
  created_at: number;
  updated_at: number;
};

export type TeamMembersTable = { team_id: string; user_id: string; zone_id: string };

export type AssignmentsTable = {
  id: string;
  zone_id: string;
  kind: string;
  user_id: string;
  target_id: string;
  is_primary: number;
  note: string | null;
  created_at: number;
  updated_at: number;
};

export type EnterprisesTable = {
  id: string;
  zone_id: string;
  credit_code: string;
  name: string;
  park_id: string | null;
  building_id: string | null;
  grid_unit_id: string | null;
  industry: string | null;
  output_last_year_fen: number | null;
  tax_last_year_fen: number | null;
  above_scale: number;
  city_monitored: number;
  leading_enterprise_id: string | null;
  employees: number | null;
  legal_representative: string | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
  contact_phone_idx: string | null;
  address: string | null;
  created_at: number;
  updated_at: number;
};

export type AuditLogTable = {
  id: string;
  zone_id: string;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
};

export type ServiceItemsTable = {
  id: string;
  zone_id: string;
  code: string;
  name: string;
  department: string;
  category: string;
  applicant_types: string;
  legal_days: number;
  promised_days: number;
  materials_json: string;
  fields_json: string;
  online_enabled: number;
  fully_electronic: number;
  agency_eligible: number;
  licence_name: string | null;
  guide: string;
  created_at: number;
  updated_at: number;
};

export type CalendarDaysTable = {
  zone_id: string;
  date: string; // YYYY-MM-DD
  kind: 'holiday' | 'workday';
  name: string;
  created_at: number;
  updated_at: number;
};

export type FilesTable = {
  id: string;
  zone_id: string;
  purpose: string;
  sha256: string;
  type: string;
  size: number;
  name: string;
  created_by: string | null;
  created_at: number;
};

export type DB = {
  zones: ZonesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  parks: ParksTable;
  buildings: BuildingsTable;
  grid_units: GridUnitsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  assignments: AssignmentsTable;
  enterprises: EnterprisesTable;
  audit_log: AuditLogTable;
  service_items: ServiceItemsTable;
  calendar_days: CalendarDaysTable;
  files: FilesTable;
};
