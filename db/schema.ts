import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { NominationStatus } from "../src/domain/nominations.js";

export type Role = "employee" | "unit_head" | "office";
export type Language = "vi" | "en";

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  is_sample: Generated<number>;
  archived_at: string | null;
  created_at: string;
  /** The unit's group chat, bound by its head with /bind, for reminders. */
  group_chat_id: number | null;
  /** 1 where the Office proposes the unit and its people (the Ban Giám đốc, the Văn phòng Sở): no head above them. */
  office_proposes: Generated<number>;
}

export interface UserTable {
  telegram_id: number;
  full_name: string;
  position: string;
  unit_id: number;
  role: Role;
  consented_at: string;
  created_at: string;
  updated_at: string;
}

/** An OFFICE_ADMIN_IDS admin's name and position: they belong to no unit, so have no row in `users`. */
export interface OfficeProfileTable {
  telegram_id: number;
  full_name: string;
  position: string;
  consented_at: string;
  created_at: string;
  updated_at: string;
}

/** A move to another unit through an invite that waits for the Office's word. */
export interface MoveRequestTable {
  id: Generated<number>;
  telegram_id: number;
  from_unit_id: number;
  from_role: Role;
  to_unit_id: number;
  to_role: Role;
  invite_token: string;
  status: "pending" | "approved" | "refused" | "withdrawn";
  requested_at: string;
  decided_at: string | null;
  decided_by: number | null;
  decided_by_name: string | null;
}

export interface PreferenceTable {
  telegram_id: number;
  language: Language;
}

export interface InviteTable {
  token: string;
  unit_id: number;
  role: Role;
  single_use: number;
  created_by: number;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  used_count: Generated<number>;
  /** 1: whoever joins through it also becomes a member of the Council. */
  council: Generated<number>;
}

export interface RegistrationDraftTable {
  telegram_id: number;
  invite_token: string;
  consented_at: string;
  full_name: string | null;
  position: string | null;
  updated_at: string;
  last_update_id: number | null;
}

export interface RoundTable {
  year: number;
  campaign_id: string;
  status: "open" | "closed";
  deadline_at: string;
  opened_at: string;
  opened_by: number;
  closed_at: string | null;
}

export interface ConversationStateTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ProcessedUpdateTable {
  update_id: number;
  received_at: string;
  finished_at: string | null;
}

export interface AssessmentTable {
  id: Generated<number>;
  round_year: number;
  subject: "individual" | "unit";
  /** A person's Telegram id, or a unit's id. */
  subject_id: number;
  unit_id: number;
  status: "in_progress" | "submitted";
  started_at: string;
  submitted_at: string | null;
  updated_at: string;
  /** While one answer is being changed from the summary: its key, and its value before the change (JSON). */
  edit_item: string | null;
  edit_backup: string | null;
  /** The update whose answer was stored last: the same update handled again stores nothing. */
  last_update_id: number | null;
}

export interface AssessmentItemTable {
  assessment_id: number;
  item_key: string;
  data: string;
  updated_at: string;
}

export interface AssessmentFileTable {
  id: Generated<number>;
  assessment_id: number;
  item_key: string;
  file_id: string;
  file_unique_id: string;
  kind: "document" | "photo";
  file_name: string | null;
  mime_type: string | null;
  file_size: number | null;
  added_at: string;
}

export interface AssessmentChangeTable {
  id: Generated<number>;
  assessment_id: number;
  item_key: string;
  before: string | null;
  after: string | null;
  changed_by: number;
  changed_at: string;
}

export interface RoundExtensionTable {
  round_year: number;
  unit_id: number;
  until: string;
  granted_by: number;
  granted_at: string;
}

export type ReminderStatus = "pending" | "sent" | "superseded" | "unreachable" | "failed";

export interface ReminderOutboxTable {
  id: Generated<number>;
  round_year: number;
  slot_key: string;
  kind: "unit" | "group" | "employee" | "digest" | "notice";
  chat_id: number;
  /** Long reminders are split into pages, one message each. */
  page: Generated<number>;
  unit_id: number | null;
  /** Empty when the text is a shared message's (`message_id`); read it through db/reminders.ts. */
  text: string;
  reply_markup: string | null;
  /** The words many rows of a slot share (every employee reading one language), stored once. */
  message_id: number | null;
  due_at: string;
  /** After this it is not sent any more (a digest of a past day, a reminder to submit once the deadline passed). */
  expires_at: string | null;
  status: ReminderStatus;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  /** The process (its lease holder id) that last took the row to send it (see 0020_outbox_lease). */
  claimed_by: string | null;
  /** Sends that may have repeated an earlier one whose outcome was never known (a crash, a lost response). */
  repeats: Generated<number>;
}

export interface ReminderMessageTable {
  id: Generated<number>;
  round_year: number;
  slot_key: string;
  text: string;
  reply_markup: string | null;
}

/** The process that holds the database; at most one row (see 0020_outbox_lease). */
export interface DatabaseLeaseTable {
  id: number;
  holder: string;
  pid: number;
  host: string;
  acquired_at: string;
  expires_at: string;
}

/** The report a `/remind now` owes the Office member who asked, kept until the fan-out ends. */
export interface FanOutReportTable {
  round_year: number;
  slot_key: string;
  chat_id: number;
  language: Language;
  requested_at: string;
  /** When it told the member that Telegram asked to wait (once per fan-out). */
  waiting_reported_at: string | null;
  reported_at: string | null;
}

export interface ReminderSlotTable {
  round_year: number;
  slot_key: string;
  planned_at: string;
}

export interface UnreachableChatTable {
  chat_id: number;
  reason: string;
  since: string;
}

/** A status every route has, or a route step's id (src/domain/routes.ts, where the moves are ruled). */
export type NominationStatusColumn = NominationStatus;

export interface NominationTable {
  id: Generated<number>;
  round_year: number;
  unit_id: number;
  form_id: string;
  nominee_kind: "individual" | "collective";
  /** A person's Telegram id, or the unit's id for a collective nominee. */
  nominee_id: number;
  nominee_name: string;
  /** 1 when the nominee's own assessment supported the form when proposed. */
  eligible: number;
  /** The nominee's assessment as the head saw it when proposing: JSON {met, total, progress}. */
  result_summary: string;
  /** Why the head proposes a nominee whose assessment does not support the form. */
  reason: string | null;
  status: NominationStatusColumn;
  created_by: number;
  created_at: string;
  updated_at: string;
  /** The decision that awarded it (while it stands awarded): number "125/QĐ-STP", date YYYY-MM-DD, issuer. */
  decision_number: string | null;
  decision_date: string | null;
  decision_issuer: string | null;
}

export interface NominationHistoryTable {
  id: Generated<number>;
  nomination_id: number;
  from_status: NominationStatusColumn | null;
  to_status: NominationStatusColumn;
  by: number;
  /** "council": moved by the Council's vote when its meeting closed. */
  by_role: Role | "council";
  reason: string | null;
  at: string;
  update_id: number | null;
  /** The mover's name as it was at the move: it stays when they erase their data. */
  by_name: string | null;
  /** For a move to "awarded": the decision, JSON {number, date, issuer}. */
  decision: string | null;
  /** The history entry this move undoes. */
  undo_of: number | null;
  /** The route record (a Tờ trình, a decision) this move was made with. */
  record_id: number | null;
}

export type CouncilRole = "member" | "chair" | "secretary";

export interface CouncilMemberTable {
  id: Generated<number>;
  telegram_id: number;
  role: CouncilRole;
  added_by: number;
  added_at: string;
  removed_by: number | null;
  removed_at: string | null;
}

export interface CouncilMeetingTable {
  id: Generated<number>;
  round_year: number;
  /** JSON array of the award forms' ids on the agenda. */
  form_ids: string;
  status: "open" | "tie_break" | "closed";
  /** JSON: the members entitled to vote when it opened, [{id, name, role}]. */
  members: string;
  opened_by: number;
  opened_by_name: string | null;
  opened_at: string;
  closed_by: number | null;
  closed_by_name: string | null;
  closed_at: string | null;
  /** JSON: the minutes at closing. */
  minutes: string | null;
  update_id: number | null;
}

export interface CouncilAgendaTable {
  meeting_id: number;
  nomination_id: number;
  position: number;
}

export interface CouncilVoteTable {
  meeting_id: number;
  nomination_id: number;
  member_id: number;
  vote: "agree" | "disagree";
  at: string;
}

export interface CouncilBallotTable {
  meeting_id: number;
  member_id: number;
  /** Null while the member is changing a ballot sent before. */
  sent_at: string | null;
}

export interface CouncilTieBreakTable {
  id: Generated<number>;
  meeting_id: number;
  form_id: string;
  nominee_kind: "individual" | "collective";
  /** JSON array of the nominations the chair chose among the tied. */
  chosen: string;
  reason: string;
  by: number;
  by_name: string | null;
  at: string;
}

export interface RouteRecordTable {
  id: Generated<number>;
  round_year: number;
  form_id: string;
  step_id: string;
  kind: "proposal" | "decision";
  number: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Where a proposal was sent, or who issued a decision. */
  party: string;
  /** JSON array of the nominations it covers. */
  nomination_ids: string;
  by: number;
  by_name: string | null;
  at: string;
  update_id: number | null;
}

/** A record being put together with /record, one per Office member (see 0017_route_drafts). */
export interface RouteDraftTable {
  office_id: number;
  round_year: number;
  form_id: string;
  from_status: string;
  to_status: string;
  nomination_ids: string;
  unticked: string;
  number: string | null;
  date: string | null;
  reason: string | null;
  updated_at: string;
}

export interface DossierTable {
  round_year: number;
  unit_id: number;
  status: "open" | "submitted" | "returned";
  submitted_at: string | null;
  submitted_by: number | null;
  late: Generated<number>;
  returned_at: string | null;
  returned_by: number | null;
  return_reason: string | null;
  /** The update that returned it as a whole (see dossier_submissions.update_id). */
  returned_update_id: number | null;
  updated_at: string;
}

/** Every file ever uploaded for a dossier document: an upload adds a version, none is overwritten. */
export interface DossierFileVersionTable {
  id: Generated<number>;
  round_year: number;
  unit_id: number;
  document_id: string;
  /** "" for the unit's own document, else "n:<nomination id>" for a nomination's report (see `reportKey`). */
  document_key: string;
  /** 1 for the first upload of this document, then 2, 3…; the highest is the current file. */
  version: number;
  file_id: string;
  file_unique_id: string;
  file_name: string | null;
  mime_type: string | null;
  file_size: number | null;
  /** A Telegram id, or 0 once that person erased their data (their name stays). */
  uploaded_by: number;
  uploaded_by_name: string | null;
  uploaded_at: string;
  update_id: number | null;
}

/** Someone who erased their data: records that stay point here (as -id) instead of to their Telegram id. */
export interface FormerPersonTable {
  id: Generated<number>;
  full_name: string;
  unit_id: number;
  left_at: string;
}

/** Each sending of a dossier, with what it held (JSON, see `DossierSnapshot`), to say what the next one changed. */
export interface DossierSubmissionTable {
  id: Generated<number>;
  round_year: number;
  unit_id: number;
  /** 1 for the first sending, 2 for the first resubmission, … */
  number: number;
  submitted_at: string;
  submitted_by: number;
  by_name: string | null;
  late: number;
  snapshot: string;
  update_id: number | null;
}

/** An award decision an Office member is typing in, kept until they confirm or drop it. */
export interface AwardDraftTable {
  nomination_id: number;
  office_id: number;
  decision_number: string | null;
  decision_date: string | null;
  decision_issuer: string | null;
  updated_at: string;
}

/** A self-assessment being answered in a private chat: its subject and the question asked last. */
export interface AssessmentSessionTable {
  chat_id: number;
  subject: "individual" | "unit";
  /**
   * The step key of the question (or "summary") the bot asked last, then "@" and the first message that showed
   * it (read through db/assessment-sessions.ts).
   */
  asked_step: string;
  message_id: number | null;
  updated_at: string;
}

/** What the Báo cáo thành tích needs and the bot asks in chat (see migration 0018); null: never answered. */
export interface ProfileDetailsTable {
  telegram_id: number;
  /** YYYY-MM-DD. */
  date_of_birth: string | null;
  gender: "male" | "female" | null;
  hometown: string | null;
  qualification: string | null;
  duties: string | null;
  /** JSON array of {year, form, decision}; "[]" when none were received. */
  awards: string | null;
  updated_by: number;
  updated_at: string;
}

export interface Database {
  units: UnitTable;
  users: UserTable;
  preferences: PreferenceTable;
  invites: InviteTable;
  registration_drafts: RegistrationDraftTable;
  office_profiles: OfficeProfileTable;
  move_requests: MoveRequestTable;
  rounds: RoundTable;
  conversation_state: ConversationStateTable;
  processed_updates: ProcessedUpdateTable;
  assessments: AssessmentTable;
  assessment_items: AssessmentItemTable;
  assessment_files: AssessmentFileTable;
  assessment_changes: AssessmentChangeTable;
  round_extensions: RoundExtensionTable;
  reminder_outbox: ReminderOutboxTable;
  reminder_slots: ReminderSlotTable;
  reminder_messages: ReminderMessageTable;
  database_lease: DatabaseLeaseTable;
  fan_out_reports: FanOutReportTable;
  unreachable_chats: UnreachableChatTable;
  nominations: NominationTable;
  nomination_history: NominationHistoryTable;
  dossiers: DossierTable;
  dossier_file_versions: DossierFileVersionTable;
  former_people: FormerPersonTable;
  dossier_submissions: DossierSubmissionTable;
  award_drafts: AwardDraftTable;
  assessment_sessions: AssessmentSessionTable;
  council_members: CouncilMemberTable;
  council_meetings: CouncilMeetingTable;
  council_agenda: CouncilAgendaTable;
  council_votes: CouncilVoteTable;
  council_ballots: CouncilBallotTable;
  council_tie_breaks: CouncilTieBreakTable;
  route_records: RouteRecordTable;
  route_drafts: RouteDraftTable;
  profile_details: ProfileDetailsTable;
}

export type CouncilMember = Selectable<CouncilMemberTable>;
export type CouncilMeeting = Selectable<CouncilMeetingTable>;
export type RouteRecord = Selectable<RouteRecordTable>;
export type RouteDraft = Selectable<RouteDraftTable>;
export type ProfileDetailsRow = Selectable<ProfileDetailsTable>;

export type Unit = Selectable<UnitTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Invite = Selectable<InviteTable>;
export type RegistrationDraft = Selectable<RegistrationDraftTable>;
export type OfficeProfile = Selectable<OfficeProfileTable>;
export type MoveRequest = Selectable<MoveRequestTable>;
export type Round = Selectable<RoundTable>;
export type Assessment = Selectable<AssessmentTable>;
export type AssessmentFile = Selectable<AssessmentFileTable>;
export type AssessmentChange = Selectable<AssessmentChangeTable>;
export type Reminder = Selectable<ReminderOutboxTable>;
export type NewReminder = Insertable<ReminderOutboxTable>;
export type Nomination = Selectable<NominationTable>;
export type NominationHistory = Selectable<NominationHistoryTable>;
export type Dossier = Selectable<DossierTable>;
export type DossierFile = Selectable<DossierFileVersionTable>;
export type DossierSubmission = Selectable<DossierSubmissionTable>;
export type AwardDraft = Selectable<AwardDraftTable>;
export type AssessmentSession = Selectable<AssessmentSessionTable>;
