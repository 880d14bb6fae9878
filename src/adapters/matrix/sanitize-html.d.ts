// Minimal typing for the part of sanitize-html we use (its @types package is not installed).
declare module 'sanitize-html' {
  export interface Attributes {
    [name: string]: string;
  }
  export interface Frame {
    tag: string;
    attribs: Attributes;
    text: string;
  }
  export interface Options {
    allowedTags?: string[] | false;
    allowedAttributes?: Record<string, (string | { name: string; values: string[] })[]> | false;
    allowedSchemes?: string[];
    allowedSchemesByTag?: Record<string, string[]>;
    allowedClasses?: Record<string, (string | RegExp)[]>;
    allowProtocolRelative?: boolean;
    disallowedTagsMode?: 'discard' | 'escape' | 'recursiveEscape';
    nonTextTags?: string[];
    transformTags?: Record<string, (tagName: string, attribs: Attributes) => { tagName: string; attribs: Attributes; text?: string }>;
    exclusiveFilter?: (frame: Frame) => boolean;
  }
  function sanitizeHtml(dirty: string, options?: Options): string;
  export default sanitizeHtml;
}
