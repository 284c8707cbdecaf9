/** Placeholder until the shared Markdown component lands: the text as text. */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  return <pre class="markdown-source">{markdown}</pre>;
}
