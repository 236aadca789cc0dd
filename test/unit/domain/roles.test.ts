import { describe, expect, it } from "vitest";
import { commandsFor, effectiveRole, isOfficeCommand } from "../../../src/domain/roles.js";

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
  it("gives the Office the common commands, then units, invite and round", () => {
    expect(commandsFor("office")).toEqual([...EVERYONE, "units", "invite", "round"]);
  });

  it.each(["guest", "employee", "unit_head"] as const)("gives %s only the common commands", (role) => {
    expect(commandsFor(role)).toEqual(EVERYONE);
  });

  it("returns a fresh list each time", () => {
    const first = commandsFor("employee");
    first.push("units");
    expect(commandsFor("employee")).toEqual(EVERYONE);
  });
});

describe("isOfficeCommand", () => {
  it.each(["units", "invite", "round"])("is true for %s", (command) => {
    expect(isOfficeCommand(command)).toBe(true);
  });

  it.each([...EVERYONE, "unknown", ""])("is false for %j", (command) => {
    expect(isOfficeCommand(command)).toBe(false);
  });

  it("agrees with commandsFor", () => {
    const officeOnly = commandsFor("office").filter((command) => !commandsFor("employee").includes(command));
    expect(officeOnly.every(isOfficeCommand)).toBe(true);
    expect(commandsFor("employee").some(isOfficeCommand)).toBe(false);
  });
});
