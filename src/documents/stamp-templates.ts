/**
 * `npm run build`'s last step: checks the bundled campaign's templates, as the bot would at start-up, and
 * writes their fingerprints beside them in dist/, so that the compiled bot need not parse them again. A
 * template that fails the check fails the build.
 */
import { loadCampaign } from "../campaign/load.js";
import { CHECKED_TEMPLATES_FILE, writeTemplateStamp } from "./templates.js";

const count = writeTemplateStamp(loadCampaign());
console.log(`${count} bundled templates checked: ${CHECKED_TEMPLATES_FILE}`);
