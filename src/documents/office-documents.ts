import type { Language } from "../../db/schema.js";
import type { Campaign } from "../campaign/schema.js";
import { hasCouncil } from "../domain/nomination-list.js";
import { localised } from "../i18n.js";
import { draftListData } from "./buttons.js";
import { MOVEMENT_REPORT_MENU } from "./movement-report.js";

/** One document the Office can draft now from /docs: its button's label (a locale key and its values) and data. */
export interface OfficeDocument {
  labelKey: string;
  vars: Record<string, string>;
  data: string;
}

type Provider = (campaign: Campaign, language: Language) => OfficeDocument[];

/** The danh sách đề nghị khen thưởng of each form that goes before the Council. */
const nominationLists: Provider = (campaign, language) =>
  campaign.awardForms.flatMap((form, index) =>
    hasCouncil(campaign, form.id)
      ? [
          {
            labelKey: "doc-list-button",
            vars: { form: localised(form.short ?? form.name, language) },
            data: draftListData(index),
          },
        ]
      : [],
  );

/** The Báo cáo sơ kết / tổng kết of the movement: one button, which opens the menu of years and the period. */
const movementReports: Provider = () => [
  { labelKey: "mr-docs-button", vars: {}, data: MOVEMENT_REPORT_MENU },
];

/** The documents /docs offers, in order; a new kind of document adds its provider here. */
const PROVIDERS: readonly Provider[] = [nominationLists, movementReports];

export function officeDocuments(campaign: Campaign, language: Language): OfficeDocument[] {
  return PROVIDERS.flatMap((provider) => provider(campaign, language));
}
