// The part of fontkit 2's API this plugin uses (fontkit ships no type declarations).
declare module 'fontkit' {
  /** A parsed font. */
  export interface Font {
    readonly postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  /** Parses a font file's bytes. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
