import type { CouncilRole } from "../../db/schema.js";
import { councilStep, type FormRoute, type NominationStatus } from "./routes.js";

/**
 * The words after /council that belong to the Council's meetings (another feature's): `/council` passes them on
 * and never answers them itself.
 */
export const MEETING_WORDS: readonly string[] = [
  "meet",
  "vote",
  "close",
  "count",
  "minutes",
  "tie",
  "result",
];

/** What the Office does to the Council's membership: make a member, name the chair or the secretary, remove. */
export type MembershipAction = "add" | "chair" | "secretary" | "remove";

const ACTIONS: Record<string, MembershipAction> = {
  add: "add",
  chair: "chair",
  secretary: "secretary",
  remove: "remove",
};

export type CouncilCommand =
  | { kind: "list" }
  | { kind: "agenda" }
  | { kind: "meeting" }
  | { kind: "membership"; action: MembershipAction; person: string }
  | { kind: "usage" };

/** What `/council …` asks for, from the text after the command. */
export function parseCouncilCommand(text: string): CouncilCommand {
  const [first = "", ...rest] = text.trim().split(/\s+/);
  const word = first.toLowerCase();
  if (word === "") return { kind: "list" };
  if (MEETING_WORDS.includes(word)) return { kind: "meeting" };
  if (word === "agenda" && rest.length === 0) return { kind: "agenda" };
  const action = ACTIONS[word];
  const person = rest.join(" ");
  if (!action || person === "") return { kind: "usage" };
  return { kind: "membership", action, person };
}

/** The role each membership action gives; undefined for a removal. */
export function roleOf(action: MembershipAction): CouncilRole | undefined {
  return action === "remove" ? undefined : action === "add" ? "member" : action;
}

/** How the Office names a person: a Telegram id, an @username, or (words of) their name. */
export type PersonRef =
  | { kind: "id"; telegramId: number }
  | { kind: "username" }
  | { kind: "name"; query: string };

export function parsePersonRef(text: string): PersonRef {
  const wanted = text.trim();
  if (/^\d{1,15}$/.test(wanted)) return { kind: "id", telegramId: Number(wanted) };
  if (wanted.startsWith("@")) return { kind: "username" };
  return { kind: "name", query: wanted };
}

/**
 * Whether a nomination is before the Council, as far as its members may see it: at the step whose nominations
 * make the Council's agenda, or decided by the Council already (passed on, or not passed, or refused later
 * by the level above). A route without a Council shows its members nothing.
 */
export function isBeforeCouncil(route: FormRoute, status: NominationStatus): boolean {
  const step = councilStep(route);
  if (!step) return false;
  if (status === "not_passed" || status === "declined") return true;
  const at = route.steps.findIndex((s) => s.id === status);
  const agendaAt = route.steps.findIndex((s) => s.id === step.agenda.id);
  return at !== -1 && at >= agendaAt;
}
