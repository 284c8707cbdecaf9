/** A routine's deadline rules (`details.deadlines`): one row per rule, a name and a value (a number or a text). */
export function DeadlineRules({ details, onChange }: { details: string; onChange: (details: string) => void }) {
  let parsed: Record<string, unknown>;
  try {
    parsed = details.trim() ? (JSON.parse(details) as Record<string, unknown>) : {};
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
  } catch {
    return (
      <fieldset class="deadline-rules">
        <legend>Fristregler</legend>
        <p class="field-error">Rätta de strukturerade uppgifterna (JSON) nedan för att kunna ändra fristreglerna här.</p>
      </fieldset>
    );
  }
  const deadlines = (parsed.deadlines && typeof parsed.deadlines === 'object' ? parsed.deadlines : {}) as Record<string, unknown>;
  // Nested values (e.g. the lagrum of each deadline) are kept as they are and edited in the JSON.
  const rows = Object.entries(deadlines).filter(([, value]) => typeof value !== 'object' || value === null);
  const write = (next: [string, unknown][]) => {
    const kept = Object.entries(deadlines).filter(([, value]) => typeof value === 'object' && value !== null);
    const nextDeadlines = Object.fromEntries([...next.filter(([key]) => key.trim() !== ''), ...kept]);
    onChange(JSON.stringify({ ...parsed, deadlines: nextDeadlines }, null, 2));
  };
  const valueOf = (text: string): unknown => (/^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text);
  return (
    <fieldset class="deadline-rules">
      <legend>Fristregler</legend>
      <p class="hint">Rutinens tidsgränser som data, t.ex. regeln initialAssessmentDays med värdet 14.</p>
      {rows.map(([key, value], index) => (
        <div class="rule-row" key={index}>
          <label for={`frist-namn-${index}`}>Regel {index + 1}</label>
          <input
            id={`frist-namn-${index}`}
            value={key}
            onChange={(event) => write(rows.map((row, i) => (i === index ? [event.currentTarget.value, row[1]] : row)))}
          />
          <label for={`frist-varde-${index}`}>Värde {index + 1}</label>
          <input
            id={`frist-varde-${index}`}
            value={value === null || value === undefined ? '' : String(value as string | number | boolean)}
            onChange={(event) => write(rows.map((row, i) => (i === index ? [row[0], valueOf(event.currentTarget.value)] : row)))}
          />
          <button type="button" onClick={() => write(rows.filter((_, i) => i !== index))}>
            Ta bort regel {index + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => write([...rows, [`frist${rows.length + 1}Dagar`, 14]])}>
        Lägg till frist
      </button>
    </fieldset>
  );
}
