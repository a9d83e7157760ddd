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

export type NumberCountersTable = { zone_id: string; series: string; day: string; last: number };

export type ApplicationsTable = {
  id: string;
  zone_id: string;
  number: string | null;
  status: string;
  item_id: string;
  item_code: string;
  item_name: string;
  department: string;
  category: string;
  item_json: string;
  applicant_type: string;
  enterprise_id: string | null;
  applicant_name: string;
  applicant_phone_enc: string;
  applicant_phone_idx: string;
  applicant_id_enc: string | null;
  applicant_id_idx: string | null;
  created_by: string | null;
  channel: string;
  delivery: string;
  mail_address: string | null;
  form_json: string;
  e_signed: number;
  signature_sha256: string | null;
  assignee_id: string | null;
  corrections_json: string;
  paused_since: string | null;
  paused_days: number;
  refuse_reason: string | null;
  decision_reason: string | null;
  submitted_at: number | null;
  submitted_on: string | null;
  accepted_on: string | null;
  due_date: string | null;
  due_notified_on: string | null;
  completed_on: string | null;
  version: number;
  created_at: number;
  updated_at: number;
};

export type ApplicationMaterialsTable = {
  id: string;
  zone_id: string;
  application_id: string;
  material_key: string;
  file_id: string;
  uploaded_by: string | null;
  uploaded_at: number;
  replaced_at: number | null;
};

export type ApplicationEventsTable = {
  id: string;
  zone_id: string;
  application_id: string;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
  corrections_json: string | null;
};

export type LicencesTable = {
  id: string;
  zone_id: string;
  application_id: string;
  number: string;
  code: string;
  licence_name: string;
  holder_name: string;
  item_name: string;
  issued_on: string;
  file_id: string | null;
  status: string;
  revoked_at: number | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  created_at: number;
};

export type NotificationsTable = {
  id: string;
  zone_id: string;
  user_id: string;
  kind: string;
  params_json: string;
  entity_type: string;
  entity_id: string;
  read_at: number | null;
  created_at: number;
};

export type AppointmentSlotsTable = {
  id: string;
  zone_id: string;
  item_id: string;
  service_window: string;
  date: string;
  half_day: string;
  capacity: number;
  booked: number;
  status: string;
  created_at: number;
  updated_at: number;
};

export type AppointmentsTable = {
  id: string;
  zone_id: string;
  slot_id: string;
  code: string;
  user_id: string | null;
  enterprise_id: string | null;
  contact_name: string;
  contact_phone_enc: string | null;
  contact_phone_idx: string | null;
  note: string | null;
  status: string;
  active_user_id: string | null;
  created_at: number;
  updated_at: number;
  cancelled_at: number | null;
  checked_in_at: number | null;
};

export type ConsultationsTable = {
  id: string;
  zone_id: string;
  item_id: string | null;
  title: string;
  question: string;
  asked_by: string | null;
  asker_name: string;
  enterprise_id: string | null;
  asked_on: string;
  status: string;
  answer: string | null;
  answered_by: string | null;
  answerer_name: string | null;
  answered_at: number | null;
  published: number;
  published_at: number | null;
  created_at: number;
  updated_at: number;
};

export type AgencyCasesTable = {
  id: string;
  zone_id: string;
  project_name: string;
  enterprise_id: string;
  investment_fen: number;
  park_id: string | null;
  agent_id: string;
  note: string | null;
  created_at: number;
  updated_at: number;
};

export type AgencyStagesTable = {
  id: string;
  zone_id: string;
  case_id: string;
  stage: string;
  seq: number;
  status: string;
  planned_on: string | null;
  actual_on: string | null;
  note: string | null;
  application_ids: string;
  updated_at: number;
};

export type EmploymentRegistrationsTable = {
  id: string;
  zone_id: string;
  enterprise_id: string;
  name: string;
  id_number_enc: string;
  id_number_idx: string;
  phone_enc: string;
  phone_idx: string;
  returned_on: string;
  registered_on: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};

export type ResumptionSettingsTable = { zone_id: string; sla_hours: number; report_cutoff_hour: number; demand_hours: number; updated_at: number };

export type ResumptionPlansTable = {
  id: string;
  zone_id: string;
  enterprise_id: string;
  /** The enterprise while the plan is open (draft/submitted/returned/approved), null once refused. */
  open_enterprise_id: string | null;
  number: string | null;
  status: string;
  version: number;
  planned_start_date: string | null;
  employees_total: number | null;
  planned_on_site: number | null;
  returned_to_city: number | null;
  still_outside: number | null;
  from_high_risk: number | null;
  high_risk_quarantined: number | null;
  quarantine_note: string | null;
  masks: number | null;
  thermometers: number | null;
  disinfectant_litres: number | null;
  supplies_days: number | null;
  /** JSON array of PreventionMeasure. */
  measures_json: string;
  measures_note: string | null;
  /** JSON array of file ids. */
  measure_files_json: string;
  /** JSON Record<FiveInPlaceKey, FiveInPlaceEntry | null>. */
  five_in_place_json: string;
  contact_name: string | null;
  contact_phone_enc: string | null;
  /** JSON array of strings; non-empty means approved with conditions. */
  conditions_json: string;
  decision_reason: string | null;
  submitted_at: number | null;
  sla_due_at: number | null;
  decided_at: number | null;
  decided_by: string | null;
  approved_on: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};
export type ResumptionPlanFilesTable = { zone_id: string; plan_id: string; file_id: string; created_at: number };
export type ResumptionPlanEventsTable = { id: string; zone_id: string; plan_id: string; action: string; from_status: string | null; to_status: string; actor_id: string | null; actor_name: string; comment: string | null; at: number };
export type ResumptionSiteChecksTable = {
  id: string;
  zone_id: string;
  plan_id: string;
  check_date: string;
  inspector_user_id: string | null;
  inspector_name: string;
  findings: string;
  passed: number | boolean;
  /** JSON array of file ids. */
  photos_json: string;
  created_at: number;
};
export type ResumptionSuspensionsTable = {
  id: string;
  zone_id: string;
  enterprise_id: string;
  open_enterprise_id: string | null;
  suspended_on: string;
  reason: string;
  suspended_by: string | null;
  suspended_at: number;
  resumed_on: string | null;
  resume_comment: string | null;
  resumed_by: string | null;
  resumed_at: number | null;
};
export type ResumptionDailyReportsTable = {
  id: string;
  zone_id: string;
  enterprise_id: string;
  report_date: string;
  staff_on_site: number;
  capacity_pct: number;
  supplies_days_left: number;
  abnormal_temperature: number;
  note: string | null;
  reported_by: string | null;
  reported_by_name: string;
  replace_count: number;
  created_at: number;
  updated_at: number;
};
export type ResumptionRemindersTable = { zone_id: string; kind: string; target_id: string; day: string; created_at: number };
export type ResumptionVisitsTable = { id: string; zone_id: string; enterprise_id: string; visit_date: string; commissioner_id: string; content: string; policies_explained: string | null; created_at: number };
export type ResumptionDemandsTable = {
  id: string;
  zone_id: string;
  number: string;
  enterprise_id: string;
  category: string;
  title: string;
  description: string;
  department: string | null;
  status: string;
  source: string;
  visit_id: string | null;
  raised_by: string | null;
  raised_by_name: string;
  due_at: number;
  escalated_at: number | null;
  resolution: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  confirmed_at: number | null;
  reopen_count: number;
  version: number;
  created_at: number;
  updated_at: number;
};
export type ResumptionDemandEventsTable = { id: string; zone_id: string; demand_id: string; action: string; from_status: string | null; to_status: string; actor_id: string | null; actor_name: string; comment: string | null; at: number };
export type SupplyItemsTable = { id: string; zone_id: string; name: string; unit: string; stock: number; note: string | null; created_at: number; updated_at: number };
export type SupplyRequestsTable = {
  id: string;
  zone_id: string;
  enterprise_id: string;
  item_id: string;
  quantity: number;
  allocated: number;
  reason: string;
  status: string;
  refusal: string | null;
  requested_by: string | null;
  created_at: number;
  updated_at: number;
};
export type SupplyMovementsTable = {
  id: string;
  zone_id: string;
  item_id: string;
  kind: string;
  quantity: number;
  balance: number;
  enterprise_id: string | null;
  request_id: string | null;
  source: string | null;
  note: string | null;
  actor_id: string | null;
  actor_name: string;
  at: number;
};
export type MajorProjectsTable = {
  id: string;
  zone_id: string;
  name: string;
  owner_enterprise_id: string | null;
  investment_fen: number;
  park_id: string | null;
  status: string;
  restart_date: string | null;
  note: string | null;
  created_at: number;
  updated_at: number;
};

export type InspectionTemplatesTable = { id: string; zone_id: string; name: string; current_version: number; created_at: number; updated_at: number };
/** `items_json`: the version's ChecklistItem[] (contracts), frozen once written. */
export type InspectionTemplateVersionsTable = { id: string; zone_id: string; template_id: string; version: number; items_json: string; note: string | null; created_by: string | null; created_at: number };
export type InspectionParkPlansTable = { zone_id: string; park_id: string; risk: string; size: string; frequency_days: number; updated_at: number };
export type InspectionRoundsTable = { id: string; zone_id: string; name: string; round_date: string; template_version_id: string; status: string; created_by: string | null; created_at: number; updated_at: number };
export type InspectionTasksTable = {
  id: string;
  zone_id: string;
  kind: string;
  round_id: string | null;
  park_id: string;
  inspector_id: string | null;
  template_version_id: string | null;
  finding_id: string | null;
  due_date: string;
  status: string;
  note: string | null;
  /** JSON array of file ids (a follow-up's photos). */
  photos_json: string;
  /** 政策宣贯: the policies explained to the park's enterprises on the visit. */
  policies_explained: string | null;
  started_at: number | null;
  submitted_at: number | null;
  version: number;
  created_at: number;
  updated_at: number;
};
export type InspectionPlacesTable = { id: string; zone_id: string; task_id: string; place: string; building_id: string | null; enterprise_id: string | null; label: string; created_at: number };
export type InspectionAnswersTable = {
  id: string;
  zone_id: string;
  task_id: string;
  place_id: string;
  item_key: string;
  result: string;
  value: number | null;
  note: string | null;
  photos_json: string;
  /** JSON FindingDisposition of a failed item until submission; null otherwise. */
  finding_json: string | null;
  latitude: number | null;
  longitude: number | null;
  answered_at: number;
  updated_at: number;
};
export type InspectionFindingsTable = {
  id: string;
  zone_id: string;
  number: string;
  task_id: string;
  round_id: string | null;
  park_id: string;
  place_id: string;
  place: string;
  place_label: string;
  building_id: string | null;
  enterprise_id: string | null;
  item_key: string;
  item_title: string;
  severity: string;
  description: string;
  value: number | null;
  photos_json: string;
  disposition: string;
  status: string;
  responsible_party: string | null;
  measure: string | null;
  deadline: string | null;
  inspector_id: string | null;
  after_photos_json: string;
  found_on: string;
  closed_on: string | null;
  closed_at: number | null;
  closed_by: string | null;
  close_note: string | null;
  demand_id: string | null;
  version: number;
  created_at: number;
  updated_at: number;
};
export type InspectionFindingEventsTable = { id: string; zone_id: string; finding_id: string; action: string; from_status: string | null; to_status: string; actor_id: string | null; actor_name: string; comment: string | null; photos_json: string; at: number };
export type InspectionEscalationsTable = { zone_id: string; finding_id: string; kind: string; day: string; created_at: number };
export type InspectionCensusTable = {
  id: string;
  zone_id: string;
  park_id: string;
  round_id: string | null;
  census_date: string;
  enterprises: number;
  employees: number;
  staff_left: number;
  staff_returned: number;
  enterprises_resumed: number;
  difficulties: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};

// ---- checkpoints (卡口登记)
export type CheckpointsTable = { id: string; zone_id: string; name: string; kind: string; grid_unit_id: string | null; building_id: string | null; location: string | null; status: string; token: string; created_at: number; updated_at: number };
export type CheckpointRevokedTokensTable = { token: string; zone_id: string; checkpoint_id: string; revoked_at: number };
export type CheckpointStatusEventsTable = { id: string; zone_id: string; checkpoint_id: string; from_status: string | null; to_status: string; reason: string | null; actor_id: string | null; actor_name: string; at: number };
export type CheckpointSettingsTable = { zone_id: string; retention_days: number; per_ip_per_minute: number; per_checkpoint_per_minute: number; contact_window_minutes: number; updated_at: number };
export type CheckpointPassesTable = {
  id: string;
  zone_id: string;
  number: string;
  building_id: string;
  floor: number;
  colour: string;
  enterprise_id: string | null;
  holder_name: string;
  id_kind: string;
  id_enc: string;
  id_idx: string;
  phone_enc: string | null;
  phone_idx: string | null;
  token: string;
  status: string;
  valid_until: string | null;
  revoked_reason: string | null;
  revoked_at: number | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};
export type PassFloorColoursTable = { zone_id: string; building_id: string; floor: number; colour: string; updated_at: number };
export type CheckpointRegistrationsTable = {
  id: string;
  zone_id: string;
  checkpoint_id: string;
  group_id: string;
  code: string;
  at: number;
  day: string;
  hour: number;
  source: string;
  direction: string;
  name: string;
  id_kind: string;
  id_enc: string;
  id_idx: string;
  phone_enc: string | null;
  phone_idx: string | null;
  /** The masked forms shown on screens (maskIdNumber/maskPhone); NULL on rows from before migration 0009. */
  id_masked: string | null;
  phone_masked: string | null;
  plate: string | null;
  is_vehicle: number;
  origin_province: string | null;
  origin_city: string | null;
  destination: string | null;
  reason: string | null;
  fever: number;
  cough: number;
  contact: number;
  high_risk_travel: number;
  /** Tenths of a degree. */
  temperature: number | null;
  result: string;
  /** Comma-separated alert reasons; '' when green. */
  reasons: string;
  pass_id: string | null;
  created_by: string | null;
  idempotency_key: string | null;
};
export type CheckpointRollupsTable = { zone_id: string; checkpoint_id: string; day: string; hour: number; province: string; persons: number; vehicles: number; alerts: number };
/** The hourly rollups summed by day (per checkpoint and province) and by the zone's hour (migration 0010). */
export type CheckpointDayRollupsTable = Omit<CheckpointRollupsTable, 'hour'>;
export type CheckpointHourRollupsTable = Omit<CheckpointRollupsTable, 'checkpoint_id' | 'province'>;
export type CheckpointCasesTable = {
  id: string;
  zone_id: string;
  number: string;
  registration_id: string | null;
  checkpoint_id: string;
  at: number;
  name: string;
  id_enc: string | null;
  id_idx: string | null;
  phone_enc: string | null;
  phone_idx: string | null;
  plate: string | null;
  temperature: number | null;
  reasons: string;
  result: string;
  status: string;
  clinic: string | null;
  outcome: string | null;
  note: string | null;
  closed_at: number | null;
  created_at: number;
  updated_at: number;
};
export type CheckpointCaseEventsTable = { id: string; zone_id: string; case_id: string; action: string; from_status: string | null; to_status: string; note: string | null; actor_id: string | null; actor_name: string; at: number };
export type GridRiskLevelsTable = { id: string; zone_id: string; grid_unit_id: string; level: string; control_class: string; measures: string; since: string; reason: string; actor_id: string | null; actor_name: string; at: number };
export type CheckpointPurgesTable = { zone_id: string; day: string; cutoff: number; removed: number; cases_anonymised: number; detail_json: string; at: number };

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
  number_counters: NumberCountersTable;
  applications: ApplicationsTable;
  application_materials: ApplicationMaterialsTable;
  application_events: ApplicationEventsTable;
  licences: LicencesTable;
  notifications: NotificationsTable;
  appointment_slots: AppointmentSlotsTable;
  appointments: AppointmentsTable;
  consultations: ConsultationsTable;
  agency_cases: AgencyCasesTable;
  agency_stages: AgencyStagesTable;
  employment_registrations: EmploymentRegistrationsTable;
  resumption_settings: ResumptionSettingsTable;
  resumption_plans: ResumptionPlansTable;
  resumption_plan_files: ResumptionPlanFilesTable;
  resumption_plan_events: ResumptionPlanEventsTable;
  resumption_site_checks: ResumptionSiteChecksTable;
  resumption_suspensions: ResumptionSuspensionsTable;
  resumption_daily_reports: ResumptionDailyReportsTable;
  resumption_reminders: ResumptionRemindersTable;
  resumption_visits: ResumptionVisitsTable;
  resumption_demands: ResumptionDemandsTable;
  resumption_demand_events: ResumptionDemandEventsTable;
  supply_items: SupplyItemsTable;
  supply_requests: SupplyRequestsTable;
  supply_movements: SupplyMovementsTable;
  major_projects: MajorProjectsTable;
  inspection_templates: InspectionTemplatesTable;
  inspection_template_versions: InspectionTemplateVersionsTable;
  inspection_park_plans: InspectionParkPlansTable;
  inspection_rounds: InspectionRoundsTable;
  inspection_tasks: InspectionTasksTable;
  inspection_places: InspectionPlacesTable;
  inspection_answers: InspectionAnswersTable;
  inspection_findings: InspectionFindingsTable;
  inspection_finding_events: InspectionFindingEventsTable;
  inspection_escalations: InspectionEscalationsTable;
  inspection_census: InspectionCensusTable;
  checkpoints: CheckpointsTable;
  checkpoint_revoked_tokens: CheckpointRevokedTokensTable;
  checkpoint_status_events: CheckpointStatusEventsTable;
  checkpoint_settings: CheckpointSettingsTable;
  checkpoint_passes: CheckpointPassesTable;
  pass_floor_colours: PassFloorColoursTable;
  checkpoint_registrations: CheckpointRegistrationsTable;
  checkpoint_rollups: CheckpointRollupsTable;
  checkpoint_day_rollups: CheckpointDayRollupsTable;
  checkpoint_hour_rollups: CheckpointHourRollupsTable;
  checkpoint_cases: CheckpointCasesTable;
  checkpoint_case_events: CheckpointCaseEventsTable;
  grid_risk_levels: GridRiskLevelsTable;
  checkpoint_purges: CheckpointPurgesTable;
};
