export type RegistrationStep = "name" | "position" | "confirm";

/** The first question the draft has no answer to; the answers live in the database, not in the flow. */
export function registrationStep(draft: {
  full_name: string | null;
  position: string | null;
}): RegistrationStep {
  if (!draft.full_name) return "name";
  if (!draft.position) return "position";
  return "confirm";
}

/**
 * The draft of an Office admin (OFFICE_ADMIN_IDS) giving their name and position: no invite, no unit. Stored in
 * place of an invite token; it can never be one (a token has no colon).
 */
export const OFFICE_PROFILE_DRAFT = "office:profile";
