// docxtemplater-image-module-free ships no types: the part of its constructor's options the report uses.
declare module "docxtemplater-image-module-free" {
  interface ImageModuleOptions {
    centered?: boolean;
    /** The image's bytes for a `{%tag}`'s value. */
    getImage(value: unknown, tagName: string): Buffer;
    /** Its size in pixels in the document: [width, height]. */
    getSize(image: Buffer, value: unknown, tagName: string): [number, number];
  }
  export default class ImageModule {
    constructor(options: ImageModuleOptions);
  }
}
