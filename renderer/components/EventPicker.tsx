import { useId, useMemo, useState } from 'react';
import { eventGroups, type HookEvent } from '../../shared/events';
import { fieldNote } from './fieldNote';

type Props = {
  selected: readonly string[];
  onChange(events: HookEvent[]): void;
  error?: string;
};

/** Events grouped as Logto Console groups them, with a search and select-all per group. */
export function EventPicker({ selected, onChange, error }: Props) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const chosen = new Set(selected);
  const needle = query.trim().toLowerCase();

  const groups = useMemo(
    () =>
      eventGroups
        .map((group) => ({
          ...group,
          events: group.events.filter(
            (event) =>
              needle === '' ||
              event.name.toLowerCase().includes(needle) ||
              event.description.toLowerCase().includes(needle) ||
              group.label.toLowerCase().includes(needle),
          ),
        }))
        .filter((group) => group.events.length > 0),
    [needle],
  );

  const toggle = (names: HookEvent[], on: boolean) => {
    const next = new Set(chosen);
    for (const name of names) {
      if (on) next.add(name);
      else next.delete(name);
    }
    onChange(eventGroups.flatMap((group) => group.events.map((event) => event.name)).filter((name) => next.has(name)));
  };

  const note = fieldNote(`${searchId}-error`, error);
  return (
    <fieldset className={`event-picker${error ? ' has-error' : ''}`} aria-describedby={note.input['aria-describedby']}>
      <legend>
        Events <span className="hint">{chosen.size} selected</span>
      </legend>
      <input
        id={searchId}
        type="search"
        className="event-search"
        placeholder="Filter events, e.g. Organization or SignIn"
        aria-label="Filter events"
        {...note.input}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {note.note}
      <div className="event-groups">
        {groups.length === 0 && <p className="muted">No event matches “{query}”.</p>}
        {groups.map((group) => {
          const names = group.events.map((event) => event.name) as HookEvent[];
          const all = names.every((name) => chosen.has(name));
          const some = names.some((name) => chosen.has(name));
          return (
            <div className="event-group" key={group.label}>
              <label className="event-group-head">
                <input
                  type="checkbox"
                  checked={all}
                  ref={(box) => {
                    if (box) box.indeterminate = some && !all;
                  }}
                  onChange={() => toggle(names, !all)}
                  aria-label={`Select all ${group.label} events`}
                />
                <span>{group.label}</span>
              </label>
              {group.events.map((event) => (
                <label className="event-option" key={event.name} title={event.description}>
                  <input
                    type="checkbox"
                    checked={chosen.has(event.name)}
                    onChange={(change) => toggle([event.name], change.target.checked)}
                  />
                  <code>{event.name}</code>
                  <span className="muted">{event.description}</span>
                </label>
              ))}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
