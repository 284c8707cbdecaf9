import { legalBasisOf } from '../../model/workspace';
import { checkLegalBasis } from './legal-basis-check';

/** Lagrum, one provision a line; each is checked against the law texts Samsyn knows while the leader types. */
export function LegalBasisField({ value, onInput }: { value: string; onInput: (value: string) => void }) {
  const checked = legalBasisOf(value).map(checkLegalBasis);
  const unknown = checked.filter((entry) => entry.known === false);
  return (
    <div class="field">
      <label for="falt-lagrum">Lagrum</label>
      <textarea
        id="falt-lagrum"
        rows={3}
        value={value}
        aria-describedby="lagrum-hint lagrum-check"
        aria-invalid={unknown.length > 0 ? 'true' : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <p id="lagrum-hint" class="hint">
        En bestämmelse per rad, t.ex. SoL 20 kap. 2 §.
      </p>
      <div id="lagrum-check" aria-live="polite">
        {checked.length > 0 && (
          <ul class="legal-check">
            {checked.map((entry) => (
              <li key={entry.entry} class={entry.known === false ? 'field-error' : undefined}>
                {entry.href ? <a href={entry.href}>{entry.entry}</a> : entry.entry}
                {entry.message && <> – {entry.message}</>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
