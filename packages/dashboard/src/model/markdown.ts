import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

/**
 * Markdown to safe HTML, for every place a document's body is shown (reading view, editor preview, diff).
 * `marked` turns the Markdown (GitHub flavour) into HTML, which may hold anything the author typed, raw HTML
 * included; DOMPurify then keeps only inert markup: no scripts, no event handlers, no `javascript:` or other
 * unsafe URLs, no forms, no styles, no images. What it keeps loads nothing from anywhere: a Markdown image becomes a
 * link to it (documents are text; a picture from another host would tell it who reads what).
 */

export interface MarkdownOptions {
  /**
   * Added to every heading's level, so a body's `#` sits under the page's own `<h1>` (1 makes `#` an `<h2>`).
   * Levels stop at 6.
   */
  headingOffset?: number;
}

function parser(headingOffset: number): Marked {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Heading['tokens']): string } }, { tokens, depth }: Tokens.Heading): string {
        const level = Math.min(6, depth + headingOffset);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      image({ href, text }: Tokens.Image): string {
        return `<a href="${escapeAttribute(href)}">Bild: ${escapeText(text || href)}</a>`;
      },
    },
  });
  return marked;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

const parsers = new Map<number, Marked>();

/** Whether a URL stays on the page's own host (relative, or the same origin). */
function sameOrigin(url: string): boolean {
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

let hooked = false;
function addHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    node.removeAttribute('target');
    const target = node.getAttribute('href');
    // Links elsewhere open as ordinary navigations and tell the other site nothing about this page.
    if (target && !sameOrigin(target)) {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
}

const PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'img',
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'video',
    'audio',
    'source',
    'picture',
    'link',
    'meta',
    'base',
  ],
  FORBID_ATTR: ['style', 'id', 'name', 'srcset', 'action', 'formaction', 'target'],
  ALLOW_DATA_ATTR: false,
  // DOMPurify's own rule (a scheme, or a relative URL) with the schemes narrowed to the web, mail and telephone.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

/** The body as sanitised HTML, ready for `dangerouslySetInnerHTML`. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const offset = Math.max(0, Math.min(5, options.headingOffset ?? 0));
  let marked = parsers.get(offset);
  if (!marked) {
    marked = parser(offset);
    parsers.set(offset, marked);
  }
  const html = marked.parse(markdown, { async: false });
  addHooks();
  return DOMPurify.sanitize(html, PURIFY_CONFIG);
}
