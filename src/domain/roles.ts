import type { Role } from "../../db/schema.js";

/** A person the bot has not registered is a guest; an OFFICE_ADMIN_IDS member is Office even if unregistered. */
export type ActorRole = "guest" | Role;

export function effectiveRole(registeredRole: Role | undefined, isOfficeAdmin: boolean): ActorRole {
  if (isOfficeAdmin) return "office";
  return registeredRole ?? "guest";
}

export type CommandName =
  | "start"
  | "help"
  | "me"
  | "lang"
  | "cancel"
  | "assess"
  | "myresult"
  | "unit"
  | "units"
  | "invite"
  | "round"
  | "reopen"
  | "remind"
  | "nominate"
  | "dossier"
  | "nominations"
  | "record"
  | "status"
  | "pending"
  | "quota"
  | "export"
  | "docs"
  | "council";

const EVERYONE: readonly CommandName[] = ["start", "help", "me", "lang", "cancel"];
const MEMBERS: readonly CommandName[] = ["assess", "myresult", "nominations"];
const UNIT_HEAD_ONLY: readonly CommandName[] = ["unit", "nominate", "dossier", "status"];
/**
 * Commands the Office shares with heads: a head sees their own unit, the Office any unit; and proposes, as a
 * head does, for the units with no head above them (the Ban Giám đốc, the Văn phòng Sở).
 */
const OFFICE_ALSO: readonly CommandName[] = ["status", "nominate", "dossier"];
const OFFICE_ONLY: readonly CommandName[] = [
  "pending",
  "quota",
  "record",
  "export",
  "docs",
  "units",
  "invite",
  "round",
  "reopen",
  "remind",
];

/**
 * The commands a role may use, in the order menus show them. /council is the Office's (it names the members)
 * and each member's (the agenda), beside what their unit role gives them.
 */
export function commandsFor(role: ActorRole, councilMember = false): CommandName[] {
  switch (role) {
    case "guest":
      return councilMember ? ["council", ...EVERYONE] : [...EVERYONE];
    case "employee":
      return [...MEMBERS, ...(councilMember ? (["council"] as const) : []), ...EVERYONE];
    case "unit_head":
      return [...MEMBERS, ...UNIT_HEAD_ONLY, ...(councilMember ? (["council"] as const) : []), ...EVERYONE];
    case "office":
      return [...OFFICE_ALSO, ...OFFICE_ONLY, "council", ...MEMBERS, ...EVERYONE];
  }
}

export function isOfficeCommand(command: string): boolean {
  return (OFFICE_ONLY as readonly string[]).includes(command);
}

/** Roles whose menu differs from everyone's, so they get one of their own: a Council member's too. */
export function hasPersonalMenu(role: ActorRole, councilMember = false): boolean {
  return role === "office" || role === "unit_head" || councilMember;
}
