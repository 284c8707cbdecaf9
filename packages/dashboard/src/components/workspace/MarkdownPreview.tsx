import { Markdown } from '../Markdown';

/** The editor's live preview: the body rendered and sanitised exactly as readers will see it. */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  return markdown.trim() ? <Markdown source={markdown} headingOffset={1} /> : <p class="empty">Texten är tom.</p>;
}
