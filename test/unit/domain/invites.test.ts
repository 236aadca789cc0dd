import { describe, expect, it } from "vitest";
import {
  INVITE_POLICY,
  type InviteFacts,
  inviteExpiry,
  inviteProblem,
  isWellFormedInviteToken,
} from "../../../src/domain/invites.js";

const NOW = new Date("2026-06-01T03:00:00.000Z");
const DAY = 86_400_000;

const valid = (overrides: Partial<InviteFacts> = {}): InviteFacts => ({
  expiresAt: new Date(NOW.getTime() + DAY),
  revokedAt: null,
  singleUse: false,
  usedCount: 0,
  unitArchived: false,
  ...overrides,
});

const EXPIRED = { expiresAt: new Date(NOW.getTime() - DAY) };
const REVOKED = { revokedAt: new Date(NOW.getTime() - 1000) };
const USED = { singleUse: true, usedCount: 1 };
const ARCHIVED = { unitArchived: true };

describe("inviteProblem", () => {
  it("finds nothing wrong with a live invite", () => {
    expect(inviteProblem(valid(), NOW)).toBeNull();
  });

  it("calls a missing invite unknown", () => {
    expect(inviteProblem(undefined, NOW)).toBe("unknown");
  });

  it("reports each problem on its own", () => {
    expect(inviteProblem(valid(EXPIRED), NOW)).toBe("expired");
    expect(inviteProblem(valid(REVOKED), NOW)).toBe("revoked");
    expect(inviteProblem(valid(USED), NOW)).toBe("used");
    expect(inviteProblem(valid(ARCHIVED), NOW)).toBe("unit_archived");
  });

  it("ranks revoked > unit_archived > used > expired", () => {
    expect(inviteProblem(valid({ ...REVOKED, ...EXPIRED }), NOW)).toBe("revoked");
    expect(inviteProblem(valid({ ...REVOKED, ...ARCHIVED, ...USED, ...EXPIRED }), NOW)).toBe("revoked");
    expect(inviteProblem(valid({ ...ARCHIVED, ...USED, ...EXPIRED }), NOW)).toBe("unit_archived");
    expect(inviteProblem(valid({ ...USED, ...EXPIRED }), NOW)).toBe("used");
  });

  it("lets a multi-use invite be used many times", () => {
    expect(inviteProblem(valid({ singleUse: false, usedCount: 25 }), NOW)).toBeNull();
  });

  it("lets an unused single-use invite through", () => {
    expect(inviteProblem(valid({ singleUse: true, usedCount: 0 }), NOW)).toBeNull();
  });

  it("counts an invite as expired from the very instant expiresAt", () => {
    const expiresAt = new Date(NOW.getTime());
    expect(inviteProblem(valid({ expiresAt }), NOW)).toBe("expired");
    expect(inviteProblem(valid({ expiresAt }), new Date(NOW.getTime() - 1))).toBeNull();
  });
});

describe("isWellFormedInviteToken", () => {
  it.each(["abcdefghijklmnop", "A1_b2-C3d4E5f6G7h8", "x".repeat(64)])("accepts %s", (token) => {
    expect(isWellFormedInviteToken(token)).toBe(true);
  });

  it.each([
    "",
    "abcdefghijklmno",
    "x".repeat(65),
    "abcdefghijklmnop+",
    "abcdefgh ijklmnop",
    "abcdefghijklmnopđ",
    "abc=defghijklmnop",
  ])("refuses %j", (token) => {
    expect(isWellFormedInviteToken(token)).toBe(false);
  });
});

describe("INVITE_POLICY and inviteExpiry", () => {
  it("makes employee links reusable for 30 days, head and Office links single-use for 7", () => {
    expect(INVITE_POLICY).toEqual({
      employee: { validDays: 30, singleUse: false },
      unit_head: { validDays: 7, singleUse: true },
      office: { validDays: 7, singleUse: true },
    });
  });

  it("sets the expiry that many days after now", () => {
    expect(inviteExpiry("employee", NOW).toISOString()).toBe("2026-07-01T03:00:00.000Z");
    expect(inviteExpiry("unit_head", NOW).toISOString()).toBe("2026-06-08T03:00:00.000Z");
    expect(inviteExpiry("office", NOW).toISOString()).toBe("2026-06-08T03:00:00.000Z");
  });

  it("keeps an employee link working until the round's deadline when that is later than 30 days", () => {
    // Made on 01/12, a 30-day link died on 31/12, before people had to be done by 05/01.
    const made = new Date("2026-12-01T03:00:00Z");
    const deadline = new Date("2027-01-04T17:00:00Z");
    expect(inviteExpiry("employee", made, deadline)).toEqual(deadline);
    // The deadline sooner than 30 days: the 30 days stand.
    expect(inviteExpiry("employee", NOW, new Date("2026-06-10T00:00:00Z")).toISOString()).toBe(
      "2026-07-01T03:00:00.000Z",
    );
    // Head and Office links keep their week whatever the deadline.
    expect(inviteExpiry("unit_head", made, deadline).toISOString()).toBe("2026-12-08T03:00:00.000Z");
    expect(inviteExpiry("office", made, deadline).toISOString()).toBe("2026-12-08T03:00:00.000Z");
  });

  it("gives an invite that is live just before its expiry and dead at it", () => {
    const expiresAt = inviteExpiry("unit_head", NOW);
    const facts = valid({ expiresAt, singleUse: INVITE_POLICY.unit_head.singleUse });
    expect(inviteProblem(facts, new Date(expiresAt.getTime() - 1))).toBeNull();
    expect(inviteProblem(facts, expiresAt)).toBe("expired");
  });
});
