import { diffWordsWithSpace, type Change } from 'diff';
import { useMemo } from 'preact/hooks';

/** Word-by-word changes from one text to another (jsdiff). Texts are shown as text: Preact escapes them. */
export function textChanges(before: string, after: string): Change[] {
  return diffWordsWithSpace(before, after);
}

function Added({ value }: { value: string }) {
  return (
    <ins>
      <span class="visually-hidden">[tillagt: </span>
      {value}
      <span class="visually-hidden">]</span>
    </ins>
  );
}

function Removed({ value }: { value: string }) {
  return (
    <del>
      <span class="visually-hidden">[borttaget: </span>
      {value}
      <span class="visually-hidden">]</span>
    </del>
  );
}

/**
 * The difference of two texts, added text as `<ins>` and removed as `<del>`: inline (one column, both kinds)
 * or side by side (the earlier text with its removals beside the later with its additions).
 */
export function TextDiff({
  before,
  after,
  layout,
  beforeLabel,
  afterLabel,
}: {
  before: string;
  after: string;
  layout: 'inline' | 'side-by-side';
  beforeLabel: string;
  afterLabel: string;
}) {
  const changes = useMemo(() => textChanges(before, after), [before, after]);
  if (!changes.some((change) => change.added || change.removed)) return <p class="diff-none">Ingen skillnad i texten.</p>;
  if (layout === 'inline') {
    return (
      <div class="diff diff-inline">
        {changes.map((change, index) =>
          change.added ? (
            <Added key={index} value={change.value} />
          ) : change.removed ? (
            <Removed key={index} value={change.value} />
          ) : (
            <span key={index}>{change.value}</span>
          ),
        )}
      </div>
    );
  }
  return (
    <div class="diff-columns">
      <section class="diff diff-before" aria-label={beforeLabel}>
        <h4>{beforeLabel}</h4>
        {changes
          .filter((change) => !change.added)
          .map((change, index) =>
            change.removed ? <Removed key={index} value={change.value} /> : <span key={index}>{change.value}</span>,
          )}
      </section>
      <section class="diff diff-after" aria-label={afterLabel}>
        <h4>{afterLabel}</h4>
        {changes
          .filter((change) => !change.removed)
          .map((change, index) => (change.added ? <Added key={index} value={change.value} /> : <span key={index}>{change.value}</span>))}
      </section>
    </div>
  );
}
