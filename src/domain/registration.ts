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
