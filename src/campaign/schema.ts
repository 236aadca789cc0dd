import { z } from "zod";

const text = z.object({ vi: z.string().min(1), en: z.string().min(1).optional() });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: "must be lower-case letters, digits and -" });

/** What proof a criterion asks for. */
const evidence = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("account"), hint: text.optional() }),
  z.object({
    kind: z.literal("initiative"),
    councils: z.array(z.object({ id, name: text })).min(1),
  }),
  z.object({
    kind: z.literal("rating"),
    levels: z.array(z.object({ id, name: text, rank: z.number().int() })).min(2),
    minimumLevel: id,
    /**
     * The answer for a rating not decided yet ("Chưa có kết quả xếp loại": ratings are often decided in late
     * December): the assessment can be submitted, the criterion stays not met until the rating is given.
     */
    pending: text.optional(),
  }),
]);

/** What the answer "the rating is not known yet" is called where a level's id would be. */
export const RATING_PENDING = "pending";

const criterion = z.object({ id, code: z.string().min(1), text, evidence });

/**
 * When the bot may say a nominee "có thể xem xét đề nghị" for a form. The plan fixes no such rule (III.3 says
 * only "căn cứ kết quả trong phong trào thi đua"), so it is the Office's, per kind of nominee; where none is
 * set the bot shows only how many criteria the answers meet. Every part of a rule must be reachable by that
 * kind's questionnaire (checked below), so no rule can make a form unreachable.
 */
const considerRule = z.object({
  allCriteria: z.boolean().default(false),
  minimumCriteriaMet: z.number().int().min(1).optional(),
  /** The year's rating must be at least this level (only where that kind's criteria ask for a rating). */
  minimumRating: id.optional(),
  /** An initiative recognised by one of these councils (only where that kind's criteria ask for one). */
  initiativeCouncils: z.array(id).min(1).optional(),
});

const considerWhen = z.object({
  individual: considerRule.optional(),
  collective: considerRule.optional(),
  note: text.optional(),
});

const quota = z.object({
  collective: z.number().int().nonnegative().nullable(),
  individual: z.number().int().nonnegative().nullable(),
  source: text.optional(),
});

/**
 * The statuses every route shares, held by code: the unit's own (draft, submitted, returned, withdrawn) and the
 * ways a nomination leaves a route (the Office refuses it, the Council does not pass it, the level above declines).
 * A route step may not take one of these names.
 */
export const SYSTEM_STATUSES = [
  "draft",
  "submitted",
  "returned",
  "withdrawn",
  "rejected",
  "not_passed",
  "declined",
] as const;

/**
 * One step of an award form's route (issue: "who acts, what they produce"). `review`: the Office moves the
 * nomination on (Tiếp nhận, thẩm định; Trình Hội đồng). `council`: the Council's vote in a meeting moves it, from
 * the step before (the meeting's agenda). `proposal`: the Office records a Tờ trình (number, date, sent to) for a
 * list of nominations. `decision`: the Office records the decision (number, date, issuer) for a list, or a refusal
 * per nomination where the decision is another's.
 */
const routeStep = z
  .object({
    id: z.string().regex(/^[a-z][a-z_]{1,39}$/, { error: "must be 2-40 lower-case letters and _" }),
    kind: z.enum(["review", "council", "proposal", "decision"]),
    /** What the nomination's status reads while it stands at this step. */
    status: text,
    /** The button that moves a nomination to this step (the Office's); the Council's step has none. */
    action: text.optional(),
    /** Where a proposal goes (offered when the Office records it). */
    sentTo: text.optional(),
    /** Who issues a decision (offered when the Office records it). */
    issuer: text.optional(),
  })
  .superRefine((step, ctx) => {
    if ((SYSTEM_STATUSES as readonly string[]).includes(step.id))
      ctx.addIssue({ code: "custom", path: ["id"], message: `"${step.id}" is a status every route has` });
    if (step.kind !== "council" && !step.action)
      ctx.addIssue({
        code: "custom",
        path: ["action"],
        message: "the Office's steps need the button's words",
      });
    if (step.kind === "proposal" && !step.sentTo)
      ctx.addIssue({ code: "custom", path: ["sentTo"], message: "a proposal step says where it is sent" });
  });

/** An award form's route: its steps in order (ids of `routeSteps`), and the step from which the quota counts. */
const route = z.object({
  steps: z.array(z.string()).min(1),
  /** A nomination counts against the form's quota once it reaches this step (and while it stays on the route). */
  quotaFrom: z.string(),
});

/**
 * When the Council passes a nomination: more than (or at least) `share` of the members present (those who
 * sent a ballot) or of all members agreeing. The plan's Council: more than half of those present.
 */
const councilRule = z.object({
  passWhen: z.object({
    share: z.number().gt(0).lt(1),
    inclusive: z.boolean().default(false),
    of: z.enum(["present", "members"]).default("present"),
  }),
});

/** A .docx template: a file name in src/campaign/templates/, or an absolute path to the Office's own. */
const templateFile = z.string().regex(/\.docx$/i, { error: "must name a .docx file" });

/**
 * The drafts the bot fills (issue 13): which template each is made from, so the Office can point at its own
 * letterhead, and the place written before the date ("Ninh Bình, ngày … tháng … năm …").
 */
const documentsSection = z.object({
  place: z.string().min(1).optional(),
  /** Whom a unit's Tờ trình is addressed to ("Kính gửi: …"); the plan sends the dossier to the Office. */
  recipient: z.string().min(1).optional(),
  templates: z
    .object({
      baoCaoThanhTichCaNhan: templateFile.default("bao-cao-thanh-tich-ca-nhan.docx"),
      baoCaoThanhTichTapThe: templateFile.default("bao-cao-thanh-tich-tap-the.docx"),
      toTrinhDonVi: templateFile.default("to-trinh-don-vi.docx"),
      danhSachDeNghi: templateFile.default("danh-sach-de-nghi.docx"),
      phieuBau: templateFile.default("phieu-bau.docx"),
      bienBanHopHoiDong: templateFile.default("bien-ban-hop-hoi-dong.docx"),
      bienBanKiemPhieu: templateFile.default("bien-ban-kiem-phieu.docx"),
      quyetDinhGiayKhen: templateFile.default("quyet-dinh-giay-khen.docx"),
      toTrinhSo: templateFile.default("to-trinh-so.docx"),
      baoCaoSoKetTongKet: templateFile.default("bao-cao-so-ket-tong-ket.docx"),
    })
    .prefault({}),
});

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be HH:MM, 24-hour" });

/** When units are reminded of the dossier's deadline; all in the campaign's time zone. */
const reminderSchedule = z.object({
  /** Calendar days before the deadline's date; 1 is the last day to submit. */
  daysBefore: z.array(z.number().int().min(1).max(120)).min(1),
  sendAt: localTime,
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  workingDays: z.array(z.number().int().min(1).max(7)).min(1),
  /** Days off: "MM-DD" every year (01-01) or "YYYY-MM-DD" once (Tết, compensatory days). */
  holidays: z.array(
    z
      .string()
      .regex(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: "must be MM-DD or YYYY-MM-DD" }),
  ),
  /** After the deadline, a unit that still owes something is reminded every this many working days. */
  overdueEveryWorkingDays: z.number().int().min(1).max(30),
  /** Stop overdue reminders this many days after the deadline even if the round stays open. */
  overdueForDays: z.number().int().min(0).max(120),
  /** Days before the deadline on which employees who have not submitted get their own reminder. */
  employeeDaysBefore: z.array(z.number().int().min(1).max(120)),
  /** The Office's daily digest runs on working days from this many days before the deadline. */
  digestFromDaysBefore: z.number().int().min(0).max(120),
});

const DEFAULT_REMINDERS = {
  daysBefore: [30, 14, 7, 3, 1],
  sendAt: "08:00",
  workingDays: [1, 2, 3, 4, 5],
  holidays: ["01-01"],
  overdueEveryWorkingDays: 1,
  overdueForDays: 30,
  employeeDaysBefore: [14, 3],
  digestFromDaysBefore: 14,
};

type Issues = { addIssue(issue: { code: "custom"; path: PropertyKey[]; message: string }): void };

function checkRuleReachable(
  criteria: ReadonlyArray<z.infer<typeof criterion>>,
  rule: z.infer<typeof considerRule>,
  path: PropertyKey[],
  ctx: Issues,
): void {
  if (rule.minimumCriteriaMet !== undefined && rule.minimumCriteriaMet > criteria.length)
    ctx.addIssue({
      code: "custom",
      path: [...path, "minimumCriteriaMet"],
      message: `there are only ${criteria.length} criteria`,
    });
  const { minimumRating, initiativeCouncils } = rule;
  if (
    minimumRating !== undefined &&
    !criteria.some(
      (c) => c.evidence.kind === "rating" && c.evidence.levels.some((l) => l.id === minimumRating),
    )
  )
    ctx.addIssue({
      code: "custom",
      path: [...path, "minimumRating"],
      message: `no criterion of this kind has a rating "${minimumRating}": the rule could never hold`,
    });
  for (const council of initiativeCouncils ?? [])
    if (
      !criteria.some(
        (c) => c.evidence.kind === "initiative" && c.evidence.councils.some((k) => k.id === council),
      )
    )
      ctx.addIssue({
        code: "custom",
        path: [...path, "initiativeCouncils"],
        message: `no criterion of this kind has an initiative council "${council}": the rule could never hold`,
      });
}

/** Each route names known steps once each, ends with a decision, and puts its Council (if any) after a review step. */
function checkRoutes(
  campaign: {
    routeSteps: ReadonlyArray<z.infer<typeof routeStep>>;
    awardForms: ReadonlyArray<{ route: z.infer<typeof route> }>;
  },
  ctx: Issues,
): void {
  campaign.routeSteps.forEach((step, index) => {
    if (campaign.routeSteps.findIndex((other) => other.id === step.id) !== index)
      ctx.addIssue({
        code: "custom",
        path: ["routeSteps", index, "id"],
        message: `duplicate id "${step.id}"`,
      });
  });
  campaign.awardForms.forEach((form, formIndex) => {
    const path = ["awardForms", formIndex, "route"];
    const steps = form.route.steps.map((id) => campaign.routeSteps.find((step) => step.id === id));
    form.route.steps.forEach((id, at) => {
      if (!steps[at])
        ctx.addIssue({
          code: "custom",
          path: [...path, "steps", at],
          message: `no routeSteps entry "${id}"`,
        });
      else if (form.route.steps.indexOf(id) !== at)
        ctx.addIssue({ code: "custom", path: [...path, "steps", at], message: `"${id}" comes twice` });
    });
    if (!form.route.steps.includes(form.route.quotaFrom))
      ctx.addIssue({
        code: "custom",
        path: [...path, "quotaFrom"],
        message: `"${form.route.quotaFrom}" is not one of this route's steps`,
      });
    const last = steps.at(-1);
    if (last && last.kind !== "decision")
      ctx.addIssue({
        code: "custom",
        path: [...path, "steps"],
        message: "a route ends with a decision step",
      });
    steps.forEach((step, at) => {
      if (step?.kind === "decision" && at !== steps.length - 1)
        ctx.addIssue({
          code: "custom",
          path: [...path, "steps", at],
          message: "only the last step is a decision",
        });
      if (step?.kind === "council") {
        if (steps.findIndex((other) => other?.kind === "council") !== at)
          ctx.addIssue({
            code: "custom",
            path: [...path, "steps", at],
            message: "a route has one Council step",
          });
        if (steps[at - 1]?.kind !== "review")
          ctx.addIssue({
            code: "custom",
            path: [...path, "steps", at],
            message: "the Council's step follows a review step (its agenda)",
          });
      }
    });
  });
}

export const campaignSchema = z
  .object({
    id,
    title: text,
    organisation: z.object({
      name: text,
      /** The names it went by, each until the day (yyyy-mm-dd) it stopped: rounds due before then were theirs. */
      formerNames: z
        .array(z.object({ name: text, until: z.iso.date() }))
        .default([])
        .refine((names) => names.every((n, i) => i === 0 || (names[i - 1]?.until ?? "") < n.until), {
          error: "must be in the order they were used",
        }),
      office: text,
    }),
    basis: text,
    /** The plan's purpose (its section I.1), in a few lines. */
    purpose: text.optional(),
    period: z.object({ from: z.number().int(), to: z.number().int() }),
    timeZone: z.string().refine(
      (zone) => {
        try {
          new Intl.DateTimeFormat("en", { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      },
      { error: "is not an IANA time zone" },
    ),
    /**
     * The plan's emulation contents (II.1–II.7): its words, and a short name for a list. `figures`: what the
     * bot counts that the Báo cáo sơ kết / tổng kết reports under the content (none: "chưa có dữ liệu").
     */
    contents: z
      .array(
        z.object({
          code: z.string().min(1),
          text,
          short: text.optional(),
          figures: z.array(z.enum(["participation", "areas", "initiatives"])).default([]),
        }),
      )
      .length(7),
    reformAreas: z.array(z.object({ id, name: text })).min(1),
    criteria: z.object({
      collective: z.array(criterion).min(1),
      individual: z.array(criterion).min(1),
    }),
    awardForms: z
      .array(
        z.object({
          id,
          /**
           * What a person types to name the form after a command (`/nominations gk`): lower-case letters and
           * digits, starting with a letter, so that it is never taken for a nomination's number.
           */
          code: z.string().regex(/^[a-z][a-z0-9]{0,15}$/, {
            error: "must be 1-16 lower-case letters and digits, starting with a letter",
          }),
          name: text,
          /** A short name for lists and tables ("GK Giám đốc Sở"); the full name where there is room. */
          short: text.optional(),
          level: z.enum(["national", "province", "department"]),
          /** Who usually issues the decision: offered as the answer when the Office records an award. */
          issuer: text.optional(),
          quota,
          considerWhen: considerWhen.default({}),
          route,
        }),
      )
      .min(1),
    routeSteps: z.array(routeStep).min(1),
    council: councilRule.default({ passWhen: { share: 0.5, inclusive: false, of: "present" } }),
    dossier: z.object({
      recipient: text,
      documents: z
        .array(
          z.object({
            id,
            name: text,
            short: text.optional(),
            per: z.enum(["unit", "nominee"]),
            note: text.optional(),
          }),
        )
        .min(1),
    }),
    deadline: z.object({
      month: z.number().int().min(1).max(12),
      day: z.number().int().min(1).max(31),
      yearsAfter: z.number().int().min(0).max(1),
    }),
    reminders: reminderSchedule.default(DEFAULT_REMINDERS),
    documents: documentsSection.prefault({}),
  })
  .superRefine((campaign, ctx) => {
    if (campaign.period.to < campaign.period.from) {
      ctx.addIssue({ code: "custom", path: ["period", "to"], message: "must not be before period.from" });
    }
    // A typed code names one form only: no two forms share it, nor is it another form's id.
    campaign.awardForms.forEach((form, index) => {
      const other = campaign.awardForms.find(
        (candidate, at) => at !== index && (candidate.code === form.code || candidate.id === form.code),
      );
      if (other)
        ctx.addIssue({
          code: "custom",
          path: ["awardForms", index, "code"],
          message: `"${form.code}" also names the form "${other.id}"`,
        });
    });
    checkRoutes(campaign, ctx);
    for (const group of ["collective", "individual"] as const) {
      campaign.criteria[group].forEach((item, index) => {
        if (item.evidence.kind === "rating") {
          const { levels, minimumLevel, pending } = item.evidence;
          if (!levels.some((level) => level.id === minimumLevel)) {
            ctx.addIssue({
              code: "custom",
              path: ["criteria", group, index, "evidence", "minimumLevel"],
              message: `"${minimumLevel}" is not one of the levels`,
            });
          }
          // The pending answer's button is named "pending": no level may be.
          if (pending && levels.some((level) => level.id === RATING_PENDING)) {
            ctx.addIssue({
              code: "custom",
              path: ["criteria", group, index, "evidence", "levels"],
              message: `"${RATING_PENDING}" names the pending answer: a level cannot have that id`,
            });
          }
        }
      });
      campaign.awardForms.forEach((form, index) => {
        const rule = form.considerWhen[group];
        if (rule)
          checkRuleReachable(
            campaign.criteria[group],
            rule,
            ["awardForms", index, "considerWhen", group],
            ctx,
          );
      });
      const ids = campaign.criteria[group].map((item) => item.id);
      ids.forEach((value, index) => {
        if (ids.indexOf(value) !== index) {
          ctx.addIssue({
            code: "custom",
            path: ["criteria", group, index, "id"],
            message: `duplicate id "${value}"`,
          });
        }
      });
    }
  });

export type Campaign = z.infer<typeof campaignSchema>;
export type LocalisedText = z.infer<typeof text>;
export type Criterion = z.infer<typeof criterion>;
export type AwardForm = Campaign["awardForms"][number];
export type ConsiderRule = z.infer<typeof considerRule>;
export type ReminderSchedule = z.infer<typeof reminderSchedule>;
export type RouteStep = z.infer<typeof routeStep>;
export type Route = z.infer<typeof route>;
export type CouncilRule = z.infer<typeof councilRule>;
export type DocumentTemplates = z.infer<typeof documentsSection>["templates"];
