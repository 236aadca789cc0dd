// docxtemplater's own module that numbers every drawing's wp:docPr anew: docxtemplater-image-module-free gives
// each chart id="0", and Word takes a document whose drawings share an id for a damaged one.
declare module "docxtemplater/js/modules/fix-doc-pr-corruption.js" {
  import type { DXT } from "docxtemplater";

  const fixDocPrCorruption: DXT.Module;
  export default fixDocPrCorruption;
}
