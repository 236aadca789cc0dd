import type { Role } from "../../db/schema.js";

/** A person the bot has not registered is a guest; an OFFICE_ADMIN_IDS member is Office even if unregistered. */
export type ActorRole = "guest" | Role;

export function effectiveRole(registeredRole: Role | undefined, isOfficeAdmin: boolean): ActorRole {
  if (isOfficeAdmin) return "office";
  return registeredRole ?? "guest";
}

export type CommandName = "start" | "help" | "me" | "lang" | "cancel" | "units" | "invite" | "round";

const EVERYONE: readonly CommandName[] = ["start", "help", "me", "lang", "cancel"];
const OFFICE_ONLY: readonly CommandName[] = ["units", "invite", "round"];

/** The commands a role may use, in the order menus show them. */
export function commandsFor(role: ActorRole): CommandName[] {
  return role === "office" ? [...EVERYONE, ...OFFICE_ONLY] : [...EVERYONE];
}

export function isOfficeCommand(command: string): boolean {
  return (OFFICE_ONLY as readonly string[]).includes(command);
}
