/**
 * What no stored text may hold, whoever typed it and wherever it goes (names, positions, reasons, accounts,
 * unit names...): characters that show nothing or change how the text around them shows. Control characters
 * (Unicode Cc) other than line breaks and tabs; format characters (Cf: the right-to-left override U+202E,
 * zero-width spaces and joiners, soft hyphens, byte order marks); and the letters and marks that are drawn as
 * blank (the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the braille blank U+2800, the Khmer inherent vowels,
 * the combining grapheme joiner), with which a name looks empty or a job title reads backwards.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]|\u034F|\u17B4|\u17B5/u;
const KEPT_CONTROLS = /[\n\r\t]/g;
/** A zero-width joiner between two emoji (a skin tone or emoji style after the first) draws one emoji: kept. */
const EMOJI_JOINER =
  /(?<=\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)\u200D(?=\p{Extended_Pictographic})/gu;

/** The first hidden character of `text` ("U+202E"), or undefined when there is none. */
export function hiddenCharacter(text: string): string | undefined {
  const found = HIDDEN.exec(text.replace(KEPT_CONTROLS, " ").replace(EMOJI_JOINER, ""));
  const codePoint = found?.[0].codePointAt(0);
  return codePoint === undefined ? undefined : `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Whether `text` may be stored: it holds no hidden character. */
export function isStorableText(text: string): boolean {
  return hiddenCharacter(text) === undefined;
}

/**
 * A word of a person's name: letters (any script, each with its marks), which may be joined inside the word by
 * a hyphen or an apostrophe ("H'Hen", "Nguyễn-Lê"), but neither begin nor end with one.
 */
const NAME_WORD = /^\p{L}\p{M}*(?:['’-]?\p{L}\p{M}*)*$/u;

export function isNameWord(word: string): boolean {
  return NAME_WORD.test(word);
}
