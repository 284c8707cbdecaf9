import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { transferOwnership } from '../../api/workspace';
import type { ShownArea } from '../../model/areas';

/** Byt ägare: hands the document to another process leader of the area (the directory's leaders). */
export function OwnerTransfer({
  area,
  documentId,
  leaders,
  owner,
  onChanged,
}: {
  area: ShownArea;
  documentId: string;
  leaders: { id: string; name: string }[];
  owner: string | null;
  onChanged: () => void;
}) {
  const others = leaders.filter((leader) => leader.name !== owner);
  const [to, setTo] = useState(others[0]?.id ?? '');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  if (others.length === 0) return null;
  const transfer = async (event: Event) => {
    event.preventDefault();
    const leader = others.find((item) => item.id === to);
    if (!leader) return;
    setBusy(true);
    setProblem('');
    try {
      await transferOwnership(area, documentId, leader);
      onChanged();
    } catch (error) {
      setProblem(`Ägaren kunde inte bytas: ${error instanceof ApiError ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="owner-transfer actions" onSubmit={(event) => void transfer(event)}>
      <label for="ny-agare">Ny ägare</label>
      <select id="ny-agare" value={to} onChange={(event) => setTo(event.currentTarget.value)}>
        {others.map((leader) => (
          <option key={leader.id} value={leader.id}>
            {leader.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy}>
        Byt ägare
      </button>
      {problem && (
        <span class="field-error" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
