import { describe, expect, it } from "vitest";
import { commandsFor, effectiveRole, hasPersonalMenu, isOfficeCommand } from "../../../src/domain/roles.js";

const EVERYONE = ["start", "help", "me", "lang", "cancel"];

describe("effectiveRole", () => {
  it("makes an unregistered person a guest", () => {
    expect(effectiveRole(undefined, false)).toBe("guest");
  });

  it("keeps the registered role of a non-admin", () => {
    expect(effectiveRole("employee", false)).toBe("employee");
    expect(effectiveRole("unit_head", false)).toBe("unit_head");
    expect(effectiveRole("office", false)).toBe("office");
  });

  it("makes a configured admin Office, registered or not", () => {
    expect(effectiveRole(undefined, true)).toBe("office");
    expect(effectiveRole("employee", true)).toBe("office");
    expect(effectiveRole("unit_head", true)).toBe("office");
  });
});

describe("commandsFor", () => {
  it("gives the Office the round's views and controls first, then the member and common commands", () => {
    expect(commandsFor("office")).toEqual([
      "status",
      "nominate",
      "dossier",
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
      "council",
      "assess",
      "myresult",
      "nominations",
      ...EVERYONE,
    ]);
  });

  it("gives a guest only the common commands", () => {
    expect(commandsFor("guest")).toEqual(EVERYONE);
  });

  it("gives an employee the self-assessment commands and the common ones", () => {
    expect(commandsFor("employee")).toEqual(["assess", "myresult", "nominations", ...EVERYONE]);
  });

  it("gives a unit head /unit, /nominate, /dossier and /status as well", () => {
    expect(commandsFor("unit_head")).toEqual([
      "assess",
      "myresult",
      "nominations",
      "unit",
      "nominate",
      "dossier",
      "status",
      ...EVERYONE,
    ]);
  });

  it("adds /council for a Council member, before the common commands, whatever their unit role", () => {
    expect(commandsFor("employee", true)).toEqual([
      "assess",
      "myresult",
      "nominations",
      "council",
      ...EVERYONE,
    ]);
    expect(commandsFor("unit_head", true)).toEqual([
      "assess",
      "myresult",
      "nominations",
      "unit",
      "nominate",
      "dossier",
      "status",
      "council",
      ...EVERYONE,
    ]);
    expect(commandsFor("guest", true)).toEqual(["council", ...EVERYONE]);
    // The Office has it once, member or not.
    expect(commandsFor("office", true)).toEqual(commandsFor("office"));
  });

  it("returns a fresh list each time", () => {
    const first = commandsFor("guest");
    first.push("units");
    expect(commandsFor("guest")).toEqual(EVERYONE);
  });
});

describe("hasPersonalMenu", () => {
  it.each([
    ["office", true],
    ["unit_head", true],
    ["employee", false],
    ["guest", false],
  ] as const)("is %s → %s", (role, expected) => {
    expect(hasPersonalMenu(role)).toBe(expected);
  });

  it.each(["employee", "guest", "unit_head", "office"] as const)(
    "is true for a Council member who is %s",
    (role) => {
      expect(hasPersonalMenu(role, true)).toBe(true);
    },
  );
});

describe("isOfficeCommand", () => {
  it.each(["units", "invite", "round"])("is true for %s", (command) => {
    expect(isOfficeCommand(command)).toBe(true);
  });

  it.each([...EVERYONE, "unknown", ""])("is false for %j", (command) => {
    expect(isOfficeCommand(command)).toBe(false);
  });

  it("agrees with commandsFor", () => {
    const others = [...commandsFor("employee", true), ...commandsFor("unit_head", true)];
    const officeOnly = commandsFor("office").filter((command) => !others.includes(command));
    expect(officeOnly.every(isOfficeCommand)).toBe(true);
    expect(commandsFor("employee").some(isOfficeCommand)).toBe(false);
  });
});
