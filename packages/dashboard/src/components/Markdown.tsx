import { useMemo } from 'preact/hooks';
import './markdown.css';
import { renderMarkdown } from '../model/markdown';

export interface MarkdownProps {
  /** The Markdown text, as the author wrote it (it may hold raw HTML; nothing in it runs). */
  source: string;
  /** Added to heading levels so the body's `#` sits under the page's heading; 1 by default (`#` becomes `<h2>`). */
  headingOffset?: number;
  class?: string;
  /** Names the region for assistive technology, e.g. "Förhandsgranskning". */
  label?: string;
}

/**
 * A document body rendered from Markdown and sanitised (see model/markdown.ts): the one way a body becomes HTML,
 * in the reading view, the editor's preview and anywhere else.
 */
export function Markdown({ source, headingOffset = 1, class: className, label }: MarkdownProps) {
  const html = useMemo(() => renderMarkdown(source, { headingOffset }), [source, headingOffset]);
  return (
    <div
      class={`markdown${className ? ` ${className}` : ''}`}
      aria-label={label}
      role={label ? 'region' : undefined}
      // Sanitised by DOMPurify in renderMarkdown.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
